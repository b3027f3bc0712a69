"""Members' login sessions, failed logins and password-reset links (L1 accounts)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from alme_portal.db import UTCDateTime


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
