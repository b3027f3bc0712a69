"""The shop's order feed: signed webhook events that create, update and dispatch orders.

Every event is validated whole before anything is written, so a refused event changes
nothing. Each applied event is remembered by id (`FeedEvent`) with the SHA-256 of its
canonical JSON: a replay is a harmless "duplicate", the same id with another payload a
"conflict". Creation publishes "order_placed"; a dispatch publishes "order_dispatched", whose
handler here records the rule O6 e-mail in the outbox. "stock.updated" sets a size's stock and
sends the pending back-in-stock alerts (rule E8).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.orders.models.catalog import RelayPoint, Variant
from alme_portal.orders.models.feed import FeedEvent
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.orders.rules.delivery import expected_dispatch_date
from alme_portal.orders.services import codes as order_codes
from alme_portal.orders.services import emails as email_texts
from alme_portal.platform import clock, events, outbox, settings
from alme_portal.platform.calendar import add_months
from alme_portal.platform.money import split_cents
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import (
    Carrier,
    InstalmentStatus,
    OrderStatus,
    PaymentMethod,
    ShipmentStatus,
    ShippingMethod,
)

SIGNATURE_HEADER = "X-Alme-Signature"
SIGNATURE_PREFIX = "sha256="
DISPATCH_EMAIL_KIND = "order_dispatched"
MAX_LINES = 50
MAX_QUANTITY = 99
MAX_AMOUNT_CENTS = 10_000_000
MAX_STOCK = 1_000_000

# --- Signature ------------------------------------------------------------------------------


def sign(body: bytes, secret: str) -> str:
    """Return the `X-Alme-Signature` header value for a raw body (used by the shop and tests)."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_PREFIX}{digest}"


def verify_signature(body: bytes, signature_header: str | None, secret: str) -> bool:
    """Check `X-Alme-Signature: sha256=<hex HMAC-SHA256 of the raw body>` in constant time.

    Args:
        body: the raw request body, exactly as received.
        signature_header: the header value (None or empty when missing).
        secret: the shared secret.

    Returns:
        True only for a well-formed header carrying the right digest.
    """
    if not signature_header or not secret or not signature_header.isascii():
        return False
    expected = sign(body, secret).encode()
    return hmac.compare_digest(expected, signature_header.strip().lower().encode())


# --- Input shapes ---------------------------------------------------------------------------

Text = Annotated[str, Field(min_length=1, max_length=80)]
Cents = Annotated[int, Field(ge=0, le=MAX_AMOUNT_CENTS)]
Moment = Annotated[AwareDatetime, Field(strict=False)]
Sku = Annotated[str, Field(min_length=1, max_length=40)]
OrderNumber = Annotated[str, Field(pattern=r"^[A-Z]{2}\d{6}$")]
Email = Annotated[str, Field(min_length=3, max_length=254, pattern=r"^\s*[^@\s]+@[^@\s]+\s*$")]
RelayCode = Annotated[str, Field(pattern=r"^[A-Z]{2}-\d{6}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Destination(_Strict):
    """Name and postal address on the parcel."""

    first_name: Text
    last_name: Text
    address: Annotated[str, Field(min_length=1, max_length=160)]
    postcode: Annotated[str, Field(min_length=1, max_length=12)]
    city: Text
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class LineIn(_Strict):
    """One line of a new order."""

    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=MAX_QUANTITY)]
    unit_price_cents: Cents
    discount_cents: Cents = 0


class PaymentIn(_Strict):
    """One payment method of a new order (rule O10)."""

    method: Literal[tuple(method.value for method in PaymentMethod)]  # type: ignore[valid-type]
    amount_cents: Annotated[int, Field(ge=1, le=MAX_AMOUNT_CENTS)]
    card_brand: Literal["Visa", "Mastercard"] | None = None
    card_last4: Annotated[str, Field(pattern=r"^\d{4}$")] | None = None
    paypal_email: Annotated[str, Field(max_length=254)] | None = None
    gift_card_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    credit_note_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None


