"""Shared HTTP plumbing for the carrier adapters: timeouts, retries with backoff, errors."""

from __future__ import annotations

import logging
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

from alme_portal.platform import clock, settings

logger = logging.getLogger(__name__)

USER_AGENT = "alme-portal/1.0 (+carrier tracking)"


class CarrierError(Exception):
    """Base class of the errors a carrier adapter raises."""


class CarrierUnavailable(CarrierError):
    """The carrier could not be reached or answered something unusable; try again later."""


class TrackingNumberInvalid(CarrierError):
    """The carrier says this tracking number is malformed or unknown."""


@dataclass(frozen=True)
class RetryPolicy:
    """How a read is retried on 429, 5xx and transport errors."""

    max_attempts: int = settings.CARRIER_MAX_ATTEMPTS
    backoff_seconds: float = settings.CARRIER_BACKOFF_SECONDS
    max_retry_after_seconds: float = settings.CARRIER_MAX_RETRY_AFTER_SECONDS


def new_http_client(timeout: float = settings.CARRIER_TIMEOUT_SECONDS) -> httpx.Client:
    """Return an `httpx.Client` with the carrier timeout and the portal's user agent."""
    return httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})


def retry_after_seconds(response: httpx.Response, cap: float) -> float | None:
    """Return the response's `Retry-After` delay in seconds, capped, or None when absent.

    Args:
        response: the 429 or 5xx answer.
        cap: the longest delay honoured.
    """
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - clock.now()).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), cap)


def is_retryable(response: httpx.Response) -> bool:
    """Return whether a status code is worth another attempt (429 and 5xx)."""
    return response.status_code == 429 or response.status_code >= 500


class CarrierHttp:
    """Sends requests to one carrier; retries idempotent reads with exponential backoff."""

    def __init__(
        self,
        carrier: str,
        client: httpx.Client | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.carrier = carrier
        self.client = client or new_http_client()
        self.policy = policy or RetryPolicy()
        self.sleep = sleep

    def xml(self, response: httpx.Response) -> ET.Element:
        """The root of an XML answer the carrier gave with HTTP 200.

        Raises:
            CarrierUnavailable: another HTTP status, or a body that is not XML.
        """
        if response.status_code != 200:
            raise CarrierUnavailable(f"{self.carrier} answered HTTP {response.status_code}")
        try:
            return ET.fromstring(response.content)
        except ET.ParseError as error:
            raise CarrierUnavailable(f"{self.carrier} answered malformed XML") from error

    def send(self, method: str, url: str, *, retry: bool, **kwargs) -> httpx.Response:
        """Send a request and return the first answer that is not 429 or 5xx.

        Args:
            method: HTTP method.
            url: absolute URL.
            retry: True for reads only; never retry a request that creates something.
            **kwargs: passed to `httpx.Client.request` (headers, content, params).

        Raises:
            CarrierUnavailable: after the last attempt failed.
        """
        attempts = self.policy.max_attempts if retry else 1
        problem = "no attempt made"
        for attempt in range(1, attempts + 1):
            backoff = self.policy.backoff_seconds * 2 ** (attempt - 1)
            try:
                response = self.client.request(method, url, **kwargs)
            except httpx.TransportError as error:
                problem, delay = f"{type(error).__name__}: {error}", backoff
            else:
                if not is_retryable(response):
                    return response
                problem = f"HTTP {response.status_code}"
                waited = retry_after_seconds(response, self.policy.max_retry_after_seconds)
                delay = backoff if waited is None else waited
            logger.warning("%s attempt %d/%d failed (%s)", self.carrier, attempt, attempts, problem)
            if attempt < attempts:
                self.sleep(delay)
        raise CarrierUnavailable(f"{self.carrier} unavailable after {attempts} attempts: {problem}")
