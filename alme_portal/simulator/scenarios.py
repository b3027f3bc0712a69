"""Deterministic tracking stories keyed by tracking number, computed from `now` (no real time).

Every demo shipment that has a tracking number gets the story its demo status and dates tell;
named extra scenarios cover the cases tests need (silent parcel, neighbour, customs hold...).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from alme_portal.demo import returns as demo_returns
from alme_portal.demo.catalog import RELAY_POINTS_BY_CODE
from alme_portal.demo.data import ShipmentSpec
from alme_portal.demo.orders import ORDERS
from alme_portal.demo.rows import DemoRows, tracking_number
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days, working_days_before
from alme_portal.platform.vocabulary import Carrier, ReturnStatus
from alme_portal.simulator import variants

NON_EU = {"CH", "GB"}
HOUR = timedelta(hours=1)

# Mondial Relay tracing labels (Langue=FR).
MR_DATA = "RÉCEPTION DES DONNÉES"
MR_AGENCY = "PRISE EN CHARGE EN AGENCE"
MR_DRIVER = "COLIS REMIS AU LIVREUR"
MR_AT_RELAY = "DISPONIBLE AU POINT RELAIS"
MR_DELIVERED = "COLIS LIVRÉ"
MR_RELAY_DROP = "PRISE EN CHARGE POINT RELAIS"
"""A parcel handed in at a relay point: how a prepaid return starts its way (R3)."""
MR_ANOMALY = "ANOMALIE"
MR_RETURNING = "RETOUR EXPÉDITEUR"
MR_RETURNED = "COLIS RETOURNÉ À L'EXPÉDITEUR"

# Named scenarios for tests: rule ids in comments.
LP_LABEL_ONLY = "6A00000000010"
LP_OUT_FOR_DELIVERY = "6A00000000027"
LP_DELIVERY_FAILED = "6A00000000034"
LP_AT_POST_OFFICE = "6A00000000041"
LP_PROBLEM = "6A00000000058"
LP_RETURNING = "6A00000000065"
LP_RETURNED = "6A00000000072"
LP_NEIGHBOUR = "6A00000000089"
LP_SILENT = "6A00000000096"
"""O7: last event 6 working days ago."""
LP_UNKNOWN_CODE = "6A00000000102"
"""Event code ZZ9 after MD2: the status must stay OUT_FOR_DELIVERY."""
LP_CUSTOMS_HOLD = "CB000000007FR"
"""The London parcel's story with a DO3 customs hold."""
MR_IN_TRANSIT = "90000001"
MR_ANOMALY_NUMBER = "90000002"
MR_RETURNING_NUMBER = "90000003"
MR_UNKNOWN_LABEL = "90000004"
MR_OUT_FOR_DELIVERY = "90000005"
MR_RETURN_DROPPED = "90000011"
"""R3: a prepaid return handed in at a relay point this morning."""
MR_RETURN_ON_ITS_WAY = "90000012"
MR_RETURN_AT_ATELIER = "90000013"
"""R3: a prepaid return delivered to the Atelier."""
LP_PARTNER_DELIVERED = "6A00000000119"
"""Collected at a pickup point; the delivery scan in partner scope (`status` LIVCFM, no `code`)."""
LP_ESTIMATED = "6A00000000126"
"""On its way with La Poste's estimated window (O4), answered as an array of one."""
MR_DELIVERED_SPANISH = "90000006"
"""Collected at its relay point; tracing in Spanish, dates with a four-digit year."""
MR_DELIVERED_ENGLISH = "90000007"
"""Collected at its relay point; tracing in English."""


@dataclass(frozen=True)
class SimEvent:
    """One scan: a La Poste code, or a Mondial Relay `Libelle`."""

    at: datetime
    code: str
    label: str = ""
    """La Poste label override; empty uses the catalogue label."""
    location: str = ""
    relay_point: str | None = None
    """Mondial Relay: the relay (`FR-044105`) the scan happened at."""


@dataclass(frozen=True)
class Scenario:
    """A parcel's whole story; `events` are oldest first."""

    number: str
    carrier: Carrier
    events: tuple[SimEvent, ...]
    destination: str = "FR"
    removal_point: tuple[str, str] | None = None
    """La Poste: (`idPoint`, name) of the post office or pickup point holding the parcel."""
    variants: frozenset[str] = frozenset()
    """The shapes of the real formats its answers take (`simulator.variants`)."""
    estimate: tuple[datetime, datetime] | None = None
    """La Poste: the delivery window it estimates, given while the parcel is on its way."""


