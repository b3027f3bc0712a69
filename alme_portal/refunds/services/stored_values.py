"""Credit notes (R8) and gift cards (R9) on the database: issue, credit, spend, expire.

Every change of a balance is one guarded `UPDATE` plus a ledger entry in the same
transaction. The guard (`balance_cents >= amount`, not expired) and the table's check
constraint make the database the judge: of two spends at once of the last euros, exactly one
changes a row.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.orders.rules import codes as code_rules
from alme_portal.platform import clock, random_codes, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import StoredValueKind
from alme_portal.refunds.models.refunds import StoredValue, StoredValueEntry

PREFIXES = {StoredValueKind.CREDIT_NOTE: "AV", StoredValueKind.GIFT_CARD: "GC"}
CODE_MAX = 40


def _new_code(session: Session, kind: str) -> str:
    while True:
        body = random_codes.random_code()
        code = f"{PREFIXES[kind]}-{body[:4]}-{body[4:]}"
        if session.exec(select(StoredValue.id).where(StoredValue.code == code)).first() is None:
            return code


def _entry(session: Session, value: StoredValue, kind: str, cents: int, order_id: int | None):
    session.add(
        StoredValueEntry(
            stored_value_id=value.id,
            kind=kind,
            amount_cents=cents,
            order_id=order_id,
            day=clock.today(),
            created_at=clock.now(),
        )
    )


def issue(
    session: Session, kind: str, *, email: str, cents: int, order_id: int | None = None
) -> StoredValue:
    """Issue a new credit note or gift card, valid `CREDIT_NOTE_VALIDITY_DAYS` (R8, R9)."""
    if kind not in PREFIXES or cents <= 0:
        raise ValueError("a credit note or gift card needs a known kind and a positive value")
    today = clock.today()
    value = StoredValue(
        code=_new_code(session, kind),
        kind=kind,
        email=email,
        balance_cents=cents,
        issued_on=today,
        last_day=today + timedelta(days=settings.CREDIT_NOTE_VALIDITY_DAYS - 1),
        order_id=order_id,
        created_at=clock.now(),
    )
    session.add(value)
    session.flush()
    _entry(session, value, "issue", cents, order_id)
    session.flush()
    return value


def credit_back(
    session: Session, code: str, *, kind: str, email: str, cents: int, order_id: int | None
) -> StoredValue:
    """R9, R10: credit a refund back to the gift card or credit note an order was paid with.

    A code issued before the portal kept balances is taken in with what it gets back; one
    past its last day is replaced by a new one (money is never credited to be written off).
    """
    value = session.exec(select(StoredValue).where(StoredValue.code == code)).first()
    if value is not None and value.last_day < clock.today():
        return issue(session, kind, email=email, cents=cents, order_id=order_id)
    if value is None:
        value = issue(session, kind, email=email, cents=cents, order_id=order_id)
        value.code = code
        session.flush()
        return value
    session.execute(
        sa.update(StoredValue)
        .where(StoredValue.id == value.id)
        .values(balance_cents=StoredValue.balance_cents + cents)
    )
    _entry(session, value, "credit", cents, order_id)
    session.flush()
    session.refresh(value)
    return value


def spend(session: Session, code: Any, cents: Any, *, order_id: int | None = None) -> Outcome[int]:
    """Spend part of a credit note or gift card on an order (R8: over several orders).

    Returns:
        Done with the balance left, or refused ("codes.unknown", "codes.expired",
        "codes.balance"); nothing changes when refused.
    """
    if not isinstance(code, str) or len(code) > CODE_MAX:
        return Outcome.refused("codes.unknown")
    if not isinstance(cents, int) or isinstance(cents, bool) or cents <= 0:
        return Outcome.refused("codes.amount")
    value = session.exec(select(StoredValue).where(StoredValue.code == code)).first()
    if value is None:
        return Outcome.refused("codes.unknown")
    today = clock.today()
    if today > value.last_day:
        return Outcome.refused("codes.expired")
    changed = session.execute(
        sa.update(StoredValue)
        .where(
            StoredValue.id == value.id,
            StoredValue.balance_cents >= cents,
            StoredValue.last_day >= today,
        )
        .values(balance_cents=StoredValue.balance_cents - cents)
    ).rowcount
    if changed != 1:
        return Outcome.refused("codes.balance")
    _entry(session, value, "spend", -cents, order_id)
    session.flush()
    session.refresh(value)
    return Outcome.done("codes.spent", value.balance_cents)


def stored_value_codes(session: Session, texts: list[str]) -> dict[str, code_rules.Code]:
    """R8, R9: the credit notes and gift cards among `texts`, with what they hold."""
    values = session.exec(select(StoredValue).where(StoredValue.code.in_(texts)))
    return {
        value.code: code_rules.Code(
            value.code,
            value.kind,
            value.last_day,
            valid_from=value.issued_on,
            balance_cents=value.balance_cents,
        )
        for value in values
    }


def pay_order(session: Session, code: str, order_id: int, cents: int) -> str | None:
    """R8: a credit note or gift card pays its part of an order; the refusal key, or None."""
    spent = spend(session, code, cents, order_id=order_id)
    return None if spent.ok else spent.message_key


def expire(session: Session, today: date) -> int:
    """Write off what is left on credit notes and gift cards past their last day (nightly)."""
    expired = session.exec(
        select(StoredValue).where(StoredValue.last_day < today, StoredValue.balance_cents > 0)
    ).all()
    for value in expired:
        _entry(session, value, "expire", -value.balance_cents, None)
        value.balance_cents = 0
    session.flush()
    return len(expired)


def history(session: Session, code: str) -> list[StoredValueEntry]:
    """Every change of a credit note's or gift card's balance, oldest first."""
    return list(
        session.exec(
            select(StoredValueEntry)
            .join(StoredValue, StoredValue.id == StoredValueEntry.stored_value_id)
            .where(StoredValue.code == code)
            .order_by(StoredValueEntry.id)
        )
    )
