"""PayPal: capture refunds (Payments v2) and webhook verification by postback.

Formats and sources: `docs/payments.md` §PayPal. An OAuth2 client-credentials token is kept
until it expires (and asked again once on a 401); every refund carries the settlement's
`PayPal-Request-Id`, so PayPal answers a repeated call with the first one's refund.
Webhooks are checked with PayPal's own `verify-webhook-signature` call: no certificate chain to
download and validate here, at the price of one more call per event.
"""

from __future__ import annotations

import json
import threading
import time
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
from alme_portal.platform.money import format_decimal

PAYPAL_API_URL = "https://api-m.paypal.com"
REFUND_STATES = {"COMPLETED": SUCCEEDED, "PENDING": PENDING, "FAILED": FAILED, "CANCELLED": FAILED}
TRANSMISSION_HEADERS = (
    "paypal-auth-algo",
    "paypal-cert-url",
    "paypal-transmission-id",
    "paypal-transmission-sig",
    "paypal-transmission-time",
)


class PayPalClient:
    """Talks to PayPal's REST API with one app's client id and secret."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        secret: str,
        webhook_id: str,
        http: ProviderHttp | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.client_id, self.secret, self.webhook_id = client_id, secret, webhook_id
        self.http = http or ProviderHttp("paypal")
        self._token: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def _access_token(self, *, renew: bool = False) -> str:
        with self._lock:
            if self._token and not renew and time.monotonic() < self._token[1]:
                return self._token[0]
            response = self.http.send(
                "POST",
                f"{self.base_url}/v1/oauth2/token",
                retry=True,
                auth=(self.client_id, self.secret),
                data={"grant_type": "client_credentials"},
            )
            body = json_body(response, "paypal")
            if response.status_code != 200 or not body.get("access_token"):
                raise ProviderUnavailable(f"paypal token: HTTP {response.status_code}")
            lifetime = float(body.get("expires_in", 0)) - 60  # renewed a minute early
            self._token = (body["access_token"], time.monotonic() + max(lifetime, 0))
            return self._token[0]

    def _call(self, method: str, path: str, *, retry: bool, headers=None, **kwargs):
        for renew in (False, True):
            auth = {"Authorization": f"Bearer {self._access_token(renew=renew)}"}
            response = self.http.send(
                method,
                f"{self.base_url}{path}",
                retry=retry,
                headers=auth | (headers or {}),
                **kwargs,
            )
            if response.status_code != 401:
                break
        body = json_body(response, "paypal")
        if response.status_code in (200, 201):
            return body
        issues = ",".join(
            str(d.get("issue")) for d in body.get("details") or [] if isinstance(d, dict)
        )
        reason = f"paypal HTTP {response.status_code} {body.get('name', '')} {issues}".strip()
        if transient(response.status_code):
            raise ProviderUnavailable(reason)
        raise RefundRefused(reason)

    def refund(
        self, capture_id: str, amount_cents: int, request_id: str, invoice_id: str, note: str
    ) -> RefundAnswer:
        """Refund part of a capture (`POST /v2/payments/captures/{id}/refund`).

        Raises:
            ProviderUnavailable: try again later with the same request id.
            RefundRefused: PayPal refused it (an UNPROCESSABLE_ENTITY issue, unknown capture).
        """
        body = {
            "amount": {"value": format_decimal(amount_cents), "currency_code": "EUR"},
            "invoice_id": invoice_id,
            "note_to_payer": note[:255],
        }
        headers = {"PayPal-Request-Id": request_id, "Prefer": "return=representation"}
        answer = self._call(
            "POST",
            f"/v2/payments/captures/{capture_id}/refund",
            retry=False,
            headers=headers,
            json=body,
        )
        return refund_answer(answer)

    def refund_status(self, refund_id: str) -> RefundAnswer:
        """Where a refund stands now (`GET /v2/payments/refunds/{id}`)."""
        return refund_answer(self._call("GET", f"/v2/payments/refunds/{refund_id}", retry=True))

    def webhook_is_genuine(self, headers: dict[str, str], event: dict[str, Any]) -> bool:
        """Ask PayPal whether a webhook delivery is its own (`verify-webhook-signature`)."""
        lowered = {key.lower(): value for key, value in headers.items()}
        if not all(lowered.get(name) for name in TRANSMISSION_HEADERS):
            return False
        body = {
            name.removeprefix("paypal-").replace("-", "_"): lowered[name]
            for name in TRANSMISSION_HEADERS
        }
        body |= {"webhook_id": self.webhook_id, "webhook_event": event}
        try:
            answer = self._call(
                "POST",
                "/v1/notifications/verify-webhook-signature",
                retry=True,
                content=json.dumps(body),
                headers={"Content-Type": "application/json"},
            )
        except (ProviderUnavailable, RefundRefused):
            return False
        return answer.get("verification_status") == "SUCCESS"


def refund_answer(refund: dict[str, Any]) -> RefundAnswer:
    """A PayPal refund object as the portal sees it."""
    state = REFUND_STATES.get(str(refund.get("status")))
    if state is None or not refund.get("id"):
        raise ProviderUnavailable(f"paypal answered a refund with status {refund.get('status')!r}")
    reason = (refund.get("status_details") or {}).get("reason", "")
    return RefundAnswer(state, str(refund["id"]), reason)
