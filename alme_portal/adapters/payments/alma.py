"""Alma: refunds of 3-instalment and deferred payments, and its signed IPN.

Formats and sources: `docs/payments.md` §Alma. One `POST /v1/payments/{id}/refund` gives back
any amount up to what is left: Alma lowers or cancels the instalments not charged yet (R11) and
charges a deferred payment less (R12), and pays back what was already charged. Alma has no
idempotency header, so every refund carries the settlement's key as its `merchant_reference`
and, before a refund is sent again, the payment is read to see whether the first one landed.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from alme_portal.adapters.payments.common import (
    SUCCEEDED,
    ProviderHttp,
    ProviderUnavailable,
    RefundAnswer,
    RefundRefused,
    json_body,
    transient,
)

ALMA_API_URL = "https://api.getalma.eu"


class AlmaClient:
    """Talks to Alma's v1 API with one merchant API key."""

    def __init__(self, base_url: str, api_key: str, http: ProviderHttp | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.http = http or ProviderHttp("alma")

    def _payment(self, response) -> dict[str, Any]:
        body = json_body(response, "alma")
        if response.status_code == 200:
            return body
        errors = ",".join(
            f"{e.get('field')} {e.get('error_code')}"
            for e in body.get("errors") or []
            if isinstance(e, dict)
        )
        code = body.get("error_code") or body.get("message") or ""
        reason = f"alma HTTP {response.status_code} {code} {errors}"
        if transient(response.status_code):
            raise ProviderUnavailable(reason.strip())
        raise RefundRefused(reason.strip())

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Alma-Auth {self.api_key}"}

    def payment(self, payment_id: str) -> dict[str, Any]:
        """The payment with its plan and refunds (`GET /v1/payments/{id}`)."""
        response = self.http.send(
            "GET", f"{self.base_url}/v1/payments/{payment_id}", retry=True, headers=self._headers()
        )
        return self._payment(response)

    def find_refund(self, payment_id: str, merchant_reference: str) -> RefundAnswer | None:
        """The refund made earlier with this reference, if Alma has it."""
        return refund_with_reference(self.payment(payment_id), merchant_reference)

    def refund(
        self, payment_id: str, amount_cents: int, merchant_reference: str, comment: str
    ) -> RefundAnswer:
        """Give back `amount_cents` of a payment (`POST /v1/payments/{id}/refund`).

        Raises:
            ProviderUnavailable: try again later (after `find_refund`).
            RefundRefused: Alma refused it (validation error, unknown payment).
        """
        body = {
            "amount": amount_cents,
            "merchant_reference": merchant_reference,
            "comment": comment[:255],
        }
        response = self.http.send(
            "POST",
            f"{self.base_url}/v1/payments/{payment_id}/refund",
            retry=False,
            json=body,
            headers=self._headers(),
        )
        found = refund_with_reference(self._payment(response), merchant_reference)
        if found is None:
            raise ProviderUnavailable("alma answered a payment without this refund")
        return found


def refund_with_reference(payment: dict[str, Any], merchant_reference: str) -> RefundAnswer | None:
    """The payment's refund carrying `merchant_reference` (Alma's refunds are synchronous)."""
    for refund in payment.get("refunds") or []:
        if isinstance(refund, dict) and refund.get("merchant_reference") == merchant_reference:
            return RefundAnswer(SUCCEEDED, str(refund.get("id") or ""))
    return None


def ipn_signature(payment_id: str, api_key: str) -> str:
    """The `X-Alma-Signature` of an IPN about `payment_id`: hex HMAC-SHA256 keyed by the API key."""
    return hmac.new(api_key.encode(), payment_id.encode(), hashlib.sha256).hexdigest()


def ipn_is_genuine(payment_id: str | None, signature: str | None, api_key: str) -> bool:
    """Whether an IPN's signature is Alma's for this payment id (constant-time compare)."""
    if not payment_id or not signature:
        return False
    return hmac.compare_digest(ipn_signature(payment_id, api_key), signature.strip().lower())
