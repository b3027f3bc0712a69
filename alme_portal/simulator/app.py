"""The simulator's Starlette app factory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from starlette.applications import Starlette
from starlette.routing import Route

from alme_portal.adapters.carriers.tracking import connect_credentials
from alme_portal.platform import clock, settings
from alme_portal.simulator import (
    faults,
    laposte,
    mondial_relay,
    mondial_relay_connect,
    mondial_relay_labels,
)


def create_simulator_app(
    now: Callable[[], datetime] = clock.now,
    *,
    mondial_relay_key: str | None = None,
    controls: bool = True,
) -> Starlette:
    """Return a new simulator app with its own faults and counters.

    Args:
        now: the clock scenarios are dated from.
        mondial_relay_key: the private key Security hashes are checked with; defaults to the
            configured one.
        controls: serve the `/_control` routes that arm faults and count calls. Tests and the
            benchmark run their own simulator with them; the one the demo portal mounts has none,
            so no web page can make the carriers look down.
    """
    routes = [
        Route("/laposte/suivi/v2/idships/{ids}", laposte.idships, methods=["GET"]),
        Route("/mondialrelay/Web_Services.asmx", mondial_relay.web_services, methods=["POST"]),
        Route("/mondialrelay/ww2/PDF/StickerMaker2.aspx", mondial_relay_labels.label),
        Route("/mondialrelay-connect/api/shipment", mondial_relay_connect.shipment,
              methods=["POST"]),
        Route("/mondialrelay-connect/qrcode", mondial_relay_connect.qr_code),
    ]  # fmt: skip
    if controls:
        routes += [
            Route("/_control/faults", faults.arm_fault, methods=["POST"]),
            Route("/_control/reset", faults.reset, methods=["POST"]),
            Route("/_control/requests", faults.request_counts, methods=["GET"]),
        ]
    app = Starlette(routes=routes)
    app.state.now = now
    app.state.faults = faults.FaultBoard()
    app.state.expeditions = mondial_relay_labels.new_counter()
    app.state.booked = {}
    app.state.mondial_relay_key = mondial_relay_key or settings.carrier_setting(
        settings.MONDIAL_RELAY_KEY_ENV, settings.DEFAULT_MONDIAL_RELAY_KEY
    )
    app.state.connect_credentials = connect_credentials()
    return app
