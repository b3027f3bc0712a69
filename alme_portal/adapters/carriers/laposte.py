"""La Poste "Suivi v2" adapter: one API tracks Colissimo and Chronopost parcels (O6, O7)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from alme_portal.adapters.carriers.http import (
    CarrierHttp,
    CarrierUnavailable,
    RetryPolicy,
    TrackingNumberInvalid,
)
from alme_portal.adapters.carriers.statuses import (
    RETURN_STATUSES,
    TrackingResult,
    TrackingStatus,
    build_events,
    laposte_status,
)
from alme_portal.platform import clock

logger = logging.getLogger(__name__)

MAX_IDS_PER_CALL = 10
NOT_YET_AVAILABLE = {104, 404}


class LaPosteClient:
    """Calls `GET {base}/idships/{ids}?lang=fr_FR` with the Okapi key."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        http_client: httpx.Client | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        carrier: str = "colissimo",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.carrier = carrier
        extra = {} if sleep is None else {"sleep": sleep}
        self.http = CarrierHttp("La Poste", http_client, policy=policy, **extra)

    def track(self, tracking_number: str) -> TrackingResult:
        """Return where one parcel stands.

        Args:
            tracking_number: a Colissimo or Chronopost number.

        Raises:
            TrackingNumberInvalid: La Poste rejects the number (HTTP 400).
            CarrierUnavailable: La Poste is down or answered something unusable.
        """
        envelopes = self._fetch([tracking_number])
        return result_from_envelope(envelopes[0], tracking_number, self.carrier)

    def track_many(self, tracking_numbers: Sequence[str]) -> dict[str, TrackingResult]:
        """Return the parcels La Poste knows, by number, in one call (HTTP 207 for several).

        Numbers La Poste rejects or cannot answer for are left out and logged.

        Args:
            tracking_numbers: 1 to 10 numbers.
        """
        if not 1 <= len(tracking_numbers) <= MAX_IDS_PER_CALL:
            raise ValueError(f"1 to {MAX_IDS_PER_CALL} tracking numbers per call")
        results = {}
        envelopes = self._fetch(list(tracking_numbers))
        for envelope, asked in zip(envelopes, tracking_numbers, strict=False):
            number = _envelope_number(envelope) or asked
            try:
                results[number] = result_from_envelope(envelope, number, self.carrier)
            except (TrackingNumberInvalid, CarrierUnavailable) as error:
                logger.warning("La Poste gave no result for %s: %s", number, error)
        return results

    def _fetch(self, numbers: list[str]) -> list[dict[str, Any]]:
        ids = ",".join(quote(number, safe="") for number in numbers)
        response = self.http.send(
            "GET",
            f"{self.base_url}/idships/{ids}",
            retry=True,
            params={"lang": "fr_FR"},
            headers={"X-Okapi-Key": self.api_key, "Accept": "application/json"},
        )
        if response.status_code == 404:
            return [_not_found_envelope(response, numbers[0])]
        body = _json_body(response)
        if response.status_code == 400:
            raise TrackingNumberInvalid(_message(body, "invalid tracking number"))
        if response.status_code not in (200, 207):
            raise CarrierUnavailable(f"La Poste answered HTTP {response.status_code}")
        envelopes = body if isinstance(body, list) else [body]
        if not envelopes or not all(isinstance(item, dict) for item in envelopes):
            raise CarrierUnavailable("La Poste answered an unexpected body")
        return envelopes


def _envelope_number(envelope: dict[str, Any]) -> str | None:
    shipment = envelope.get("shipment")
    number = envelope.get("idShip") or (
        shipment.get("idShip") if isinstance(shipment, dict) else None
    )
    return str(number) if number else None


def _json_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as error:
        raise CarrierUnavailable("La Poste answered a body that is not JSON") from error


def _message(body: Any, default: str) -> str:
    return str(body.get("returnMessage") or default) if isinstance(body, dict) else default


def _not_found_envelope(response: httpx.Response, number: str) -> dict[str, Any]:
    """A 404, with or without a JSON body, means "not yet available" (returnCode 104)."""
    try:
        body = response.json()
    except ValueError:
        body = None
    return body if isinstance(body, dict) else {"returnCode": 104, "idShip": number}


