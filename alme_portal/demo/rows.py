"""Turning the demo definitions into table rows, with dates relative to the load day."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from alme_portal.accounts.models.customers import Customer, StaffUser
from alme_portal.accounts.services.passwords import hash_password
from alme_portal.adapters.payments.providers import PROVIDER_OF_METHOD
from alme_portal.demo.catalog import (
    PRODUCTS,
    RELAY_POINTS,
    SALONS,
    VARIANTS,
    product_image,
    variants_of,
)
from alme_portal.demo.data import ACCOUNTS, Ago, OrderSpec, PaymentSpec, ShipmentSpec
from alme_portal.demo.loyalty import add_demo_loyalty
from alme_portal.demo.orders import ORDERS
from alme_portal.demo.returns import add_demo_returns
from alme_portal.orders.models.catalog import Product, RelayPoint, Salon, Variant
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_months, next_working_day
from alme_portal.platform.money import split_cents
from alme_portal.platform.vocabulary import (
    Carrier,
    InstalmentStatus,
    OrderStatus,
    PaymentMethod,
    Role,
    ShipmentStatus,
)

DEFERRED_DAYS = {PaymentMethod(f"deferred_{days}"): days for days in settings.DEFERRED_PAYMENT_DAYS}
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def demo_provider_reference(order_number: str, method: str) -> str | None:
    """A demo payment's id at its provider, shaped like the provider's own ids."""
    provider = PROVIDER_OF_METHOD.get(method)
    if provider == "stripe":
        return f"pi_demo{order_number}"
    if provider == "paypal":
        return f"CAPTURE{order_number}"
    return f"payment_demo{order_number.lower()}" if provider == "alma" else None


@dataclass(frozen=True)
class OrderAmounts:
    """The money of a demo order, in cents, as the shop computed it."""

    subtotal_cents: int
    shipping_cents: int
    discount_cents: int
    total_cents: int
    line_discounts: tuple[int, ...]
    payments: tuple[int, ...]


def order_amounts(spec: OrderSpec) -> OrderAmounts:
    """Compute subtotal, total, each line's share of the discount and each payment's amount.

    Raises:
        ValueError: the payments of the definition cannot add up to the total.
    """
    line_prices = [VARIANTS[line.sku].product.price_cents * line.quantity for line in spec.lines]
    subtotal = sum(line_prices)
    discount = spec.discount.amount_cents if spec.discount else 0
    total = subtotal + spec.shipping_cents - discount
    return OrderAmounts(
        subtotal_cents=subtotal,
        shipping_cents=spec.shipping_cents,
        discount_cents=discount,
        total_cents=total,
        line_discounts=_shares(discount, line_prices),
        payments=_payment_amounts(spec.number, spec.payments, total),
    )


def _shares(amount: int, weights: list[int]) -> tuple[int, ...]:
    """Split `amount` in proportion to `weights`; leftover cents go to the largest remainders."""
    whole = sum(weights)
    if not amount or not whole:
        return tuple(0 for _ in weights)
    shares = [amount * weight // whole for weight in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: -(amount * weights[i] % whole))
    for index in by_remainder[: amount - sum(shares)]:
        shares[index] += 1
    return tuple(shares)


def _payment_amounts(number: str, payments: tuple[PaymentSpec, ...], total: int) -> tuple[int, ...]:
    rest = total - sum(payment.amount_cents or 0 for payment in payments)
    open_ended = sum(payment.amount_cents is None for payment in payments)
    if (open_ended, rest > 0) not in ((0, False), (1, True)) or rest < 0:
        raise ValueError(f"the payments of demo order {number} do not add up to its total")
    return tuple(rest if p.amount_cents is None else p.amount_cents for p in payments)


def shipment_status(spec: ShipmentSpec) -> ShipmentStatus:
    """The status a parcel has reached, from the moments its definition sets."""
    if spec.returned_to_sender:
        return ShipmentStatus.RETURNED_TO_SENDER
    if spec.delivered:
        return ShipmentStatus.DELIVERED
    if spec.ready_for_pickup:
        return ShipmentStatus.READY_FOR_PICKUP
    if spec.dispatched:
        return ShipmentStatus.IN_TRANSIT if spec.carrier_scanned else ShipmentStatus.DISPATCHED
    return ShipmentStatus.PLANNED


def order_status(spec: OrderSpec) -> OrderStatus:
    """The order status the shop reports, from its parcels."""
    statuses = {shipment_status(shipment) for shipment in spec.shipments}
    if spec.cancelled:
        return OrderStatus.CANCELLED
    if statuses <= {ShipmentStatus.PLANNED}:
        return OrderStatus.CONFIRMED
    if ShipmentStatus.RETURNED_TO_SENDER in statuses:
        return OrderStatus.RETURNED_TO_SENDER
    if statuses == {ShipmentStatus.DELIVERED}:
        return OrderStatus.DELIVERED
    if ShipmentStatus.PLANNED in statuses:
        return OrderStatus.PARTIALLY_DISPATCHED
    return OrderStatus.DISPATCHED


def s10_check_digit(serial: str) -> int:
    """Return the UPU S10 check digit of an 8-digit serial number."""
    check = 11 - sum(int(digit) * w for digit, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(check, check)


def tracking_number(carrier: Carrier, country: str, key: str) -> str:
    """Return a tracking number in the carrier's real format, the same for the same key.

    Args:
        carrier: who carries the parcel.
        country: destination country; Colissimo abroad uses UPU S10 numbers.
        key: what identifies the parcel, e.g. "AL100101/1".
    """
    draw = random.Random(key)  # seeded: the same parcel gets the same number on every load
    if carrier == Carrier.MONDIAL_RELAY:
        return str(draw.randrange(10_000_000, 100_000_000))
    if carrier == Carrier.CHRONOPOST:
        return str(draw.randrange(10**13, 10**14))
    if country == "FR":
        return f"6{draw.choice('AHMQ')}{draw.randrange(10**10, 10**11)}"
    serial = str(draw.randrange(10_000_000, 100_000_000))
    return f"{draw.choice(('CB', 'EW'))}{serial}{s10_check_digit(serial)}FR"


class DemoRows:
    """Adds the demo rows for one load day to a session (the caller commits)."""

    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self.variants: dict[str, Variant] = {}
        self.relay_points: dict[str, RelayPoint] = {}
        self.customers: dict[str, Customer] = {}
        self.orders: dict[str, Order] = {}

    def moment(self, ago: Ago) -> datetime:
        """Return the aware UTC instant `ago.days` before the load day, at `ago.at` in Paris."""
        day = self.today - timedelta(days=ago.days)
        return clock.as_utc(datetime.combine(day, time.fromisoformat(ago.at), clock.PARIS))

    def add_all(self) -> None:
        """Add the catalogue, places, accounts, orders, members' loves and returns on the way."""
        self._add_catalogue()
        self._add_places()
        self._add_accounts()
        for spec in ORDERS:
            self._add_order(spec)
        self.session.flush()
        add_demo_loyalty(self.session, self.today)
        add_demo_returns(self.session, self.today)

    def _add(self, row):
        self.session.add(row)
        self.session.flush()
        return row

    def _add_catalogue(self) -> None:
        for spec in PRODUCTS:
            product = self._add(
                Product(
                    reference=spec.reference,
                    name_en=spec.name_en,
                    name_fr=spec.name_fr,
                    category=spec.category.value,
                    image=product_image(spec.reference),
                )
            )
            for variant in variants_of(spec):
                preorder = variant.preorder_in_days
                self.variants[variant.sku] = self._add(
                    Variant(
                        product_id=product.id,
                        sku=variant.sku,
                        colour=variant.colour,
                        size=variant.size,
                        price_cents=spec.price_cents,
                        stock=variant.stock,
                        preorder_ship_date=None
                        if preorder is None
                        else self.today + timedelta(days=preorder),
                    )
                )

    def _add_places(self) -> None:
        for salon in SALONS:
            self.session.add(Salon(city="Paris", country="FR", **salon.__dict__))
        for point in RELAY_POINTS:
            self.relay_points[point.code] = self._add(
                RelayPoint(country=point.country, **point.__dict__)
            )

    def _add_accounts(self) -> None:
        for account in ACCOUNTS:
            password_hash = hash_password(account.password)
            created_at = self.moment(account.created)
            if account.role == Role.STAFF:
                display_name = f"{account.first_name} {account.last_name}"
                self.session.add(
                    StaffUser(
                        email=account.email,
                        display_name=display_name,
                        password_hash=password_hash,
                        created_at=created_at,
                    )
                )
                continue
            self.customers[account.email] = self._add(
                Customer(
                    email=account.email,
                    first_name=account.first_name,
                    last_name=account.last_name,
                    password_hash=password_hash,
                    email_verified=True,
                    birthday=account.birthday,
                    preferred_language=account.language,
                    created_at=created_at,
                )
            )

    def _add_order(self, spec: OrderSpec) -> None:
        amounts = order_amounts(spec)
        relay = self.relay_points.get(spec.relay_point) if spec.relay_point else None
        person = spec.ship_to
        order = self._add(
            Order(
                number=spec.number,
                email=spec.email.lower(),
                customer_id=self.customers[spec.account].id if spec.account else None,
                placed_logged_in=spec.logged_in,
                kind=spec.kind.value,
                origin_order_id=self.orders[spec.origin].id if spec.origin else None,
                status=order_status(spec).value,
                placed_at=self.moment(spec.placed),
                language=spec.language,
                shipping_method=spec.shipping_method.value,
                ship_first_name=person.first_name,
                ship_last_name=person.last_name,
                ship_address=relay.address if relay else person.address,
                ship_postcode=relay.postcode if relay else person.postcode,
                ship_city=relay.city if relay else person.city,
                ship_country=relay.country if relay else person.country,
                relay_point_id=relay.id if relay else None,
                subtotal_cents=amounts.subtotal_cents,
                shipping_cents=amounts.shipping_cents,
                discount_cents=amounts.discount_cents,
                discount_code=spec.discount.code if spec.discount else None,
                discount_kind=spec.discount.kind if spec.discount else None,
                total_cents=amounts.total_cents,
            )
        )
        self.orders[spec.number] = order
        lines = [
            self._add(
                OrderLine(
                    order_id=order.id,
                    variant_id=self.variants[line.sku].id,
                    sku=line.sku,
                    colour=self.variants[line.sku].colour,
                    size=self.variants[line.sku].size,
                    unit_price_cents=self.variants[line.sku].price_cents,
                    quantity=line.quantity,
                    discount_cents=line_discount,
                )
            )
            for line, line_discount in zip(spec.lines, amounts.line_discounts, strict=True)
        ]
        for payment, amount in zip(spec.payments, amounts.payments, strict=True):
            self._add_payment(order, payment, amount)
        for sequence, shipment in enumerate(spec.shipments, start=1):
            self._add_shipment(order, spec, sequence, shipment, lines)

    def _add_payment(self, order: Order, spec: PaymentSpec, amount: int) -> None:
        placed_on = clock.in_paris(order.placed_at).date()
        due = None
        if spec.method in DEFERRED_DAYS:
            due = placed_on + timedelta(days=DEFERRED_DAYS[spec.method])
        payment = self._add(
            Payment(
                order_id=order.id,
                method=spec.method.value,
                amount_cents=amount,
                card_brand=spec.card_brand,
                card_last4=spec.card_last4,
                paypal_email=order.email if spec.method == PaymentMethod.PAYPAL else None,
                gift_card_code=spec.gift_card_code,
                credit_note_code=spec.credit_note_code,
                provider_reference=demo_provider_reference(order.number, spec.method),
                deferred_due_date=due,
                captured=due is None or due <= self.today,
                created_at=order.placed_at,
            )
        )
        if spec.method != PaymentMethod.INSTALMENTS_3:
            return
        for index, part in enumerate(split_cents(amount, settings.INSTALMENT_COUNT)):
            due_date = add_months(placed_on, index)
            paid = due_date <= self.today
            self.session.add(
                Instalment(
                    payment_id=payment.id,
                    sequence=index + 1,
                    due_date=due_date,
                    amount_cents=part,
                    status=(InstalmentStatus.PAID if paid else InstalmentStatus.SCHEDULED).value,
                )
            )

    def _add_shipment(
        self,
        order: Order,
        spec: OrderSpec,
        sequence: int,
        shipment_spec: ShipmentSpec,
        lines: list[OrderLine],
    ) -> None:
        carried = [lines[index] for index in shipment_spec.lines] or lines
        dispatched_at = self.moment(shipment_spec.dispatched) if shipment_spec.dispatched else None
        carrier = Carrier(order.shipping_method)
        shipment = self._add(
            Shipment(
                order_id=order.id,
                carrier=carrier.value,
                tracking_number=tracking_number(
                    carrier, order.ship_country, f"{order.number}/{sequence}"
                )
                if dispatched_at
                else None,
                status=shipment_status(shipment_spec).value,
                planned_ship_date=self._planned_ship_date(dispatched_at, carried),
                dispatched_at=dispatched_at,
                ready_for_pickup_at=self._moment_or_none(shipment_spec.ready_for_pickup),
                delivered_at=self._moment_or_none(shipment_spec.delivered),
                returned_to_sender_at=self._moment_or_none(shipment_spec.returned_to_sender),
                relay_point_id=order.relay_point_id,
            )
        )
        for line in carried:
            self.session.add(
                ShipmentLine(shipment_id=shipment.id, order_line_id=line.id, quantity=line.quantity)
            )

    def _moment_or_none(self, ago: Ago | None) -> datetime | None:
        return None if ago is None else self.moment(ago)

    def _planned_ship_date(self, dispatched_at: datetime | None, lines: list[OrderLine]) -> date:
        """The dispatch day, else the latest pre-order date, else the next working day (O3)."""
        if dispatched_at:
            return clock.in_paris(dispatched_at).date()
        preorders = [self.variants[line.sku].preorder_ship_date for line in lines]
        return max(filter(None, preorders), default=None) or next_working_day(self.today)
