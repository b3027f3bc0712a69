"""Draining the outbox: claim an e-mail, compose it, hand it to SMTP, record the outcome."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections import Counter
from typing import Protocol

from alme_portal.adapters.smtp import PermanentFailure, TemporaryFailure
from alme_portal.mail.services import compose, delivery
from alme_portal.platform import db
from alme_portal.platform.models import OutboxEmail

log = logging.getLogger(__name__)


class Transport(Protocol):
    """What hands a message to the mail server (`adapters.smtp.SmtpConnection`)."""

    def send(self, message, sender: str, recipient: str) -> None:  # noqa: D102
        ...


def worker_name() -> str:
    """A name for this worker that no other process shares (host, process, a random part)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def send_due(transport: Transport, *, worker: str | None = None, limit: int = 10_000) -> Counter:
    """Send every e-mail due now, one at a time, until none is left (or `limit` were tried).

    Returns:
        How many were `sent`, put back `pending` for a later attempt, or `failed`.
    """
    worker = worker or worker_name()
    counts: Counter = Counter()
    finished: delivery.Outcome | None = None
    tried = 0
    while True:
        with db.session_scope(write=True) as session:
            if finished is not None:
                counts[delivery.record(session, finished, worker)] += 1
            claimed = delivery.claim_next(session, worker) if tried < limit else None
            finished = claimed and delivery.refusal(session, claimed)
            claimed_id = claimed.id if claimed else None
        if claimed_id is None:
            break
        tried += 1
        if finished is None:
            finished = _send_one(transport, claimed_id)
    counts.pop(None, None)
    return counts


def _send_one(transport: Transport, email_id: int) -> delivery.Outcome:
    with db.session_scope() as session:
        email = session.get(OutboxEmail, email_id)
        recipient = email.recipient
        try:
            message = compose.compose(session, email)
        except ValueError as error:
            return delivery.Outcome(email_id, sent=False, reason=str(error))
        except Exception as error:  # a renderer's bug must not stop the other e-mails
            log.exception("e-mail %s could not be composed", email_id)
            reason = f"could not be composed: {type(error).__name__}"
            return delivery.Outcome(email_id, sent=False, reason=reason, temporary=True)
    try:
        transport.send(message, compose.sender_address(), recipient)
    except TemporaryFailure as error:
        log.warning("e-mail %s not sent yet: %s", email_id, error)
        return delivery.Outcome(email_id, sent=False, reason=str(error), temporary=True)
    except PermanentFailure as error:
        log.warning("e-mail %s refused: %s", email_id, error)
        return delivery.Outcome(
            email_id, sent=False, reason=str(error), recipient_refused=error.recipient
        )
    return delivery.Outcome(email_id, sent=True)
