"""One-time links sent by e-mail: a forgotten password, a new or changed e-mail address.

Each link carries 256 random bits; only their SHA-256 is stored. A link works once, within
its time, and an account receives at most `ACCOUNT_EMAILS_PER_HOUR` of them in an hour.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlmodel import Session, func, select

from alme_portal.accounts.models.accounts import EmailLink, PasswordReset
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import emails as account_emails
from alme_portal.accounts.services import passwords
from alme_portal.accounts.services.auth import end_sessions, password_problem, token_hash
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, outbox, routes, settings
from alme_portal.platform.contact import normalise_email
from alme_portal.platform.money import mask_email
from alme_portal.platform.outcome import Outcome

VERIFY, CHANGE, CLAIM = "verify", "change", "claim"

LinkOpener = Callable[[Session, Customer, EmailLink], Outcome]
"""What opening a link of another domain's purpose does (e.g. L9 claims)."""
_openers: dict[str, LinkOpener] = {}


def open_links_with(purpose: str, opener: LinkOpener) -> None:
    """Let another domain act on the links of its `purpose` (wired by `bootstrap.wire`)."""
    _openers[purpose] = opener


def _link(path: str, token: str) -> str:
    return f"{settings.portal_url()}{path}?token={token}"


def _sent_this_hour(session: Session, customer_id: int) -> int:
    since = clock.now() - timedelta(hours=1)
    resets = session.exec(
        select(func.count())
        .select_from(PasswordReset)
        .where(PasswordReset.customer_id == customer_id, PasswordReset.created_at >= since)
    ).one()
    confirmations = session.exec(select(func.count()).select_from(EmailLink).where(
        EmailLink.customer_id == customer_id, EmailLink.created_at >= since)).one()  # fmt: skip
    return resets + confirmations


def _hourly_limit_reached(session: Session, customer_id: int) -> bool:
    return _sent_this_hour(session, customer_id) >= settings.ACCOUNT_EMAILS_PER_HOUR


def _send(session: Session, customer: Customer, which: str, recipient: str, **values) -> None:
    language = customer.preferred_language
    email = account_emails.account_email(which, language, name=customer.first_name, **values)
    outbox.record_email(session, recipient=recipient, language=language, **email)


def request_password_reset(session: Session, *, email: Any) -> str:
    """E-mail a one-time link to choose a new password, if the account exists.

    Returns:
        Always "account.reset.sent": the page must not tell whether the e-mail has an account
        (nor that it reached its hourly limit).
    """
    address = normalise_email(email)
    query = select(Customer).where(Customer.email == address)
    customer = session.exec(query).first() if address else None
    if customer is None or _hourly_limit_reached(session, customer.id):
        return "account.reset.sent"
    token = secrets.token_urlsafe(32)
    session.add(
        PasswordReset(customer_id=customer.id, token_hash=token_hash(token), created_at=clock.now())
    )
    _send(session, customer, "reset", customer.email, url=_link(routes.ACCOUNT_RESET, token),
          minutes=settings.PASSWORD_RESET_MINUTES)  # fmt: skip
    session.flush()
    return "account.reset.sent"


def reset_password(session: Session, *, token: Any, password: Any) -> Outcome:
    """Choose a new password through a reset link: once, in time; every session then ends.

    Returns:
        Done, or invalid with "account.reset.invalid" (unknown, used or expired link) or the
        password's problem; nothing changes when invalid.
    """
    reset = _usable(session, PasswordReset, token, settings.PASSWORD_RESET_MINUTES)
    if reset is None:
        return Outcome.invalid("account.reset.invalid")
    problem = password_problem(password)
    if problem:
        return Outcome.invalid(problem)
    customer = session.get(Customer, reset.customer_id)
    customer.password_hash = passwords.hash_password(password)
    reset.used_at = clock.now()
    end_sessions(session, customer.id)
    session.flush()
    return Outcome.done("account.reset.done", customer.id)


def _usable(session: Session, model: type, token: Any, minutes: int):
    """The link row of `token` if it is known, unused and younger than `minutes`, else None."""
    if not isinstance(token, str):
        return None
    link = session.exec(select(model).where(model.token_hash == token_hash(token))).first()
    if link is None or link.used_at is not None:
        return None
    fresh = clock.now() - clock.as_utc(link.created_at) <= timedelta(minutes=minutes)
    return link if fresh else None


