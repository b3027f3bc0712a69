"""Shipment notifications: poll the carriers for parcels on their way, e-mail what changed.

`alme-portal tracking poll` (and the mail worker, every `TRACKING_POLL_MINUTES`) asks the
carrier about every parcel on its way, then e-mails the customer the news `rules.notifications`
finds, at most once per parcel and news: the `ParcelNotice` row and the e-mail are written in
one transaction, under a unique key, so two pollers at once still send one e-mail.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal import i18n
from alme_portal.adapters.carriers.http import CarrierError
from alme_portal.adapters.carriers.laposte import public_tracking_url
from alme_portal.adapters.carriers.statuses import TrackingResult
from alme_portal.adapters.carriers.tracking import TrackingService
from alme_portal.i18n.dates import format_date
from alme_portal.orders.models.catalog import RelayPoint
from alme_portal.orders.models.orders import Order, ParcelNotice, Shipment
from alme_portal.orders.rules import delivery
from alme_portal.orders.rules.notifications import ParcelNews, parcel_news
from alme_portal.platform import clock, db, outbox, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.text import name_for_email
from alme_portal.platform.vocabulary import CARRIER_NAMES, ShipmentStatus

log = logging.getLogger(__name__)

FOLLOWED = (ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.READY_FOR_PICKUP)
EMAIL_KIND = "parcel_{news}"


def parcels_on_their_way(session: Session) -> list[tuple[int, str, str]]:
    """The parcels to ask the carrier about: dispatched, not yet delivered or back, not too old.

    Returns:
        (shipment id, carrier, tracking number) of each.
    """
    since = clock.now() - timedelta(days=settings.TRACKING_POLL_MAX_DAYS)
    return list(
        session.exec(
            select(Shipment.id, Shipment.carrier, Shipment.tracking_number)
            .where(
                Shipment.status.in_(FOLLOWED),
                Shipment.tracking_number.is_not(None),
                Shipment.dispatched_at.is_not(None),
                Shipment.dispatched_at >= since,
            )
            .order_by(Shipment.id)
        )
    )


def notify(session: Session, shipment_id: int, result: TrackingResult, today: date) -> str | None:
    """E-mail the news of one parcel if it has any not yet told (the caller commits).

    Returns:
        The news e-mailed (a `ParcelNews` value), or None.
    """
    shipment = session.get(Shipment, shipment_id)
    order = session.get(Order, shipment.order_id) if shipment else None
    if order is None or shipment.dispatched_at is None:
        return None
    _start, window_end = delivery.delivery_window(
        order.shipping_method, shipment.dispatched_at, order.placed_at
    )
    last_event = result.events[0].at if result.events else shipment.dispatched_at
    news = parcel_news(result.status.value, last_event, window_end, today)
    if news is None or _told(session, shipment_id, news):
        return None
    try:
        with session.begin_nested():  # another poller may be writing the same notice
            session.add(ParcelNotice(shipment_id=shipment_id, news=news, at=clock.now()))
            session.flush()
    except sa.exc.IntegrityError:
        return None
    subject, body = _texts(session, order, shipment, news, window_end, last_event)
    outbox.record_email(
        session, recipient=order.email, kind=EMAIL_KIND.format(news=news),
        language=order.language, subject=subject, body=body, order_id=order.id,
    )  # fmt: skip
    return news


def _told(session: Session, shipment_id: int, news: ParcelNews) -> bool:
    query = select(ParcelNotice.id).where(
        ParcelNotice.shipment_id == shipment_id, ParcelNotice.news == news
    )
    return session.exec(query).first() is not None


def _texts(session, order, shipment, news, window_end, last_event) -> tuple[str, str]:
    language = order.language
    relay_id = shipment.relay_point_id or order.relay_point_id
    relay = session.get(RelayPoint, relay_id) if relay_id else None
    postcode = relay.postcode if relay else order.ship_postcode
    values = {
        "first_name": name_for_email(order.ship_first_name),
        "number": order.number,
        "carrier": CARRIER_NAMES.get(shipment.carrier, shipment.carrier),
        "tracking_number": shipment.tracking_number,
        "tracking_url": public_tracking_url(shipment.carrier, shipment.tracking_number, postcode),
        "contact": settings.CONTACT_EMAIL,
        "days": settings.O9_REFUND_WORKING_DAYS,
    }
    if news == ParcelNews.AT_RELAY:
        ready = clock.in_paris(last_event).date()
        pickup_by = add_working_days(ready, settings.RELAY_PICKUP_HOLD_WORKING_DAYS)
        values["date"] = format_date(pickup_by, language)
        values["relay"] = relay.name if relay else values["carrier"]
        values["relay_address"] = f"{relay.address}, {relay.postcode} {relay.city}" if relay else ""
    elif news == ParcelNews.LATE:
        values["date"] = format_date(window_end, language)
    elif news == ParcelNews.SILENT:
        values["date"] = format_date(clock.in_paris(last_event).date(), language)
    return i18n.email(language, f"email.parcel.{news}", **values)


def poll(tracking: TrackingService, today: date | None = None) -> Counter:
    """Ask the carriers about every parcel on its way and e-mail the news (`notify`).

    A carrier that does not answer, or does not know a number, only skips that parcel.

    Returns:
        How many parcels were `asked`, how many e-mails of each news were written, and how many
        parcels were `unanswered`.
    """
    today = today or clock.today()
    with db.session_scope() as session:
        parcels = parcels_on_their_way(session)
    counts: Counter = Counter()
    for shipment_id, carrier, number in parcels:
        counts["asked"] += 1
        try:
            result = tracking.track(carrier, number)  # outside any transaction: it is HTTP
        except (CarrierError, ValueError) as error:
            log.info("parcel %s not tracked now: %s", shipment_id, error)
            counts["unanswered"] += 1
            continue
        with db.session_scope(write=True) as session:
            news = notify(session, shipment_id, result, today)
        if news:
            counts[news] += 1
    return counts