def scenarios_at(now: datetime) -> dict[str, Scenario]:
    """Return every scenario by tracking number, events up to `now` only."""
    stories = demo_scenarios(now) | demo_return_scenarios(now) | named_scenarios(now)
    return {
        number: replace(
            story,
            events=tuple(sorted((e for e in story.events if e.at <= now), key=lambda e: e.at)),
        )
        for number, story in stories.items()
    }


def demo_scenarios(now: datetime) -> dict[str, Scenario]:
    """Return the story of every dispatched demo parcel, dated as the demo loader dates it."""
    rows = DemoRows(None, clock.in_paris(now).date())  # type: ignore[arg-type]  # dates only
    stories = {}
    for order in ORDERS:
        carrier = Carrier(order.shipping_method)
        relay = RELAY_POINTS_BY_CODE.get(order.relay_point) if order.relay_point else None
        country = relay.country if relay else order.ship_to.country
        for sequence, shipment in enumerate(order.shipments, start=1):
            if not shipment.dispatched:
                continue
            number = tracking_number(carrier, country, f"{order.number}/{sequence}")
            chosen = variants.DEMO_VARIANTS.get(order.number, frozenset())
            if carrier == Carrier.MONDIAL_RELAY:
                events = _relay_events(shipment, rows.moment, order.relay_point)
            else:
                events = _laposte_events(shipment, rows.moment, country)
            if variants.LP_PARTNER in chosen:
                events = [replace(e, code="LIVCFM") if e.code == "DI1" else e for e in events]
            estimate = (
                variants.estimated_window(rows.moment(shipment.dispatched))
                if variants.LP_ESTIMATE in chosen
                else None
            )
            stories[number] = Scenario(
                number, carrier, tuple(events), country, variants=chosen, estimate=estimate
            )
    return stories


def booked_stories(booked: dict[str, datetime]) -> dict[str, Scenario]:
    """The tracing of each parcel the simulator booked: its data received when it was booked."""
    return {
        number: Scenario(number, Carrier.MONDIAL_RELAY, (SimEvent(at, MR_DATA),))
        for number, at in booked.items()
    }


def demo_return_scenarios(now: datetime) -> dict[str, Scenario]:
    """The demo returns' parcels (R3): booked when declared, handed in a day later if dropped."""
    today = clock.in_paris(now).date()
    stories = {}
    for index, spec in enumerate(demo_returns.RETURNS):
        number = str(demo_returns.DEMO_FIRST_EXPEDITION + index)
        day = today - timedelta(days=spec.days_ago)
        booked = clock.as_utc(datetime.combine(day, time(spec.hour), clock.PARIS))
        events = [SimEvent(booked, MR_DATA)]
        if spec.status != ReturnStatus.DECLARED:
            dropped = clock.as_utc(datetime.combine(day + timedelta(days=1), time(11), clock.PARIS))
            events += _return_way(dropped, spec.relay_point)
        stories[number] = Scenario(number, Carrier.MONDIAL_RELAY, tuple(events))
    return stories


def _return_way(dropped: datetime, relay_point: str, delivered: bool = False) -> list[SimEvent]:
    """A prepaid return's scans from the relay point on (to the Atelier when `delivered`)."""
    events = [
        SimEvent(dropped, MR_RELAY_DROP, relay_point=relay_point),
        SimEvent(dropped + 20 * HOUR, MR_AGENCY, location="AGENCE PARIS NORD"),
    ]
    if delivered:
        events.append(SimEvent(dropped + 44 * HOUR, MR_DELIVERED, location="PARIS 08"))
    return events


