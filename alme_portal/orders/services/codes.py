"""The codes of an order arriving from the shop, checked once and used once (O11, L5, R8).

The shop sends the order with its discount code and its gift-card or credit-note payments.
Codes the portal issued (loyalty vouchers, credit notes, gift cards) go through the one codes
check, then are used: the voucher is tied to the order, the credit note or gift card pays
its part. Codes only the shop knows (its coupons, older gift cards) pass untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from alme_portal.orders.models.orders import Order, OrderLine, Payment
from alme_portal.orders.rules import codes
from alme_portal.platform import clock


@dataclass(frozen=True)
class CodeSource:
    """Codes another domain issues (vouchers, friend codes, credit notes, gift cards).

    Attributes:
        find: the codes among the texts typed, as the codes check sees them.
        use: ties one accepted code to the order, with the cents it pays (0 for a discount);
            returns the refusal's message key, or None once used.
    """

    find: Callable[[Session, list[str]], dict[str, codes.Code]]
    use: Callable[[Session, str, int, int], str | None]


_sources: list[CodeSource] = []


def accept_codes_from(source: CodeSource) -> None:
    """Let orders take the codes of `source` (wired by `bootstrap.wire`, once per source)."""
    if source not in _sources:
        _sources.append(source)


def known_codes(session: Session, texts: list[str]) -> dict[str, tuple[codes.Code, CodeSource]]:
    """The codes among `texts` that the portal issued, with the source that issued each."""
    return {
        text: (code, source)
        for source in _sources
        for text, code in source.find(session, texts).items()
    }


def use_order_codes(session: Session, order: Order) -> str | None:
    """Check and use the portal's codes of a new order.

    Returns:
        None when every code the portal knows is accepted and used, else the refusal
        ("<code>: <message key>"); the caller then refuses the whole order.
    """
    payments = session.exec(select(Payment).where(Payment.order_id == order.id)).all()
    paid_with = {
        p.gift_card_code or p.credit_note_code: p
        for p in payments
        if p.gift_card_code or p.credit_note_code
    }
    entered = [*([order.discount_code] if order.discount_code else []), *paid_with]
    known = known_codes(session, entered)
    if not known:
        return None
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    basket = codes.Basket(
        tuple((line.sku, line.unit_price_cents * line.quantity) for line in lines), order.email
    )
    today = clock.in_paris(order.placed_at).date()
    checked = {text: code for text, (code, _) in known.items()}
    for text, refusal in codes.check_codes(entered, checked, basket, today):
        if text in known and refusal:
            return f"{text}: {refusal}"
    for text, (code, source) in known.items():
        is_discount = code.kind in codes.DISCOUNTS
        if is_discount != (text == order.discount_code) or (
            not is_discount and text not in paid_with
        ):
            return f"{text}: codes.wrong_field"  # a voucher is a discount, a credit note pays
        cents = 0 if is_discount else paid_with[text].amount_cents
        refusal = source.use(session, text, order.id, cents)
        if refusal:
            return f"{text}: {refusal}"
    session.flush()
    return None
