"""Rules R5, R8-R12, L6: where the money of a refund goes, to the cent.

Plain Python over plain values. `plan_refund` takes the order's payments (with what earlier
refunds already gave back) and an amount, and returns the moves that give it back:

1. Money not collected yet is never paid back: a deferred payment not charged before the
   return arrived is charged less (R12), and scheduled instalments are reduced or cancelled
   (R11), before anything else moves.
2. The rest goes where she chose: a credit note (R8; a new gift card when the order was paid
   entirely by gift card, R9), or the original methods, the gift card first up to what it paid
   (R9, R10), then the other method (card, PayPal, credit note, paid instalments, a deferred
   payment already charged).

No payment ever gets back more than it paid, and the moves always add up to the amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from alme_portal.platform import settings
from alme_portal.platform.money import split_cents
from alme_portal.platform.vocabulary import (
    InstalmentStatus,
    PaymentMethod,
    RefundDestination,
    RefundKind,
)

NEW_KINDS = (RefundKind.NEW_CREDIT_NOTE, RefundKind.NEW_GIFT_CARD)
"""Moves paid into the credit note or gift card the refund issues."""
DRAWN = (*NEW_KINDS, RefundKind.CREDIT_BACK, RefundKind.NOT_CHARGED)
"""Moves that count against what a payment paid (with `INSTALMENT_REDUCED`)."""
MONEY_KINDS = (*DRAWN, RefundKind.INSTALMENT_REDUCED)
"""Moves that give back money the order paid (postage is extra)."""

DEFERRED = (PaymentMethod.DEFERRED_15, PaymentMethod.DEFERRED_30)


@dataclass(frozen=True)
class Instalment:
    """One instalment of a 3-instalment payment (R11)."""

    sequence: int
    due_date: date
    amount_cents: int
    status: str
    """"paid", "scheduled" or "cancelled"."""


@dataclass(frozen=True)
class Paid:
    """One payment of the order as a refund sees it.

    Attributes:
        payment_id: the payment's id (moves name it).
        method: a `PaymentMethod` value.
        amount_cents: what it paid or, for a deferred payment, what it will be charged.
        refunded_cents: what earlier refunds already gave back to it or took off it.
        captured: False for a deferred payment not charged yet.
        due_date: the day a deferred payment is charged.
        instalments: the schedule of a 3-instalment payment, as it stands now.
    """

    payment_id: int
    method: str
    amount_cents: int
    refunded_cents: int = 0
    captured: bool = True
    due_date: date | None = None
    instalments: tuple[Instalment, ...] = ()


@dataclass(frozen=True)
class Move:
    """One movement of money of a refund."""

    kind: str
    amount_cents: int
    payment_id: int | None = None
    instalment: int | None = None
    """The instalment's sequence, for `INSTALMENT_REDUCED`."""


def refund_amount(
    line_paid_cents: list[int], *, shipping_cents: int, order_fully_returned: bool
) -> int:
    """Rule L6: what a return gives back: what the items cost after their discount share.

    A partial return never gives back a voucher's value; a return that completes the return
    of the whole order also gives back its shipping: the full amount actually paid.

    Args:
        line_paid_cents: for each accepted item, what it cost after the order's discount.
        shipping_cents: what the order paid for delivery.
        order_fully_returned: every item of the order has now been refunded.
    """
    if any(cents < 0 for cents in line_paid_cents) or shipping_cents < 0:
        raise ValueError("amounts cannot be negative")
    with_shipping = order_fully_returned and settings.REFUND_SHIPPING_ON_FULL_RETURN
    return sum(line_paid_cents) + (shipping_cents if with_shipping else 0)


def _still_owed(paid: Paid, received_on: date) -> int:
    """What this payment has not collected yet and can simply stop asking for."""
    deferred = paid.method in DEFERRED and not paid.captured and paid.due_date is not None
    if deferred and received_on <= paid.due_date:
        return paid.amount_cents - paid.refunded_cents
    if paid.method == PaymentMethod.INSTALMENTS_3:
        return sum(i.amount_cents for i in paid.instalments if _still_to_charge(i, received_on))
    return 0


