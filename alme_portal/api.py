"""HTTP endpoints beside the Reflex app (mounted through `api_transformer`)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Mount, Route

from alme_portal.orders.api import ORDER_FEED_PATH, receive_order_feed
from alme_portal.simulator.app import create_simulator_app

SIMULATOR_MOUNT = "/_carrier-sim"


def create_api(*, with_simulator: bool = True) -> Starlette:
    """Return a fresh Starlette app carrying the portal's HTTP endpoints.

    Args:
        with_simulator: also serve the carrier simulator under `/_carrier-sim`, which the
            carrier settings point at by default (offline demos and browser tests).
    """
    routes = [Route(ORDER_FEED_PATH, receive_order_feed, methods=["POST"])]
    if with_simulator:
        routes.append(Mount(SIMULATOR_MOUNT, app=create_simulator_app()))
    return Starlette(routes=routes)
