"""Almé Lovers (L1-L11): loves earned and spent, pending loves, tiers and vouchers.

Plain Python over an append-only ledger: every change of loves is an entry, never an update,
and the balance is always the sum of the entries. Amounts are integer cents; days are dates in
Paris (the caller turns instants into days).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from alme_portal.platform import settings
from alme_portal.platform.calendar import add_months
from alme_portal.platform.vocabulary import LovesKind


@dataclass(frozen=True)
class Entry:
    """One line of a member's loves ledger.

    Attributes:
        kind: one of `ENTRY_KINDS`.
        loves: signed number of loves.
        recorded_on: the day it was written.
        available_on: the day its loves can be spent (L3); the record day when it is immediate.
        reference: what it is about (order number, mission key, voucher code).
    """

    kind: str
    loves: int
    recorded_on: date
    available_on: date
    reference: str = ""


@dataclass(frozen=True)
class Balance:
    """What the dashboard shows (L11): spendable loves and loves still pending (L3)."""

    available: int
    pending: tuple[tuple[date, int], ...]
    """(release day, loves) still pending, soonest first; days with nothing left are omitted."""

    @property
    def pending_total(self) -> int:
        """All loves still pending."""
        return sum(loves for _, loves in self.pending)


def loves_for_payment(paid_cents: int) -> int:
    """Rule L1: 10 loves per euro actually paid (whole loves, rounded down; no cap, L8).

    Raises:
        ValueError: a negative amount.
    """
    if paid_cents < 0:
        raise ValueError("an order cannot be paid a negative amount")
    return paid_cents * settings.LOVES_PER_EURO // 100


def release_day(placed_on: date) -> date:
    """Rule L3: the day an order's loves stop being pending (18 calendar days later)."""
    return placed_on + timedelta(days=settings.LOVES_PENDING_DAYS)


def purchase_entry(order_number: str, paid_cents: int, placed_on: date) -> Entry:
    """Rules L1 and L3: the pending loves of an order placed while logged in."""
    loves = loves_for_payment(paid_cents)
    return Entry(LovesKind.PURCHASE, loves, placed_on, release_day(placed_on), order_number)


def return_entry(
    purchase: Entry,
    paid_cents: int,
    refunded_cents: int,
    returned_on: date,
    taken_before: int = 0,
) -> Entry | None:
    """Rule L4: take back pending loves of an order refunded in full or in part.

    A full refund cancels all its loves; a partial one keeps the loves of what was kept, in
    proportion to the amount paid (rounded down). A refund after the loves were released
    changes nothing: they are hers.

    Args:
        purchase: the order's `PURCHASE` entry, or its `CLAIM` entry (L9).
        paid_cents: what the order was paid.
        refunded_cents: everything refunded for it so far.
        returned_on: the day the refund is recorded.
        taken_before: loves its earlier `RETURN` entries already took back (zero or negative).

    Returns:
        The negative entry for what this refund adds, or None when nothing more is taken back.
    """
    earned = purchase.kind in (LovesKind.PURCHASE, LovesKind.CLAIM)
    if not earned or returned_on >= purchase.available_on or paid_cents <= 0:
        return None
    kept_cents = paid_cents - min(max(refunded_cents, 0), paid_cents)
    owed = purchase.loves * kept_cents // paid_cents - purchase.loves - taken_before
    if owed >= 0:
        return None
    return Entry(LovesKind.RETURN, owed, returned_on, purchase.available_on, purchase.reference)


def balance(entries: Iterable[Entry], today: date) -> Balance:
    """Rule L11: the spendable balance and the pending loves, as the sum of the ledger."""
    available = 0
    pending: dict[date, int] = {}
    for entry in entries:
        if entry.available_on <= today:
            available += entry.loves
        else:
            pending[entry.available_on] = pending.get(entry.available_on, 0) + entry.loves
    waiting = tuple((day, loves) for day, loves in sorted(pending.items()) if loves)
    return Balance(available, waiting)


# --- Missions (L2) ------------------------------------------------------------------------


