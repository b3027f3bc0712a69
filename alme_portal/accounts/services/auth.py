"""Members' accounts: sign up (joins Almé Lovers, L1), log in and out, forgotten password.

The browser holds a random login token (256 bits from `secrets`), never Reflex's client
token; the database keeps only its SHA-256, so a copy of the database opens no session.
Failed logins are counted before any password is hashed, per e-mail and per client address.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, func, select

from alme_portal.accounts.models.accounts import LoginFailure, LoginSession
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import passwords
from alme_portal.platform import clock, settings
from alme_portal.platform.contact import normalise_email
from alme_portal.platform.outcome import Outcome

NAME_MAX = 80


@dataclass(frozen=True)
class Login:
    """A login session just opened: whose account, and the token her browser keeps."""

    account_id: int
    token: str


def token_hash(token: str) -> str:
    """The stored form of a login or reset token."""
    return hashlib.sha256(token.encode()).hexdigest()


def password_problem(password: Any) -> str | None:
    """Why a new password is refused (length only: no composition rules), or None."""
    if not isinstance(password, str) or len(password) < settings.PASSWORD_MIN_LENGTH:
        return "account.password.short"
    if len(password) > settings.PASSWORD_MAX_LENGTH:
        return "account.password.long"
    return None


def _name(value: Any) -> str | None:
    text = value.strip() if isinstance(value, str) else ""
    return text if 0 < len(text) <= NAME_MAX and text.isprintable() else None


def create_account(
    session: Session, *, email: Any, password: Any, first_name: Any, last_name: Any,
    language: str,
) -> Outcome:  # fmt: skip
    """Rule L1: create an account, which makes her a member of Almé Lovers.

    Returns:
        Done with her id; refused when the address has an account; invalid with the field's
        key.
    """
    address = normalise_email(email)
    if address is None:
        return Outcome.invalid("account.email.invalid")
    first, last = _name(first_name), _name(last_name)
    if first is None or last is None:
        return Outcome.invalid("account.name.invalid")
    problem = password_problem(password)
    if problem:
        return Outcome.invalid(problem)
    if session.exec(select(Customer.id).where(Customer.email == address)).first() is not None:
        return Outcome.refused("account.exists")
    customer = Customer(
        email=address,
        first_name=first,
        last_name=last,
        password_hash=passwords.hash_password(password),
        preferred_language=settings.supported_language(language),
        created_at=clock.now(),
    )
    session.add(customer)
    session.flush()
    return Outcome.done("account.created", customer.id)


def _failures_since(session: Session, column, value: str, since: datetime) -> int:
    query = select(func.count()).select_from(LoginFailure)
    return session.exec(query.where(column == value, LoginFailure.failed_at >= since)).one()


def _blocked_until(session: Session, email_key: str, client_address: str) -> datetime | None:
    now = clock.now()
    since = now - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    by_email = _failures_since(session, LoginFailure.email_key, email_key, since)
    by_address = _failures_since(session, LoginFailure.client_address, client_address, since)
    if (by_email < settings.LOGIN_MAX_FAILURES_PER_EMAIL
            and by_address < settings.LOGIN_MAX_FAILURES_PER_ADDRESS):  # fmt: skip
        return None
    first = session.exec(
        select(func.min(LoginFailure.failed_at)).where(
            LoginFailure.failed_at >= since,
            (LoginFailure.email_key == email_key) | (LoginFailure.client_address == client_address),
        )
    ).one()
    return clock.as_utc(first) + timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)


def authenticate(
    session: Session, model: type, *, email: Any, password: Any, client_address: str,
    failure_prefix: str = "",
) -> tuple[Any, Outcome | None]:  # fmt: skip
    """Check an e-mail and password against `model` (customers or staff), rate-limited.

    An unknown e-mail and a wrong password get the same answer and cost the same hash; too
    many failures get "rate_limited" before any password is checked.

    Returns:
        (the account, None) when the password matches, else (None, the refusal).
    """
    email_key = (email.strip().lower() if isinstance(email, str) else "")[:254]
    failure_key = (failure_prefix + email_key)[:254]
    address = (client_address or "unknown")[:64]
    blocked = _blocked_until(session, failure_key, address)
    if blocked is not None:
        return None, Outcome.rate_limited("account.login.rate_limited", blocked)
    account = session.exec(select(model).where(model.email == email_key)).first()
    hashed = account.password_hash if account else _decoy_hash()
    matches = isinstance(password, str) and passwords.verify_password(hashed, password)
    if account is None or not matches:
        failure = LoginFailure(email_key=failure_key, client_address=address, failed_at=clock.now())
        session.add(failure)
        session.flush()
        return None, Outcome.invalid("account.login.invalid")
    if passwords.needs_rehash(account.password_hash):
        account.password_hash = passwords.hash_password(password)
    return account, None


def log_in(session: Session, *, email: Any, password: Any, client_address: str) -> Outcome:
    """Open a login session: a new token each time (the old ones stay until they end).

    Returns:
        Done with the `Login` (the token to keep in the browser); invalid, or rate-limited
        with `retry_at`.
    """
    customer, refusal = authenticate(session, Customer, email=email, password=password,
                                     client_address=client_address)  # fmt: skip
    if refusal is not None:
        return refusal
    return Outcome.done("account.login.ok", Login(customer.id, _open_session(session, customer.id)))


@functools.cache
def _decoy_hash() -> str:
    return passwords.hash_password(secrets.token_urlsafe(16))


def _open_session(session: Session, customer_id: int) -> str:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    hashed = token_hash(token)
    session.add(
        LoginSession(customer_id=customer_id, token_hash=hashed, created_at=now, last_seen_at=now)
    )
    session.flush()
    return token


def live_login(session: Session, token: Any) -> LoginSession | None:
    """The login session of a token, or None when unknown, ended, idle or too old (no write)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    login = session.exec(
        select(LoginSession).where(LoginSession.token_hash == token_hash(token))
    ).first()
    now = clock.now()
    if login is None or login.revoked_at is not None:
        return None
    if now - clock.as_utc(login.created_at) > timedelta(days=settings.SESSION_MAX_DAYS):
        return None
    if now - clock.as_utc(login.last_seen_at) > timedelta(days=settings.SESSION_IDLE_DAYS):
        return None
    return login


