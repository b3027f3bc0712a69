"""Simulated Mondial Relay API V1: `POST /mondialrelay/Web_Services.asmx` (reference §2.1–2.4)."""

from __future__ import annotations

import asyncio
import gzip
import math
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from alme_portal.adapters.carriers.mondial_relay import (
    NAMESPACE,
    SEARCH_FIELDS,
    TRACING_FIELDS,
    security_hash,
)
from alme_portal.adapters.carriers.mondial_relay_booking import CREATION_FIELDS
from alme_portal.demo.catalog import RELAY_POINTS_BY_CODE
from alme_portal.demo.data import RelayPointSpec
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import Carrier
from alme_portal.simulator import mondial_relay_labels as labels
from alme_portal.simulator import variants
from alme_portal.simulator.faults import Fault, board_of
from alme_portal.simulator.relay_network import ANSWERS_EVERY_POINT, NETWORK, SimPoint
from alme_portal.simulator.scenarios import (
    MR_ANOMALY,
    MR_DATA,
    MR_DELIVERED,
    MR_RETURNED,
    MR_RETURNING,
    Scenario,
    booked_stories,
    scenarios_at,
)

XML_TYPE = "text/xml; charset=utf-8"
ENVELOPE = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>{body}</soap:Body></soap:Envelope>'
)
TRACING_SLOTS = 15
EXPEDITION = re.compile(r"^\d{8,14}$")
HEADLINES = {80: "COLIS EN PRÉPARATION", 81: "COLIS PRIS EN CHARGE", 82: "COLIS LIVRÉ",
             83: "INCIDENT DE LIVRAISON"}  # fmt: skip
"""`Libelle01`, the tracing's headline: a status of its own, not the newest scan's wording
("COLIS PRIS EN CHARGE" is documented; the others are inferred)."""
DAYS = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")
NAME_WIDTH, CITY_WIDTH = 31, 26
"""Names and streets come right-padded to 31 characters, cities to 26 (real 2025 answers)."""


def _el(name: str, value: str = "") -> str:
    return f"<{name}>{escape(value)}</{name}>" if value else f"<{name} />"


def _response(method: str, inner: str) -> Response:
    body = (
        f'<{method}Response xmlns="{NAMESPACE}"><{method}Result>{inner}'
        f"</{method}Result></{method}Response>"
    )
    return Response(ENVELOPE.format(body=body), media_type=XML_TYPE)


def soap_fault(message: str) -> Response:
    """Return the HTTP 500 `soap:Fault` ASMX sends for requests it cannot process."""
    body = (
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>"
        f"Server was unable to process request. ---&gt; {escape(message)}"
        "</faultstring><detail /></soap:Fault>"
    )
    return Response(ENVELOPE.format(body=body), status_code=500, media_type=XML_TYPE)


def _stat_of(story: Scenario) -> int:
    codes = [event.code for event in story.events]
    if codes[-1] in (MR_DELIVERED, MR_RETURNED):
        return 82
    if codes[-1] in (MR_ANOMALY, MR_RETURNING):
        return 83
    return 80 if codes == [MR_DATA] else 81


def _tracing_entry(
    at: datetime, label: str, location: str, relay: str | None, chosen: frozenset[str]
) -> str:
    local = clock.in_paris(at)
    country, number = relay.split("-") if relay else ("", "")
    day = local.strftime("%d/%m/%Y" if variants.MR_FULL_YEAR in chosen else "%d/%m/%y")
    for language in chosen & variants.MONDIAL_RELAY_WORDINGS.keys():
        label = variants.MONDIAL_RELAY_WORDINGS[language].get(label, label)
    return (
        "<ret_WSI2_sub_TracingColisDetaille>"
        + _el("Libelle", label) + _el("Date", day)
        + _el("Heure", local.strftime("%H:%M")) + _el("Emplacement", location)
        + _el("Relais_Num", number) + _el("Relais_Pays", country)
        + "</ret_WSI2_sub_TracingColisDetaille>"
    )  # fmt: skip


