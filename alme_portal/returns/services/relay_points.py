"""Rule R3: finding a Mondial Relay point to drop a return at, through the carrier's search."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, select

from alme_portal.adapters.carriers.http import CarrierUnavailable
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient, RelayPointView
from alme_portal.orders.models.catalog import RelayPoint
from alme_portal.platform import clock, settings

POSTCODES = {"FR": re.compile(r"^\d{5}$"), "BE": re.compile(r"^\d{4}$")}


def find_relay_points(
    session: Session, client: MondialRelayClient, *, country: Any, postcode: Any
) -> list[dict[str, Any]] | str:
    """Relay points near a postcode (France and Belgium), nearest first, or an error key.

    Only points within `RELAY_SEARCH_RADIUS_KM` are offered ("relay.none_near" when none is),
    `RELAY_SEARCH_RESULTS` at most, none closed today (she may drop her parcel at once).
    Lockers are marked ("locker": "1"), for the page to say so.

    The points found are remembered in the `relay_point` table, so that a return can name one.

    Args:
        session: the caller's session (the caller commits).
        client: the Mondial Relay client.
        country: "FR" or "BE".
        postcode: five digits in France, four in Belgium.
    """
    if not isinstance(country, str) or country not in POSTCODES:
        return "relay.invalid.country"
    code = postcode.strip() if isinstance(postcode, str) else ""
    if not POSTCODES[country].match(code):
        return "relay.invalid.postcode"
    try:
        points = client.search_relay_points(
            country, code, limit=settings.RELAY_SEARCH_RESULTS, open_on=clock.today()
        )
    except CarrierUnavailable:
        return "relay.unavailable"
    near = [p for p in points if p.distance_m <= settings.RELAY_SEARCH_RADIUS_KM * 1000]
    if not near:
        return "relay.none_near"
    _remember(session, near)
    return [
        {
            "code": point.code,
            "name": point.name,
            "address": f"{point.address}, {point.postcode} {point.city}",
            "distance_m": str(point.distance_m),
            "locker": "1" if point.locker else "",
        }
        for point in near
    ]


def _remember(session: Session, points: list[RelayPointView]) -> None:
    """Store the points found, updating known ones only where the carrier changed them."""
    codes = [point.code for point in points]
    known = {
        row.code: row for row in session.exec(select(RelayPoint).where(RelayPoint.code.in_(codes)))
    }
    for point in points:
        row = known.get(point.code) or RelayPoint(code=point.code)
        for name in ("name", "address", "postcode", "city", "country", "latitude", "longitude"):
            if getattr(row, name) != getattr(point, name):
                setattr(row, name, getattr(point, name))
        session.add(row)
    session.flush()
