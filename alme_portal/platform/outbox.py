"""Writing the e-mail outbox: the only way a feature promises an e-mail."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from sqlmodel import Session

from alme_portal.platform import clock, settings
from alme_portal.platform.models import OutboxAttachment, OutboxEmail


class Attachment(NamedTuple):
    """A file to send with an e-mail: its bytes, or the source they are rendered from."""

    filename: str
    content_type: str
    content: bytes | None = None
    source: str | None = None
    """`<kind>:<argument>`, rendered when the e-mail is sent by the renderer of `kind`."""


Renderer = Callable[[Session, str], bytes | None]
_renderers: dict[str, Renderer] = {}


def register_renderer(kind: str, render: Renderer) -> None:
    """Let attachments whose source starts with `kind:` be rendered by `render(session, arg)`."""
    _renderers[kind] = render


def attachment_content(session: Session, attachment: OutboxAttachment) -> bytes | None:
    """The bytes to send with an e-mail: stored ones, or rendered now from the source.

    Returns:
        The bytes, or None when the source is unknown or names something that is gone.
    """
    if attachment.content is not None:
        return attachment.content
    kind, _, argument = (attachment.source or "").partition(":")
    render = _renderers.get(kind)
    return render(session, argument) if render else None


_SUBJECT_MAX = 200
_ADDRESS_MAX = 254


def record_email(
    session: Session,
    *,
    recipient: str,
    kind: str,
    language: str,
    subject: str,
    body: str,
    order_id: int | None = None,
    attachments: Iterable[Attachment] = (),
) -> OutboxEmail:
    """Add an e-mail to the outbox in the caller's transaction (a worker sends it later).

    Args:
        session: the caller's session; it is flushed, not committed.
        recipient: the address, stored trimmed and lower-cased.
        kind: what the e-mail is (for example "order_dispatched").
        language: "en" or "fr"; anything else falls back to the default language.
        subject: the subject line (cut to 200 characters).
        body: the plain-text body.
        order_id: the order the e-mail is about, if any.
        attachments: files sent with it (stored with the e-mail).

    Returns:
        The outbox row, with its id.

    Raises:
        ValueError: `recipient` is longer than any e-mail address (254 characters).
    """
    if len(recipient.strip()) > _ADDRESS_MAX:
        raise ValueError("an e-mail address has 254 characters at most")
    now = clock.now()
    email = OutboxEmail(
        recipient=recipient.strip().lower(),
        kind=kind,
        language=settings.supported_language(language),
        subject=subject[:_SUBJECT_MAX],
        body=body,
        order_id=order_id,
        created_at=now,
        next_attempt_at=now,
    )
    session.add(email)
    session.flush()
    for attachment in attachments:
        session.add(OutboxAttachment(email_id=email.id, **attachment._asdict()))
    session.flush()
    return email