def needs_touch(login: LoginSession) -> bool:
    """Whether `last_seen_at` is stale enough to be written again (idle timeout)."""
    stale_after = timedelta(minutes=settings.SESSION_TOUCH_MINUTES)
    return clock.now() - clock.as_utc(login.last_seen_at) > stale_after


def member_for_token(session: Session, token: Any) -> int | None:
    """The member a login token belongs to (None when unknown or ended), marking it in use."""
    login = live_login(session, token)
    if login is None:
        return None
    if needs_touch(login):
        login.last_seen_at = clock.now()
    return login.customer_id


def first_name(session: Session, customer_id: int) -> str:
    """The member's first name, for greetings."""
    customer = session.get(Customer, customer_id)
    return customer.first_name if customer else ""


def log_out(session: Session, token: Any) -> bool:
    """End the login session of this token on the server; False when there was none."""
    if not isinstance(token, str):
        return False
    login = session.exec(
        select(LoginSession).where(LoginSession.token_hash == token_hash(token))
    ).first()
    if login is None or login.revoked_at is not None:
        return False
    login.revoked_at = clock.now()
    return True


def end_sessions(session: Session, customer_id: int, keep: str | None = None) -> None:
    """End every login session of hers, except the one of the token `keep`."""
    query = select(LoginSession).where(
        LoginSession.customer_id == customer_id, LoginSession.revoked_at.is_(None)
    )
    for login in session.exec(query):
        if keep is None or login.token_hash != token_hash(keep):
            login.revoked_at = clock.now()


def change_password(
    session: Session, *, customer_id: int, current: Any, new: Any, keep_token: str
) -> Outcome:
    """Change the password with the current one; every other session of hers ends.

    Returns:
        Done, or invalid ("account.password.wrong" or the new password's problem).
    """
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None or not isinstance(current, str):
        return Outcome.invalid("account.password.wrong")
    if not passwords.verify_password(customer.password_hash, current):
        return Outcome.invalid("account.password.wrong")
    problem = password_problem(new)
    if problem:
        return Outcome.invalid(problem)
    customer.password_hash = passwords.hash_password(new)
    end_sessions(session, customer.id, keep=keep_token)
    session.flush()
    return Outcome.done("account.password.changed", customer.id)