def result_from_envelope(envelope: dict[str, Any], number: str, carrier: str) -> TrackingResult:
    """Turn one unitary Suivi v2 envelope into a tracking result.

    Args:
        envelope: `{returnCode, shipment | returnMessage, ...}`; unknown fields are ignored.
        number: the tracking number asked for.
        carrier: the carrier stored with the order (colissimo or chronopost).

    Raises:
        TrackingNumberInvalid: returnCode 400.
        CarrierUnavailable: another error code, or a shipment that cannot be read.
    """
    code = envelope.get("returnCode")
    if code in NOT_YET_AVAILABLE:
        return TrackingResult(
            carrier, number, TrackingStatus.LABEL_CREATED, (), None, None, clock.now()
        )
    if code == 400:
        raise TrackingNumberInvalid(_message(envelope, "invalid tracking number"))
    shipment = envelope.get("shipment")
    if code != 200 or not isinstance(shipment, dict):
        raise CarrierUnavailable(f"La Poste returnCode {code} for {number}")
    try:
        return _result_from_shipment(shipment, number, carrier)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise CarrierUnavailable(f"La Poste shipment for {number} cannot be read") from error


def _result_from_shipment(shipment: dict[str, Any], number: str, carrier: str) -> TrackingResult:
    events = build_events("La Poste", map(_raw_event, shipment.get("event") or []), laposte_status)
    status = events[0].status if events else TrackingStatus.LABEL_CREATED
    if shipment.get("isFinal") is True and status not in RETURN_STATUSES:
        status = TrackingStatus.DELIVERED  # final and not back at the sender, whatever the code
    delivered_at = shipment.get("deliveryDate")
    if delivered_at:
        delivered_at = parse_iso(delivered_at)
    elif status == TrackingStatus.DELIVERED:
        delivered_at = events[0].at if events else None
    removal_point = (shipment.get("contextData") or {}).get("removalPoint") or {}
    relay_point = removal_point.get("idPoint") or removal_point.get("name") or None
    estimated_from, estimated_until = _estimate(shipment, number)
    return TrackingResult(
        carrier=carrier,
        tracking_number=str(shipment.get("idShip") or number),
        status=status,
        events=events,
        delivered_at=delivered_at,
        relay_point_code=relay_point,
        fetched_at=clock.now(),
        estimated_from=estimated_from,
        estimated_until=estimated_until,
    )


def _raw_event(event: dict[str, Any]) -> tuple[datetime, str, str]:
    """(instant, code, label); older partner scopes give an internal `status` and no `code`."""
    code = event.get("code") or event.get("status") or ""
    return parse_iso(event["date"]), str(code), str(event.get("label") or "")


ESTIMATE_FIELDS = ("estimDate", "estimHourMin", "estimHourMax")


def _estimate(shipment: dict[str, Any], number: str) -> tuple[datetime | None, datetime | None]:
    """`estimDate`, or the window `estimHourMin`-`estimHourMax` on it; (None, None) when absent.

    An estimate that cannot be read is dropped (and logged): it is optional, the rest stands.
    """
    try:
        day, start, end = (
            parse_iso(shipment[name]) if shipment.get(name) else None for name in ESTIMATE_FIELDS
        )
    except (TypeError, ValueError):
        values = {name: shipment.get(name) for name in ESTIMATE_FIELDS}
        logger.warning("La Poste estimate for %s cannot be read: %s", number, values)
        return None, None
    if start is not None and end is not None and start < end:
        return start, end
    return day, None


def parse_iso(value: str) -> datetime:
    """Return an ISO-8601 date with offset (`2024-03-06T11:38:00+01:00`) as aware UTC."""
    return clock.as_utc(datetime.fromisoformat(value))


def public_tracking_url(carrier: str, number: str, postcode: str = "") -> str:
    """Return the carrier's public tracking page for a parcel.

    Args:
        carrier: colissimo, chronopost or mondial_relay.
        number: the tracking number.
        postcode: the delivery postcode (Mondial Relay asks for it).
    """
    if carrier == "chronopost":
        return "https://www.chronopost.fr/tracking-no-cms/suivi-page?" + urlencode(
            {"listeNumerosLT": number}
        )
    if carrier == "mondial_relay":
        return "https://www.mondialrelay.fr/suivi-de-colis/?" + urlencode(
            {"numeroExpedition": number, "codePostal": postcode}
        )
    if carrier == "colissimo":
        return "https://www.laposte.fr/outils/suivre-vos-envois?" + urlencode({"code": number})
    raise ValueError(f"unknown carrier {carrier!r}")
