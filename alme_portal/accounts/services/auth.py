"""Members' accounts: sign up (joins Almé Lovers, L1), log in and out, forgotten password.

The browser holds a random login token (256 bits from `secrets`), never Reflex's client
token; the database keeps only its SHA-256, so a copy of the database opens no session.
Failed logins are counted before any password is hashed (`login_limits`), and the slow hash is
computed outside the database's write lock: a check reads, then its result is written.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from alme_portal.accounts.models.accounts import LoginSession
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import login_limits, passwords
from alme_portal.platform import clock, settings
from alme_portal.platform.contact import normalise_email
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.text import looks_like_link

NAME_MAX = 80
SIGNUP_PREFIX = "signup:"
"""Failed attempts of sign-ups on an address that has an account are counted under this key."""


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
    plain = 0 < len(text) <= NAME_MAX and text.isprintable() and not looks_like_link(text)
    return text if plain else None


@dataclass(frozen=True)
class NewAccount:
    """A sign-up checked and its password hashed, ready to be stored (no database needed)."""

    email: str
    first_name: str
    last_name: str
    password_hash: str
    language: str


def new_account(
    *, email: Any, password: Any, first_name: Any, last_name: Any, language: str
) -> NewAccount | Outcome:
    """Rule L1: check a sign-up and hash its password, before any database lock is taken.

    Returns:
        The account to store, or invalid with the field's message key.
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
    return NewAccount(address, first, last, passwords.hash_password(password),
                      settings.supported_language(language))  # fmt: skip


def add_account(session: Session, account: NewAccount, *, client_address: str) -> Outcome:
    """Rule L1: store a checked sign-up, which makes her a member of Almé Lovers.

    Returns:
        Done with her id; refused when the address has an account (which costs the asking
        address a failed attempt, see `login_limits`); rate-limited when this client address
        opened too many accounts, or probed too many addresses.
    """
    address = (client_address or "unknown")[:64]
    blocked = login_limits.signup_retry_at(session, address) or login_limits.retry_at(
        session, SIGNUP_PREFIX + account.email, address
    )
    if blocked is not None:
        return Outcome.rate_limited("account.signup.rate_limited", blocked)
    if session.exec(select(Customer.id).where(Customer.email == account.email)).first():
        login_limits.record_failure(session, SIGNUP_PREFIX + account.email, address)
        return Outcome.refused("account.exists")
    customer = Customer(
        email=account.email,
        first_name=account.first_name,
        last_name=account.last_name,
        password_hash=account.password_hash,
        preferred_language=account.language,
        created_at=clock.now(),
    )
    session.add(customer)
    login_limits.record_signup(session, address)
    session.flush()
    return Outcome.done("account.created", customer.id)


def create_account(session: Session, *, client_address: str = "unknown", **fields: Any) -> Outcome:
    """`new_account` then `add_account` in one session (the command line, tests)."""
    checked = new_account(**fields)
    if isinstance(checked, Outcome):
        return checked
    return add_account(session, checked, client_address=client_address)


@dataclass(frozen=True)
class PasswordCheck:
    """What checking an e-mail and password found; `settle` writes what it implies.

    Attributes:
        account_id: the account, when the password matched.
        refusal: why not, otherwise (invalid, or rate-limited with `retry_at`).
        failure: (account key, client address) of a failed attempt to count.
        new_hash: a stronger hash of the right password, to store.
    """

    account_id: int | None
    refusal: Outcome | None
    failure: tuple[str, str] | None = None
    new_hash: str | None = None


def check_password(
    session: Session, model: type, *, email: Any, password: Any, client_address: str,
    failure_prefix: str = "",
) -> PasswordCheck:  # fmt: skip
    """Check an e-mail and password against `model` (customers or staff), rate-limited.

    Read only: the slow hash is computed outside any write lock. An unknown e-mail and a
    wrong password get the same answer and cost the same hash; an attempt the limits refuse
    (see `login_limits`) gets "rate limited" before any password is checked.
    """
    email_key = (email.strip().lower() if isinstance(email, str) else "")[:254]
    failure_key = (failure_prefix + email_key)[:254]
    address = (client_address or "unknown")[:64]
    blocked = login_limits.retry_at(session, failure_key, address)
    if blocked is not None:
        return PasswordCheck(None, Outcome.rate_limited("account.login.rate_limited", blocked))
    account = session.exec(select(model).where(model.email == email_key)).first()
    hashed = account.password_hash if account else _decoy_hash()
    matches = isinstance(password, str) and passwords.verify_password(hashed, password)
    if account is None or not matches:
        refusal = Outcome.invalid("account.login.invalid")
        return PasswordCheck(None, refusal, failure=(failure_key, address))
    rehashed = passwords.hash_password(password) if passwords.needs_rehash(hashed) else None
    return PasswordCheck(account.id, None, new_hash=rehashed)


def settle(session: Session, model: type, check: PasswordCheck) -> None:
    """Write what a password check implies: count its failure, or store the stronger hash."""
    if check.failure is not None:
        login_limits.record_failure(session, *check.failure)
    if check.new_hash is not None and check.account_id is not None:
        session.get(model, check.account_id).password_hash = check.new_hash


def open_login(session: Session, check: PasswordCheck) -> Outcome:
    """Open a member's login session after `check_password`: a new token each time.

    Returns:
        Done with the `Login` (the token for her browser's cookie); the check's refusal else.
    """
    settle(session, Customer, check)
    if check.refusal is not None:
        return check.refusal
    token = _open_session(session, check.account_id)
    return Outcome.done("account.login.ok", Login(check.account_id, token))


def log_in(session: Session, *, email: Any, password: Any, client_address: str) -> Outcome:
    """`check_password` then `open_login` in one session (the command line, tests)."""
    check = check_password(session, Customer, email=email, password=password,
                           client_address=client_address)  # fmt: skip
    return open_login(session, check)


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
