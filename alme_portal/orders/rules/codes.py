"""Rules O11, L5 (and F3): whether a set of codes can be used together on a basket.

One function, `check_codes`, for every feature that accepts a code: coupons, referral codes,
loyalty vouchers, gift cards and credit notes. Codes are matched exactly (O11: no spaces,
case-sensitive); each code has its validity dates, the items it concerns and a minimum
purchase; a loyalty voucher is one per order, never with a coupon, and goes with a gift card
(L5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from alme_portal.platform.vocabulary import CodeKind

DISCOUNTS = (CodeKind.COUPON, CodeKind.REFERRAL, CodeKind.LOYALTY_VOUCHER)
"""Codes that take money off the basket (the others pay for it)."""


@dataclass(frozen=True)
class Code:
    """A code as the shop knows it.

    Attributes:
        text: the code, exactly (case and all).
        kind: one of `KINDS`.
        valid_until: the last day it can be used.
        valid_from: the first day it can be used (None: from its creation).
        min_basket_cents: the minimum purchase (O11).
        skus: the items it concerns (None: every item).
        balance_cents: what is left on a gift card or credit note (None for discounts).
        used: a single-use code already used (or cancelled).
        owner_email: the only e-mail it may be used with (None: anyone).
    """

    text: str
    kind: str
    valid_until: date
    valid_from: date | None = None
    min_basket_cents: int = 0
    skus: frozenset[str] | None = None
    balance_cents: int | None = None
    used: bool = False
    owner_email: str | None = None


@dataclass(frozen=True)
class Basket:
    """What the codes are to be used on."""

    lines: tuple[tuple[str, int], ...]
    """(SKU, cents) of each item."""
    email: str

    @property
    def total_cents(self) -> int:
        """What the items cost together."""
        return sum(cents for _, cents in self.lines)


def _own_refusal(code: Code, basket: Basket, today: date) -> str | None:
    if code.used:
        return "codes.used"
    if code.valid_from is not None and today < code.valid_from:
        return "codes.not_yet"
    if today > code.valid_until:
        return "codes.expired"
    if code.owner_email is not None and code.owner_email.lower() != basket.email.strip().lower():
        return "codes.not_yours"
    if code.balance_cents is not None and code.balance_cents <= 0:
        return "codes.empty"
    if code.skus is not None and not any(sku in code.skus for sku, _ in basket.lines):
        return "codes.items"
    if basket.total_cents < code.min_basket_cents:
        return "codes.minimum"
    return None


def _combination_refusal(code: Code, accepted: list[Code]) -> str | None:
    kinds = [other.kind for other in accepted]
    if code.kind == CodeKind.LOYALTY_VOUCHER and CodeKind.LOYALTY_VOUCHER in kinds:
        return "codes.one_voucher"  # L5: one per order
    if code.kind == CodeKind.LOYALTY_VOUCHER and (
        CodeKind.COUPON in kinds or CodeKind.REFERRAL in kinds
    ):
        return "codes.voucher_with_coupon"  # L5
    if code.kind in (CodeKind.COUPON, CodeKind.REFERRAL) and CodeKind.LOYALTY_VOUCHER in kinds:
        return "codes.voucher_with_coupon"  # L5
    if code.kind in (CodeKind.COUPON, CodeKind.REFERRAL) and (
        CodeKind.COUPON in kinds or CodeKind.REFERRAL in kinds
    ):
        return "codes.one_coupon"
    if code.kind == CodeKind.GIFT_CARD and CodeKind.GIFT_CARD in kinds:
        return "codes.one_gift_card"  # O10: a gift card and one other method
    if code.kind == CodeKind.CREDIT_NOTE and CodeKind.CREDIT_NOTE in kinds:
        return "codes.one_credit_note"
    return None


def check_codes(
    entered: Sequence[str], known: Mapping[str, Code], basket: Basket, today: date
) -> list[tuple[str, str | None]]:
    """Rules O11 and L5: each entered code with why it is refused (None: accepted).

    Codes are taken in the order entered; a code that cannot go with one accepted before it
    is refused, and the earlier one stays.

    Args:
        entered: the codes as typed, untouched (O11: " LOVE-AB" is not "LOVE-AB").
        known: the shop's codes by their exact text.
        basket: the items and the e-mail of the order.
        today: the day of the order.
    """
    accepted: list[Code] = []
    answers: list[tuple[str, str | None]] = []
    for text in entered:
        code = known.get(text) if isinstance(text, str) else None
        if code is None or code.kind not in tuple(CodeKind):
            answers.append((text, "codes.unknown"))
            continue
        if any(other.text == code.text for other in accepted):
            answers.append((text, "codes.twice"))
            continue
        refusal = _own_refusal(code, basket, today) or _combination_refusal(code, accepted)
        if refusal is None:
            accepted.append(code)
        answers.append((text, refusal))
    return answers
