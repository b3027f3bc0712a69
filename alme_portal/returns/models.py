"""Returns and exchanges (R1-R13, E1-E8), withdrawals and back-in-stock alerts."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class ReturnRequest(SQLModel, table=True):
    """One declared return of some lines of an order, travelling in one parcel."""

    __tablename__ = "return_request"
    __table_args__ = (
        sa.CheckConstraint(
            "method IN ('mondial_relay', 'store', 'self_ship')", name="return_request_method"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=24, unique=True, index=True)
    """Shown to the customer and printed on the label, e.g. `RT-AL100101-1`."""
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    status: str = Field(default="declared", max_length=24)
    method: str = Field(max_length=16)
    relay_point_id: int | None = Field(default=None, foreign_key="relay_point.id")
    """The Mondial Relay point she chose to drop it at (any point accepts the label)."""
    salon_id: int | None = Field(default=None, foreign_key="salon.id")
    parcel_reference: str | None = Field(default=None, max_length=32, unique=True)
    """The prepaid label's parcel number (Mondial Relay only, rule R3)."""
    declared_at: datetime = Field(sa_type=UTCDateTime)
    label_expires_on: date | None = None
    confirmation_key: str = Field(max_length=64, unique=True)
    """Digest of the confirmed draft: a double click, two tabs or a retry find this return."""
    language: str = Field(max_length=2)
    sender_name: str = Field(max_length=120)
    sender_address: str = Field(max_length=400)
    """Newline-separated address lines printed on the label."""
    email: str = Field(max_length=254)
    withdrawal_id: int | None = Field(default=None, foreign_key="withdrawal.id")
    received_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the Atelier received the parcel (R6 inspection, R8 money, E7 exchange)."""
    exchange_order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """E6: the free exchange order created once the return is inspected."""
    postage_cents: int | None = None
    """R5: the postage she paid for a return she shipped herself, read at receipt."""
    parcel_stage: str | None = Field(default=None, max_length=16)
    """R3: where the prepaid parcel stood when the worker last asked the carrier."""
    parcel_stage_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the carrier scanned the parcel into that stage."""


class ReturnBooking(SQLModel, table=True):
    """Rule R3: the prepaid Mondial Relay label of a return, booked with the carrier.

    `pending` until the carrier books it (then the return's `parcel_reference` is the
    expedition number), `booked` until its label PDF is fetched and stored, then `ready`. The
    sender's details are kept as the carrier needs them, so a retry needs nothing else.
    """

    __tablename__ = "return_booking"
    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('pending', 'booked', 'ready')", name="return_booking_status"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    return_id: int = Field(foreign_key="return_request.id", unique=True)
    status: str = Field(default="pending", max_length=8, index=True)
    sender_street: str = Field(max_length=160)
    sender_postcode: str = Field(max_length=12)
    sender_city: str = Field(max_length=120)
    sender_country: str = Field(max_length=2)
    sender_phone: str = Field(max_length=16)
    """E.164, as the carrier wants it (it texts her when the parcel is scanned)."""
    weight_grams: int
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime, index=True)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """A worker calling the carrier holds the booking until then; nobody else calls."""
    last_error: str | None = Field(default=None, max_length=120)
    """Why the last attempt failed (`STAT 97`, `timeout`...), for the staff console."""
    label_url: str | None = Field(default=None, max_length=400)
    label_pdf: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    """The carrier's own label, fetched once and served by the portal."""
    booked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    customer_told: bool = False
    """The declaration e-mail went (with the label, or saying it follows within the hour)."""
    paperless: bool = False
    """She has no printer: API Connect books it and gives a QR code a relay point prints from."""
    qr_png: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    """The carrier's QR code of a paperless return, fetched once and served by the portal."""


class ReturnLine(SQLModel, table=True):
    """Some units of one order line in a return, why, and what she wants instead."""

    __tablename__ = "return_line"
    __table_args__ = (
        sa.CheckConstraint("quantity > 0", name="return_line_quantity_positive"),
        sa.CheckConstraint(
            "paid_cents >= 0 AND to_pay_cents >= 0 AND to_refund_cents >= 0",
            name="return_line_amounts_not_negative",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    return_id: int = Field(foreign_key="return_request.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    quantity: int
    reason: str = Field(max_length=32)
    defect: bool = False
    """Rule R7: the warehouse isolates it."""
    resolution: str = Field(max_length=20)
    """refund, size_exchange or product_exchange."""
    refund_method: str | None = Field(default=None, max_length=16)
    """credit_note or original, for a refund."""
    exchange_variant_id: int | None = Field(default=None, foreign_key="variant.id")
    paid_cents: int
    """What the returned units cost her (their share of the discount taken off)."""
    to_pay_cents: int = 0
    """E4: supplement for a pricier product."""
    to_refund_cents: int = 0
    """E4: difference refunded for a cheaper product."""


class Withdrawal(SQLModel, table=True):
    """A statement of withdrawal made with the EU withdrawal button (Directive 2023/2673)."""

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", unique=True, index=True)
    """One statement per order: a second one answers with the first."""
    name: str = Field(max_length=120)
    email: str = Field(max_length=254)
    statement: str = Field(max_length=2000)
    """The acknowledged text, as shown and e-mailed."""
    made_at: datetime = Field(sa_type=UTCDateTime)
    language: str = Field(max_length=2)


class StockAlert(SQLModel, table=True):
    """Rule E8: tell this e-mail when this size is back in stock."""

    __tablename__ = "stock_alert"
    __table_args__ = (
        # One pending alert per size and address, even when two tabs ask at once.
        sa.Index(
            "uq_stock_alert_pending",
            "variant_id",
            "email",
            unique=True,
            sqlite_where=sa.text("notified_at IS NULL"),
            postgresql_where=sa.text("notified_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    variant_id: int = Field(foreign_key="variant.id", index=True)
    email: str = Field(max_length=254)
    language: str = Field(max_length=2)
    created_at: datetime = Field(sa_type=UTCDateTime)
    notified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
