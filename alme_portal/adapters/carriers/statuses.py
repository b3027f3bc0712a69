"""The portal's one list of parcel statuses, and how each carrier's codes map onto it."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

logger = logging.getLogger(__name__)


class TrackingStatus(StrEnum):
    """Where a parcel stands, whatever the carrier."""

    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERY_FAILED = "delivery_failed"
    EXCEPTION = "exception"
    RETURNING_TO_SENDER = "returning_to_sender"
    RETURNED_TO_SENDER = "returned_to_sender"
    DELIVERED = "delivered"
    UNKNOWN = "unknown"


Source = Literal["live", "cache", "stale"]


@dataclass(frozen=True)
class TrackingEvent:
    """One carrier scan: when (aware UTC), the portal status it means, the raw code and label."""

    at: datetime
    status: TrackingStatus
    code: str
    label: str


@dataclass(frozen=True)
class TrackingResult:
    """What a carrier says about one parcel; `events` are newest first."""

    carrier: str
    tracking_number: str
    status: TrackingStatus
    events: tuple[TrackingEvent, ...]
    delivered_at: datetime | None
    relay_point_code: str | None
    fetched_at: datetime
    source: Source = "live"
    estimated_from: datetime | None = None
    """La Poste's estimated delivery (aware UTC): the day, or the start of a time window."""
    estimated_until: datetime | None = None
    """The end of that time window, when La Poste gives one."""


RETURN_STATUSES = {TrackingStatus.RETURNING_TO_SENDER, TrackingStatus.RETURNED_TO_SENDER}


LAPOSTE_STATUSES: dict[str, TrackingStatus] = {
    "DR1": TrackingStatus.LABEL_CREATED,
    "PC1": TrackingStatus.IN_TRANSIT,
    "PC2": TrackingStatus.IN_TRANSIT,
    "ET1": TrackingStatus.IN_TRANSIT,
    "ET2": TrackingStatus.IN_TRANSIT,
    "ET3": TrackingStatus.IN_TRANSIT,
    "ET4": TrackingStatus.IN_TRANSIT,
    "EP1": TrackingStatus.IN_TRANSIT,
    "DO1": TrackingStatus.IN_TRANSIT,
    "DO2": TrackingStatus.IN_TRANSIT,
    "DO3": TrackingStatus.EXCEPTION,
    "PB1": TrackingStatus.EXCEPTION,
    "PB2": TrackingStatus.IN_TRANSIT,
    "MD2": TrackingStatus.OUT_FOR_DELIVERY,
    "ND1": TrackingStatus.DELIVERY_FAILED,
    "AG1": TrackingStatus.AVAILABLE_FOR_PICKUP,
    "RE1": TrackingStatus.RETURNING_TO_SENDER,
    "DI1": TrackingStatus.DELIVERED,
    "DI2": TrackingStatus.RETURNED_TO_SENDER,
}
"""La Poste Suivi v2 event codes (reference table §1.3)."""

LAPOSTE_PARTNER_CODES: dict[str, str] = {
    "COMCFM": "DR1", "PCHMQT": "DR1", "DEPGUI": "PC1", "PCHCFM": "PC1", "PCHTRI": "ET1",
    "AARCFM": "ET1", "PRELIV": "MD2", "RENNRV": "ND1", "RENAVI": "AG1", "MLVARS": "AG1",
    "RENAVA": "RE1", "LIVCFM": "DI1", "LIVGAR": "DI1", "LIVVOI": "DI1", "LIVRTI": "DI1",
    "LIVREO": "DI2",
}  # fmt: skip
"""The internal `status` codes older and partner scopes send in events without a `code`
(reference §1.2), as the official code each means. Their labels are the official ones
("Votre colis est livré." for LIVCFM); unlisted ones keep the previous status."""

MONDIAL_RELAY_STATUSES: dict[str, TrackingStatus] = {
    "RECEPTION DES DONNEES": TrackingStatus.LABEL_CREATED,
    "DATA RECEPTION": TrackingStatus.LABEL_CREATED,
    "PRISE EN CHARGE EN AGENCE": TrackingStatus.IN_TRANSIT,
    "RECIEVED IN AGENCY": TrackingStatus.IN_TRANSIT,
    "COLIS PRIS EN CHARGE": TrackingStatus.IN_TRANSIT,
    "PRISE EN CHARGE POINT RELAIS": TrackingStatus.IN_TRANSIT,
    "COLIS REMIS AU LIVREUR": TrackingStatus.OUT_FOR_DELIVERY,
    "DISPONIBLE AU POINT RELAIS": TrackingStatus.AVAILABLE_FOR_PICKUP,
    "COLIS LIVRE": TrackingStatus.DELIVERED,
    "DELIVERY AT PICK UP POINT": TrackingStatus.DELIVERED,
    "ANOMALIE": TrackingStatus.EXCEPTION,
    "RETOUR EXPEDITEUR": TrackingStatus.RETURNING_TO_SENDER,
    "COLIS RETOURNE A L'EXPEDITEUR": TrackingStatus.RETURNED_TO_SENDER,
}
"""Mondial Relay tracing `Libelle` values, upper-case without accents (reference §2.3)."""


def plain_label(label: str) -> str:
    """Return `label` stripped, upper-cased and without accents, for table look-ups."""
    decomposed = unicodedata.normalize("NFKD", label.strip().upper())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def laposte_code(code: str) -> str:
    """Return the official Suivi v2 code an event code means (partner codes translated)."""
    code = code.strip().upper()
    return LAPOSTE_PARTNER_CODES.get(code, code)


def laposte_status(code: str) -> TrackingStatus | None:
    """Return the portal status of a La Poste event code, or None when the code is unknown."""
    return LAPOSTE_STATUSES.get(laposte_code(code))


def mondial_relay_status(label: str) -> TrackingStatus | None:
    """Return the portal status of a Mondial Relay `Libelle`, or None when it is unknown."""
    return MONDIAL_RELAY_STATUSES.get(plain_label(label))


def build_events(
    carrier: str,
    raw_events: Iterable[tuple[datetime, str, str]],
    lookup: Callable[[str], TrackingStatus | None],
) -> tuple[TrackingEvent, ...]:
    """Map raw carrier events to portal events, newest first.

    An unknown code keeps the status of the event before it (else IN_TRANSIT) and is logged.

    Args:
        carrier: carrier name, for the log line.
        raw_events: (aware UTC instant, code, label) in any order.
        lookup: maps a code to a portal status, or None when unknown.
    """
    previous: TrackingStatus | None = None
    events = []
    for at, code, label in sorted(raw_events, key=lambda event: event[0]):
        status = lookup(code)
        if status is None:
            status = previous or TrackingStatus.IN_TRANSIT
            logger.warning(
                "Unknown %s tracking code %r (%s): kept status %s", carrier, code, label, status
            )
        events.append(TrackingEvent(at=at, status=status, code=code, label=label))
        previous = status
    return tuple(reversed(events))
