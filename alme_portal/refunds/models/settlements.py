"""Refunds paid by a payment provider (card, PayPal, instalments): one settlement per call.

The refund engine records where money goes (`Refund` rows); money that goes back to a card,
a PayPal account or an instalment plan is only back once the provider says so. Each payment a
return gives money back to gets one `RefundSettlement`: the sum of its moves, sent in one call
with one idempotency key, followed from `pending` to `succeeded` or `failed`
(`refunds.services.settlement`).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class RefundSettlement(SQLModel, table=True):
    """One refund asked of a payment provider, and where it stands."""

    __tablename__ = "refund_settlement"
    __table_args__ = (
        sa.CheckConstraint("amount_cents > 0", name="refund_settlement_amount_positive"),
        sa.CheckConstraint(
            "state IN ('pending', 'sent', 'succeeded', 'failed', 'credit_note')",
            name="refund_settlement_state",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    return_id: int | None = Field(default=None, foreign_key="return_request.id", index=True)
    payment_id: int = Field(foreign_key="payment.id", index=True)
    provider: str = Field(max_length=8)
    """stripe, paypal or alma."""
    amount_cents: int
    state: str = Field(default="pending", max_length=12, index=True)
    idempotency_key: str = Field(max_length=64, unique=True)
    """Sent with every attempt (Stripe `Idempotency-Key`, PayPal `PayPal-Request-Id`, Alma
    `merchant_reference`): a retried or replayed call never refunds twice."""
    provider_refund_id: str | None = Field(default=None, max_length=64, index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime, index=True)
    last_error: str | None = Field(default=None, max_length=300)
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the provider first accepted it (the day her bank's delay counts from)."""
    settled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    credit_note_id: int | None = Field(default=None, foreign_key="stored_value.id")
    """The credit note staff issued instead, after the provider failed."""


class SettlementEvent(SQLModel, table=True):
    """One change of a settlement's state: by the worker, a webhook, or a member of staff."""

    __tablename__ = "settlement_event"

    id: int | None = Field(default=None, primary_key=True)
    settlement_id: int = Field(foreign_key="refund_settlement.id", index=True)
    state: str = Field(max_length=12)
    detail: str = Field(default="", max_length=300)
    staff_id: int | None = Field(default=None, foreign_key="staff_user.id")
    at: datetime = Field(sa_type=UTCDateTime)


class WebhookReceipt(SQLModel, table=True):
    """A provider event already handled: providers deliver again, the portal acts once."""

    __tablename__ = "webhook_receipt"
    __table_args__ = (sa.UniqueConstraint("provider", "event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=8)
    event_id: str = Field(max_length=80)
    received_at: datetime = Field(sa_type=UTCDateTime)


class SupplementPayment(SQLModel, table=True):
    """Rule E4: the supplement of a pricier exchange, paid by card through a payment link."""

    __tablename__ = "supplement_payment"
    __table_args__ = (
        sa.CheckConstraint("amount_cents > 0", name="supplement_amount_positive"),
        sa.CheckConstraint(
            "state IN ('open', 'paid', 'cancelled')", name="supplement_payment_state"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", unique=True)
    """The exchange order it pays for; it ships once paid."""
    amount_cents: int
    token: str = Field(max_length=48, unique=True)
    """The secret of the e-mailed link `/api/pay/<token>`."""
    state: str = Field(default="open", max_length=10)
    checkout_session_id: str | None = Field(default=None, max_length=80)
    payment_intent: str | None = Field(default=None, max_length=80)
    created_at: datetime = Field(sa_type=UTCDateTime)
    due_by: datetime = Field(sa_type=UTCDateTime)
    """Unpaid by then, the exchange is cancelled and its items go back in stock."""
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
