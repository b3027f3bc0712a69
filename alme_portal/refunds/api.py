"""The payment providers' webhooks and the E4 pay link (`docs/payments.md`).

`POST /api/webhooks/stripe` (`Stripe-Signature`), `POST /api/webhooks/paypal` (checked with
PayPal's `verify-webhook-signature`), `GET /api/webhooks/alma?pid=` (`X-Alma-Signature`). A
forged or stale delivery is refused with 400 and changes nothing; an event already handled
answers 200 and changes nothing (providers deliver again until they get a 2xx). Handlers run
in a worker thread: sync database work and provider calls.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from alme_portal.adapters.payments import paypal as paypal_api
from alme_portal.adapters.payments import stripe as stripe_api
from alme_portal.adapters.payments.alma import ipn_is_genuine, refund_with_reference
from alme_portal.adapters.payments.common import ProviderUnavailable
from alme_portal.adapters.payments.providers import (
    ALMA,
    PAYPAL,
    STRIPE,
    alma_api_key,
    shared_providers,
    stripe_webhook_secret,
)
from alme_portal.i18n import translate
from alme_portal.orders.models.orders import Payment
from alme_portal.platform import clock, db, settings
from alme_portal.platform.request_body import read_body_in_thread
from alme_portal.refunds.models.settlements import RefundSettlement, WebhookReceipt
from alme_portal.refunds.services import settlement, supplement

STRIPE_PATH, PAYPAL_PATH, ALMA_PATH = (
    "/api/webhooks/stripe",
    "/api/webhooks/paypal",
    "/api/webhooks/alma",
)
PAY_ROUTE = f"{supplement.PAY_PATH}/{{token}}"
MAX_BODY_BYTES = 256 * 1024
STRIPE_REFUND_EVENTS = (
    "refund.created",
    "refund.updated",
    "refund.failed",
    "charge.refund.updated",
)


def _refused(reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=400)


def _first_time(session: Session, provider: str, event_id: Any) -> bool:
    """Record an event id; False when it was handled before (the caller then does nothing)."""
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 80:
        return True  # nothing to dedupe on: handling is idempotent anyway
    seen = select(WebhookReceipt.id).where(
        WebhookReceipt.provider == provider, WebhookReceipt.event_id == event_id
    )
    if session.exec(seen).first() is not None:
        return False
    session.add(WebhookReceipt(provider=provider, event_id=event_id, received_at=clock.now()))
    session.flush()
    return True


def _json(body: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _handled(provider: str, event: dict[str, Any], apply) -> JSONResponse:
    try:
        with db.session_scope(write=True) as session:
            if _first_time(session, provider, event.get("id")):
                apply(session)
    except sa.exc.IntegrityError:  # the same event delivered twice at once: the other won
        pass
    return JSONResponse({"received": True})


def _apply_refund(session: Session, settlement_id: int, read, refund: dict[str, Any]) -> None:
    """Apply a refund object a webhook carries; one the portal cannot read is left to polling."""
    try:
        answer = read(refund)
    except ProviderUnavailable:
        return
    settlement.apply_answer(session, settlement_id, answer)


def stripe_webhook(request: Request) -> Response:
    """Stripe's events: refunds settled or failed, a supplement's Checkout Session paid."""
    body = read_body_in_thread(request, MAX_BODY_BYTES)
    if body is None:
        return _refused("body too large")
    try:
        stripe_api.verify_signature(
            body, request.headers.get("Stripe-Signature"), stripe_webhook_secret(), clock.now()
        )
    except stripe_api.SignatureInvalid as error:
        return _refused(f"signature: {error}")
    event = _json(body)
    obj = ((event or {}).get("data") or {}).get("object")
    if event is None or not isinstance(obj, dict):
        return _refused("not a Stripe event")

    def apply(session: Session) -> None:
        if event.get("type") in STRIPE_REFUND_EVENTS:
            key = (event.get("request") or {}).get("idempotency_key")
            found = settlement.settlement_by_provider_ref(session, STRIPE, obj.get("id"), key)
            if found is not None:
                _apply_refund(session, found.id, stripe_api.refund_answer, obj)
        elif event.get("type") == "checkout.session.completed":
            supplement.on_checkout_completed(session, obj)

    return _handled(STRIPE, event, apply)


def paypal_webhook(request: Request) -> Response:
    """PayPal's `PAYMENT.CAPTURE.REFUNDED` (and other refund events), checked with PayPal."""
    body = read_body_in_thread(request, MAX_BODY_BYTES)
    event = _json(body) if body is not None else None
    if event is None:
        return _refused("not a PayPal event")
    headers = {name: request.headers.get(name, "") for name in paypal_api.TRANSMISSION_HEADERS}
    if not shared_providers().paypal.webhook_is_genuine(headers, event):
        return _refused("signature not verified by PayPal")
    resource = event.get("resource")

    def apply(session: Session) -> None:
        if not str(event.get("event_type", "")).startswith("PAYMENT.CAPTURE.") or not isinstance(
            resource, dict
        ):
            return
        found = settlement.settlement_by_provider_ref(
            session, PAYPAL, resource.get("id"), resource.get("invoice_id")
        )
        if found is not None:
            _apply_refund(session, found.id, paypal_api.refund_answer, resource)

    return _handled(PAYPAL, event, apply)


def alma_webhook(request: Request) -> Response:
    """Alma's IPN: read the payment and settle the refunds it now holds (the IPN is a hint)."""
    pid = request.query_params.get("pid")
    if not ipn_is_genuine(pid, request.headers.get("X-Alma-Signature"), alma_api_key()):
        return _refused("bad signature")
    with db.session_scope() as session:
        waiting = session.exec(
            select(RefundSettlement.id, RefundSettlement.idempotency_key)
            .join(Payment, Payment.id == RefundSettlement.payment_id)
            .where(
                Payment.provider_reference == pid,
                RefundSettlement.provider == ALMA,
                RefundSettlement.state.in_(settlement.OPEN_STATES),
            )
        ).all()
    if not waiting:
        return JSONResponse({"received": True})
    try:
        payment = shared_providers().alma.payment(pid)
    except Exception:  # Alma down or refusing: answer 5xx so that it sends the IPN again
        return JSONResponse({"error": "could not read the payment"}, status_code=503)
    with db.session_scope(write=True) as session:
        for settlement_id, key in waiting:
            answer = refund_with_reference(payment, key)
            if answer is not None:
                settlement.apply_answer(session, settlement_id, answer)
    return JSONResponse({"received": True})


def pay(request: Request) -> Response:
    """`GET /api/pay/{token}`: the E4 supplement's payment page (a fresh Checkout Session)."""
    language = settings.supported_language(request.query_params.get("lang", "en"))
    try:
        with db.session_scope(write=True) as session:
            url = supplement.checkout(
                session, shared_providers().stripe, request.path_params["token"]
            )
    except LookupError:
        return HTMLResponse(f"<p>{translate(language, 'supplement.unknown')}</p>", 404)
    except ProviderUnavailable:
        return HTMLResponse(f"<p>{translate(language, 'supplement.unavailable')}</p>", 503)
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})