def _laposte_events(shipment: ShipmentSpec, moment, country: str) -> list[SimEvent]:
    dispatched = moment(shipment.dispatched)
    events = [SimEvent(dispatched - 2 * HOUR, "DR1")]
    if not shipment.carrier_scanned:
        return events
    events += [SimEvent(dispatched, "PC1"), SimEvent(dispatched + 4 * HOUR, "ET1")]
    if country != "FR":
        events.append(SimEvent(dispatched + 10 * HOUR, "ET2"))
    if shipment.ready_for_pickup:
        events.append(SimEvent(moment(shipment.ready_for_pickup), "AG1"))
    if shipment.delivered:
        delivered = moment(shipment.delivered)
        if country in NON_EU:
            events += [
                SimEvent(delivered - 30 * HOUR, "DO1"),
                SimEvent(delivered - 26 * HOUR, "DO2"),
                SimEvent(delivered - 20 * HOUR, "ET3"),
            ]
        events += [SimEvent(delivered - 3 * HOUR, "MD2"), SimEvent(delivered, "DI1")]
    if shipment.returned_to_sender:
        returned = moment(shipment.returned_to_sender)
        events += [SimEvent(returned - 48 * HOUR, "RE1"), SimEvent(returned, "DI2")]
    return events


def _relay_events(shipment: ShipmentSpec, moment, relay_point: str | None) -> list[SimEvent]:
    dispatched = moment(shipment.dispatched)
    events = [SimEvent(dispatched - 2 * HOUR, MR_DATA)]
    if not shipment.carrier_scanned:
        return events
    events.append(SimEvent(dispatched + 3 * HOUR, MR_AGENCY, location="AGENCE PARIS NORD"))
    if shipment.ready_for_pickup:
        ready = moment(shipment.ready_for_pickup)
        events.append(SimEvent(ready, MR_AT_RELAY, relay_point=relay_point))
    if shipment.delivered:
        events.append(SimEvent(moment(shipment.delivered), MR_DELIVERED, relay_point=relay_point))
    if shipment.returned_to_sender:
        returned = moment(shipment.returned_to_sender)
        start = ready if shipment.ready_for_pickup else dispatched
        hold_ends = add_working_days(
            clock.in_paris(start).date(), settings.RELAY_PICKUP_HOLD_WORKING_DAYS
        )
        leaves = clock.as_utc(datetime.combine(hold_ends, time(8, 0), clock.PARIS))
        events += [
            SimEvent(min(leaves, returned - HOUR), MR_RETURNING),
            SimEvent(returned, MR_RETURNED),
        ]
    return events


