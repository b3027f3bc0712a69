"""An outbox row as the e-mail that leaves: headers, plain and HTML parts, attachments."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from sqlmodel import Session, select

from alme_portal.i18n import translate
from alme_portal.mail import rules
from alme_portal.mail.services import html, recipients
from alme_portal.platform import clock, outbox, settings
from alme_portal.platform.models import OutboxAttachment, OutboxEmail


def sender_address() -> str:
    """The envelope and From address of every e-mail (`ALME_MAIL_FROM`, else the C1 address)."""
    return settings.smtp_setting(settings.MAIL_FROM_ENV, settings.CONTACT_EMAIL)


def unsubscribe_url(token: str, language: str) -> str:
    """The one-click unsubscribe link carrying `token` (RFC 8058; `mail.api`)."""
    return f"{settings.portal_url()}/api/unsubscribe?token={token}&lang={language}"


def compose(session: Session, email: OutboxEmail) -> EmailMessage:
    """Build the message for `email`: multipart text and HTML, with its attachments.

    Marketing e-mails (`recipients.is_marketing`) carry `List-Unsubscribe`; their recipient's
    token must exist already (the sender makes it when it claims the e-mail).

    Raises:
        ValueError: the recipient is not one plain address (nothing may be sent).
    """
    if not rules.is_plain_address(email.recipient):
        raise ValueError(rules.NOT_A_PLAIN_ADDRESS)
    sender = sender_address()
    local, _, domain = sender.rpartition("@")
    subject = rules.header_text(email.subject)
    message = EmailMessage()
    message["From"] = Address(settings.BRAND_NAME, local, domain)
    message["To"] = email.recipient
    message["Subject"] = subject
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = rules.message_id(email.id, email.created_at, domain)
    unsubscribe = None
    if recipients.is_marketing(email.kind):
        token = recipients.unsubscribe_token(session, email.recipient)
        unsubscribe = unsubscribe_url(token, email.language)
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    else:
        message["Auto-Submitted"] = "auto-generated"
    text = email.body
    if unsubscribe:
        why = translate(email.language, "email.footer.why_marketing")
        stop = translate(email.language, "email.footer.unsubscribe")
        text = f"{text}\n\n-- \n{why}\n{stop}: {unsubscribe}"
    message.set_content(text)
    message.add_alternative(
        html.render(email.body, email.language, subject=subject, unsubscribe_url=unsubscribe),
        subtype="html",
    )
    attachments = session.exec(
        select(OutboxAttachment).where(OutboxAttachment.email_id == email.id)
    ).all()
    for attachment in attachments:
        content = outbox.attachment_content(session, attachment)
        if content is None:
            continue  # what it showed is gone (a cancelled return): the words still hold
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            content, maintype=maintype, subtype=subtype,
            filename=rules.header_text(attachment.filename, 120),
        )  # fmt: skip
    message["Content-Language"] = email.language  # after the parts: they reset Content-*
    return message
