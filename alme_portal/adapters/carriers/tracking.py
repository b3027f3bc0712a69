"""Tracking for the pages: one entry point over both carriers, cached, degrading to stale data."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import timedelta

from alme_portal.adapters.carriers.http import CarrierUnavailable
from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import LABEL_HOST, MondialRelayClient
from alme_portal.adapters.carriers.mondial_relay_connect import ConnectAccount, ConnectClient
from alme_portal.adapters.carriers.statuses import TrackingResult
from alme_portal.adapters.carriers.tracking_cache import (
    MemoryTrackingCache,
    TrackingCache,
    configured_tracking_cache,
)
from alme_portal.platform import clock, deployment, settings

LAPOSTE_CARRIERS = {"colissimo", "chronopost"}
MONDIAL_RELAY = "mondial_relay"


class TrackingService:
    """Tracks parcels by carrier; caches each number and serves the last result when down."""

    def __init__(
        self,
        laposte: LaPosteClient,
        mondial_relay: MondialRelayClient,
        cache_seconds: float = settings.TRACKING_CACHE_SECONDS,
        cache: TrackingCache | None = None,
    ) -> None:
        self.laposte = laposte
        self.mondial_relay = mondial_relay
        self.cache_for = timedelta(seconds=cache_seconds)
        self.cache = cache if cache is not None else MemoryTrackingCache()

    def track(self, carrier: str, tracking_number: str) -> TrackingResult:
        """Return where a parcel stands: cached if fresh, live, else stale if the carrier is down.

        Args:
            carrier: colissimo, chronopost or mondial_relay.
            tracking_number: the carrier's number.

        Raises:
            CarrierUnavailable: the carrier is down and this parcel was never tracked.
            TrackingNumberInvalid: the carrier rejects the number.
            ValueError: an unknown carrier.
        """
        key = (carrier, tracking_number.strip())
        last = self.cache.get(key)
        if last is not None and clock.now() - last.fetched_at < self.cache_for:
            return replace(last, source="cache")
        try:
            result = self._fetch(carrier, key[1])
        except CarrierUnavailable:
            if last is None:
                raise
            return replace(last, source="stale")
        self.cache.put(key, result)
        return result

    def _fetch(self, carrier: str, tracking_number: str) -> TrackingResult:
        if carrier in LAPOSTE_CARRIERS:
            return replace(self.laposte.track(tracking_number), carrier=carrier)
        if carrier == MONDIAL_RELAY:
            return self.mondial_relay.track(tracking_number)
        raise ValueError(f"unknown carrier {carrier!r}")


LAPOSTE_API_URL = "https://api.laposte.fr/suivi/v2"
MONDIAL_RELAY_API_URL = "https://api.mondialrelay.com/Web_Services.asmx"


def _carrier_url(env_name: str, real_url: str, simulator_path: str) -> str:
    """The configured URL; else the real API in production, the simulator in the demo."""
    if deployment.is_production():
        return settings.carrier_setting(env_name, real_url)
    simulator = settings.carrier_setting(settings.SIMULATOR_URL_ENV, settings.DEFAULT_SIMULATOR_URL)
    return settings.carrier_setting(env_name, simulator.rstrip("/") + simulator_path)


def default_mondial_relay_client() -> MondialRelayClient:
    """Return a Mondial Relay client configured from the settings."""
    return MondialRelayClient(
        _carrier_url(
            settings.MONDIAL_RELAY_URL_ENV, MONDIAL_RELAY_API_URL, "/mondialrelay/Web_Services.asmx"
        ),
        settings.carrier_setting(
            settings.MONDIAL_RELAY_ENSEIGNE_ENV, settings.DEFAULT_MONDIAL_RELAY_ENSEIGNE
        ),
        settings.carrier_setting(
            settings.MONDIAL_RELAY_KEY_ENV, settings.DEFAULT_MONDIAL_RELAY_KEY
        ),
        label_host=_carrier_url(settings.MONDIAL_RELAY_LABEL_HOST_ENV, LABEL_HOST, "/mondialrelay"),
    )


@functools.cache
def shared_tracking_service() -> TrackingService:
    """The one tracking service (and cache) of this process, for the pages.

    The pages share their carrier clients: an `httpx.Client` costs tens of milliseconds of CPU
    to make (its TLS context), more than the call it would serve.
    """
    return default_tracking_service()


def shared_mondial_relay_client() -> MondialRelayClient:
    """The pages' Mondial Relay client (relay search, return labels): the tracking service's."""
    return shared_tracking_service().mondial_relay


@functools.cache
def shared_connect_client() -> ConnectClient | None:
    """The pages' API Connect client for paperless returns, or None when they are not offered."""
    return default_connect_client()


MONDIAL_RELAY_CONNECT_API_URL = "https://connect-api.mondialrelay.com/api/shipment"


def default_connect_client() -> ConnectClient | None:
    """R3: the API Connect client for paperless returns, or None when they are not offered."""
    if not deployment.paperless_returns_offered():
        return None
    url = _carrier_url(settings.MONDIAL_RELAY_CONNECT_URL_ENV, MONDIAL_RELAY_CONNECT_API_URL,
                       "/mondialrelay-connect/api/shipment")  # fmt: skip
    return ConnectClient(ConnectAccount(url, *connect_credentials()))


def connect_credentials() -> tuple[str, str, str]:
    """API Connect's login, password and customer id, as configured."""
    return (
        settings.carrier_setting(
            settings.MONDIAL_RELAY_CONNECT_LOGIN_ENV, settings.DEFAULT_MONDIAL_RELAY_CONNECT_LOGIN
        ),
        settings.carrier_setting(
            settings.MONDIAL_RELAY_CONNECT_PASSWORD_ENV,
            settings.DEFAULT_MONDIAL_RELAY_CONNECT_PASSWORD,
        ),
        settings.carrier_setting(
            settings.MONDIAL_RELAY_CONNECT_CUSTOMER_ENV,
            settings.DEFAULT_MONDIAL_RELAY_CONNECT_CUSTOMER,
        ),
    )


def default_tracking_service() -> TrackingService:
    """Return a tracking service whose clients are configured from the settings."""
    laposte = LaPosteClient(
        _carrier_url(settings.LAPOSTE_BASE_URL_ENV, LAPOSTE_API_URL, "/laposte/suivi/v2"),
        settings.carrier_setting(settings.LAPOSTE_API_KEY_ENV, settings.DEFAULT_LAPOSTE_API_KEY),
    )
    return TrackingService(
        laposte,
        default_mondial_relay_client(),
        cache_seconds=settings.tracking_cache_seconds(),
        cache=configured_tracking_cache(),
    )
