"""Almé Lovers (L1-L11): the append-only loves ledger and the loyalty vouchers."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class LovesEntry(SQLModel, table=True):
    """One change of a member's loves; rows are added, never changed (the balance is the sum)."""

    __tablename__ = "loves_entry"
    __table_args__ = (
        sa.CheckConstraint(
            "kind IN ('purchase', 'return', 'mission', 'claim', 'redemption', 'leave')",
            name="loves_entry_kind",
        ),
        # L2: a mission earns once; L1/L9: an order earns once, for one member.
        sa.Index("uq_loves_mission", "customer_id", "reference", unique=True,
                 sqlite_where=sa.text("kind = 'mission'"),
                 postgresql_where=sa.text("kind = 'mission'")),
        # L11: the balance sums a member's loves by release day from the index alone.
        sa.Index("ix_loves_member_day", "customer_id", "available_on", "loves"),
        # L11: her history, newest first, a page at a time.
        sa.Index("ix_loves_member_history", "customer_id", "recorded_on", "id"),
        sa.Index("ix_loves_member_kind", "customer_id", "kind"),
        sa.Index("uq_loves_order", "reference", unique=True,
                 sqlite_where=sa.text("kind IN ('purchase', 'claim')"),
                 postgresql_where=sa.text("kind IN ('purchase', 'claim')")),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    kind: str = Field(max_length=12)
    loves: int
    recorded_on: date
    available_on: date
    """L3: the day the loves can be spent (later than `recorded_on` while pending)."""
    reference: str = Field(default="", max_length=40)
    """The order number, mission key or voucher code the entry is about."""
    created_at: datetime = Field(sa_type=UTCDateTime)


class LoyaltyVoucher(SQLModel, table=True):
    """Rule L5: a voucher bought with loves: valid 3 months, one per order, no coupon with it."""

    __tablename__ = "loyalty_voucher"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    code: str = Field(max_length=20, unique=True, index=True)
    amount_cents: int
    loves_spent: int
    issued_on: date
    last_day: date
    used_order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    cancelled_on: date | None = None
    """L10: cancelled with every reward when the member left the program."""
    origin: str = Field(default="loves", max_length=8)
    """"loves" (bought with loves, L5) or "referral" (a friend's first order, F3)."""


class LovesCheckpoint(SQLModel, table=True):
    """A member's loves released before `before_day`, summed once (settled history).

    No entry can be released before a day already past, so this sum never changes; the
    balance adds only the entries since. Entries dated before it are refused.
    """

    __tablename__ = "loves_checkpoint"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True)
    before_day: date
    loves: int
    settled_at: datetime = Field(sa_type=UTCDateTime)
