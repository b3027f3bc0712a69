"""What the portal knows about an address as a recipient: bounces and unsubscribes."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class MailRecipient(SQLModel, table=True):
    """An address the portal has e-mailed a marketing message to, or that bounced."""

    __tablename__ = "mail_recipient"

    email: str = Field(primary_key=True, max_length=254)
    unsubscribe_token: str = Field(max_length=64, unique=True)
    """The secret in this address's `List-Unsubscribe` link."""
    unsubscribed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    undeliverable_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """Set when the server refused the address for good (rule C2 then warns the customer)."""
    undeliverable_reason: str | None = Field(default=None, max_length=300)
