"""Mondial Relay API V1 (SOAP) adapter: parcel tracing and relay point search (O4, O6, O7)."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

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
    mondial_relay_status,
)
from alme_portal.platform import clock, settings

NAMESPACE = "http://www.mondialrelay.fr/webservice/"
SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/"
LABEL_HOST = "https://www.mondialrelay.com"
"""Where the label paths the API answers (`URL_Etiquette`) are served."""
TRACING_FIELDS = ("Enseigne", "Expedition", "Langue")
SEARCH_FIELDS = (
    "Enseigne", "Pays", "NumPointRelais", "Ville", "CP", "Latitude", "Longitude", "Taille",
    "Poids", "Action", "DelaiEnvoi", "RayonRecherche", "TypeActivite", "NACE", "NombreResultats",
)  # fmt: skip
"""WSI4_PointRelais_Recherche parameters in WSDL order, which is also the hash order."""
TRACING_SUCCESS = {0, 80, 81, 82, 83}
INVALID_NUMBER = 24
NOT_KNOWN_YET = {94, 99}
"""An unknown parcel: 94 in the documentation, 99 in production (with valid credentials)."""
SEARCH_COUNTRIES = {"FR", "BE"}
WEEKDAYS = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")


@dataclass(frozen=True)
class RelayPointView:
    """A relay point as the search answers it; hours are per weekday, Monday first."""

    code: str
    name: str
    address: str
    postcode: str
    city: str
    country: str
    latitude: float
    longitude: float
    distance_m: int
    opening_hours: tuple[tuple[tuple[str, str], ...], ...]
    """Seven days, each a tuple of ("09:00", "12:30") ranges; empty when closed."""
    locker: bool = False
    """An automatic locker (`Information` LOCKER), not a shop."""
    closures: tuple[tuple[date, date], ...] = ()
    """Holiday closures (`Informations_Dispo`), first and last day, both closed."""

    def closed_on(self, day: date) -> bool:
        """Whether a closure period covers `day`.

        Its last day counts as closed: the answer gives midnight, and a day too many is safer
        than a parcel at a closed door.
        """
        return any(first <= day <= last for first, last in self.closures)


def security_hash(values: Iterable[str], private_key: str) -> str:
    """Return the Mondial Relay `Security` value: upper-case hex MD5 of the values and key.

    Args:
        values: the request parameters in WSDL order; empty ones add nothing.
        private_key: the merchant's private key.
    """
    text = "".join(values) + private_key
    return hashlib.md5(text.encode("iso-8859-1", errors="replace")).hexdigest().upper()


def soap_envelope(method: str, fields: dict[str, str]) -> str:
    """Return a SOAP 1.1 request envelope for a Mondial Relay V1 method."""
    body = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in fields.items())
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<soap:Envelope xmlns:soap="{SOAP_NAMESPACE}"><soap:Body>'
        f'<{method} xmlns="{NAMESPACE}">{body}</{method}>'
        "</soap:Body></soap:Envelope>"
    )


class MondialRelayClient:
    """Calls the Mondial Relay `Web_Services.asmx` SOAP methods with the Security hash."""

    def __init__(
        self,
        base_url: str,
        enseigne: str,
        private_key: str,
        http_client: httpx.Client | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        label_host: str = LABEL_HOST,
    ) -> None:
        self.url = base_url
        self.label_host = label_host.rstrip("/")
        self.enseigne = enseigne
        self.private_key = private_key
        extra = {} if sleep is None else {"sleep": sleep}
        self.http = CarrierHttp("Mondial Relay", http_client, policy=policy, **extra)

    def track(self, expedition: str) -> TrackingResult:
        """Return where one parcel stands (`WSI2_TracingColisDetaille`).

        Args:
            expedition: the 8-digit shipment number.

        Raises:
            TrackingNumberInvalid: STAT 24 (a malformed number).
            CarrierUnavailable: another error STAT, a SOAP fault or an unreadable answer.
        """
        fields = {"Enseigne": self.enseigne, "Expedition": expedition, "Langue": "FR"}
        result = self.call("WSI2_TracingColisDetaille", fields, TRACING_FIELDS)
        return parse_tracing(result, expedition)

    def search_relay_points(
        self, country: str, postcode: str, limit: int = settings.RELAY_SEARCH_RESULTS,
        radius_km: int = settings.RELAY_SEARCH_RADIUS_KM, open_on: date | None = None,
    ) -> list[RelayPointView]:  # fmt: skip
        """Return relay points near a postcode, nearest first (`WSI4_PointRelais_Recherche`).

        Mondial Relay may answer more points than asked (18 or 19 for 10): no more than `limit`
        are returned.

        Args:
            country: FR or BE.
            postcode: the postcode to search around.
            limit: how many points at most (Mondial Relay allows up to 30).
            radius_km: how far from the postcode (`RayonRecherche`).
            open_on: leave out the points a closure period covers on that day.

        Raises:
            ValueError: a country other than FR and BE.
            CarrierUnavailable: an error STAT or an unreadable answer.
        """
        country = country.upper()
        if country not in SEARCH_COUNTRIES:
            raise ValueError(f"Mondial Relay searches FR and BE only, not {country!r}")
        fields = dict.fromkeys(SEARCH_FIELDS, "")
        fields |= {
            "Enseigne": self.enseigne, "Pays": country, "CP": postcode.strip(),
            "RayonRecherche": str(radius_km), "NombreResultats": str(limit),
        }  # fmt: skip
        result = self.call("WSI4_PointRelais_Recherche", fields, SEARCH_FIELDS)
        points = parse_relay_points(result)
        if open_on is not None:
            points = [point for point in points if not point.closed_on(open_on)]
        return points[:limit]

    def call(
        self, method: str, fields: dict[str, str], order: tuple[str, ...], *, retry: bool = True
    ) -> ET.Element:
        """Sign `fields` (hashed in `order`), call `method` and return its `…Result` element.

        Args:
            method: the SOAP method, e.g. "WSI2_TracingColisDetaille".
            fields: its parameters, in WSDL order.
            order: the parameters the Security hash covers, in order.
            retry: retry on a transient failure (reads only: a booking is never sent twice).

        Raises:
            CarrierUnavailable: an HTTP error, a SOAP fault or an unreadable answer.
        """
        signed = fields | {
            "Security": security_hash((fields[name] for name in order), self.private_key)
        }
        response = self.http.send(
            "POST",
            self.url,
            retry=retry,
            content=soap_envelope(method, signed).encode(),
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "SOAPAction": f'"{NAMESPACE}{method}"',
            },
        )
        result = self.http.xml(response).find(f".//{{{NAMESPACE}}}{method}Result")
        if result is None:
            raise CarrierUnavailable(f"Mondial Relay answer has no {method}Result")
        return result


def result_text(element: ET.Element | None, name: str) -> str:
    """The text of `element`'s child `name` in the Mondial Relay namespace ("" when absent)."""
    child = None if element is None else element.find(f"{{{NAMESPACE}}}{name}")
    return (child.text or "").strip() if child is not None else ""


