"""Stripe: card refunds (`POST /v1/refunds`), the E4 supplement's Checkout Session, webhooks.

Formats and sources: `docs/payments.md` §Stripe. Requests are form-encoded with bracketed keys,
authenticated with the secret key as a bearer token; every refund carries the settlement's
`Idempotency-Key`, so a call sent again after a time-out or a crash is answered with the first
call's result instead of refunding twice.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alme_portal.adapters.payments.common import (
    FAILED,
    PENDING,
    SUCCEEDED,
    ProviderHttp,
    ProviderUnavailable,
    RefundAnswer,
    RefundRefused,
    json_body,
    transient,
)
from alme_portal.platform import settings

STRIPE_API_URL = "https://api.stripe.com"
REFUND_STATES = {
    "succeeded": SUCCEEDED,
    "pending": PENDING,
    "requires_action": PENDING,
    "failed": FAILED,
    "canceled": FAILED,
}


@dataclass(frozen=True)
class CheckoutSession:
    """A Stripe-hosted payment page for one amount."""

    id: str
    url: str


class SignatureInvalid(Exception):
    """A webhook whose `Stripe-Signature` does not match its body, or is too old."""


class StripeClient:
    """Talks to Stripe's v1 API with one secret key."""

    def __init__(self, base_url: str, secret_key: str, http: ProviderHttp | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.secret_key = secret_key
        self.http = http or ProviderHttp("stripe")

    def _headers(self, idempotency_key: str | None = None) -> dict[str, str]:
        headers = {
            "Authorization": f"Bearer {self.secret_key}",
            "Stripe-Version": settings.STRIPE_API_VERSION,
        }
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return headers

    def _answer(self, response) -> dict[str, Any]:
        body = json_body(response, "stripe")
        if response.status_code == 200:
            return body
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        reason = f"HTTP {response.status_code} {error.get('code') or error.get('type') or ''}"
        reason = f"{reason.strip()}: {error.get('message', '')}".strip(": ")
        if transient(response.status_code):
            raise ProviderUnavailable(f"stripe {reason}")
        raise RefundRefused(f"stripe {reason}")

    def refund(
        self, payment_intent: str, amount_cents: int, idempotency_key: str, metadata: dict[str, str]
    ) -> RefundAnswer:
        """Refund part of a card payment (`POST /v1/refunds`).

        Raises:
            ProviderUnavailable: try again later with the same key.
            RefundRefused: Stripe refused it (declined card, unknown payment, over-refund).
        """
        form = {
            "payment_intent": payment_intent,
            "amount": str(amount_cents),
            "reason": "requested_by_customer",
        }
        form |= {f"metadata[{key}]": value for key, value in metadata.items()}
        response = self.http.send(
            "POST",
            f"{self.base_url}/v1/refunds",
            retry=False,
            data=form,
            headers=self._headers(idempotency_key),
        )
        return refund_answer(self._answer(response))

    def refund_status(self, refund_id: str) -> RefundAnswer:
        """Where a refund stands now (`GET /v1/refunds/{id}`)."""
        response = self.http.send(
            "GET", f"{self.base_url}/v1/refunds/{refund_id}", retry=True, headers=self._headers()
        )
        return refund_answer(self._answer(response))

    def checkout_session(
        self,
        *,
        amount_cents: int,
        name: str,
        reference: str,
        metadata: dict[str, str],
        success_url: str,
        cancel_url: str,
        idempotency_key: str,
        language: str,
    ) -> CheckoutSession:
        """A hosted payment page for `amount_cents` (`POST /v1/checkout/sessions`)."""
        form = {
            "mode": "payment",
            "line_items[0][price_data][currency]": "eur",
            "line_items[0][price_data][product_data][name]": name,
            "line_items[0][price_data][unit_amount]": str(amount_cents),
            "line_items[0][quantity]": "1",
            "success_url": success_url,
            "cancel_url": cancel_url,
            "client_reference_id": reference,
            "locale": language,
        }
        form |= {f"metadata[{key}]": value for key, value in metadata.items()}
        response = self.http.send(
            "POST",
            f"{self.base_url}/v1/checkout/sessions",
            retry=False,
            data=form,
            headers=self._headers(idempotency_key),
        )
        body = self._answer(response)
        if not body.get("id") or not body.get("url"):
            raise ProviderUnavailable("stripe answered a checkout session without id or url")
        return CheckoutSession(body["id"], body["url"])


def refund_answer(refund: dict[str, Any]) -> RefundAnswer:
    """A Stripe refund object as the portal sees it."""
    state = REFUND_STATES.get(str(refund.get("status")))
    if state is None or not refund.get("id"):
        raise ProviderUnavailable(f"stripe answered a refund with status {refund.get('status')!r}")
    detail = refund.get("failure_reason") or refund.get("pending_reason") or ""
    return RefundAnswer(state, refund["id"], detail)


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """The `Stripe-Signature` header Stripe sends with `payload` at `timestamp`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(payload: bytes, header: str | None, secret: str, now: datetime) -> None:
    """Check a webhook's `Stripe-Signature` (`t=...,v1=...`, HMAC-SHA256 of "t.body").

    Raises:
        SignatureInvalid: missing, malformed, matching no `v1`, or older than the tolerance.
    """
    parts = [item.split("=", 1) for item in (header or "").split(",") if "=" in item]
    timestamps = [value for key, value in parts if key.strip() == "t"]
    candidates = [value.strip() for key, value in parts if key.strip() == "v1"]
    if len(timestamps) != 1 or not timestamps[0].strip().isdigit() or not candidates:
        raise SignatureInvalid("no timestamp or no v1 signature")
    timestamp = int(timestamps[0])
    expected = sign(payload, secret, timestamp).split("v1=", 1)[1]
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise SignatureInvalid("no v1 signature matches")
    if timestamp < now.timestamp() - settings.WEBHOOK_TOLERANCE_SECONDS:
        raise SignatureInvalid("timestamp outside the tolerance")
