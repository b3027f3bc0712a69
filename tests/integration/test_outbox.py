"""Outbox attachments: stored bytes, or rendered from their source when the e-mail is sent."""

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from alme_portal.platform import outbox
from alme_portal.platform.models import OutboxAttachment


def record(session, attachment):
    email = outbox.record_email(session, recipient=" Camille@Example.fr ", kind="test",
                                language="en", subject="s", body="b",
                                attachments=[attachment])  # fmt: skip
    query = select(OutboxAttachment).where(OutboxAttachment.email_id == email.id)
    return session.exec(query).one()


def test_stored_bytes_are_sent_as_they_are(session):
    row = record(session, outbox.Attachment("a.txt", "text/plain", content=b"hello"))
    assert outbox.attachment_content(session, row) == b"hello"


def test_a_source_is_rendered_by_its_kind_and_an_unknown_one_gives_nothing(session, monkeypatch):
    monkeypatch.setattr(outbox, "_renderers", {"shout": lambda _session, arg: arg.upper().encode()})
    assert outbox.attachment_content(session, record(session, outbox.Attachment(
        "a.txt", "text/plain", source="shout:bonjour"))) == b"BONJOUR"  # fmt: skip
    unknown = outbox.Attachment("b.txt", "text/plain", source="whisper:bonjour")
    assert outbox.attachment_content(session, record(session, unknown)) is None


def test_an_attachment_with_neither_bytes_nor_source_is_refused(session):
    with pytest.raises(IntegrityError):
        record(session, outbox.Attachment("empty.txt", "text/plain"))
