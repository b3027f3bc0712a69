"""E-mails of returns (R3, E8, EU withdrawal); their words are in the catalogues (`email.*`)."""

from __future__ import annotations

from alme_portal import i18n
from alme_portal.i18n.dates import format_date
from alme_portal.platform import settings
from alme_portal.platform.money import format_cents
from alme_portal.returns.models import ReturnRequest


def return_page_url(number: str) -> str:
    """The status page of a return."""
    return f"{settings.portal_url()}/returns/{number}"


def declared_email(
    request: ReturnRequest, language: str, *, label_pending: bool = False, paperless: bool = False
) -> dict[str, str]:
    """Rule R3: the e-mail confirming a return; its label goes with it as a PDF.

    Args:
        request: the return just declared.
        language: "en" or "fr".
        label_pending: the carrier has not booked the prepaid label yet: the e-mail says it
            follows within the hour (`label_email`).
        paperless: the label is a QR code a relay point prints from.
    """
    suffix = "_pending" if label_pending else "_paperless" if paperless else ""
    lang = settings.supported_language(language)
    how = i18n.translate(
        lang,
        f"email.return.how.{request.method}{suffix}",
        expires=_expires(request, lang),
        atelier=", ".join(settings.ATELIER_RETURN_ADDRESS),
        cap=format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, lang),
    )
    subject, body = i18n.email(
        lang, "email.return.declared", number=request.number, how=how,
        url=return_page_url(request.number),
    )  # fmt: skip
    return {"subject": subject, "body": body}


def label_email(
    request: ReturnRequest, language: str, *, paperless: bool = False
) -> dict[str, str]:
    """Rule R3: the prepaid label booked after the declaration e-mail said it would follow."""
    lang = settings.supported_language(language)
    key = "email.return.label_paperless" if paperless else "email.return.label"
    subject, body = i18n.email(
        lang, key, number=request.number, expires=_expires(request, lang),
        expedition=request.parcel_reference or "", url=return_page_url(request.number),
    )  # fmt: skip
    return {"subject": subject, "body": body}


def _expires(request: ReturnRequest, language: str) -> str:
    return format_date(request.label_expires_on, language) if request.label_expires_on else ""


def back_in_stock_email(*, name: str, colour: str, size: str, language: str) -> dict[str, str]:
    """Rule E8: the e-mail telling that an awaited size is back."""
    subject, body = i18n.email(language, "email.stock", product=name, colour=colour, size=size)
    return {"subject": subject, "body": body}


def withdrawal_email(*, number: str, statement: str, language: str) -> dict[str, str]:
    """EU withdrawal button: the acknowledgement, with the statement as it was made."""
    subject, body = i18n.email(language, "email.withdrawal", number=number, statement=statement)
    return {"subject": subject, "body": body}
