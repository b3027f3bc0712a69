"""Simulated Mondial Relay API Connect (reference §2.6, §2.7): paperless prepaid returns.

`POST /mondialrelay-connect/api/shipment` answers a `ShipmentCreationRequest` as the real API
does where the reference has recorded it: HTTP 200 for errors too, `Status` at root level,
`10001` for bad credentials, `10023` without a delivery mode, `10033` without a weight.

UNVERIFIED (no recorded `OutputType=QRCode` answer exists): the label's `Output` is the URL of
a PNG QR code served at `/mondialrelay-connect/qrcode`, and the phone check's code (`10051`,
recorded for a missing home-delivery phone) is borrowed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr

from starlette.requests import Request
from starlette.responses import Response

from alme_portal.returns.labels.render import qr_png
from alme_portal.simulator.faults import board_of
from alme_portal.simulator.mondial_relay import fault_response

REQUEST = "{http://www.example.org/Request}"
RESPONSE_NAMESPACE = "http://www.example.org/Response"
_PHONE = re.compile(r"^\+\d{3,20}$")
SANDBOX_NOTE = (
    "API Mondial Relay Sandbox, aucune donnée n'a été enregistrée, le résultat ne peut être "
    "utilisé sur un flux de production."
)


def _answer(inner: str, status: str) -> Response:
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<ShipmentCreationResponse xmlns="{RESPONSE_NAMESPACE}" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{inner}<StatusList>{status}</StatusList></ShipmentCreationResponse>"
    )
    return Response(body, media_type="application/xml; charset=utf-8")


def _error(code: int, message: str, level: str = "Error") -> Response:
    status = f"<Status Code={quoteattr(str(code))} Level={quoteattr(level)} "
    return _answer("<ShipmentsList />", status + f"Message={quoteattr(message)} />")


def _find(root: ET.Element, *names: str) -> ET.Element | None:
    return root.find("/".join(f"{REQUEST}{name}" for name in names))


def _value(root: ET.Element, *names: str) -> str:
    found = _find(root, *names)
    return (found.text or "").strip() if found is not None else ""


def _problem(root: ET.Element, credentials: tuple[str, str, str]) -> Response | None:
    """The carrier's answer to a request it refuses, or None."""
    given = tuple(_value(root, "Context", name) for name in ("Login", "Password", "CustomerId"))
    if given != credentials:
        return _error(10001, "Invalid user and/or password. Check the authentication "
                      "information.", "Critical Error")  # fmt: skip
    shipment = _find(root, "ShipmentsList", "Shipment")
    if shipment is None:
        return _error(10023, "No delivery mode defined in the request.")
    delivery = shipment.find(f"{REQUEST}DeliveryMode")
    collection = shipment.find(f"{REQUEST}CollectionMode")
    if delivery is None or delivery.get("Mode") != "LCC":
        return _error(10023, "No delivery mode defined in the request.")
    if collection is None or collection.get("Mode") != "REL":
        return _error(10023, "No collection mode defined in the request.")
    weight = shipment.find(f"{REQUEST}Parcels/{REQUEST}Parcel/{REQUEST}Weight")
    if weight is None or not weight.get("Value", "").isdigit():
        return _error(10033, "No weight defined in the parcel element.")
    phone = shipment.find(f"{REQUEST}Sender/{REQUEST}Address/{REQUEST}MobileNo")
    if phone is None or not _PHONE.match((phone.text or "").strip()):
        return _error(10051, "Service_Expedition_TelephoneRequis")
    return None


async def shipment(request: Request) -> Response:
    """`POST /mondialrelay-connect/api/shipment`: book a return, answer its QR code's URL."""
    fault = board_of(request).next_call("mondialrelay-connect")
    if fault is not None:
        if fault.kind == "stat":
            return _error(fault.stat, "Simulated refusal")
        answer = await fault_response(fault)
        if answer is not None:
            return answer
    try:
        root = ET.fromstring(await request.body())
    except ET.ParseError:
        return Response("Bad Request", status_code=400)
    state = request.app.state
    problem = _problem(root, state.connect_credentials)
    if problem is not None:
        return problem
    number = str(next(state.expeditions))
    state.booked[number] = state.now()
    base = str(request.url).split("/mondialrelay-connect/", 1)[0]
    output = f"{base}/mondialrelay-connect/qrcode?expedition={number}"
    label = (
        f'<Label><RawContent><LabelValues Key="MR.Expedition.NumeroExpedition" '
        f'Value="{number}" /><LabelValues Key="MR.PlanTri.Mode" Value="LCC" /></RawContent>'
        f"<Output>{output.replace('&', '&amp;')}</Output></Label>"
    )
    inner = (
        "<OutputOptions><OutputType>QRCode</OutputType></OutputOptions>"
        f'<ShipmentsList><Shipment ShipmentNumber="{number}"><LabelList>{label}</LabelList>'
        "</Shipment></ShipmentsList>"
    )
    return _answer(inner, f'<Status Code="0" Message={quoteattr(SANDBOX_NOTE)} />')


def qr_code(request: Request) -> Response:
    """`GET /mondialrelay-connect/qrcode?expedition=`: the PNG a relay point scans (UNVERIFIED)."""
    number = request.query_params.get("expedition", "")
    if number not in request.app.state.booked:
        return Response("Not Found", status_code=404, media_type="text/plain")
    return Response(qr_png(f"MR-RETOUR:{number}", 360), media_type="image/png")
