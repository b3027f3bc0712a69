"""What a carried-out refund says to the customer: one line per move, and its e-mail."""

from __future__ import annotations

from sqlmodel import Session, select

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date, format_day
from alme_portal.orders.models.orders import Order, Payment
from alme_portal.orders.services.lookup import payment_view
from alme_portal.platform import outbox, settings
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import PaymentMethod, RefundKind
from alme_portal.refunds.models.refunds import Refund, StoredValue
from alme_portal.refunds.rules import refunds

REFUND_EMAIL_KIND = "refund_confirmed"
CREDIT_NOTE_EMAIL_KIND = "credit_note_issued"


def payment_name(payment: Payment | None, language: str) -> str:
    """A payment in her words: "Visa •••• 4242", "PayPal j•••@example.com".

    An instalment or deferred plan names the card it charges: "3 instalments, Visa •••• 4242".
    """
    if payment is None:
        return ""
    view = payment_view(payment)
    method = translate(language, f"payment.{payment.method}")
    if not view["masked"]:
        return method
    card = f"{view['card_brand'] or method} {view['masked']}"
    planned = payment.method in (*refunds.DEFERRED, PaymentMethod.INSTALMENTS_3)
    return f"{method}, {card}" if planned and view["card_brand"] else card


def issued_cents(rows: list[Refund], value_id: int) -> int:
    """What a new credit note or gift card was worth (its moves and postage put together)."""
    return sum(row.amount_cents for row in rows if row.stored_value_id == value_id
               and row.kind in (*refunds.NEW_KINDS, RefundKind.POSTAGE))  # fmt: skip


def money_lines(session: Session, rows: list[Refund], language: str) -> list[str]:
    """Each move of a refund in the customer's words (amount, where, when)."""
    payments = {
        p.id: p
        for p in session.exec(
            select(Payment).where(Payment.id.in_([r.payment_id for r in rows if r.payment_id]))
        )
    }
    values = {
        v.id: v
        for v in session.exec(
            select(StoredValue).where(
                StoredValue.id.in_([r.stored_value_id for r in rows if r.stored_value_id])
            )
        )
    }
    lines = []
    for row in rows:
        amount = format_cents(row.amount_cents, language)
        value = values.get(row.stored_value_id)
        payment = payments.get(row.payment_id)
        if row.kind == RefundKind.POSTAGE and row.payment_id is None:
            continue  # inside the credit note's line
        if row.kind in refunds.NEW_KINDS:
            lines.append(
                translate(
                    language,
                    f"refund.{row.kind}",
                    code=value.code,
                    amount=format_cents(issued_cents(rows, value.id), language),
                    date=format_day(value.last_day, language),
                )
            )
            continue
        if (
            row.kind == RefundKind.CREDIT_BACK
            and payment
            and payment.method == PaymentMethod.GIFT_CARD
        ):
            key = "refund.gift_card"
        else:
            key = f"refund.{row.kind}"
        lines.append(
            translate(
                language,
                key,
                amount=amount,
                code=value.code if value else "",
                method=payment_name(payment, language),
                sequence=row.instalment_sequence,
                date=format_date(row.expected_on, language),
            )
        )
    return list(dict.fromkeys(lines))  # one credit note line, however many payments fed it


def record_order_email(
    session: Session, order: Order, language: str, kind: str, subject_key: str, body_key: str,
    **values: object,
) -> None:  # fmt: skip
    """An outbox e-mail about an order in `language`, its number and the brand filled in."""
    outbox.record_email(
        session, recipient=order.email, order_id=order.id, language=language, kind=kind,
        subject=translate(language, subject_key, number=order.number),
        body=translate(language, body_key, number=order.number, brand=settings.BRAND_NAME,
                       **values),
    )  # fmt: skip


def record_refund_email(
    session: Session,
    order: Order,
    rows: list[Refund],
    subject_number: str,
    extra: list[str] = (),
    language: str | None = None,
) -> None:
    """The outbox e-mail of a processed return or refunded parcel (R8, O9), in her language."""
    language = language or order.language
    language = settings.supported_language(language)
    parcel = subject_number == order.number
    intro = [translate(language, "refund.returned_parcel")] if parcel else []
    lines = [*intro, *extra, *money_lines(session, rows, language)]
    subject_key = "refund.email.parcel_subject" if parcel else "refund.email.subject"
    body_key = "refund.email.parcel_body" if parcel else "refund.email.body"
    issued = any(row.kind in refunds.NEW_KINDS for row in rows)
    outbox.record_email(
        session,
        recipient=order.email,
        order_id=order.id,
        language=language,
        kind=CREDIT_NOTE_EMAIL_KIND if issued else REFUND_EMAIL_KIND,
        subject=translate(language, subject_key, number=subject_number),
        body=translate(
            language,
            body_key,
            number=subject_number,
            brand=settings.BRAND_NAME,
            lines="\n".join(f"- {line}" for line in lines),
        ),
    )


def parcel_refund_lines(session: Session, order_id: int, language: str) -> list[str]:
    """Rule O9: what the order page says once a parcel back at the Atelier is refunded."""
    rows = list(
        session.exec(
            select(Refund)
            .where(Refund.order_id == order_id, Refund.return_id.is_(None))
            .order_by(Refund.id)
        )
    )
    if not rows:
        return []
    return [translate(language, "refund.returned_parcel"), *money_lines(session, rows, language)]