def named_scenarios(now: datetime) -> dict[str, Scenario]:
    """Return the extra scenarios tests use, dated relative to `now`."""
    day = timedelta(days=1)
    start = now - 3 * day
    sent = [SimEvent(start, "DR1"), SimEvent(start + 2 * HOUR, "PC1")]
    sent += [SimEvent(start + 8 * HOUR, "ET1")]
    silent_day = working_days_before(clock.in_paris(now).date(), 6)
    silent = clock.as_utc(datetime.combine(silent_day, time(9, 30), clock.PARIS))
    neighbour = "Votre colis a été remis à votre voisin, M. Martin, en votre absence."
    mr_sent = [SimEvent(start, MR_DATA), SimEvent(start + 5 * HOUR, MR_AGENCY, location="HUB")]
    stories = [
        Scenario(LP_LABEL_ONLY, Carrier.COLISSIMO, (SimEvent(now - day, "DR1"),)),
        Scenario(LP_OUT_FOR_DELIVERY, Carrier.COLISSIMO, (*sent, SimEvent(now - HOUR, "MD2"))),
        Scenario(
            LP_DELIVERY_FAILED,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - 5 * HOUR, "MD2"), SimEvent(now - HOUR, "ND1")),
        ),
        Scenario(
            LP_AT_POST_OFFICE,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - day, "ND1"), SimEvent(now - 5 * HOUR, "AG1")),
            removal_point=("752210", "PARIS LOUVRE BP"),
        ),
        Scenario(
            LP_PARTNER_DELIVERED,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - day, "AG1"), SimEvent(now - 2 * HOUR, "LIVCFM")),
            removal_point=("691230", "LYON TERREAUX"),
            variants=frozenset({variants.LP_PARTNER}),
        ),
        Scenario(
            LP_ESTIMATED,
            Carrier.COLISSIMO,
            tuple(sent),
            variants=frozenset({variants.LP_ARRAY, variants.LP_ESTIMATE}),
            estimate=variants.estimated_window(now),
        ),
        Scenario(LP_PROBLEM, Carrier.COLISSIMO, (*sent, SimEvent(now - HOUR, "PB1"))),
        Scenario(
            LP_RETURNING,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - 2 * day, "AG1"), SimEvent(now - HOUR, "RE1")),
        ),
        Scenario(
            LP_RETURNED,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - 2 * day, "RE1"), SimEvent(now - HOUR, "DI2")),
        ),
        Scenario(
            LP_NEIGHBOUR,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - 5 * HOUR, "MD2"), SimEvent(now - HOUR, "DI1", neighbour)),
        ),
        Scenario(
            LP_SILENT,
            Carrier.COLISSIMO,
            (
                SimEvent(silent - 2 * day, "DR1"),
                SimEvent(silent - day, "PC1"),
                SimEvent(silent, "ET1"),
            ),
        ),
        Scenario(
            LP_UNKNOWN_CODE,
            Carrier.COLISSIMO,
            (*sent, SimEvent(now - 2 * HOUR, "MD2"), SimEvent(now - HOUR, "ZZ9", "Code inédit")),
        ),
        Scenario(
            LP_CUSTOMS_HOLD,
            Carrier.COLISSIMO,
            (
                *sent,
                SimEvent(now - day, "ET2"),
                SimEvent(now - 9 * HOUR, "DO1"),
                SimEvent(now - 2 * HOUR, "DO3"),
            ),
            destination="GB",
        ),  # fmt: skip
        Scenario(MR_IN_TRANSIT, Carrier.MONDIAL_RELAY, tuple(mr_sent)),
        Scenario(
            MR_OUT_FOR_DELIVERY,
            Carrier.MONDIAL_RELAY,
            (*mr_sent, SimEvent(now - 2 * HOUR, MR_DRIVER)),
        ),
        Scenario(
            MR_ANOMALY_NUMBER,
            Carrier.MONDIAL_RELAY,
            (*mr_sent, SimEvent(now - 2 * HOUR, MR_ANOMALY)),
        ),
        Scenario(
            MR_RETURNING_NUMBER,
            Carrier.MONDIAL_RELAY,
            (
                *mr_sent,
                SimEvent(now - 2 * day, MR_AT_RELAY, relay_point="FR-012744"),
                SimEvent(now - HOUR, MR_RETURNING),
            ),
        ),  # fmt: skip
        Scenario(
            MR_RETURN_DROPPED,
            Carrier.MONDIAL_RELAY,
            (
                SimEvent(now - day, MR_DATA),
                SimEvent(now - 2 * HOUR, MR_RELAY_DROP, relay_point="FR-046872"),
            ),
        ),  # fmt: skip
        Scenario(
            MR_RETURN_ON_ITS_WAY,
            Carrier.MONDIAL_RELAY,
            (SimEvent(now - 3 * day, MR_DATA), *_return_way(now - 2 * day, "FR-046872")),
        ),
        Scenario(
            MR_RETURN_AT_ATELIER,
            Carrier.MONDIAL_RELAY,
            (
                SimEvent(now - 4 * day, MR_DATA),
                *_return_way(now - 3 * day, "FR-046872", delivered=True),
            ),
        ),  # fmt: skip
        Scenario(
            MR_UNKNOWN_LABEL,
            Carrier.MONDIAL_RELAY,
            (
                *mr_sent,
                SimEvent(now - 2 * day, MR_AT_RELAY, relay_point="FR-012744"),
                SimEvent(now - HOUR, "COLIS EN COURS DE CONTRÔLE"),
            ),
        ),  # fmt: skip
        *(
            Scenario(
                number,
                Carrier.MONDIAL_RELAY,
                (
                    *mr_sent,
                    SimEvent(now - 2 * day, MR_AT_RELAY, relay_point="FR-044105"),
                    SimEvent(now - 3 * HOUR, MR_DELIVERED, relay_point="FR-044105"),
                ),
                variants=chosen,
            )
            for number, chosen in (
                (MR_DELIVERED_SPANISH, frozenset({variants.MR_SPANISH, variants.MR_FULL_YEAR})),
                (MR_DELIVERED_ENGLISH, frozenset({variants.MR_ENGLISH})),
            )
        ),
    ]
    return {story.number: story for story in stories}
