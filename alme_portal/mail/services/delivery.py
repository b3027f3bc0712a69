"""Who sends which outbox e-mail, and what became of it: claims, outcomes, retries.

A worker claims one due e-mail at a time under a lease (`claimed_by`, `claimed_until`): on
PostgreSQL the claim skips rows another worker holds locked (`FOR UPDATE SKIP LOCKED`); on
SQLite the claim runs in a write transaction (`BEGIN IMMEDIATE`), which no other writer shares.
The outcome of an e-mail is recorded in the same transaction that claims the next one, and only
by the worker that still holds the claim. A worker that dies after the server accepted an e-mail
and before recording it leaves a claim that lapses: the e-mail is sent again, with the same
Message-ID, so the copy is recognisable; that gap (one e-mail per crashed worker) is the only
way an e-mail goes out twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_
from sqlmodel import Session, select

from alme_portal.mail import rules
from alme_portal.mail.services import recipients
from alme_portal.platform import clock, settings
from alme_portal.platform.models import OutboxEmail

PENDING, SENT, FAILED = "pending", "sent", "failed"
UNSUBSCRIBED = "the address unsubscribed from these e-mails"


@dataclass(frozen=True)
class Outcome:
    """What happened to one claimed e-mail: `sent`, or the failure and whether it may pass later."""

    email_id: int
    sent: bool
    reason: str = ""
    temporary: bool = False
    recipient_refused: bool = False


def claim_next(session: Session, worker: str) -> OutboxEmail | None:
    """Claim the next due e-mail for `worker` (flushed; the caller commits)."""
    now = clock.now()
    email = session.exec(
        select(OutboxEmail)
        .where(
            OutboxEmail.status == PENDING,
            OutboxEmail.next_attempt_at <= now,
            or_(OutboxEmail.claimed_until.is_(None), OutboxEmail.claimed_until <= now),
        )
        .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if email is not None:
        email.claimed_by = worker
        email.claimed_until = now + timedelta(seconds=settings.MAIL_CLAIM_LEASE_SECONDS)
        session.add(email)
        session.flush()
    return email


def refusal(session: Session, email: OutboxEmail) -> Outcome | None:
    """Why a claimed e-mail must not go at all, as its outcome; None when it may go.

    A marketing e-mail's recipient gets her unsubscribe token here (the link compose writes).
    """
    if not rules.is_plain_address(email.recipient):
        return Outcome(email.id, sent=False, reason=rules.NOT_A_PLAIN_ADDRESS)
    if recipients.is_marketing(email.kind):
        if recipients.has_unsubscribed(session, email.recipient):
            return Outcome(email.id, sent=False, reason=UNSUBSCRIBED)
        recipients.unsubscribe_token(session, email.recipient)
    return None


def _finish(email: OutboxEmail, status: str, reason: str | None = None) -> None:
    email.status = status
    email.last_error = reason[:300] if reason else None
    email.claimed_by = email.claimed_until = None


def record(session: Session, outcome: Outcome, worker: str) -> str | None:
    """Record what became of an e-mail `worker` claimed (flushed; the caller commits).

    Returns:
        The e-mail's status now (`pending` again when it will be retried), or None when the
        claim was no longer `worker`'s (it lapsed and another took over): then nothing changes.
    """
    email = session.get(OutboxEmail, outcome.email_id)
    if email is None or email.status != PENDING or email.claimed_by != worker:
        return None
    now = clock.now()
    email.attempts += 1
    if outcome.sent:
        _finish(email, SENT)
        email.sent_at = now
        recipients.mark_delivered(session, email.recipient)
    elif outcome.temporary and not rules.gives_up(email.attempts):
        _finish(email, PENDING, outcome.reason)
        email.next_attempt_at = now + rules.retry_delay(email.attempts)
    else:
        _finish(email, FAILED, outcome.reason)
        if outcome.recipient_refused:
            recipients.mark_undeliverable(session, email.recipient, outcome.reason)
    session.add(email)
    session.flush()
    return email.status