class OrderIn(_Strict):
    """The `data` of an "order.created" event (also what `replay_order` takes)."""

    number: OrderNumber
    email: Email
    language: Literal["en", "fr"] = "fr"
    placed_at: Moment
    logged_in: bool = False
    shipping_method: Literal[tuple(method.value for method in ShippingMethod)]  # type: ignore[valid-type]
    destination: Destination
    relay_point_code: RelayCode | None = None
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=MAX_LINES)]
    shipping_cents: Cents = 0
    discount_cents: Cents = 0
    discount_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    discount_kind: Literal["coupon", "loyalty_voucher", "referral"] | None = None
    total_cents: Cents
    payments: Annotated[list[PaymentIn], Field(min_length=1, max_length=2)]


class OrderUpdateIn(_Strict):
    """The `data` of an "order.updated" event: contact or destination changes before dispatch."""

    number: OrderNumber
    email: Email | None = None
    language: Literal["en", "fr"] | None = None
    destination: Destination | None = None
    relay_point_code: RelayCode | None = None


class OrderRefIn(_Strict):
    """The `data` of an "order.cancelled" event."""

    number: OrderNumber


class DispatchLineIn(_Strict):
    """Units of one ordered SKU carried by a parcel."""

    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=MAX_QUANTITY)]


class DispatchIn(_Strict):
    """The `data` of an "order.dispatched" event: one parcel leaving the warehouse."""

    number: OrderNumber
    carrier: Literal[tuple(carrier.value for carrier in Carrier)]  # type: ignore[valid-type]
    tracking_number: Annotated[str, Field(pattern=r"^[A-Z0-9]{8,32}$")]
    dispatched_at: Moment
    lines: Annotated[list[DispatchLineIn], Field(min_length=1, max_length=MAX_LINES)]


class StockIn(_Strict):
    """The `data` of a "stock.updated" event: the units of one size now in stock (rule E8)."""

    sku: Sku
    stock: Annotated[int, Field(ge=0, le=MAX_STOCK)]


class EventIn(_Strict):
    """The envelope of every feed event."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
    type: Literal[
        "order.created", "order.updated", "order.dispatched", "order.cancelled", "stock.updated"
    ]
    created_at: Moment
    data: dict[str, Any]


# --- Refusals -------------------------------------------------------------------------------


class FeedRejected(ValueError):
    """An event that cannot be applied; nothing was written."""


def payload_sha256(event: dict[str, Any]) -> str:
    """Return the hex SHA-256 of an event's canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(piece) for piece in item["loc"]) or "event"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def _parse(model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise FeedRejected(_describe(error)) from None


# --- Applying events ------------------------------------------------------------------------


def apply_feed_event(session: Session, event: Any) -> Outcome[int]:
    """Apply one feed event in the caller's transaction (the caller commits).

    Args:
        session: a session on a migrated database.
        event: the decoded JSON event {"id", "type", "created_at", "data"}.

    Returns:
        Done with the order touched (changes written, the event remembered); already done
        (applied before, nothing changed); conflict (same id, other payload) or invalid, with
        the reason in `detail` (safe to return to the shop; nothing changed).
    """
    try:
        envelope = _parse(EventIn, event)
    except FeedRejected as error:
        return Outcome.invalid(detail=str(error))
    digest = payload_sha256(event)
    seen = session.exec(select(FeedEvent).where(FeedEvent.event_id == envelope.id)).first()
    if seen is not None:
        if hmac.compare_digest(seen.payload_sha256, digest):
            return Outcome.already_done()
        return Outcome.conflict(f"event {envelope.id} was already applied")
    appliers = {
        "order.created": _create,
        "order.updated": _update,
        "order.cancelled": _cancel,
        "order.dispatched": _dispatch,
        "stock.updated": _set_stock,
    }
    try:
        with session.begin_nested():  # a refusal found after some writes undoes them
            order_id = appliers[envelope.type](session, envelope.data)
    except FeedRejected as error:
        return Outcome.invalid(detail=str(error))
    session.add(
        FeedEvent(
            event_id=envelope.id,
            kind=envelope.type,
            received_at=clock.now(),
            payload_sha256=digest,
        )
    )
    session.flush()
    return Outcome.done(value=order_id)


