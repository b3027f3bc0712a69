"""The simulator's Starlette app factory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from starlette.applications import Starlette
from starlette.routing import Route

from alme_portal.adapters.carriers.tracking import connect_credentials
from alme_portal.adapters.payments.providers import alma_api_key, stripe_webhook_secret
from alme_portal.platform import clock, settings
from alme_portal.simulator import (
    alma,
    faults,
    laposte,
    mondial_relay,
    mondial_relay_connect,
    mondial_relay_labels,
    payments,
    paypal,
    stripe,
)


async def _reset(request):
    """`POST /_control/reset`: clear faults, counters and the payment providers' books."""
    request.app.state.payments = payments.PaymentBook()
    return await faults.reset(request)


def create_simulator_app(
    now: Callable[[], datetime] = clock.now,
    *,
    mondial_relay_key: str | None = None,
    controls: bool = True,
    webhook_base: str | None = None,
    webhook_delay: float = 0.2,
) -> Starlette:
    """Return a new simulator app with its own faults and counters.

    Args:
        now: the clock scenarios are dated from.
        mondial_relay_key: the private key Security hashes are checked with; defaults to the
            configured one.
        controls: serve the `/_control` routes that arm faults and count calls. Tests and the
            benchmark run their own simulator with them; the one the demo portal mounts has none,
            so no web page can make the carriers look down.
        webhook_base: where the payment providers' webhooks go (the portal's address);
            None sends none.
        webhook_delay: seconds between a provider's answer and its webhook.
    """
    routes = [
        Route("/laposte/suivi/v2/idships/{ids}", laposte.idships, methods=["GET"]),
        Route("/mondialrelay/Web_Services.asmx", mondial_relay.web_services, methods=["POST"]),
        Route("/mondialrelay/ww2/PDF/StickerMaker2.aspx", mondial_relay_labels.label),
        Route("/mondialrelay-connect/api/shipment", mondial_relay_connect.shipment,
              methods=["POST"]),
        Route("/mondialrelay-connect/qrcode", mondial_relay_connect.qr_code),
        Route("/stripe/v1/refunds", stripe.create_refund, methods=["POST"]),
        Route("/stripe/v1/refunds/{refund_id}", stripe.get_refund, methods=["GET"]),
        Route("/stripe/v1/checkout/sessions", stripe.create_session, methods=["POST"]),
        Route("/stripe/pay/{session_id}", stripe.pay_page, methods=["GET", "POST"]),
        Route("/paypal/v1/oauth2/token", paypal.token, methods=["POST"]),
        Route("/paypal/v2/payments/captures/{capture_id}/refund", paypal.refund_capture,
              methods=["POST"]),
        Route("/paypal/v2/payments/refunds/{refund_id}", paypal.get_refund, methods=["GET"]),
        Route("/paypal/v1/notifications/verify-webhook-signature", paypal.verify_signature,
              methods=["POST"]),
        Route("/alma/v1/payments/{payment_id}", alma.get_payment, methods=["GET"]),
        Route("/alma/v1/payments/{payment_id}/refund", alma.refund, methods=["POST"]),
    ]  # fmt: skip
    if controls:
        routes += [
            Route("/_control/faults", faults.arm_fault, methods=["POST"]),
            Route("/_control/reset", _reset, methods=["POST"]),
            Route("/_control/requests", faults.request_counts, methods=["GET"]),
            Route("/_control/payments", payments.register_payment, methods=["POST"]),
            Route("/_control/webhooks", payments.webhook_log, methods=["GET", "POST"]),
            Route("/_control/refunds", payments.refunds_made, methods=["GET"]),
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
    app.state.payments = payments.PaymentBook()
    app.state.webhook_base, app.state.webhook_delay = webhook_base, webhook_delay
    app.state.webhook_tasks = set()
    app.state.stripe_key = settings.carrier_setting(
        settings.STRIPE_SECRET_KEY_ENV, settings.DEFAULT_STRIPE_SECRET_KEY
    )
    app.state.stripe_webhook_secret = stripe_webhook_secret()
    app.state.paypal_credentials = ":".join(
        (
            settings.carrier_setting(
                settings.PAYPAL_CLIENT_ID_ENV, settings.DEFAULT_PAYPAL_CLIENT_ID
            ),
            settings.carrier_setting(settings.PAYPAL_SECRET_ENV, settings.DEFAULT_PAYPAL_SECRET),
        )
    )
    app.state.paypal_webhook_id = settings.carrier_setting(
        settings.PAYPAL_WEBHOOK_ID_ENV, settings.DEFAULT_PAYPAL_WEBHOOK_ID
    )
    app.state.alma_key = alma_api_key()
    return app
