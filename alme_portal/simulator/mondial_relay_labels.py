"""Simulated `WSI2_CreationEtiquette` (reference §2.5): checks as the carrier does, books a label.

The field checks follow the official regexes the reference quotes: lines of 2 to 32 upper-case
characters, a street (line 3), a city, a postcode, a phone for the sender of a relay drop-off,
a weight of at least 100 g. Expedition numbers are 8 digits, counted up per simulator.
"""

from __future__ import annotations

import io
import itertools
import re
import time
from datetime import datetime

from starlette.requests import Request
from starlette.responses import Response

from alme_portal.adapters.carriers.mondial_relay_booking import LINE_WIDTH, PHONE
from alme_portal.returns.labels import code128
from alme_portal.simulator.faults import board_of

FIRST_EXPEDITION = 50554860
"""The expedition number in the reference's recorded booking; the simulator counts from it."""
_LINE = re.compile(rf"^[0-9A-Z_\-'., /]{{2,{LINE_WIDTH}}}$")
_OPTIONAL_LINE = re.compile(rf"^[0-9A-Z_\-'., /]{{0,{LINE_WIDTH}}}$")
_POSTCODE = re.compile(r"^[0-9A-Z ]{2,10}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CHECKS = (
    # (STAT, field suffix, pattern): the first that fails is the answer, as the carrier does
    (30, "Ad1", _LINE), (31, "Ad2", _OPTIONAL_LINE), (32, "Ad3", _LINE),
    (33, "Ad4", _OPTIONAL_LINE),
    (34, "Ville", re.compile(r"^[A-Z_\-' ]{2,26}$")), (35, "CP", _POSTCODE),
    (36, "Pays", _COUNTRY), (37, "Tel1", PHONE),
)  # fmt: skip


def new_counter() -> itertools.count:
    """The expedition numbers one simulator hands out, from where its start time puts them.

    A restarted simulator must not hand out the numbers of the parcels it booked before (the
    portal's database keeps them): the start moves on by one every tenth of a second.
    """
    return itertools.count(FIRST_EXPEDITION + time.time_ns() // 10**8 % 40_000_000)


def creation(
    fields: dict[str, str], expeditions: itertools.count, booked: dict[str, datetime], now: datetime
) -> str:
    """The `WSI2_CreationEtiquetteResult` children for a signed request's `fields`.

    A booked parcel is remembered with the moment it was booked: its tracing starts then.
    """
    if fields.get("ModeCol") != "REL" or fields.get("COL_Rel") != "AUTO":
        return "<STAT>28</STAT>"
    if fields.get("ModeLiv") != "LCC":
        return "<STAT>29</STAT>"
    for prefix in ("Expe", "Dest"):
        for stat, suffix, pattern in _CHECKS:
            if not pattern.match(fields.get(f"{prefix}_{suffix}", "")):
                return f"<STAT>{stat}</STAT>"
    weight = fields.get("Poids", "")
    if not (weight.isdigit() and 3 <= len(weight) <= 7 and int(weight) >= 100):
        return "<STAT>20</STAT>"
    number = str(next(expeditions))
    booked[number] = now
    path = (
        f"/ww2/PDF/StickerMaker2.aspx?ens={fields['Enseigne']}11&amp;expedition={number}"
        "&amp;lg=FR&amp;format=A4&amp;crc=D97CD8160D2DBCD8F7145C2F81097F40"
    )
    number_xml = f"<ExpeditionNum>{number}</ExpeditionNum>"
    return f"<STAT>0</STAT>{number_xml}<URL_Etiquette>{path}</URL_Etiquette>"


def label(request: Request) -> Response:
    """`GET /mondialrelay/ww2/PDF/StickerMaker2.aspx?expedition=`: a booked parcel's label PDF.

    Not the carrier's layout: a 1-bit page carrying what the relay point scans, the Code 128 of
    the expedition number.
    """
    fault = board_of(request).next_call("mondialrelay-label")
    if fault is not None and fault.kind in ("500", "503"):
        return Response("Service Unavailable", status_code=int(fault.kind))
    number = request.query_params.get("expedition", "")
    if number not in request.app.state.booked:
        return Response("Etiquette introuvable", status_code=404, media_type="text/plain")
    return Response(label_pdf(number), media_type="application/pdf")


def label_pdf(number: str) -> bytes:
    """The label PDF of expedition `number`, as the simulator draws it."""
    bars = code128.render(number, 4, 240).convert("1")
    buffer = io.BytesIO()
    bars.save(buffer, format="PDF", resolution=203, title=f"Mondial Relay {number}")
    return buffer.getvalue()