def replay_order(session: Session, order_payload: dict[str, Any]) -> Outcome[int]:
    """Create an order the feed missed, from the `data` of its "order.created" event.

    The replay is an "order.created" event whose id derives from the payload, so replaying the
    same payload twice is harmlessly already done. The caller commits.

    Args:
        session: a session on a migrated database.
        order_payload: the order as the shop describes it (see `OrderIn`).
    """
    digest = payload_sha256(order_payload if isinstance(order_payload, dict) else {})
    event = {
        "id": f"replay:{digest[:40]}",
        "type": "order.created",
        "created_at": clock.now().isoformat(),
        "data": order_payload,
    }
    seen = session.exec(select(FeedEvent).where(FeedEvent.event_id == event["id"])).first()
    if seen is not None:
        return Outcome.already_done()
    return apply_feed_event(session, event)


def _order_by_number(session: Session, number: str) -> Order:
    order = session.exec(select(Order).where(Order.number == number)).first()
    if order is None:
        raise FeedRejected(f"unknown order {number}")
    return order


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


def _create(session: Session, data: Any) -> int:
    spec: OrderIn = _parse(OrderIn, data)
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


def _has_dispatched(session: Session, order_id: int) -> bool:
    query = select(Shipment.id).where(
        Shipment.order_id == order_id, Shipment.status != ShipmentStatus.PLANNED.value
    )
    return session.exec(query).first() is not None


def _update(session: Session, data: Any) -> int:
    spec: OrderUpdateIn = _parse(OrderUpdateIn, data)
    order = _order_by_number(session, spec.number)
    changes = spec.model_dump(exclude_unset=True, exclude={"number"})
    if not changes:
        raise FeedRejected("order.updated carries no change")
    moves = spec.destination is not None or "relay_point_code" in changes
    if moves and _has_dispatched(session, order.id):
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


def _cancel(session: Session, data: Any) -> int:
    spec: OrderRefIn = _parse(OrderRefIn, data)
    order = _order_by_number(session, spec.number)
    if _has_dispatched(session, order.id):
        raise FeedRejected(f"order {order.number} has dispatched parcels; it cannot be cancelled")
    planned = select(Shipment.id).where(Shipment.order_id == order.id)
    session.execute(sa.delete(ShipmentLine).where(ShipmentLine.shipment_id.in_(planned)))
    session.execute(sa.delete(Shipment).where(Shipment.order_id == order.id))
    order.status = OrderStatus.CANCELLED.value
    session.add(order)
    session.flush()
    events.publish(session, events.OrderCancelled(order.id))
    return order.id


def _dispatch(session: Session, data: Any) -> int:
    spec: DispatchIn = _parse(DispatchIn, data)
    order = _order_by_number(session, spec.number)
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


def _set_stock(session: Session, data: Any) -> None:
    """Rule E8: set a size's stock, then e-mail its pending back-in-stock alerts if it is back."""
    spec: StockIn = _parse(StockIn, data)
    variant = session.exec(select(Variant).where(Variant.sku == spec.sku)).first()
    if variant is None:
        raise FeedRejected(f"unknown SKU {spec.sku}")
    variant.stock = spec.stock
    session.add(variant)
    session.flush()
    events.publish(session, events.StockChanged(variant.id))


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


def event_is_fresh(created_at: datetime) -> bool:
    """Whether an event's `created_at` is within `ORDER_FEED_MAX_SKEW_SECONDS` of now."""
    skew = abs((clock.now() - clock.as_utc(created_at)).total_seconds())
    return skew <= settings.ORDER_FEED_MAX_SKEW_SECONDS
