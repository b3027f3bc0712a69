"""What every payment provider adapter answers, and the HTTP plumbing they share."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from alme_portal.adapters.carriers.http import CarrierHttp, CarrierUnavailable, RetryPolicy
from alme_portal.platform import settings

SUCCEEDED, PENDING, FAILED = "succeeded", "pending", "failed"

USER_AGENT = "alme-portal/1.0 (+refunds)"


class ProviderUnavailable(Exception):
    """The provider could not be reached or asked to try later (time-out, 409, 429, 5xx).

    The same call, with the same idempotency key, is sent again later.
    """


class RefundRefused(Exception):
    """The provider refused the refund for good (declined, unknown payment, over-refund)."""


@dataclass(frozen=True)
class RefundAnswer:
    """Where a refund stands at the provider.

    Attributes:
        state: "succeeded", "pending" or "failed".
        refund_id: the provider's id for the refund (`re_...`, a PayPal refund id, Alma's).
        detail: the provider's reason for a failure or a pending state.
    """

    state: str
    refund_id: str | None
    detail: str = ""


def new_http_client() -> httpx.Client:
    """An `httpx.Client` with the payment time-out and the portal's user agent."""
    return httpx.Client(
        timeout=settings.PAYMENT_TIMEOUT_SECONDS, headers={"User-Agent": USER_AGENT}
    )


class ProviderHttp:
    """Sends requests to one provider: reads are retried with backoff, writes never."""

    def __init__(
        self,
        provider: str,
        client: httpx.Client | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.provider = provider
        self._http = CarrierHttp(
            provider, client or new_http_client(), policy=RetryPolicy(), sleep=sleep
        )

    def send(self, method: str, url: str, *, retry: bool, **kwargs: Any) -> httpx.Response:
        """Send once (or, for a read, until an answer that is not 429 or 5xx).

        Raises:
            ProviderUnavailable: no answer, or 429 / 5xx after the last attempt.
        """
        try:
            return self._http.send(method, url, retry=retry, **kwargs)
        except CarrierUnavailable as error:
            raise ProviderUnavailable(str(error).replace("unavailable", "unreachable")) from error


def json_body(response: httpx.Response, provider: str) -> dict[str, Any]:
    """The JSON object a provider answered.

    Raises:
        ProviderUnavailable: the body is not a JSON object (a proxy's page, a cut answer).
    """
    try:
        body = response.json()
    except ValueError as error:
        raise ProviderUnavailable(
            f"{provider} answered HTTP {response.status_code}, not JSON"
        ) from error
    if not isinstance(body, dict):
        raise ProviderUnavailable(f"{provider} answered a JSON {type(body).__name__}")
    return body


def transient(status_code: int) -> bool:
    """Whether an HTTP error status means "try again later" (conflict, rate limit, 5xx)."""
    return status_code in (409, 429) or status_code >= 500
