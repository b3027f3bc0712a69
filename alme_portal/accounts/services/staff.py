"""Atelier staff logins, kept apart from customers': their own table, sessions and cookie.

Same protections as customers' logins (Argon2, the rate limit before any hash, a random token
stored hashed), with working-day timeouts. A customer's e-mail and password open nothing here.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from alme_portal.accounts.models.accounts import StaffSession
from alme_portal.accounts.models.customers import StaffUser
from alme_portal.accounts.services import auth
from alme_portal.platform import clock, settings
from alme_portal.platform.outcome import Outcome

FAILURE_PREFIX = "staff:"


def check_password(session: Session, *, email: Any, password: Any, client_address: str):
    """`auth.check_password` for staff accounts (their failures counted apart)."""
    return auth.check_password(
        session, StaffUser, email=email, password=password, client_address=client_address,
        failure_prefix=FAILURE_PREFIX,
    )  # fmt: skip


def open_login(session: Session, check: auth.PasswordCheck) -> Outcome:
    """Open a staff session after `check_password`.

    Returns:
        Done with the token for the staff cookie, or the check's refusal.
    """
    auth.settle(session, StaffUser, check)
    if check.refusal is not None:
        return check.refusal
    staff_id = check.account_id
    token = secrets.token_urlsafe(32)
    now = clock.now()
    session.add(
        StaffSession(
            staff_id=staff_id, token_hash=auth.token_hash(token), created_at=now, last_seen_at=now
        )
    )
    session.flush()
    return Outcome.done("account.login.ok", auth.Login(staff_id, token))


def log_in(session: Session, *, email: Any, password: Any, client_address: str) -> Outcome:
    """`check_password` then `open_login` in one session (the command line, tests)."""
    check = check_password(session, email=email, password=password, client_address=client_address)
    return open_login(session, check)


def staff_for_token(session: Session, token: Any) -> StaffUser | None:
    """The staff member of a live session (None when unknown, ended, idle or too old)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    login = session.exec(
        select(StaffSession).where(StaffSession.token_hash == auth.token_hash(token))
    ).first()
    now = clock.now()
    if login is None or login.revoked_at is not None:
        return None
    if now - clock.as_utc(login.created_at) > timedelta(hours=settings.STAFF_SESSION_MAX_HOURS):
        return None
    idle = timedelta(minutes=settings.STAFF_SESSION_IDLE_MINUTES)
    if now - clock.as_utc(login.last_seen_at) > idle:
        return None
    login.last_seen_at = now
    return session.get(StaffUser, login.staff_id)


def log_out(session: Session, token: Any) -> None:
    """End a staff session on the server."""
    if not isinstance(token, str):
        return
    login = session.exec(
        select(StaffSession).where(StaffSession.token_hash == auth.token_hash(token))
    ).first()
    if login is not None and login.revoked_at is None:
        login.revoked_at = clock.now()
