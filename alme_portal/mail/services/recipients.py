"""Addresses as recipients: unsubscribe links, unsubscribes, and addresses that bounce (C2)."""

from __future__ import annotations

import secrets

from sqlmodel import Session, select

from alme_portal.mail.models import MailRecipient
from alme_portal.platform import clock
from alme_portal.platform.contact import email_is_unreachable

_marketing_kinds: set[str] = set()


def treat_as_marketing(kind: str) -> None:
    """Mark outbox e-mails of `kind` as marketing (wired by `bootstrap.wire`).

    Marketing e-mails are the ones a person did not ask for about her own order or account
    (a referral invitation, a back-in-stock alert): they carry `List-Unsubscribe`, and an
    address that unsubscribed gets no more of them.
    """
    _marketing_kinds.add(kind)


def is_marketing(kind: str) -> bool:
    """Whether outbox e-mails of `kind` are marketing (see `treat_as_marketing`)."""
    return kind in _marketing_kinds


def _recipient(session: Session, email: str) -> MailRecipient:
    address = email.strip().lower()
    row = session.get(MailRecipient, address)
    if row is None:
        row = MailRecipient(email=address, unsubscribe_token=secrets.token_urlsafe(24))
        session.add(row)
        session.flush()
    return row


def unsubscribe_token(session: Session, email: str) -> str:
    """The secret of `email`'s unsubscribe link (made the first time; needs a write session)."""
    return _recipient(session, email).unsubscribe_token


def has_unsubscribed(session: Session, email: str) -> bool:
    """Whether `email` asked for no more marketing e-mails."""
    row = session.get(MailRecipient, email.strip().lower())
    return row is not None and row.unsubscribed_at is not None


def _by_token(session: Session, token: object) -> MailRecipient | None:
    if not isinstance(token, str) or not 16 <= len(token) <= 64:
        return None
    query = select(MailRecipient).where(MailRecipient.unsubscribe_token == token)
    return session.exec(query).first()


def token_is_known(session: Session, token: object) -> bool:
    """Whether `token` is the secret of some address's unsubscribe link."""
    return _by_token(session, token) is not None


def unsubscribe(session: Session, token: object) -> bool:
    """Stop marketing e-mails to the address whose link carries `token`.

    Returns:
        Whether the token named an address (asking twice is fine).
    """
    row = _by_token(session, token)
    if row is None:
        return False
    row.unsubscribed_at = row.unsubscribed_at or clock.now()
    session.add(row)
    return True


def mark_undeliverable(session: Session, email: str, reason: str) -> None:
    """Remember that the mail server refused `email` for good (shown as rule C2's warning)."""
    row = _recipient(session, email)
    if row.undeliverable_since is None:
        row.undeliverable_since = clock.now()
    row.undeliverable_reason = reason[:300]
    session.add(row)


def mark_delivered(session: Session, email: str) -> None:
    """Forget an earlier bounce of `email`: the server took an e-mail for it again."""
    row = session.get(MailRecipient, email.strip().lower())
    if row is not None and row.undeliverable_since is not None:
        row.undeliverable_since = row.undeliverable_reason = None
        session.add(row)


DOMAIN, BOUNCED = "domain", "bounced"


def undeliverable(session: Session, email: object) -> str:
    """Rule C2: why the brand's e-mails do not reach `email`, or "" when they do.

    Returns:
        `DOMAIN` (a domain of `UNREACHABLE_EMAIL_DOMAINS`), `BOUNCED` (the server refused the
        address for good) or "".
    """
    if not isinstance(email, str) or not email.strip():
        return ""
    if email_is_unreachable(email):
        return DOMAIN
    row = session.get(MailRecipient, email.strip().lower())
    return BOUNCED if row is not None and row.undeliverable_since is not None else ""


def is_undeliverable(session: Session, email: str) -> bool:
    """Rule C2: whether the brand's e-mails do not reach `email` (its domain, or a bounce)."""
    return bool(undeliverable(session, email))
