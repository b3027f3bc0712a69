"""EU withdrawal function (Directive (EU) 2023/2673): withdraw from an order in one statement.

The form asks only what identifies the contract: the customer's name and the order's e-mail
(the caller has already verified access to the order). A valid statement is stored once per
order with its acknowledgement text and e-mailed; a repeat finds the stored one. Functions write
through the caller's session and never commit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.orders.models.orders import Order, OrderLine
from alme_portal.platform import clock, outbox, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.text import looks_like_link
from alme_portal.platform.vocabulary import OrderStatus
from alme_portal.returns.models import Withdrawal
from alme_portal.returns.rules import returns
from alme_portal.returns.services import emails as return_emails
from alme_portal.returns.services import options as return_options

EMAIL_KIND = "withdrawal_acknowledged"
NAME_MAX = 120
STATEMENT_MAX = 2000
_ALLOWED_FORMAT_CHARS = {"\u200c", "\u200d"}
"""Zero-width (non-)joiners, which some scripts need inside names."""


@dataclass(frozen=True)
class WithdrawalMade:
    """A withdrawal as stored: its id, the text acknowledged and when (UTC)."""

    withdrawal_id: int
    statement: str
    made_at: datetime


def withdrawal_open_for(session: Session, order_id: int, today: date) -> bool:
    """Whether the order can still be withdrawn from (until 14 days after its last delivery).

    Args:
        session: a session on a migrated database.
        order_id: the order.
        today: the Paris date to judge on.

    Returns:
        False for an unknown, cancelled or returned-to-sender order, or once the period is over.
    """
    order = session.get(Order, order_id)
    if order is None:
        return False
    return returns.withdrawal_open(
        # Back at the Atelier (O9): refunded automatically, nothing left to withdraw from.
        cancelled=order.status in (OrderStatus.CANCELLED, OrderStatus.RETURNED_TO_SENDER),
        delivered=return_options.shipment_deliveries(session, order.id),
        today=today,
    )


def clean_name(name: str) -> str | None:
    """The name trimmed, or None when empty, too long, holding controls or a link."""
    cleaned = name.strip() if isinstance(name, str) else ""
    if not 1 <= len(cleaned) <= NAME_MAX or looks_like_link(cleaned):
        return None
    return None if any(_is_control(char) for char in cleaned) else cleaned


def _is_control(char: str) -> bool:
    category = unicodedata.category(char)
    special = category.startswith("C") or category in ("Zl", "Zp")
    return special and char not in _ALLOWED_FORMAT_CHARS


def format_paris_moment(moment: datetime, language: str) -> str:
    """The instant in Paris time with weekday, year and time.

    ``Wednesday 25 November 2026 at 10:00 (Paris time)`` or
    ``mercredi 25 novembre 2026 à 10:00 (heure de Paris)``.
    """
    local = clock.in_paris(moment)
    lang = settings.supported_language(language)
    return translate(
        lang, "withdrawal.moment", day=format_date(local.date(), lang), year=local.year,
        time=f"{local:%H:%M}",
    )  # fmt: skip


def _paris_day(moment: datetime, language: str) -> str:
    local = clock.in_paris(moment).date()
    return f"{format_date(local, language)} {local.year}"


def _items(session: Session, order_id: int, language: str) -> list[str]:
    rows = session.exec(
        select(OrderLine, Product)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.id)
    ).all()
    return [
        translate(
            language,
            "withdrawal.statement.item",
            name=product.name_fr if language == "fr" else product.name_en,
            colour=line.colour,
            size=line.size,
            quantity=line.quantity,
        )
        for line, product in rows
    ]


def build_statement(
    session: Session, *, order: Order, name: str, made_at: datetime, language: str
) -> str:
    """The acknowledgement text: who withdraws from which order, its items, when, what next.

    Args:
        session: a session on a migrated database.
        order: the order withdrawn from.
        name: the customer's name as given.
        made_at: the instant of the withdrawal.
        language: "en" or "fr"; anything else falls back to the default language.

    Returns:
        The statement, at most 2000 characters (a very long order lists its first items and
        how many more).
    """
    lang = settings.supported_language(language)
    items = _items(session, order.id, lang)

    def render(shown: list[str]) -> str:
        hidden = len(items) - len(shown)
        more = [translate(lang, "withdrawal.statement.more", count=hidden)] if hidden else []
        return translate(
            lang,
            "withdrawal.statement",
            name=name,
            number=order.number,
            placed=_paris_day(order.placed_at, lang),
            items="\n".join(shown + more),
            made=format_paris_moment(made_at, lang),
            days=settings.RETURN_WINDOW_DAYS,
        )

    shown = list(items)
    text = render(shown)
    while len(text) > STATEMENT_MAX and shown:
        shown.pop()
        text = render(shown)
    return text


def _existing(session: Session, order_id: int) -> Withdrawal | None:
    query = select(Withdrawal).where(Withdrawal.order_id == order_id).order_by(Withdrawal.id)
    return session.exec(query).first()


def _recorded(withdrawal: Withdrawal, *, before: bool = False) -> Outcome[WithdrawalMade]:
    made = WithdrawalMade(withdrawal.id, withdrawal.statement, clock.as_utc(withdrawal.made_at))
    if before:
        return Outcome.already_done("withdrawal.recorded", made)
    return Outcome.done("withdrawal.recorded", made)


def _refusal(order: Order | None, name: str, email: str) -> str | None:
    """The key of what is wrong with the form, before anything is stored."""
    if order is None:
        return "withdrawal.invalid.order"
    if clean_name(name) is None:
        return "withdrawal.invalid.name"
    typed = email.strip().lower() if isinstance(email, str) else ""
    if not typed or typed != order.email.strip().lower():
        return "withdrawal.invalid.email"
    return None


def record_withdrawal(
    session: Session, *, order_id: int, name: str, email: str, language: str
) -> Outcome[WithdrawalMade]:
    """Record the statement of withdrawal from an order and e-mail its acknowledgement.

    A second withdrawal from the same order stores nothing and answers with the first one.

    Args:
        session: the caller's session; it is flushed, not committed.
        order_id: the order, already identified by a caller who verified access to it.
        name: the customer's name (1-120 characters once trimmed, no control characters).
        email: the order's e-mail, compared case-insensitively.
        language: "en" or "fr" for the statement and e-mail; else the default language.

    Returns:
        Done with the `WithdrawalMade` (already done with the one stored before for the
        order), or invalid with "withdrawal.invalid.order", ".name", ".email" or ".closed"
        (nothing stored).
    """
    order = session.get(Order, order_id) if isinstance(order_id, int) else None
    refusal = _refusal(order, name, email)
    if refusal is not None:
        return Outcome.invalid(refusal)
    existing = _existing(session, order.id)
    if existing is not None:
        return _recorded(existing, before=True)
    if not withdrawal_open_for(session, order.id, clock.today()):
        return Outcome.invalid("withdrawal.invalid.closed")
    lang = settings.supported_language(language)
    try:
        with session.begin_nested():
            withdrawal = _store(session, order, clean_name(name), lang)
    except IntegrityError:  # another tab withdrew from this order at the same moment
        return _recorded(_existing(session, order.id), before=True)
    return _recorded(withdrawal)


def _store(session: Session, order: Order, name: str, language: str) -> Withdrawal:
    """Store the withdrawal made now and record its acknowledgement e-mail."""
    made_at = clock.now()
    statement = build_statement(session, order=order, name=name, made_at=made_at, language=language)
    withdrawal = Withdrawal(
        order_id=order.id,
        name=name,
        email=order.email,
        statement=statement,
        made_at=made_at,
        language=language,
    )
    session.add(withdrawal)
    session.flush()
    outbox.record_email(
        session,
        recipient=order.email,
        kind=EMAIL_KIND,
        language=language,
        order_id=order.id,
        **return_emails.withdrawal_email(
            number=order.number, statement=statement, language=language
        ),
    )
    return withdrawal
