"""How many failed log-ins are allowed, and why nobody can lock someone else out with them.

Three limits, each over `LOGIN_WINDOW_MINUTES`:

- one client address: after `LOGIN_MAX_FAILURES_PER_ADDRESS` failures (any account), that
  address waits until its oldest failure leaves the window;
- one account from one address: after `LOGIN_MAX_FAILURES_PER_EMAIL`, that pair waits likewise;
- one account from everywhere: past `LOGIN_ACCOUNT_SLOWDOWN_AFTER` failures, each attempt on it
  must come `LOGIN_ACCOUNT_SPACING_SECONDS` after its last failure, doubling with each further
  failure up to `LOGIN_ACCOUNT_SPACING_MAX_SECONDS` (a slower retry, no lock-out).

An attacker at one address stops at that address's own limit; the account's owner, trying from
elsewhere, waits at most the spacing. Sign-ups count too: an answer saying that an address
already has an account costs a failure of the asking address, so probing addresses is as slow as
guessing passwords, and one address opens at most `SIGNUPS_PER_ADDRESS_PER_HOUR` accounts.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, func, select

from alme_portal.accounts.models.accounts import LoginFailure
from alme_portal.platform import clock, settings
from alme_portal.platform.models import RateEvent

SIGNUP = "signup"


def _oldest_plus_window(session: Session, *conditions) -> datetime:
    since = clock.now() - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    oldest = session.exec(
        select(func.min(LoginFailure.failed_at)).where(LoginFailure.failed_at >= since, *conditions)
    ).one()
    return clock.as_utc(oldest) + timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)


def _count(session: Session, *conditions) -> int:
    since = clock.now() - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    query = select(func.count()).select_from(LoginFailure)
    return session.exec(query.where(LoginFailure.failed_at >= since, *conditions)).one()


def _account_spacing_ends(session: Session, account_key: str) -> datetime | None:
    failures = _count(session, LoginFailure.email_key == account_key)
    extra = failures - settings.LOGIN_ACCOUNT_SLOWDOWN_AFTER
    if extra < 0:
        return None
    spacing = min(
        settings.LOGIN_ACCOUNT_SPACING_SECONDS * 2**extra,
        settings.LOGIN_ACCOUNT_SPACING_MAX_SECONDS,
    )
    last = session.exec(
        select(func.max(LoginFailure.failed_at)).where(LoginFailure.email_key == account_key)
    ).one()
    ends = clock.as_utc(last) + timedelta(seconds=spacing)
    return ends if ends > clock.now() else None


def retry_at(session: Session, account_key: str, address: str) -> datetime | None:
    """When this address may try this account again, or None when it may now (no write)."""
    waits = []
    if _count(session, LoginFailure.client_address == address) >= (
        settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    ):
        waits.append(_oldest_plus_window(session, LoginFailure.client_address == address))
    pair = (LoginFailure.email_key == account_key, LoginFailure.client_address == address)
    if _count(session, *pair) >= settings.LOGIN_MAX_FAILURES_PER_EMAIL:
        waits.append(_oldest_plus_window(session, *pair))
    spacing = _account_spacing_ends(session, account_key)
    if spacing is not None:
        waits.append(spacing)
    return max(waits) if waits else None


def record_failure(session: Session, account_key: str, address: str) -> None:
    """Count one failed attempt of this address on this account (or sign-up probe)."""
    session.add(LoginFailure(email_key=account_key, client_address=address, failed_at=clock.now()))
    session.flush()


def _address_key(address: str) -> str:
    return hashlib.sha256(f"signup:{address}".encode()).hexdigest()


def signup_retry_at(session: Session, address: str) -> datetime | None:
    """When this address may open another account, or None when it may now (no write)."""
    since = clock.now() - timedelta(hours=1)
    key = _address_key(address)
    recent = session.exec(
        select(RateEvent.at)
        .where(RateEvent.kind == SIGNUP, RateEvent.key == key, RateEvent.at >= since)
        .order_by(RateEvent.at)
    ).all()
    if len(recent) < settings.SIGNUPS_PER_ADDRESS_PER_HOUR:
        return None
    return clock.as_utc(recent[0]) + timedelta(hours=1)


def record_signup(session: Session, address: str) -> None:
    """Count one account opened from this address (and forget those older than a day)."""
    session.execute(
        sa.delete(RateEvent).where(
            RateEvent.kind == SIGNUP, RateEvent.at < clock.now() - timedelta(days=1)
        )
    )
    session.add(RateEvent(kind=SIGNUP, key=_address_key(address), at=clock.now()))
    session.flush()