def mission_loves(key: str) -> int | None:
    """Rule L2: the loves a mission earns, or None when there is no such mission."""
    return dict(settings.LOYALTY_MISSIONS).get(key)


def mission_entry(key: str, done: Iterable[str], today: date) -> Entry | None:
    """Rule L2: the loves of a mission completed today, or None when unknown or already done."""
    loves = mission_loves(key)
    if loves is None or key in set(done):
        return None
    return Entry(LovesKind.MISSION, loves, today, today, key)


BIRTHDAY_AGES = (13, 120)
"""Ages a member's birthday may give (a typo like 2062 is refused, not stored for good)."""


def plausible_birthday(value: object, today: date) -> date | None:
    """Rule L2: the birthday typed as `YYYY-MM-DD` when it is a real, plausible one."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
    if day is None:
        return None
    age = today.year - day.year - ((today.month, today.day) < (day.month, day.day))
    return day if BIRTHDAY_AGES[0] <= age <= BIRTHDAY_AGES[1] else None


# --- Rewards and vouchers (L5) ------------------------------------------------------------


def reward_for(loves: int) -> int | None:
    """Rule L5: the euros off (in cents) a catalogue reward of `loves` gives, or None."""
    return dict(settings.LOYALTY_REWARDS).get(loves)


def affordable_rewards(available: int) -> list[tuple[int, int]]:
    """Rule L5: the (loves, cents off) rewards a balance can pay for, cheapest first."""
    return sorted((loves, cents) for loves, cents in settings.LOYALTY_REWARDS if loves <= available)


def redemption_entry(loves: int, available: int, code: str, today: date) -> Entry | None:
    """Rule L5: spend `loves` on a catalogue reward, or None when unknown or unaffordable."""
    if reward_for(loves) is None or loves > available:
        return None
    return Entry(LovesKind.REDEMPTION, -loves, today, today, code)


def voucher_last_day(issued_on: date) -> date:
    """Rule L5: the last day a loyalty voucher can be used (valid 3 months)."""
    return add_months(issued_on, settings.VOUCHER_VALIDITY_MONTHS) - timedelta(days=1)


# --- Tiers (L7) ---------------------------------------------------------------------------

TIERS = tuple(name for name, _ in settings.TIER_THRESHOLDS_CENTS)


def tier_for_spend(spend_cents: int) -> str:
    """Rule L7: the tier a spend over the last 12 months gives."""
    reached = [name for name, floor in settings.TIER_THRESHOLDS_CENTS if spend_cents >= floor]
    return reached[-1]


def spend_in_window(purchases: Iterable[tuple[date, int]], today: date) -> int:
    """Rule L7: what was spent over the 12 months up to `today` (included)."""
    start = add_months(today, -settings.TIER_WINDOW_MONTHS)
    return sum(cents for day, cents in purchases if start < day <= today)


def tier_reached_days(purchases: Sequence[tuple[date, int]]) -> dict[str, date]:
    """Rule L7: the last day each tier above the first was reached by spend, if ever.

    Each purchase day is checked with the spend of the 12 months up to it; a tier is reached
    again on every purchase that keeps its threshold crossed. One pass over the days in
    order, the window's start moving forward with them.
    """
    days = sorted(_day_totals(purchases).items())
    reached: dict[str, date] = {}
    first, spend = 0, 0
    for day, cents in days:
        spend += cents
        window_start = add_months(day, -settings.TIER_WINDOW_MONTHS)
        while days[first][0] <= window_start:
            spend -= days[first][1]
            first += 1
        for name in TIERS[1 : TIERS.index(tier_for_spend(spend)) + 1]:
            reached[name] = day
    return reached


def _day_totals(purchases: Iterable[tuple[date, int]]) -> dict[date, int]:
    totals: dict[date, int] = {}
    for day, cents in purchases:
        totals[day] = totals.get(day, 0) + cents
    return totals


@dataclass(frozen=True)
class TierStatus:
    """Rule L7 and L11: her tier on a day, the spend it rests on and how long it is kept.

    Attributes:
        tier: by the last 12 months' spend, or kept a year from reaching it.
        spend_cents: what she spent over the 12 months up to the day.
        kept_until: the last day the tier is kept without spending more (None for Flirt).
    """

    tier: str
    spend_cents: int
    kept_until: date | None


def tier_status(purchases: Sequence[tuple[date, int]], today: date) -> TierStatus:
    """Rule L7: her tier today, from (day, cents) of the purchases that count for it."""
    counted = [p for p in purchases if p[0] <= today]
    reached = tier_reached_days(counted)
    spend = spend_in_window(counted, today)
    kept = [
        name for name, day in reached.items() if today < add_months(day, settings.TIER_HOLD_MONTHS)
    ]
    tier = max([tier_for_spend(spend), *kept], key=TIERS.index)
    day = reached.get(tier)
    kept_until = (
        None if day is None else add_months(day, settings.TIER_HOLD_MONTHS) - timedelta(days=1)
    )
    return TierStatus(tier, spend, kept_until)


def tier_horizon(today: date) -> date:
    """Rule L7: purchases made before this day cannot change `tier_status(..., today)`.

    A tier counts if it was reached in the last `TIER_HOLD_MONTHS`, on the spend of the
    `TIER_WINDOW_MONTHS` before; a week more covers the month ends' rounding.
    """
    months = settings.TIER_WINDOW_MONTHS + settings.TIER_HOLD_MONTHS
    return add_months(today, -months) - timedelta(weeks=1)


def current_tier(purchases: Sequence[tuple[date, int]], today: date) -> str:
    """Rule L7: the tier today: by the last 12 months' spend, or kept a year from reaching it."""
    return tier_status(purchases, today).tier


