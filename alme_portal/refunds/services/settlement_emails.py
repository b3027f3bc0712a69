"""The e-mails of a provider refund: it is paid, or a credit note comes instead (R8)."""

from __future__ import annotations

from sqlmodel import Session

from alme_portal.i18n.dates import format_date
from alme_portal.orders.models.orders import Order, Payment
from alme_portal.platform import settings
from alme_portal.platform.money import format_cents
from alme_portal.refunds.models.refunds import StoredValue
from alme_portal.refunds.models.settlements import RefundSettlement
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.refunds.services.progress import statement_date
from alme_portal.returns.models import ReturnRequest

REFUND_PAID_EMAIL_KIND = "refund_paid"
CREDIT_NOTE_INSTEAD_EMAIL_KIND = "refund_credit_note"


def _language(session: Session, settlement: RefundSettlement, order: Order) -> str:
    request = session.get(ReturnRequest, settlement.return_id) if settlement.return_id else None
    return settings.supported_language(request.language if request else order.language)


def record_refund_paid(session: Session, settlement: RefundSettlement) -> None:
    """Tell her the provider has paid her refund, and when it shows on her statement."""
    order = session.get(Order, settlement.order_id)
    language = _language(session, settlement, order)
    payment = session.get(Payment, settlement.payment_id)
    by = statement_date(settlement)
    refund_texts.record_order_email(
        session, order, language, REFUND_PAID_EMAIL_KIND, "refund.paid.subject",
        f"refund.paid.body.{settlement.provider}",
        amount=format_cents(settlement.amount_cents, language),
        method=refund_texts.payment_name(payment, language),
        date=format_date(by, language) if by else "",
    )  # fmt: skip


def record_credit_note_instead(
    session: Session, settlement: RefundSettlement, note: StoredValue
) -> None:
    """Tell her the provider could not refund her, and give her the credit note's code."""
    order = session.get(Order, settlement.order_id)
    language = _language(session, settlement, order)
    payment = session.get(Payment, settlement.payment_id)
    refund_texts.record_order_email(
        session, order, language, CREDIT_NOTE_INSTEAD_EMAIL_KIND,
        "refund.credit_note_instead.subject", "refund.credit_note_instead.body",
        amount=format_cents(settlement.amount_cents, language),
        method=refund_texts.payment_name(payment, language),
        code=note.code, date=format_date(note.last_day, language),
    )  # fmt: skip