def _collected_left(paid: Paid, received_on: date) -> int:
    """What can still be credited back to this payment (collected, not given back yet)."""
    if paid.method == PaymentMethod.INSTALMENTS_3:
        collected = sum(
            i.amount_cents
            for i in paid.instalments
            if i.status == InstalmentStatus.PAID
            or i.status == InstalmentStatus.SCHEDULED
            and not _still_to_charge(i, received_on)
        )
        return collected - paid.refunded_cents
    if _still_owed(paid, received_on):
        return 0
    return paid.amount_cents - paid.refunded_cents


def refundable(payments: list[Paid], received_on: date) -> int:
    """The most a refund of this order can give back now (owed plus collected, left)."""
    return sum(_still_owed(p, received_on) + _collected_left(p, received_on) for p in payments)


def _still_to_charge(instalment: Instalment, received_on: date) -> bool:
    """R11: whether an instalment is still to charge when the return arrives.

    One due on or before that day has been charged, whatever the stored status says.
    """
    return instalment.status == InstalmentStatus.SCHEDULED and instalment.due_date > received_on


def _reduce_instalments(paid: Paid, amount: int, received_on: date) -> list[Move]:
    """R11: lower the scheduled instalments by `amount`, spread evenly, none below zero."""
    moves: list[Move] = []
    scheduled = sorted(
        (i for i in paid.instalments if _still_to_charge(i, received_on)), key=lambda i: i.sequence
    )
    left = amount
    while left and scheduled:
        shares = split_cents(left, len(scheduled))
        next_round = []
        for instalment, share in zip(scheduled, shares, strict=True):
            cut = min(share, instalment.amount_cents)
            if cut:
                moves.append(
                    Move(RefundKind.INSTALMENT_REDUCED, cut, paid.payment_id, instalment.sequence)
                )
                left -= cut
            if instalment.amount_cents > cut:
                next_round.append(
                    Instalment(
                        instalment.sequence,
                        instalment.due_date,
                        instalment.amount_cents - cut,
                        InstalmentStatus.SCHEDULED,
                    )
                )
        scheduled = next_round
    return _merge(moves)


def _merge(moves: list[Move]) -> list[Move]:
    merged: dict[tuple, int] = {}
    for move in moves:
        key = (move.kind, move.payment_id, move.instalment)
        merged[key] = merged.get(key, 0) + move.amount_cents
    return [Move(kind, cents, pid, seq) for (kind, pid, seq), cents in merged.items() if cents]


