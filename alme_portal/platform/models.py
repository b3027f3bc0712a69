"""Tables every domain shares: the e-mail outbox and facts about the database itself.

Every e-mail a rule promises is recorded in the outbox before it is sent.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class OutboxEmail(SQLModel, table=True):
    """One e-mail to send, with what it says and why."""

    __tablename__ = "outbox_email"
    __table_args__ = (sa.Index("ix_outbox_email_due", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    recipient: str = Field(max_length=254, index=True)
    kind: str = Field(max_length=40, index=True)
    language: str = Field(default="fr", max_length=2)
    subject: str = Field(max_length=200)
    body: str
    order_id: int | None = Field(default=None, foreign_key="customer_order.id", index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    status: str = Field(default="pending", max_length=10)
    """`pending` (to send, `next_attempt_at` on), `sent` or `failed` (`last_error` says why)."""
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """`claimed_by` is sending it until then; after that (it crashed) another worker may retry."""
    last_error: str | None = Field(default=None, max_length=300)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class OutboxAttachment(SQLModel, table=True):
    """A file sent with an outbox e-mail (for example the return label, R3).

    Either its bytes, or the `source` they are rendered from when the e-mail is sent, so that
    the customer's click does not wait for (or pay) the rendering.
    """

    __tablename__ = "outbox_attachment"
    __table_args__ = (
        sa.CheckConstraint(
            "content IS NOT NULL OR source IS NOT NULL", name="outbox_attachment_content"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="outbox_email.id", index=True)
    filename: str = Field(max_length=120)
    content_type: str = Field(max_length=60)
    content: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    source: str | None = Field(default=None, max_length=80)
    """What renders the bytes, e.g. `return_label:RT-AL100101-1:pdf`."""


class AppMeta(SQLModel, table=True):
    """A key/value fact about this database (for example that it holds the demo data set)."""

    __tablename__ = "app_meta"

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=200)


class RateEvent(SQLModel, table=True):
    """One attempt a rate limit counts: what kind, whose (a hashed key), and when."""

    __tablename__ = "rate_event"
    __table_args__ = (sa.Index("ix_rate_event_kind_key_at", "kind", "key", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    key: str = Field(max_length=64)
    at: datetime = Field(sa_type=UTCDateTime)


class CookieHandoff(SQLModel, table=True):
    """A cookie waiting for its browser: set HttpOnly when the page fetches it, once.

    Reflex writes cookies from JavaScript, so they could never be HttpOnly. Instead a handler
    leaves the value here, sealed with a one-time code that only the page receives; the page's
    1-pixel image request to `/api/cookie?code=` collects it, and the answer sets the cookie.
    """

    __tablename__ = "cookie_handoff"

    code_hash: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=40)
    sealed_value: str = Field(max_length=512)
    max_age_seconds: int
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