def result_stat(result: ET.Element) -> int:
    """The `STAT` code of a `…Result` element.

    Raises:
        CarrierUnavailable: the answer has no readable STAT.
    """
    try:
        return int(result_text(result, "STAT"))
    except ValueError as error:
        raise CarrierUnavailable("Mondial Relay answer has no STAT") from error


def parse_paris_time(day: str, hour: str) -> datetime:
    """Return a Mondial Relay `dd/mm/yy` (or `dd/mm/yyyy`) date and `HH:MM` Paris time as UTC."""
    year = "%Y" if len(day.rsplit("/", 1)[-1]) == 4 else "%y"
    local = datetime.strptime(f"{day} {hour or '00:00'}", f"%d/%m/{year} %H:%M")
    return clock.as_utc(local.replace(tzinfo=clock.PARIS))


def parse_tracing(result: ET.Element, expedition: str) -> TrackingResult:
    """Turn a `WSI2_TracingColisDetailleResult` element into a tracking result.

    A parcel Mondial Relay does not know (yet) is one whose label is created, as La Poste's
    "not yet available": its data reach the carrier when it is first scanned.

    Raises:
        TrackingNumberInvalid: STAT 24 (a malformed number).
        CarrierUnavailable: any other STAT that is not a tracing success, or bad dates.
    """
    stat = result_stat(result)
    if stat == INVALID_NUMBER:
        raise TrackingNumberInvalid(f"Mondial Relay rejects the number {expedition} (STAT 24)")
    if stat in NOT_KNOWN_YET:
        return TrackingResult(
            "mondial_relay", expedition, TrackingStatus.LABEL_CREATED, (), None, None, clock.now()
        )
    if stat not in TRACING_SUCCESS:
        raise CarrierUnavailable(f"Mondial Relay STAT {stat}")
    raw_events, relay_countries = [], {}
    for entry in result.iterfind(f"{{{NAMESPACE}}}Tracing/{{{NAMESPACE}}}*"):
        label, day = result_text(entry, "Libelle"), result_text(entry, "Date")
        if not label or not day:
            continue  # padding
        try:
            at = parse_paris_time(day, result_text(entry, "Heure"))
        except ValueError as error:
            raise CarrierUnavailable(f"Mondial Relay date {day!r} cannot be read") from error
        raw_events.append((at, label, label))
        if result_text(entry, "Relais_Num"):
            relay_countries[result_text(entry, "Relais_Num")] = (
                result_text(entry, "Relais_Pays") or "FR"
            )
    events = build_events("Mondial Relay", raw_events, mondial_relay_status)
    newest = events[0].status if events else None
    status = _overall_status(stat, newest)
    relay_number = result_text(result, "Relais_Num")
    relay_code = (
        f"{relay_countries.get(relay_number, 'FR')}-{relay_number}" if relay_number else None
    )
    delivered_at = None
    if status == TrackingStatus.DELIVERED:
        # STAT 82 says delivered even in wordings the table does not know (the API's Spanish or
        # English ones): then the newest scan is the delivery.
        scans = (event.at for event in events if event.status == TrackingStatus.DELIVERED)
        delivered_at = next(scans, events[0].at)
    return TrackingResult(
        carrier="mondial_relay",
        tracking_number=expedition,
        status=status,
        events=events,
        delivered_at=delivered_at,
        relay_point_code=relay_code,
        fetched_at=clock.now(),
    )


