"""Orders from the shop's feed: created, updated and cancelled before anything ships (O1, O10).

Every field is checked before the order is touched; a refusal raises `FeedRejected` and the
feed undoes whatever was written.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.orders.models.catalog import RelayPoint, Variant
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.orders.services import codes as order_codes
from alme_portal.orders.services.feed_input import (
    FeedRejected,
    OrderIn,
    OrderRefIn,
    OrderUpdateIn,
    PaymentIn,
    order_named,
    parse,
)
from alme_portal.orders.services.shipments import plan_shipments
from alme_portal.platform import clock, events, settings
from alme_portal.platform.calendar import add_months
from alme_portal.platform.money import split_cents
from alme_portal.platform.vocabulary import (
    InstalmentStatus,
    OrderStatus,
    PaymentMethod,
    ShipmentStatus,
    ShippingMethod,
)


def _relay_point(session: Session, code: str | None, method: str) -> RelayPoint | None:
    if method != ShippingMethod.MONDIAL_RELAY:
        if code is not None:
            raise FeedRejected("relay_point_code is only for Mondial Relay orders")
        return None
    if code is None:
        raise FeedRejected("a Mondial Relay order needs relay_point_code")
    point = session.exec(select(RelayPoint).where(RelayPoint.code == code)).first()
    if point is None:
        raise FeedRejected(f"unknown relay point {code}")
    return point


def _check_payments(payments: list[PaymentIn], total_cents: int) -> None:
    """Rule O10: known methods, summing to the total, a gift card plus at most one other."""
    if sum(payment.amount_cents for payment in payments) != total_cents:
        raise FeedRejected("payments do not add up to total_cents")
    gift_cards = [p for p in payments if p.method == PaymentMethod.GIFT_CARD]
    others = [p for p in payments if p.method != PaymentMethod.GIFT_CARD]
    if len(gift_cards) > 1 or len(others) > 1:
        raise FeedRejected("a payment combines at most one gift card and one other method")
    for payment in payments:
        if payment.method == PaymentMethod.GIFT_CARD and not payment.gift_card_code:
            raise FeedRejected("a gift card payment needs gift_card_code")
        if payment.method == PaymentMethod.CREDIT_NOTE and not payment.credit_note_code:
            raise FeedRejected("a credit note payment needs credit_note_code")
        if payment.method == PaymentMethod.CARD and not (payment.card_last4 and payment.card_brand):
            raise FeedRejected("a card payment needs card_brand and card_last4")


def create_order(session: Session, data: Any) -> int:
    """`order.created`: the order, its lines, payments and planned parcels (O3, O10)."""
    spec: OrderIn = parse(OrderIn, data)
    if session.exec(select(Order.id).where(Order.number == spec.number)).first() is not None:
        raise FeedRejected(f"order {spec.number} already exists")
    skus = {line.sku for line in spec.lines}
    variants = {
        variant.sku: variant
        for variant in session.exec(select(Variant).where(Variant.sku.in_(skus))).all()
    }
    unknown = sorted(skus - variants.keys())
    if unknown:
        raise FeedRejected(f"unknown SKU {', '.join(unknown)}")
    subtotal = sum(line.unit_price_cents * line.quantity for line in spec.lines)
    if any(line.discount_cents > line.unit_price_cents * line.quantity for line in spec.lines):
        raise FeedRejected("a line discount exceeds the line amount")
    if spec.total_cents != subtotal + spec.shipping_cents - spec.discount_cents:
        raise FeedRejected("total_cents is not subtotal + shipping_cents - discount_cents")
    _check_payments(spec.payments, spec.total_cents)
    relay = _relay_point(session, spec.relay_point_code, spec.shipping_method)
    email = spec.email.strip().lower()
    customer_id = None
    if spec.logged_in:
        customer_id = session.exec(select(Customer.id).where(Customer.email == email)).first()
    order = Order(
        number=spec.number,
        email=email,
        customer_id=customer_id,
        placed_logged_in=customer_id is not None,
        status=OrderStatus.CONFIRMED.value,
        placed_at=spec.placed_at,
        language=spec.language,
        shipping_method=spec.shipping_method,
        ship_first_name=spec.destination.first_name,
        ship_last_name=spec.destination.last_name,
        ship_address=spec.destination.address,
        ship_postcode=spec.destination.postcode,
        ship_city=spec.destination.city,
        ship_country=relay.country if relay else spec.destination.country,
        relay_point_id=relay.id if relay else None,
        subtotal_cents=subtotal,
        shipping_cents=spec.shipping_cents,
        discount_cents=spec.discount_cents,
        discount_code=spec.discount_code,
        discount_kind=spec.discount_kind,
        total_cents=spec.total_cents,
    )
    session.add(order)
    session.flush()
    lines = [
        order_line(order.id, variants[line.sku], line.unit_price_cents, line.quantity,
                   line.discount_cents)
        for line in spec.lines
    ]  # fmt: skip
    session.add_all(lines)
    session.flush()
    for payment in spec.payments:
        _add_payment(session, order, payment)
    refusal = order_codes.use_order_codes(session, order)
    if refusal:
        raise FeedRejected(f"code {refusal}")
    plan_shipments(session, order, lines, variants)
    events.publish(session, events.OrderPlaced(order.id, order.number))
    return order.id


def _add_payment(session: Session, order: Order, spec: PaymentIn) -> None:
    placed_on = clock.in_paris(order.placed_at).date()
    deferred_days = {f"deferred_{days}": days for days in settings.DEFERRED_PAYMENT_DAYS}
    due = (
        placed_on + timedelta(days=deferred_days[spec.method])
        if spec.method in deferred_days
        else None
    )
    payment = Payment(
        order_id=order.id,
        method=spec.method,
        amount_cents=spec.amount_cents,
        card_brand=spec.card_brand,
        card_last4=spec.card_last4,
        paypal_email=spec.paypal_email.strip().lower() if spec.paypal_email else None,
        gift_card_code=spec.gift_card_code,
        credit_note_code=spec.credit_note_code,
        provider_reference=spec.provider_reference,
        deferred_due_date=due,
        captured=due is None or due <= clock.today(),
        created_at=order.placed_at,
    )
    session.add(payment)
    session.flush()
    if spec.method != PaymentMethod.INSTALMENTS_3:
        return
    for index, part in enumerate(split_cents(spec.amount_cents, settings.INSTALMENT_COUNT)):
        due_date = add_months(placed_on, index)
        paid = due_date <= clock.today()
        status = InstalmentStatus.PAID if paid else InstalmentStatus.SCHEDULED
        session.add(
            Instalment(
                payment_id=payment.id,
                sequence=index + 1,
                due_date=due_date,
                amount_cents=part,
                status=status.value,
            )
        )


def order_line(
    order_id: int, variant: Variant, unit_price_cents: int, quantity: int, discount_cents: int = 0
) -> OrderLine:
    """A line of an order for `quantity` units of `variant` at a price (not added)."""
    return OrderLine(order_id=order_id, variant_id=variant.id, sku=variant.sku,
                     colour=variant.colour, size=variant.size, unit_price_cents=unit_price_cents,
                     quantity=quantity, discount_cents=discount_cents)  # fmt: skip


def has_dispatched(session: Session, order_id: int) -> bool:
    """Whether any parcel of the order left (O1: then it can no longer change)."""
    query = select(Shipment.id).where(
        Shipment.order_id == order_id, Shipment.status != ShipmentStatus.PLANNED.value
    )
    return session.exec(query).first() is not None


def update_order(session: Session, data: Any) -> int:
    """`order.updated`: e-mail, language or destination, before any parcel ships."""
    spec: OrderUpdateIn = parse(OrderUpdateIn, data)
    order = order_named(session, spec.number)
    changes = spec.model_dump(exclude_unset=True, exclude={"number"})
    if not changes:
        raise FeedRejected("order.updated carries no change")
    moves = spec.destination is not None or "relay_point_code" in changes
    if moves and has_dispatched(session, order.id):
        raise FeedRejected("the destination of a dispatched order cannot change")
    relay = None
    if "relay_point_code" in changes:
        relay = _relay_point(session, spec.relay_point_code, order.shipping_method)
    # Everything is checked: only now is the order touched.
    if spec.email is not None:
        order.email = spec.email.strip().lower()
    if spec.language is not None:
        order.language = spec.language
    if spec.destination is not None:
        order.ship_first_name = spec.destination.first_name
        order.ship_last_name = spec.destination.last_name
        order.ship_address = spec.destination.address
        order.ship_postcode = spec.destination.postcode
        order.ship_city = spec.destination.city
        if order.relay_point_id is None:
            order.ship_country = spec.destination.country
    if relay is not None:
        order.relay_point_id = relay.id
        order.ship_country = relay.country
        session.execute(
            sa.update(Shipment)
            .where(Shipment.order_id == order.id, Shipment.status == ShipmentStatus.PLANNED.value)
            .values(relay_point_id=relay.id)
        )
    session.add(order)
    session.flush()
    return order.id


def cancel_order(session: Session, data: Any) -> int:
    """`order.cancelled`: only while nothing is dispatched; its planned parcels go."""
    spec: OrderRefIn = parse(OrderRefIn, data)
    order = order_named(session, spec.number)
    if has_dispatched(session, order.id):
        raise FeedRejected(f"order {order.number} has dispatched parcels; it cannot be cancelled")
    planned = select(Shipment.id).where(Shipment.order_id == order.id)
    session.execute(sa.delete(ShipmentLine).where(ShipmentLine.shipment_id.in_(planned)))
    session.execute(sa.delete(Shipment).where(Shipment.order_id == order.id))
    order.status = OrderStatus.CANCELLED.value
    session.add(order)
    session.flush()
    events.publish(session, events.OrderCancelled(order.id))
    return order.id
