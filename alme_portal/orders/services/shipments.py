"""Parcels of an order: planned from the order (O3), dispatched by the feed, e-mailed (O6)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.orders.models.catalog import RelayPoint, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Shipment, ShipmentLine
from alme_portal.orders.rules.delivery import expected_dispatch_date
from alme_portal.orders.services import emails as email_texts
from alme_portal.orders.services.feed_input import (
    DispatchIn,
    DispatchLineIn,
    FeedRejected,
    order_named,
    parse,
)
from alme_portal.platform import clock, events, outbox
from alme_portal.platform.vocabulary import OrderStatus, ShipmentStatus

DISPATCH_EMAIL_KIND = "order_dispatched"


def plan_shipments(
    session: Session, order: Order, lines: list[OrderLine], variants: dict[str, Variant]
) -> None:
    """Rule O3: one planned parcel per expected dispatch day (pre-orders ship on their date)."""
    by_day: dict[date, list[OrderLine]] = defaultdict(list)
    for line in lines:
        day = expected_dispatch_date(order.placed_at, variants[line.sku].preorder_ship_date)
        by_day[day].append(line)
    for day in sorted(by_day):
        shipment = Shipment(
            order_id=order.id,
            carrier=order.shipping_method,
            status=ShipmentStatus.PLANNED.value,
            planned_ship_date=day,
            relay_point_id=order.relay_point_id,
        )
        session.add(shipment)
        session.flush()
        session.add_all(
            ShipmentLine(shipment_id=shipment.id, order_line_id=line.id, quantity=line.quantity)
            for line in by_day[day]
        )
    session.flush()


def dispatch_parcel(session: Session, data: Any) -> int:
    """`order.dispatched`: a parcel leaves with its tracking number and the units it carries."""
    spec: DispatchIn = parse(DispatchIn, data)
    order = order_named(session, spec.number)
    if order.status == OrderStatus.CANCELLED:
        raise FeedRejected(f"order {order.number} is cancelled")
    taken = session.exec(
        select(Shipment.id).where(Shipment.tracking_number == spec.tracking_number)
    )
    if taken.first() is not None:
        raise FeedRejected(f"tracking number {spec.tracking_number} is already used")
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    carried_rows = session.execute(
        select(ShipmentLine.order_line_id, Shipment.status, ShipmentLine.id, ShipmentLine.quantity)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.order_id == order.id)
    ).all()
    sent: dict[int, int] = defaultdict(int)
    for line_id, status, _, quantity in carried_rows:
        if status != ShipmentStatus.PLANNED:
            sent[line_id] += quantity
    wanted = _allocate(spec.lines, lines, sent)
    shipment = Shipment(
        order_id=order.id,
        carrier=spec.carrier,
        tracking_number=spec.tracking_number,
        status=ShipmentStatus.DISPATCHED.value,
        planned_ship_date=clock.in_paris(spec.dispatched_at).date(),
        dispatched_at=spec.dispatched_at,
        relay_point_id=order.relay_point_id,
    )
    session.add(shipment)
    session.flush()
    session.add_all(
        ShipmentLine(shipment_id=shipment.id, order_line_id=line_id, quantity=quantity)
        for line_id, quantity in wanted.items()
    )
    _shrink_planned(session, order.id, wanted)
    for line_id, quantity in wanted.items():
        sent[line_id] += quantity
    complete = all(sent[line.id] >= line.quantity for line in lines)
    if order.status in (OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_DISPATCHED):
        status = OrderStatus.DISPATCHED if complete else OrderStatus.PARTIALLY_DISPATCHED
        order.status = status.value
    session.add(order)
    session.flush()
    events.publish(session, events.OrderDispatched(order.id, shipment.id))
    return order.id


def _allocate(
    wanted: list[DispatchLineIn], lines: list[OrderLine], sent: dict[int, int]
) -> dict[int, int]:
    """Spread the dispatched units over the order's lines, refusing more than was ordered."""
    remaining = {line.id: line.quantity - sent[line.id] for line in lines}
    by_sku: dict[str, list[OrderLine]] = defaultdict(list)
    for line in lines:
        by_sku[line.sku].append(line)
    allocation: dict[int, int] = defaultdict(int)
    for item in wanted:
        if item.sku not in by_sku:
            raise FeedRejected(f"SKU {item.sku} is not on this order")
        left = item.quantity
        for line in by_sku[item.sku]:
            share = min(left, remaining[line.id])
            if share:
                allocation[line.id] += share
                remaining[line.id] -= share
                left -= share
        if left:
            raise FeedRejected(f"more units of {item.sku} dispatched than ordered")
    return dict(allocation)


def _shrink_planned(session: Session, order_id: int, wanted: dict[int, int]) -> None:
    """Take the dispatched units off the planned parcels; drop those left empty."""
    planned_rows = session.exec(
        select(ShipmentLine)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.order_id == order_id, Shipment.status == ShipmentStatus.PLANNED.value)
        .order_by(Shipment.planned_ship_date, ShipmentLine.id)
    ).all()
    left = dict(wanted)
    touched = set()
    for row in planned_rows:
        take = min(left.get(row.order_line_id, 0), row.quantity)
        if not take:
            continue
        left[row.order_line_id] -= take
        touched.add(row.shipment_id)
        if take == row.quantity:
            session.delete(row)
        else:
            row.quantity -= take
            session.add(row)
    session.flush()
    for shipment_id in touched:
        remaining = session.exec(
            select(ShipmentLine.id).where(ShipmentLine.shipment_id == shipment_id)
        ).first()
        if remaining is None:
            session.execute(sa.delete(Shipment).where(Shipment.id == shipment_id))
    session.flush()


def record_dispatch_email(session: Session, event: events.OrderDispatched) -> None:
    """Rule O6: once a parcel is dispatched, record the e-mail with its tracking number and link.

    Args:
        session: the publisher's session.
        event: the order and the parcel dispatched.
    """
    order = session.get(Order, event.order_id)
    shipment = session.get(Shipment, event.shipment_id)
    if order is None or shipment is None or not shipment.tracking_number:
        return
    relay = session.get(RelayPoint, order.relay_point_id) if order.relay_point_id else None
    subject, body = email_texts.dispatch_email(
        language=order.language,
        number=order.number,
        first_name=order.ship_first_name,
        carrier=shipment.carrier,
        tracking_number=shipment.tracking_number,
        postcode=relay.postcode if relay else order.ship_postcode,
    )
    outbox.record_email(
        session,
        recipient=order.email,
        kind=DISPATCH_EMAIL_KIND,
        language=order.language,
        subject=subject,
        body=body,
        order_id=order.id,
    )