def _overall_status(stat: int, newest: TrackingStatus | None) -> TrackingStatus:
    """STAT 80 registered, 81 on its way (or at the relay), 82 delivered, 83 anomaly."""
    if newest in RETURN_STATUSES:
        return newest
    if stat == 80 or newest is None:
        return TrackingStatus.LABEL_CREATED
    if stat == 82:
        return TrackingStatus.DELIVERED
    if stat == 83:
        return TrackingStatus.EXCEPTION
    if newest == TrackingStatus.LABEL_CREATED:
        return TrackingStatus.IN_TRANSIT
    return newest


def _float(value: str) -> float:
    return float(value.replace(",", "."))


def _hours(day: ET.Element | None) -> tuple[tuple[str, str], ...]:
    slots = [] if day is None else [(slot.text or "").strip() for slot in day]
    ranges = []
    for start, end in zip(slots[0::2], slots[1::2], strict=False):
        if start != "0000" or end != "0000":
            ranges.append((f"{start[:2]}:{start[2:]}", f"{end[:2]}:{end[2:]}"))
    return tuple(ranges)


def _closures(detail: ET.Element) -> tuple[tuple[date, date], ...]:
    """`Informations_Dispo/Periode` {Debut, Fin} (xs:dateTime) as (first day, last day)."""
    periods = detail.iterfind(f"{{{NAMESPACE}}}Informations_Dispo/{{{NAMESPACE}}}Periode")
    return tuple(
        (date.fromisoformat(result_text(period, "Debut")[:10]),
         date.fromisoformat(result_text(period, "Fin")[:10]))
        for period in periods
    )  # fmt: skip


def parse_relay_points(result: ET.Element) -> list[RelayPointView]:
    """Turn a `WSI4_PointRelais_RechercheResult` element into relay points, nearest first.

    Raises:
        CarrierUnavailable: an error STAT or a point that cannot be read.
    """
    stat = result_stat(result)
    if stat != 0:
        raise CarrierUnavailable(f"Mondial Relay STAT {stat}")
    points = []
    for detail in result.iterfind(
        f"{{{NAMESPACE}}}PointsRelais/{{{NAMESPACE}}}PointRelais_Details"
    ):
        country = result_text(detail, "Pays")
        try:
            points.append(
                RelayPointView(
                    code=f"{country}-{result_text(detail, 'Num')}",
                    name=" ".join(
                        filter(None, (result_text(detail, "LgAdr1"), result_text(detail, "LgAdr2")))
                    ),
                    address=" ".join(
                        filter(None, (result_text(detail, "LgAdr3"), result_text(detail, "LgAdr4")))
                    ),
                    postcode=result_text(detail, "CP"),
                    city=result_text(detail, "Ville"),
                    country=country,
                    latitude=_float(result_text(detail, "Latitude")),
                    longitude=_float(result_text(detail, "Longitude")),
                    distance_m=int(result_text(detail, "Distance") or 0),
                    opening_hours=tuple(
                        _hours(detail.find(f"{{{NAMESPACE}}}Horaires_{day}")) for day in WEEKDAYS
                    ),
                    locker=result_text(detail, "Information").upper() == "LOCKER",
                    closures=_closures(detail),
                )
            )
        except ValueError as error:
            raise CarrierUnavailable("Mondial Relay relay point cannot be read") from error
    return sorted(points, key=lambda point: point.distance_m)