def _new_link(
    session: Session, customer: Customer, purpose: str, email: str, order_id: int | None = None
) -> str:
    token = secrets.token_urlsafe(32)
    session.add(EmailLink(customer_id=customer.id, purpose=purpose, email=email,
                          token_hash=token_hash(token), order_id=order_id,
                          created_at=clock.now()))  # fmt: skip
    session.flush()
    return _link(routes.ACCOUNT_CONFIRM, token)


def send_verification(session: Session, customer_id: int) -> Outcome:
    """E-mail her a link that confirms the account's address (it shows her guest orders).

    Returns:
        Done, already done (the address is confirmed) or rate-limited; nothing is sent then.
    """
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None:
        return Outcome.invalid("account.session.ended")
    if customer.email_verified:
        return Outcome.already_done("account.verify.already")
    if _hourly_limit_reached(session, customer.id):
        return Outcome.rate_limited("account.emails.rate_limited")
    url = _new_link(session, customer, VERIFY, customer.email)
    _send(session, customer, VERIFY, customer.email, url=url, minutes=settings.EMAIL_LINK_MINUTES)
    return Outcome.done("account.verify.sent", customer.id)


def request_email_change(session: Session, *, customer_id: int, password: Any,
                         new_email: Any) -> Outcome:  # fmt: skip
    """Move her account to a new address: her password first, then a link to the new address.

    The current address is told at once, and the account changes only when the link sent to
    the new address is opened (security checklist AUTH-06).

    Returns:
        Done, or invalid with "account.password.wrong", "account.email.invalid",
        "account.email.same", "account.exists" or "account.emails.rate_limited"; nothing is
        sent when invalid.
    """
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None or not isinstance(password, str):
        return Outcome.invalid("account.password.wrong")
    if not passwords.verify_password(customer.password_hash, password):
        return Outcome.invalid("account.password.wrong")
    address = normalise_email(new_email)
    if address is None:
        return Outcome.invalid("account.email.invalid")
    if address == customer.email:
        return Outcome.invalid("account.email.same")
    if session.exec(select(Customer.id).where(Customer.email == address)).first() is not None:
        return Outcome.invalid("account.exists")
    if _hourly_limit_reached(session, customer.id):
        return Outcome.invalid("account.emails.rate_limited")
    url = _new_link(session, customer, CHANGE, address)
    _send(session, customer, CHANGE, address, url=url, minutes=settings.EMAIL_LINK_MINUTES)
    _send(session, customer, "change_requested", customer.email, email=mask_email(address),
          url=f"{settings.portal_url()}{routes.ACCOUNT}")  # fmt: skip
    return Outcome.done("account.email.change_sent", customer.id)


def send_claim_link(session: Session, member: Customer, order: Order) -> bool:
    """L9: ask the owner of an order's e-mail to let this member count its loves.

    Returns:
        False when her hourly share of e-mails is used up (nothing is sent).
    """
    if _hourly_limit_reached(session, member.id):
        return False
    url = _new_link(session, member, CLAIM, order.email, order.id)
    _send(session, member, CLAIM, order.email, url=url, number=order.number,
          minutes=settings.EMAIL_LINK_MINUTES)  # fmt: skip
    return True


def confirm_email(session: Session, token: Any) -> Outcome:
    """Open a confirmation link: verify her address, or move her account to the new one.

    Returns:
        Done or Done with her id, or invalid with "account.confirm.invalid"
        (unknown, used, expired, or overtaken by another change) or "account.exists" (the new
        address got an account meanwhile); nothing changes when invalid.
    """
    link = _usable(session, EmailLink, token, settings.EMAIL_LINK_MINUTES)
    if link is None:
        return Outcome.invalid("account.confirm.invalid")
    customer = session.get(Customer, link.customer_id)
    if link.purpose in _openers:
        link.used_at = clock.now()
        return _openers[link.purpose](session, customer, link)
    if link.purpose == VERIFY and link.email != customer.email:
        return Outcome.invalid("account.confirm.invalid")
    if link.purpose == CHANGE:
        taken = session.exec(select(Customer.id).where(Customer.email == link.email)).first()
        if taken is not None:
            return Outcome.invalid("account.exists")
        former = customer.email
        customer.email = link.email
        _send(session, customer, "changed", former, email=mask_email(link.email))
    customer.email_verified = True
    link.used_at = clock.now()
    session.flush()
    return Outcome.done(f"account.confirm.{link.purpose}", customer.id)
