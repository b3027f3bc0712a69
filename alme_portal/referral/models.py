"""Refer a friend (F1-F5): each friend a member refers, the friend's code and the outcome."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class ReferralInvite(SQLModel, table=True):
    """One friend referred by one member, from the invitation to the reward (or refusal).

    `friend_key` (the e-mail reduced to the person) is unique: one referral per friend.
    """

    __tablename__ = "referral_invite"
    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('invited', 'code_sent', 'ordered', 'rewarded', 'expired', 'refused')",
            name="referral_invite_status",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="customer.id", index=True)
    friend_email: str = Field(max_length=254, index=True)
    friend_key: str = Field(max_length=254, unique=True)
    status: str = Field(max_length=12)
    refusal: str = Field(default="", max_length=40)
    """Why it earned nothing (a message key), when refused."""
    friend_code: str | None = Field(default=None, max_length=24, unique=True)
    code_last_day: date | None = None
    order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """The friend's order that used the referral (F2)."""
    voucher_id: int | None = Field(default=None, foreign_key="loyalty_voucher.id")
    """The member's €15 voucher (F3, F4)."""
    invited_at: datetime = Field(sa_type=UTCDateTime)
    code_sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rewarded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