def tracing(fields: dict[str, str], stories: dict[str, Scenario]) -> str:
    """Return the inner XML of `WSI2_TracingColisDetailleResult`.

    A malformed number answers STAT 24; one Mondial Relay does not know, 99 (as production
    does; the documentation says 94).
    """
    number = fields.get("Expedition", "")
    story = stories.get(number)
    empty = "<Libelle01 /><Relais_Libelle /><Relais_Num /><Libelle02 />"
    if not EXPEDITION.match(number):
        return _el("STAT", "24") + empty
    if story is None or story.carrier != Carrier.MONDIAL_RELAY or not story.events:
        return _el("STAT", "99") + empty
    relays = [e.relay_point for e in story.events if e.relay_point]
    relay = RELAY_POINTS_BY_CODE.get(relays[-1]) if relays else None
    entries = [
        _tracing_entry(e.at, e.code, e.location, e.relay_point, story.variants)
        for e in story.events
    ]
    padding = "<ret_WSI2_sub_TracingColisDetaille><Libelle /><Date /><Heure /><Emplacement />"
    padding += "<Relais_Num /><Relais_Pays /></ret_WSI2_sub_TracingColisDetaille>"
    entries += [padding] * max(0, TRACING_SLOTS - len(entries))
    stat = _stat_of(story)
    return (
        _el("STAT", str(stat)) + _el("Libelle01", HEADLINES[stat])
        + _el("Relais_Libelle", relay.city.upper() if relay else "")
        + _el("Relais_Num", relay.code[3:] if relay else "") + "<Libelle02 />"
        + "<Tracing>" + "".join(entries) + "</Tracing>"
    )  # fmt: skip


def _distance_m(a: RelayPointSpec, b: RelayPointSpec) -> int:
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return round(2 * 6_371_000 * math.asin(math.sqrt(h)))


def _coordinate(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):010.7f}".replace(".", ",")


def _closure_xml(point: SimPoint, today: date) -> str:
    if point.closed is None:
        return "<Informations_Dispo />"
    first, last = (today + timedelta(days=offset) for offset in point.closed)
    return (
        "<Informations_Dispo><Periode>"
        f"<Debut>{first:%Y-%m-%d}T00:00:00</Debut><Fin>{last:%Y-%m-%d}T00:00:00</Fin>"
        "</Periode></Informations_Dispo>"
    )


def _point_xml(point: SimPoint, distance: int, today: date) -> str:
    spec = point.spec
    hours = "".join(
        f"<Horaires_{day}>" + "".join(f"<string>{slot}</string>" for slot in slots)
        + f"</Horaires_{day}>"
        for day, slots in zip(DAYS, point.hours, strict=True)
    )  # fmt: skip
    return (
        "<PointRelais_Details><STAT />" + _el("Num", spec.code[3:])
        + _el("LgAdr1", spec.name.ljust(NAME_WIDTH)) + "<LgAdr2 />"
        + _el("LgAdr3", spec.address.ljust(NAME_WIDTH)) + "<LgAdr4 />" + _el("CP", spec.postcode)
        + _el("Ville", spec.city.upper().ljust(CITY_WIDTH)) + _el("Pays", spec.country)
        + "<Localisation1 /><Localisation2 />" + _el("Latitude", _coordinate(spec.latitude))
        + _el("Longitude", _coordinate(spec.longitude)) + "<TypeActivite>000</TypeActivite>"
        + _el("Information", "LOCKER" if point.locker else "") + hours
        + _closure_xml(point, today) + "<URL_Photo /><URL_Plan />"
        + _el("Distance", str(distance)) + "</PointRelais_Details>"
    )  # fmt: skip


