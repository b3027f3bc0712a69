"""★ "Where is my refund": each part of a refund, its method, amount, state and statement date.

A part is one provider refund (a card, a PayPal account, an Alma plan, with what it did to
each instalment) or one move the portal made itself (a credit note issued, a gift card
credited). The statement date counts the method's usual delay
(`REFUND_STATEMENT_WORKING_DAYS`) from the day the provider took the refund.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.orders.models.orders import Payment
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import RefundKind
from alme_portal.refunds.models.refunds import Refund, StoredValue
from alme_portal.refunds.models.settlements import RefundSettlement
from alme_portal.refunds.rules import refunds
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.returns.models import ReturnRequest

DONE, WAITING, PROBLEM = "done", "waiting", "problem"
CASH_KINDS = (RefundKind.CREDIT_BACK, RefundKind.POSTAGE)
"""Moves that send money back (the others lower what is still to be charged)."""


def statement_date(settlement: RefundSettlement) -> date | None:
    """The day a refund the provider took shows on her statement at the latest."""
    if settlement.sent_at is None:
        return None
    days = settings.REFUND_STATEMENT_WORKING_DAYS[settlement.provider][-1]
    return add_working_days(clock.in_paris(settlement.sent_at).date(), days)


def _move_detail(row: Refund, language: str) -> str:
    amount = format_cents(row.amount_cents, language)
    if row.kind == RefundKind.INSTALMENT_REDUCED:
        return translate(
            language, "refund.where.instalment", sequence=row.instalment_sequence, amount=amount
        )
    if row.kind == RefundKind.NOT_CHARGED:
        return translate(language, "refund.where.not_charged", amount=amount)
    return translate(language, "refund.where.paid_back", amount=amount)


def _settlement_part(
    settlement: RefundSettlement,
    rows: list[Refund],
    payment: Payment,
    credit_note: StoredValue | None,
    language: str,
) -> dict[str, Any]:
    text = lambda key, **values: translate(language, key, **values)  # noqa: E731
    cash = any(row.kind in CASH_KINDS for row in rows)
    by = statement_date(settlement) if cash else None
    sent_on = clock.in_paris(settlement.sent_at).date() if settlement.sent_at else None
    provider = settlement.provider
    if settlement.state == "succeeded":
        state, status = (
            DONE,
            text(f"refund.where.done.{provider}", date=format_date(sent_on, language)),
        )
    elif settlement.state == "credit_note" and credit_note:
        state = DONE
        status = text(
            "refund.where.credit_note",
            code=credit_note.code,
            date=format_date(credit_note.last_day, language),
        )
        by = None
    elif settlement.state == "failed":
        state, status, by = PROBLEM, text("refund.where.failed"), None
    elif sent_on:
        state, status = (
            WAITING,
            text(f"refund.where.sent.{provider}", date=format_date(sent_on, language)),
        )
    else:
        state, status = WAITING, text(f"refund.where.sending.{provider}")
    details = [_move_detail(row, language) for row in rows] if provider == "alma" else []
    return {
        "method": refund_texts.payment_name(payment, language),
        "amount": format_cents(settlement.amount_cents, language),
        "state": state,
        "status": status,
        "details": details,
        "statement": text("refund.where.statement", date=format_date(by, language))
        if by and state != PROBLEM
        else "",
    }


def _own_part(
    row: Refund,
    payment: Payment | None,
    value: StoredValue | None,
    rows: list[Refund],
    language: str,
) -> dict[str, Any]:
    """A move the portal made itself: a credit note or gift card issued, or credited back."""
    if row.kind in refunds.NEW_KINDS:
        method = translate(language, f"refund.where.{row.kind}", code=value.code)
        amount = refund_texts.issued_cents(rows, value.id)
        status = translate(
            language, "refund.where.issued", date=format_date(value.last_day, language)
        )
    else:
        method = refund_texts.payment_name(payment, language)
        amount, status = row.amount_cents, translate(language, "refund.where.stored_now")
    return {
        "method": method,
        "amount": format_cents(amount, language),
        "state": DONE,
        "status": status,
        "details": [],
        "statement": "",
    }


def refund_parts(session: Session, rows: list[Refund], language: str) -> list[dict[str, Any]]:
    """The parts of the refund made of `rows` (a return's, or a parcel's), in her language."""
    if not rows:
        return []
    payments = {
        p.id: p
        for p in session.exec(
            select(Payment).where(Payment.id.in_({r.payment_id for r in rows if r.payment_id}))
        )
    }
    settlements = {
        s.id: s
        for s in session.exec(
            select(RefundSettlement).where(
                RefundSettlement.id.in_({r.settlement_id for r in rows if r.settlement_id})
            )
        )
    }
    values = {
        v.id: v
        for v in session.exec(
            select(StoredValue).where(
                StoredValue.id.in_(
                    {r.stored_value_id for r in rows if r.stored_value_id}
                    | {s.credit_note_id for s in settlements.values() if s.credit_note_id}
                )
            )
        )
    }
    parts, seen = [], set()
    for row in rows:
        if row.settlement_id:
            if row.settlement_id in seen:
                continue
            seen.add(row.settlement_id)
            settlement = settlements[row.settlement_id]
            moves = [r for r in rows if r.settlement_id == settlement.id]
            parts.append(
                _settlement_part(
                    settlement,
                    moves,
                    payments[settlement.payment_id],
                    values.get(settlement.credit_note_id),
                    language,
                )
            )
        elif not (row.kind == RefundKind.POSTAGE and row.payment_id is None):
            parts.append(
                _own_part(
                    row,
                    payments.get(row.payment_id),
                    values.get(row.stored_value_id),
                    rows,
                    language,
                )
            )
    return list({(p["method"], p["status"]): p for p in parts}.values())


def return_refund_parts(session: Session, return_id: int, language: str) -> list[dict[str, Any]]:
    """Where each part of a return's refund is."""
    rows = session.exec(select(Refund).where(Refund.return_id == return_id).order_by(Refund.id))
    return refund_parts(session, list(rows), language)


def refund_lines_by_order(
    session: Session, order_ids: list[int], language: str
) -> dict[int, list[str]]:
    """Each order's refund parts in one line each, for "My account" (the return's order)."""
    rows = session.exec(
        select(Refund, ReturnRequest.order_id)
        .outerjoin(ReturnRequest, ReturnRequest.id == Refund.return_id)
        .where(sa.or_(ReturnRequest.order_id.in_(order_ids), Refund.order_id.in_(order_ids)))
        .order_by(Refund.id)
    ).all()
    grouped: dict[int, list[Refund]] = {}
    for row, returned_order in rows:
        grouped.setdefault(returned_order or row.order_id, []).append(row)
    lines = {}
    for order_id, refunds_of_order in grouped.items():
        lines[order_id] = [
            " · ".join(filter(None, (f"{part['method']} {part['amount']}", part["status"],
                                     part["statement"])))
            for part in refund_parts(session, refunds_of_order, language)
        ]  # fmt: skip
    return lines
