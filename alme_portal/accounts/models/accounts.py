"""Login sessions of members and staff, failed logins and one-time links (reset, e-mail)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class LoginSession(SQLModel, table=True):
    """A server-side login session; the browser holds only its random token, stored hashed."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginFailure(SQLModel, table=True):
    """A failed login, counted per e-mail and per client address for the rate limit."""

    __tablename__ = "login_failure"

    id: int | None = Field(default=None, primary_key=True)
    email_key: str = Field(max_length=254, index=True)
    client_address: str = Field(max_length=64, index=True)
    failed_at: datetime = Field(sa_type=UTCDateTime, index=True)


class PasswordReset(SQLModel, table=True):
    """A one-time "forgotten password" link sent by e-mail; only its hash is stored."""

    __tablename__ = "password_reset"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class EmailLink(SQLModel, table=True):
    """A one-time link that proves she reads an address: to verify it, or to move to it.

    Purpose "verify" confirms the account's current e-mail; "change" makes `email` the
    account's e-mail once opened; "claim" lets the owner of an order's e-mail give its loves
    to the account (L9). Only the token's hash is stored.
    """

    __tablename__ = "email_link"
    __table_args__ = (
        sa.CheckConstraint(
            "purpose IN ('verify', 'change', 'claim')", name="email_link_purpose_known"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    purpose: str = Field(max_length=8)
    email: str = Field(max_length=254)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    order_id: int | None = Field(default=None, foreign_key="customer_order.id")
    """For "claim": the order whose loves the owner of `email` lets her count (L9)."""
    created_at: datetime = Field(sa_type=UTCDateTime, index=True)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class StaffSession(SQLModel, table=True):
    """A staff login session, apart from customers'; only its token's hash is stored."""

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