def relay_search(fields: dict[str, str], now: datetime) -> str:
    """Return the inner XML of `WSI4_PointRelais_RechercheResult`, nearest point first.

    Around Lyon it answers every point within the radius, more than `NombreResultats`, as the
    real search did.
    """
    country, postcode = fields.get("Pays", "").upper(), fields.get("CP", "")
    if not postcode and not fields.get("Ville"):
        return "<STAT>40</STAT><PointsRelais />"
    try:
        limit = min(int(fields.get("NombreResultats") or 10), 30)
    except ValueError:
        return "<STAT>40</STAT><PointsRelais />"
    same_country = [p for p in NETWORK if p.spec.country == country]
    origin = next((p for p in same_country if p.spec.postcode == postcode), None) or next(
        (p for p in same_country if p.spec.postcode[:2] == postcode[:2]), None
    )
    if origin is None:
        return "<STAT>0</STAT><PointsRelais />"
    radius = fields.get("RayonRecherche", "")
    limit_m = int(radius) * 1000 if radius.isdigit() else None
    ranked = sorted(
        ((_distance_m(origin.spec, p.spec), p) for p in same_country), key=lambda x: x[0]
    )
    ranked = [(m, p) for m, p in ranked if limit_m is None or m <= limit_m]
    if not origin.spec.postcode.startswith(ANSWERS_EVERY_POINT):
        ranked = ranked[:limit]
    today = clock.in_paris(now).date()
    points = "".join(_point_xml(point, distance, today) for distance, point in ranked)
    return f"<STAT>0</STAT><PointsRelais>{points}</PointsRelais>"


METHODS = {
    "WSI2_TracingColisDetaille": TRACING_FIELDS,
    "WSI4_PointRelais_Recherche": SEARCH_FIELDS,
    "WSI2_CreationEtiquette": CREATION_FIELDS,
}


async def fault_response(fault: Fault) -> Response | None:
    """Return what Cloudflare or ASMX answer for a fault; None lets the call go on (slow)."""
    headers = {} if fault.retry_after is None else {"Retry-After": f"{fault.retry_after:g}"}
    if fault.kind == "slow":
        await asyncio.sleep(fault.delay)
        return None
    if fault.kind == "stat":
        return None  # answered once the method is known
    if fault.kind == "429":
        return HTMLResponse("<html><title>429 Too Many Requests</title></html>", 429, headers)
    if fault.kind == "503":
        return HTMLResponse("<html><title>503 Service Unavailable</title></html>", 503, headers)
    if fault.kind == "500":
        return soap_fault("System.Data.SqlClient.SqlException: Timeout expired.")
    truncated = ENVELOPE.format(body=_el("WSI2_TracingColisDetailleResponse", "STAT"))[:180]
    return Response(truncated, media_type=XML_TYPE)


async def web_services(request: Request) -> Response:
    """Dispatch a SOAP 1.1 call on its SOAPAction; a wrong Security hash answers STAT 97."""
    fault = board_of(request).next_call("mondialrelay")
    if fault is not None:
        answer = await fault_response(fault)
        if answer is not None:
            return answer
    method = request.headers.get("SOAPAction", "").strip('"').rsplit("/", 1)[-1]
    if method not in METHODS:
        return soap_fault(f"Server did not recognize the value of HTTP Header SOAPAction: {method}")
    try:
        call = ET.fromstring(await request.body()).find(f".//{{{NAMESPACE}}}{method}")
    except ET.ParseError as error:
        return soap_fault(f"System.Xml.XmlException: {error}")
    if call is None:
        return soap_fault(f"No {method} element in the SOAP body")
    fields = {child.tag.split("}")[-1]: (child.text or "").strip() for child in call}
    expected = security_hash((fields.get(name, "") for name in METHODS[method]),
                             request.app.state.mondial_relay_key)  # fmt: skip
    if fields.get("Security", "").upper() != expected:
        return _response(method, "<STAT>97</STAT>")
    if fault is not None and fault.kind == "stat":
        return _response(method, f"<STAT>{fault.stat}</STAT>")
    state = request.app.state
    if method == "WSI2_TracingColisDetaille":
        stories = booked_stories(state.booked) | scenarios_at(state.now())
        inner = tracing(fields, stories)
    elif method == "WSI2_CreationEtiquette":
        inner = labels.creation(fields, state.expeditions, state.booked, state.now())
    else:
        inner = relay_search(fields, state.now())
    return _gzipped(_response(method, inner), request)


GZIPPED = "mondialrelay-gzipped"
"""The counter of the answers sent gzipped (`GET /_control/requests`)."""


def _gzipped(response: Response, request: Request) -> Response:
    """Cloudflare, in front of Mondial Relay, gzips its answers for the clients that accept it."""
    if "gzip" not in request.headers.get("accept-encoding", ""):
        return response
    board_of(request).count(GZIPPED)
    headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
    return Response(gzip.compress(response.body), media_type=XML_TYPE, headers=headers)
