"""Customer accounts and staff accounts (kept apart: a customer is never staff)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class Customer(SQLModel, table=True):
    """A customer with an account; guests order without one (orders keep their own e-mail)."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80)
    password_hash: str = Field(max_length=255)
    email_verified: bool = False
    birthday: date | None = None
    """Set once (rule L2: the birthday mission cannot be farmed by changing it)."""
    newsletter_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    referral_code: str | None = Field(default=None, max_length=16, unique=True)
    """Her personal referral code, in her link `/r/<code>` (F1), made the first time needed."""
    left_loyalty_on: date | None = None
    """The day she left Almé Lovers (L10): final, she earns nothing from then on."""
    preferred_language: str = Field(default="fr", max_length=2)
    created_at: datetime = Field(sa_type=UTCDateTime)


class StaffUser(SQLModel, table=True):
    """An Atelier staff member who receives and inspects returns."""

    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    display_name: str = Field(max_length=80)
    password_hash: str = Field(max_length=255)
    created_at: datetime = Field(sa_type=UTCDateTime)
