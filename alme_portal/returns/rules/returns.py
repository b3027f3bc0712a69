"""Rules R2-R5, R7 and R13: what can be returned, why, how, and until when.

Delays are calendar days in Paris time: the FAQ counts "14 days after receipt", not working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from alme_portal.orders.rules.delivery import mondial_relay_serves
from alme_portal.platform import clock, settings
from alme_portal.platform.vocabulary import PaymentMethod, RefundDestination, ReturnMethod

DEFECT_REASONS = ("damaged_or_defective", "poor_quality", "arrived_crumpled", "wrong_item")
"""Rule R7: the reasons the warehouse isolates as defects."""
OTHER_REASONS = ("too_small", "too_big", "fit", "not_as_pictured", "changed_mind")
REASONS = DEFECT_REASONS + OTHER_REASONS


@dataclass(frozen=True)
class LineEligibility:
    """Whether an order line can still be returned, and how many of it.

    Attributes:
        returnable_quantity: how many units may be declared now (0 when refused).
        refusal: catalogue key of the plain-words reason when nothing can be returned.
        deadline: the last day a return may be declared (R2), once delivered.
    """

    returnable_quantity: int
    refusal: str | None
    deadline: date | None


def is_defect(reason: str) -> bool:
    """Rule R7: whether the warehouse isolates an item returned for this reason."""
    return reason in DEFECT_REASONS


def return_deadline(delivered_at: datetime) -> date:
    """Rule R2: the last day (Paris) to declare a return of an item delivered at this instant."""
    return clock.in_paris(delivered_at).date() + timedelta(days=settings.RETURN_WINDOW_DAYS)


def line_eligibility(
    *, delivered_at: datetime | None, ordered: int, already_returned: int, today: date
) -> LineEligibility:
    """Rules R2 and R13: how much of a line can be returned today.

    Exchange orders are lines like any other (R13): nothing here depends on the order's kind.

    Args:
        delivered_at: when the line's shipment was delivered (None: not delivered yet).
        ordered: units ordered on the line.
        already_returned: units of the line declared in earlier returns.
        today: the Paris date to judge on.
    """
    if delivered_at is None:
        return LineEligibility(0, "returns.refused.not_delivered", None)
    deadline = return_deadline(delivered_at)
    if today > deadline:
        return LineEligibility(0, "returns.refused.window_closed", deadline)
    left = max(0, ordered - already_returned)
    if left == 0:
        return LineEligibility(0, "returns.refused.already_returned", deadline)
    return LineEligibility(left, None, deadline)


def return_methods(country: str) -> tuple[str, ...]:
    """Rules R3-R5: how a return can travel from this country (first is the suggested one).

    Mondial Relay (prepaid label) where it serves the country, otherwise shipping at her own
    cost with a capped reimbursement; a Paris salon drop-off is always possible.
    """
    if mondial_relay_serves(country):
        return (ReturnMethod.MONDIAL_RELAY, ReturnMethod.STORE)
    return (ReturnMethod.SELF_SHIP, ReturnMethod.STORE)


def self_ship_reimbursement_cents(postage_cents: int) -> int:
    """Rule R5: what a customer shipping her return herself gets back for the postage."""
    return max(0, min(postage_cents, settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS))


def label_expires_on(declared_at: datetime) -> date:
    """Rule R3: the last day the prepaid label can be downloaded.

    Its 14 days count the day of the declaration, as every "valid N days" of the portal does
    (a friend's code, a voucher, a credit note): declared on 5 December, it lasts until the 18th.
    """
    return clock.in_paris(declared_at).date() + timedelta(days=settings.LABEL_VALIDITY_DAYS - 1)


def label_available(declared_at: datetime, now: datetime) -> bool:
    """Rule R3: whether the label of a return declared at `declared_at` is still downloadable."""
    return clock.in_paris(now).date() <= label_expires_on(declared_at)


def withdrawal_open(*, cancelled: bool, delivered: list[datetime | None], today: date) -> bool:
    """EU withdrawal button: whether an order is still within its withdrawal period.

    The period runs from the order until 14 days after its last parcel is delivered, so an
    order with a parcel still on its way (or not dispatched) can be withdrawn from.

    Args:
        cancelled: the order is cancelled (nothing left to withdraw from).
        delivered: each shipment's delivery instant (None while not delivered).
        today: the Paris date to judge on.
    """
    if cancelled or not delivered:
        return False
    if any(moment is None for moment in delivered):
        return True
    return today <= max(return_deadline(moment) for moment in delivered)


def money_timing_key(payment_methods: list[str], refund_method: str | None) -> str:
    """Rules R8-R12: which explanation of when the money arrives fits this refund.

    Args:
        payment_methods: how the order was paid (Payment.method values).
        refund_method: "credit_note" or "original" (None: an exchange with nothing to refund).
    """
    methods = set(payment_methods)
    if refund_method is None:
        return "returns.money.exchange"
    if refund_method == RefundDestination.CREDIT_NOTE:
        return "returns.money.credit_note"  # R8, R9 (a new gift card when paid by gift card)
    if methods == {PaymentMethod.GIFT_CARD}:
        return "returns.money.gift_card"  # R9
    if PaymentMethod.GIFT_CARD in methods:
        return "returns.money.gift_card_first"  # R10
    if PaymentMethod.INSTALMENTS_3 in methods:
        return "returns.money.instalments"  # R11
    if methods & {PaymentMethod.DEFERRED_15, PaymentMethod.DEFERRED_30}:
        return "returns.money.deferred"  # R12
    return "returns.money.original"  # R8
