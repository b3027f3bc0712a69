"""Simulated Mondial Relay API V1: `POST /mondialrelay/Web_Services.asmx` (reference §2.1–2.4)."""

from __future__ import annotations

import asyncio
import math
import re
import xml.etree.ElementTree as ET
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
from alme_portal.demo.catalog import RELAY_POINTS, RELAY_POINTS_BY_CODE
from alme_portal.demo.data import RelayPointSpec
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import Carrier
from alme_portal.simulator import mondial_relay_labels as labels
from alme_portal.simulator.faults import Fault, board_of
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
TRACING_SLOTS = 10
EXPEDITION = re.compile(r"^\d{8,14}$")
WEEK_HOURS = (("0900", "1230", "1400", "1900"),) * 5 + (
    ("0930", "1300", "0000", "0000"),
    ("0000", "0000", "0000", "0000"),
)
DAYS = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")


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


def _tracing_entry(at, label: str, location: str, relay: str | None) -> str:
    local = clock.in_paris(at)
    country, number = relay.split("-") if relay else ("", "")
    return (
        "<ret_WSI2_sub_TracingColisDetaille>"
        + _el("Libelle", label) + _el("Date", local.strftime("%d/%m/%y"))
        + _el("Heure", local.strftime("%H:%M")) + _el("Emplacement", location)
        + _el("Relais_Num", number) + _el("Relais_Pays", country)
        + "</ret_WSI2_sub_TracingColisDetaille>"
    )  # fmt: skip


def tracing(fields: dict[str, str], stories: dict[str, Scenario]) -> str:
    """Return the inner XML of `WSI2_TracingColisDetailleResult`."""
    number = fields.get("Expedition", "")
    story = stories.get(number)
    if not EXPEDITION.match(number):
        return _el("STAT", "24") + "<Libelle01 /><Relais_Libelle /><Relais_Num /><Libelle02 />"
    if story is None or story.carrier != Carrier.MONDIAL_RELAY or not story.events:
        return _el("STAT", "94") + "<Libelle01 /><Relais_Libelle /><Relais_Num /><Libelle02 />"
    relays = [e.relay_point for e in story.events if e.relay_point]
    relay = RELAY_POINTS_BY_CODE.get(relays[-1]) if relays else None
    entries = [_tracing_entry(e.at, e.code, e.location, e.relay_point) for e in story.events]
    padding = "<ret_WSI2_sub_TracingColisDetaille><Libelle /><Date /><Heure /><Emplacement />"
    padding += "<Relais_Num /><Relais_Pays /></ret_WSI2_sub_TracingColisDetaille>"
    entries += [padding] * max(0, TRACING_SLOTS - len(entries))
    return (
        _el("STAT", str(_stat_of(story))) + _el("Libelle01", story.events[-1].code)
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


def _point_xml(point: RelayPointSpec, distance: int) -> str:
    hours = "".join(
        f"<Horaires_{day}>" + "".join(f"<string>{slot}</string>" for slot in slots)
        + f"</Horaires_{day}>"
        for day, slots in zip(DAYS, WEEK_HOURS, strict=True)
    )  # fmt: skip
    return (
        "<PointRelais_Details><STAT />" + _el("Num", point.code[3:])
        + _el("LgAdr1", point.name.ljust(32)) + "<LgAdr2 />"
        + _el("LgAdr3", point.address.ljust(32)) + "<LgAdr4 />" + _el("CP", point.postcode)
        + _el("Ville", point.city.upper().ljust(26)) + _el("Pays", point.country)
        + "<Localisation1 /><Localisation2 />" + _el("Latitude", _coordinate(point.latitude))
        + _el("Longitude", _coordinate(point.longitude)) + "<TypeActivite>000</TypeActivite>"
        + "<Information />" + hours + "<Informations_Dispo /><URL_Photo /><URL_Plan />"
        + _el("Distance", str(distance)) + "</PointRelais_Details>"
    )  # fmt: skip


def relay_search(fields: dict[str, str]) -> str:
    """Return the inner XML of `WSI4_PointRelais_RechercheResult`, nearest point first."""
    country, postcode = fields.get("Pays", "").upper(), fields.get("CP", "")
    if not postcode and not fields.get("Ville"):
        return "<STAT>40</STAT><PointsRelais />"
    try:
        limit = min(int(fields.get("NombreResultats") or 10), 30)
    except ValueError:
        return "<STAT>40</STAT><PointsRelais />"
    same_country = [p for p in RELAY_POINTS if p.country == country]
    origin = next((p for p in same_country if p.postcode == postcode), None) or next(
        (p for p in same_country if p.postcode[:2] == postcode[:2]), None
    )
    if origin is None:
        return "<STAT>0</STAT><PointsRelais />"
    radius = fields.get("RayonRecherche", "")
    limit_m = int(radius) * 1000 if radius.isdigit() else None
    ranked = sorted(((_distance_m(origin, p), p) for p in same_country), key=lambda x: x[0])
    ranked = [(m, p) for m, p in ranked if limit_m is None or m <= limit_m]
    points = "".join(_point_xml(point, distance) for distance, point in ranked[:limit])
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
        return _response(method, tracing(fields, stories))
    if method == "WSI2_CreationEtiquette":
        booked = labels.creation(fields, state.expeditions, state.booked, state.now())
        return _response(method, booked)
    return _response(method, relay_search(fields))