def tier_kept_until(purchases: Sequence[tuple[date, int]], today: date) -> date | None:
    """Rule L7: the last day the current tier is kept without spending more (None for Flirt)."""
    return tier_status(purchases, today).kept_until


def next_tier(spend_cents: int) -> tuple[str, int] | None:
    """Rule L11: the next tier by spend and the cents still missing, or None at the top."""
    for name, floor in settings.TIER_THRESHOLDS_CENTS:
        if spend_cents < floor:
            return name, floor - spend_cents
    return None


def newly_reached(before: str, after: str) -> list[str]:
    """Rule L7: the tiers crossed between two tiers, each with its welcome e-mail."""
    return list(TIERS[TIERS.index(before) + 1 : TIERS.index(after) + 1])


# --- Claims (L9) and leaving (L10) --------------------------------------------------------


def claim_refusal(
    *, order_email: str, given_email: str, counted: bool, cancelled: bool
) -> str | None:
    """Rule L9: why loves cannot be claimed for an order, or None when they can.

    Args:
        order_email: the e-mail the order was placed with.
        given_email: the e-mail the member says the order was placed with.
        counted: the order already earned loves (for her or anyone else).
        cancelled: the order was cancelled.
    """
    if order_email.strip().lower() != given_email.strip().lower():
        return "loyalty.claim.email"
    if counted:
        return "loyalty.claim.counted"
    if cancelled:
        return "loyalty.claim.cancelled"
    return None


def claim_entry(order_number: str, paid_cents: int, placed_on: date, today: date) -> Entry:
    """Rule L9: the loves of a claimed order, pending until the order's own release day (L3).

    An order older than the pending days is credited at once.
    """
    available_on = max(release_day(placed_on), today)
    return Entry(LovesKind.CLAIM, loves_for_payment(paid_cents), today, available_on, order_number)


def leave_entries(entries: Sequence[Entry], today: date) -> list[Entry]:
    """Rule L10: cancel every love, the pending ones on their own release days.

    Returns:
        Negative entries that bring the balance and every pending day to zero (none when
        nothing is left).
    """
    left: dict[date, int] = {}
    for entry in entries:
        day = max(entry.available_on, today)
        left[day] = left.get(day, 0) + entry.loves
    return [
        Entry(LovesKind.LEAVE, -loves, today, day) for day, loves in sorted(left.items()) if loves
    ]