def plan_refund(
    payments: list[Paid],
    amount_cents: int,
    destination: str,
    received_on: date,
    postage_cents: int = 0,
) -> list[Move]:
    """Rules R8-R12 (and R5): the moves that give `amount_cents` back.

    Args:
        payments: the order's payments, as they stand after earlier refunds.
        amount_cents: what this refund gives back (`refund_amount`).
        destination: "credit_note" or "original", as she chose when declaring.
        received_on: the day the return reached the Atelier (R12 compares it to the due date).
        postage_cents: R5, her postage for a return she shipped herself (capped here).

    Returns:
        The moves, money not collected first; they add up to `amount_cents` plus the postage.

    Raises:
        ValueError: a negative amount, an unknown destination, or more than the order can
            give back.
    """
    if amount_cents < 0 or postage_cents < 0 or destination not in tuple(RefundDestination):
        raise ValueError("a refund needs a non-negative amount and a known destination")
    if amount_cents > refundable(payments, received_on):
        raise ValueError("a refund cannot give back more than the order paid")
    moves: list[Move] = []
    left = amount_cents
    for paid in payments:  # 1. stop asking for money not collected yet
        cut = min(left, _still_owed(paid, received_on))
        if cut and paid.method == PaymentMethod.INSTALMENTS_3:
            moves += _reduce_instalments(paid, cut, received_on)
        elif cut:
            moves.append(Move(RefundKind.NOT_CHARGED, cut, paid.payment_id))
        left -= cut
    if (
        destination == RefundDestination.CREDIT_NOTE
    ):  # 2a. a credit note (a gift card for gift-card orders, R9)
        only_gift_cards = all(p.method == PaymentMethod.GIFT_CARD for p in payments)
        kind = RefundKind.NEW_GIFT_CARD if only_gift_cards else RefundKind.NEW_CREDIT_NOTE
    else:  # 2b. back to each method, the gift card first (R10)
        kind = RefundKind.CREDIT_BACK
    ordered = sorted(payments, key=lambda p: p.method != PaymentMethod.GIFT_CARD)
    for paid in ordered:
        cut = min(left, _collected_left(paid, received_on))
        if cut:
            moves.append(Move(kind, cut, paid.payment_id))
            left -= cut
    postage = min(postage_cents, settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS)
    if postage:  # into the credit note, or to the method that is not a gift card (R5, R10)
        target = (
            None
            if destination == RefundDestination.CREDIT_NOTE
            else _postage_payment(ordered, received_on)
        )
        moves.append(Move(RefundKind.POSTAGE, postage, target))
    return moves


def new_balance_cents(moves: list[Move]) -> int:
    """The value of the credit note or gift card a refund issues (postage included, R5)."""
    issued = [m for m in moves if m.kind in NEW_KINDS]
    postage = [m for m in moves if m.kind == RefundKind.POSTAGE and m.payment_id is None]
    return sum(m.amount_cents for m in issued + postage)


def _postage_payment(ordered: list[Paid], received_on: date) -> int | None:
    """Postage goes to a method that took money, not a gift card where there is one (R5, R10).

    None (a credit note) when no method took any: a charge not made cannot carry it.
    """
    took = [
        p
        for p in ordered
        if p.method != PaymentMethod.INSTALMENTS_3
        and not _still_owed(p, received_on)
        or p.method == PaymentMethod.INSTALMENTS_3
        and _collected_left(p, received_on) + p.refunded_cents
    ]
    others = [p for p in took if p.method != PaymentMethod.GIFT_CARD]
    chosen = others or took
    return chosen[-1].payment_id if chosen else None


def after_refund(payments: list[Paid], moves: list[Move]) -> list[Paid]:
    """The payments as they stand once `moves` are carried out (for the next refund).

    Money drawn from a payment counts in `refunded_cents`; a reduced instalment keeps
    what is left of it, and is cancelled at zero.
    """
    given: dict[int, int] = {}
    cuts: dict[tuple[int, int], int] = {}
    for move in moves:
        if move.kind in DRAWN and move.payment_id is not None:
            given[move.payment_id] = given.get(move.payment_id, 0) + move.amount_cents
        elif move.kind == RefundKind.INSTALMENT_REDUCED:
            key = (move.payment_id, move.instalment)
            cuts[key] = cuts.get(key, 0) + move.amount_cents
    updated = []
    for paid in payments:
        schedule = []
        for instalment in paid.instalments:
            amount = instalment.amount_cents - cuts.get((paid.payment_id, instalment.sequence), 0)
            status = (
                InstalmentStatus.CANCELLED
                if instalment.status == InstalmentStatus.SCHEDULED and amount == 0
                else instalment.status
            )
            schedule.append(Instalment(instalment.sequence, instalment.due_date, amount, status))
        refunded = paid.refunded_cents + given.get(paid.payment_id, 0)
        updated.append(
            Paid(
                paid.payment_id,
                paid.method,
                paid.amount_cents,
                refunded,
                paid.captured,
                paid.due_date,
                tuple(schedule),
            )
        )
    return updated
