"""Rule R3: where a prepaid return's parcel stands on its way back to the Atelier."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum


class ParcelStage(StrEnum):
    """The stages the customer and the Atelier follow, in order; `problem` is off the way."""

    BOOKED = "booked"
    DROPPED_OFF = "dropped_off"
    ON_ITS_WAY = "on_its_way"
    AT_ATELIER = "at_atelier"
    PROBLEM = "problem"


WAY = (ParcelStage.BOOKED, ParcelStage.DROPPED_OFF, ParcelStage.ON_ITS_WAY,
       ParcelStage.AT_ATELIER)  # fmt: skip
"""The stages a return goes through when all is well."""
RELAY_DROP = "PRISE EN CHARGE POINT RELAIS"
"""Mondial Relay's scan of a parcel handed in at a relay point (`Libelle`, plain)."""
_PROBLEMS = {"exception", "delivery_failed", "returning_to_sender", "returned_to_sender"}


def _plain(label: str) -> str:
    decomposed = unicodedata.normalize("NFKD", label.strip().upper())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def scan_stage(status: str, label: str) -> ParcelStage:
    """The stage one carrier scan means.

    Args:
        status: the portal's tracking status of the scan (`TrackingStatus` value).
        label: the carrier's own words for it (Mondial Relay's `Libelle`).
    """
    if status == "delivered":
        return ParcelStage.AT_ATELIER
    if status in _PROBLEMS:
        return ParcelStage.PROBLEM
    if status == "label_created":
        return ParcelStage.BOOKED
    return ParcelStage.DROPPED_OFF if _plain(label) == RELAY_DROP else ParcelStage.ON_ITS_WAY


def parcel_progress(scans: Iterable[tuple[datetime, str, str]]) -> dict[ParcelStage, datetime]:
    """When the parcel first reached each stage of its way, from its scans in any order.

    A later stage implies the earlier ones (a parcel scanned at the hub was handed in), dated
    with it when the carrier did not scan them. A problem is kept only while it is the last
    news.

    Args:
        scans: (aware instant, tracking status, carrier label) of each scan.
    """
    reached: dict[ParcelStage, datetime] = {}
    for at, status, label in sorted(scans, key=lambda scan: scan[0]):
        stage = scan_stage(status, label)
        reached.pop(ParcelStage.PROBLEM, None)
        if stage == ParcelStage.PROBLEM:
            reached[stage] = at
            continue
        for earlier in WAY[: WAY.index(stage) + 1]:
            reached.setdefault(earlier, at)
    return reached


def current_stage(progress: dict[ParcelStage, datetime]) -> ParcelStage:
    """The parcel's stage now: a problem if that is the last news, else the furthest reached."""
    if ParcelStage.PROBLEM in progress:
        return ParcelStage.PROBLEM
    return max(progress, key=WAY.index, default=ParcelStage.BOOKED)
