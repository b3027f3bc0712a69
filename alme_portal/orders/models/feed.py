"""What the order feed and the guest lookup remember: processed events and failed lookups."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class FeedEvent(SQLModel, table=True):
    """A shop webhook event already applied; its id makes a replay harmless (idempotency)."""

    __tablename__ = "feed_event"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(max_length=64, unique=True, index=True)
    kind: str = Field(max_length=32)
    received_at: datetime = Field(sa_type=UTCDateTime)
    payload_sha256: str = Field(max_length=64)
    """Hex SHA-256 of the canonical JSON of the event; the same id with another hash is refused."""


class LookupFailure(SQLModel, table=True):
    """A failed guest order lookup, counted per client and per order number in a time window."""

    __tablename__ = "lookup_failure"
    __table_args__ = (
        sa.Index("ix_lookup_failure_client_at", "client_key", "at"),
        sa.Index("ix_lookup_failure_order_at", "order_number_key", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_key: str = Field(max_length=64)
    """Hex SHA-256 of the client address (never the raw address)."""
    order_number_key: str = Field(max_length=64)
    """The order number as normalised (trimmed, upper-cased), cut to 64 characters."""
    at: datetime = Field(sa_type=UTCDateTime)
