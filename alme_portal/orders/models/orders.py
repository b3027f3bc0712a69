"""Orders, their lines, payments, instalments and shipments. Money is integer euro cents."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.contact import person_key
from alme_portal.platform.db import UTCDateTime


class Order(SQLModel, table=True):
    """An order from the shop, placed by a guest or by a logged-in customer."""

    __tablename__ = "customer_order"
    __table_args__ = (
        sa.CheckConstraint(
            "subtotal_cents >= 0 AND shipping_cents >= 0 AND discount_cents >= 0"
            " AND total_cents >= 0",
            name="order_amounts_not_negative",
        ),
        # Her purchases for her tier (L7), read in order of time without touching the rows.
        sa.Index("ix_order_member_purchases", "customer_id", "placed_at", "status", "total_cents"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=20, unique=True, index=True)
    email: str = Field(max_length=254, index=True)
    """Lower-cased order e-mail; lookups compare against it."""
    email_key: str = Field(
        default="", max_length=254, index=True, sa_column_kwargs={"server_default": ""}
    )
    """The person behind `email` (`contact.person_key`): kept in step with it on every write."""
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    placed_logged_in: bool = False
    """True when the customer was logged in at order time (rule L1)."""
    kind: str = Field(default="standard", max_length=16)
    origin_order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """For an exchange order, the order whose return created it."""
    status: str = Field(max_length=24)
    placed_at: datetime = Field(sa_type=UTCDateTime, index=True)
    language: str = Field(default="fr", max_length=2)

    shipping_method: str = Field(max_length=16)
    ship_first_name: str = Field(max_length=80)
    ship_last_name: str = Field(max_length=80)
    ship_address: str = Field(max_length=160)
    ship_postcode: str = Field(max_length=12)
    ship_city: str = Field(max_length=80)
    ship_country: str = Field(max_length=2)
    """ISO 3166 alpha-2 code of the destination (a relay point's country for relay orders)."""
    relay_point_id: int | None = Field(default=None, foreign_key="relay_point.id")

    subtotal_cents: int
    shipping_cents: int = 0
    discount_cents: int = 0
    discount_code: str | None = Field(default=None, max_length=40)
    discount_kind: str | None = Field(default=None, max_length=20)
    """coupon, loyalty_voucher or referral: what `discount_code` was."""
    total_cents: int
    """What the customer actually paid: subtotal + shipping - discount."""


@sa.event.listens_for(Order, "before_insert")
@sa.event.listens_for(Order, "before_update")
def _keep_email_key(_mapper, _connection, order: Order) -> None:
    """Whoever writes an order (the feed, an exchange, the demo), its person key follows."""
    order.email_key = person_key(order.email)


class OrderLine(SQLModel, table=True):
    """One variant on an order, with the price paid at the time."""

    __tablename__ = "order_line"
    __table_args__ = (
        sa.CheckConstraint("quantity > 0", name="order_line_quantity_positive"),
        sa.CheckConstraint(
            "unit_price_cents >= 0 AND discount_cents >= 0", name="order_line_amounts_not_negative"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    variant_id: int = Field(foreign_key="variant.id")
    sku: str = Field(max_length=40)
    colour: str = Field(max_length=40)
    size: str = Field(max_length=8)
    unit_price_cents: int
    quantity: int
    discount_cents: int = 0
    """Share of the order discount carried by this line (all units together)."""


class Payment(SQLModel, table=True):
    """One payment method used on an order; an order may combine a gift card and one other."""

    __table_args__ = (sa.CheckConstraint("amount_cents > 0", name="payment_amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    method: str = Field(max_length=16)
    amount_cents: int
    card_brand: str | None = Field(default=None, max_length=16)
    card_last4: str | None = Field(default=None, max_length=4)
    paypal_email: str | None = Field(default=None, max_length=254)
    gift_card_code: str | None = Field(default=None, max_length=40)
    credit_note_code: str | None = Field(default=None, max_length=40)
    provider_reference: str | None = Field(default=None, max_length=64)
    """What the payment provider refunds: a Stripe PaymentIntent (`pi_...`), a PayPal capture
    id, an Alma payment (`payment_...`). None for a gift card or a credit note."""
    deferred_due_date: date | None = None
    """Deferred payments (rule R12): the day the customer is charged for what she keeps."""
    captured: bool = True
    """False while a deferred payment has not been charged yet."""
    created_at: datetime = Field(sa_type=UTCDateTime)


class Instalment(SQLModel, table=True):
    """One of the three instalments of an `instalments_3` payment (rule R11)."""

    __table_args__ = (
        sa.UniqueConstraint("payment_id", "sequence"),
        sa.CheckConstraint("amount_cents >= 0", name="instalment_amount_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    payment_id: int = Field(foreign_key="payment.id", index=True)
    sequence: int
    due_date: date
    amount_cents: int
    status: str = Field(max_length=12)


class Shipment(SQLModel, table=True):
    """A parcel of an order, with its own carrier, tracking number and dates (rule O3)."""

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    carrier: str = Field(max_length=16)
    tracking_number: str | None = Field(default=None, max_length=32, unique=True, index=True)
    status: str = Field(max_length=24)
    planned_ship_date: date | None = None
    dispatched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ready_for_pickup_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    returned_to_sender_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    relay_point_id: int | None = Field(default=None, foreign_key="relay_point.id")


class ParcelNotice(SQLModel, table=True):
    """News about a parcel the customer was e-mailed (out for delivery, at a relay point...).

    One row per parcel and news: the unique key is what makes each e-mail go once.
    """

    __tablename__ = "parcel_notice"
    __table_args__ = (sa.UniqueConstraint("shipment_id", "news"),)

    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipment.id", index=True)
    news: str = Field(max_length=20)
    at: datetime = Field(sa_type=UTCDateTime)


class ShipmentLine(SQLModel, table=True):
    """How many units of an order line travel in a shipment."""

    __tablename__ = "shipment_line"
    __table_args__ = (
        sa.UniqueConstraint("shipment_id", "order_line_id"),
        sa.CheckConstraint("quantity > 0", name="shipment_line_quantity_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipment.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    quantity: int
