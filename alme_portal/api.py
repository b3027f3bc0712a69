"""HTTP endpoints beside the Reflex app (mounted through `api_transformer`)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from alme_portal.demo.mail import MAILBOX_PATH, create_mailbox_app, mailbox_page
from alme_portal.mail.api import UNSUBSCRIBE_PATH, unsubscribe
from alme_portal.orders.api import ORDER_FEED_PATH, receive_order_feed
from alme_portal.platform import cookies, db, deployment, settings
from alme_portal.refunds import api as payments_api
from alme_portal.simulator.app import create_simulator_app

SIMULATOR_MOUNT = "/_carrier-sim"
COOKIE_PATH = "/api/cookie"
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
"""A transparent 1-pixel GIF: what the page's image request gets back."""


def collect_cookie(request: Request) -> Response:
    """`GET /api/cookie?code=`: set, HttpOnly, the cookie a handler handed off (`cookies`).

    Only the portal's own pages may ask (`Sec-Fetch-Site`), so another site cannot log a
    visitor in to an account of its choosing.
    """
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return Response(status_code=403)
    with db.session_scope(write=True) as session:
        cookie = cookies.collect(session, request.query_params.get("code"))
    response = Response(PIXEL, media_type="image/gif", headers={"Cache-Control": "no-store"})
    if cookie is not None:
        response.set_cookie(
            cookie.name,
            cookie.value,
            max_age=cookie.max_age_seconds,
            path="/",
            httponly=True,
            samesite="strict",
            secure=deployment.is_production(),
        )
    return response


def create_api(*, with_simulator: bool = True) -> Starlette:
    """Return a fresh Starlette app carrying the portal's HTTP endpoints.

    Args:
        with_simulator: also serve the carrier simulator under `/_carrier-sim`, which the
            demo's carrier settings point at (never in production, whatever is asked). The
            demo mailbox (`/_demo/mailbox`) is served outside production too.
    """
    routes = [
        Route(ORDER_FEED_PATH, receive_order_feed, methods=["POST"]),
        Route(COOKIE_PATH, collect_cookie, methods=["GET"]),
        Route(UNSUBSCRIBE_PATH, unsubscribe, methods=["GET", "POST"]),
        Route(payments_api.STRIPE_PATH, payments_api.stripe_webhook, methods=["POST"]),
        Route(payments_api.PAYPAL_PATH, payments_api.paypal_webhook, methods=["POST"]),
        Route(payments_api.ALMA_PATH, payments_api.alma_webhook, methods=["GET"]),
        Route(payments_api.PAY_ROUTE, payments_api.pay, methods=["GET"]),
    ]
    if not deployment.is_production():
        routes += [Route(MAILBOX_PATH, mailbox_page), Mount(MAILBOX_PATH, create_mailbox_app())]
    if with_simulator and not deployment.is_production():
        simulator = create_simulator_app(controls=False, webhook_base=settings.portal_url())
        routes.append(Mount(SIMULATOR_MOUNT, app=simulator))
    return Starlette(routes=routes)
