"""Where returned money went (R8-R12, O9): refunds per payment, credit notes and gift cards."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class StoredValue(SQLModel, table=True):
    """A credit note (R8) or gift card (R9): a code with a balance, spent over several orders.

    The balance is changed only by a single `UPDATE ... WHERE balance_cents >= amount` next to
    a ledger entry, and the database refuses a negative balance: two spends at once cannot
    both take the last euros.
    """

    __tablename__ = "stored_value"
    __table_args__ = (
        sa.CheckConstraint("kind IN ('credit_note', 'gift_card')", name="stored_value_kind"),
        sa.CheckConstraint("balance_cents >= 0", name="stored_value_balance_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    kind: str = Field(max_length=12)
    email: str = Field(max_length=254, index=True)
    """The e-mail it was sent to (the order's)."""
    balance_cents: int
    issued_on: date
    last_day: date
    order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """The order whose refund issued it."""
    created_at: datetime = Field(sa_type=UTCDateTime)


class StoredValueEntry(SQLModel, table=True):
    """One change of a credit note's or gift card's balance: issue, spend, credit or expiry."""

    __tablename__ = "stored_value_entry"
    __table_args__ = (
        sa.CheckConstraint(
            "kind IN ('issue', 'spend', 'credit', 'expire')", name="stored_value_entry_kind"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    stored_value_id: int = Field(foreign_key="stored_value.id", index=True)
    kind: str = Field(max_length=8)
    amount_cents: int
    """Signed: positive for issue and credit, negative for spend and expiry."""
    order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """The order it was spent on, or whose refund credited it."""
    day: date
    created_at: datetime = Field(sa_type=UTCDateTime)


class Refund(SQLModel, table=True):
    """One move of a refund (`rules.refunds.Move`) as carried out, with its expected arrival."""

    __tablename__ = "refund"
    __table_args__ = (sa.CheckConstraint("amount_cents > 0", name="refund_amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    return_id: int | None = Field(default=None, foreign_key="return_request.id", index=True)
    """None for a parcel refunded because it came back to the Atelier (O9)."""
    payment_id: int | None = Field(default=None, foreign_key="payment.id", index=True)
    kind: str = Field(max_length=20)
    amount_cents: int
    instalment_sequence: int | None = None
    stored_value_id: int | None = Field(default=None, foreign_key="stored_value.id")
    settlement_id: int | None = Field(default=None, foreign_key="refund_settlement.id")
    """The provider refund that pays it (card, PayPal, instalments); None when the portal
    pays it itself (credit note, gift card)."""
    expected_on: date
    """The day she sees it: at once for a credit note, 2-3 working days for a card (R8)."""
    created_at: datetime = Field(sa_type=UTCDateTime)
