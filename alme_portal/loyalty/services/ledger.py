"""Almé Lovers on the database: the ledger of each member, missions, rewards and tiers.

Rules live in `rules.loyalty`; this module reads and appends ledger rows. Writers take the
member's row first (`FOR UPDATE` on PostgreSQL; SQLite callers open a writing session), so
that two tabs redeeming at once spend once.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LovesCheckpoint, LovesEntry, LoyaltyVoucher
from alme_portal.loyalty.services import emails as loyalty_emails
from alme_portal.orders.models.orders import Order
from alme_portal.orders.rules import codes as code_rules
from alme_portal.platform import clock, events, outbox, random_codes, settings
from alme_portal.platform.calendar import add_months
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import CodeKind, LovesKind, OrderStatus

HISTORY_PAGE_SIZE = 20


@dataclass(frozen=True)
class Loves:
    """What a member's action gave or took: loves, and the code involved (voucher, order)."""

    loves: int = 0
    code: str = ""


def _rule_entry(row: LovesEntry) -> loyalty.Entry:
    return loyalty.Entry(row.kind, row.loves, row.recorded_on, row.available_on, row.reference)


def ledger(session: Session, customer_id: int) -> list[loyalty.Entry]:
    """Every entry of a member's ledger, oldest first."""
    query = select(LovesEntry).where(LovesEntry.customer_id == customer_id)
    return [_rule_entry(row) for row in session.exec(query.order_by(LovesEntry.id))]


_MEMBER = sa.bindparam("member")
"""Her, in the statements built once below (building a statement costs more than running it)."""
_RELEASED_SINCE = select(func.coalesce(func.sum(LovesEntry.loves), 0)).where(
    LovesEntry.customer_id == _MEMBER,
    LovesEntry.available_on >= sa.bindparam("since", type_=sa.Date),
    LovesEntry.available_on <= sa.bindparam("today", type_=sa.Date),
)
_PENDING = (
    select(LovesEntry.available_on, func.sum(LovesEntry.loves))
    .where(LovesEntry.customer_id == _MEMBER,
           LovesEntry.available_on > sa.bindparam("today", type_=sa.Date))
    .group_by(LovesEntry.available_on)
    .order_by(LovesEntry.available_on)
)  # fmt: skip


def balance(session: Session, customer_id: int, today: date) -> loyalty.Balance:
    """Rule L11: `rules.loyalty.balance` of her ledger, summed by the database.

    The settled part comes from her checkpoint (see `settle`); the rest is summed from the
    index of her entries since, so the cost does not grow with her whole history.
    """
    checkpoint = session.get(LovesCheckpoint, customer_id)
    base, since = 0, date.min
    if checkpoint is not None and checkpoint.before_day <= today:
        base, since = checkpoint.loves, checkpoint.before_day
    bounds = {"member": customer_id, "since": since, "today": today}
    available = session.exec(_RELEASED_SINCE, params=bounds).one()
    pending = session.exec(_PENDING, params=bounds).all()
    waiting = tuple((day, int(loves)) for day, loves in pending if loves)
    return loyalty.Balance(base + int(available), waiting)


def settle(session: Session, customer_id: int, today: date) -> LovesCheckpoint:
    """Sum once the loves she got released more than `LOVES_SETTLE_DAYS` days ago.

    Safe because every entry is released on or after the day it is written (`append`).
    """
    before_day = today - timedelta(days=settings.LOVES_SETTLE_DAYS)
    total = session.exec(
        select(func.coalesce(func.sum(LovesEntry.loves), 0)).where(
            LovesEntry.customer_id == customer_id, LovesEntry.available_on < before_day
        )
    ).one()
    checkpoint = session.get(LovesCheckpoint, customer_id) or LovesCheckpoint(
        customer_id=customer_id, before_day=before_day, loves=0, settled_at=clock.now()
    )
    checkpoint.before_day, checkpoint.loves, checkpoint.settled_at = (
        before_day, int(total), clock.now())  # fmt: skip
    session.add(checkpoint)
    session.flush()
    return checkpoint


def settle_all(session: Session, today: date) -> int:
    """Settle every member who has loves; how many were settled (a nightly job)."""
    members = session.exec(select(LovesEntry.customer_id).distinct()).all()
    for customer_id in members:
        settle(session, customer_id, today)
    return len(members)


_MISSIONS = select(LovesEntry.reference).where(
    LovesEntry.customer_id == _MEMBER, LovesEntry.kind == LovesKind.MISSION
)


def missions_done(session: Session, customer_id: int) -> list[str]:
    """Rule L2: the missions she has completed."""
    return list(session.exec(_MISSIONS, params={"member": customer_id}))


def ledger_row(customer_id: int, entry: loyalty.Entry, created_at: datetime) -> LovesEntry:
    """The table row of a rule's ledger entry (not added to any session)."""
    return LovesEntry(customer_id=customer_id, kind=entry.kind, loves=entry.loves,
                      recorded_on=entry.recorded_on, available_on=entry.available_on,
                      reference=entry.reference, created_at=created_at)  # fmt: skip


def append(session: Session, customer_id: int, entry: loyalty.Entry) -> LovesEntry:
    """Add one entry to a member's ledger (flushed in the caller's transaction).

    Raises:
        ValueError: the entry would be released before her settled history ends.
    """
    checkpoint = session.get(LovesCheckpoint, customer_id)
    if checkpoint is not None and entry.available_on < checkpoint.before_day:
        raise ValueError("loves cannot be released inside a member's settled history")
    row = ledger_row(customer_id, entry, clock.now())
    session.add(row)
    session.flush()
    return row


def locked_member(session: Session, customer_id: Any) -> Customer | None:
    """The member's row, locked for the rest of the transaction where the database can."""
    if not isinstance(customer_id, int):
        return None
    query = select(Customer).where(Customer.id == customer_id).with_for_update()
    return session.exec(query).first()


def on_order_placed(session: Session, event: events.OrderPlaced) -> None:
    """Rules L1 and L3: an order placed while logged in earns its pending loves."""
    order = session.get(Order, event.order_id)
    if order is None or order.customer_id is None or not order.placed_logged_in:
        return
    if order.status == OrderStatus.CANCELLED:
        return
    if session.get(Customer, order.customer_id).left_loyalty_on is not None:
        return  # L10: she left the program, for good
    placed_on = clock.in_paris(order.placed_at).date()
    try:
        with session.begin_nested():
            append(session, order.customer_id,
                   loyalty.purchase_entry(order.number, order.total_cents, placed_on))  # fmt: skip
    except IntegrityError:  # the order already earned its loves (a replayed event)
        return
    _welcome_to_new_tier(session, order, placed_on)


TIER_EMAIL_KIND = "tier_welcome"


def _welcome_to_new_tier(session: Session, order: Order, placed_on: date) -> None:
    """Rule L7: an order that lifts her to a new status records its welcome e-mail."""
    since = loyalty.tier_horizon(placed_on)
    purchases = member_purchases(session, order.customer_id, since=since)
    before = member_purchases(session, order.customer_id, since=since, excluding=order.id)
    crossed = loyalty.newly_reached(
        loyalty.current_tier(before, placed_on), loyalty.current_tier(purchases, placed_on)
    )
    if not crossed:
        return
    member = session.get(Customer, order.customer_id)
    email = loyalty_emails.tier_welcome_email(
        tier=crossed[-1], first_name=member.first_name, language=member.preferred_language
    )  # one e-mail, for the highest status reached, when an order crosses two at once
    outbox.record_email(session, recipient=member.email, kind=TIER_EMAIL_KIND,
                        language=member.preferred_language, order_id=order.id, **email)  # fmt: skip


def complete_mission(
    session: Session, customer_id: int, key: Any, *, birthday: Any = None
) -> Outcome:
    """Rule L2: do a mission's step and credit its loves, once.

    The steps: "instagram" (she says she follows the brand's account, which the portal cannot
    check), "birthday" (a real date, set once: it cannot be changed to earn again) and
    "newsletter" (her subscription is recorded).

    Args:
        session: a session that will write.
        customer_id: the member, as identified by her session.
        key: the mission, one of `settings.LOYALTY_MISSIONS`.
        birthday: for "birthday", the day as `YYYY-MM-DD`.

    Returns:
        Done with the loves, already done (nothing added) or invalid with its key.
    """
    member = locked_member(session, customer_id)
    if member is not None and member.left_loyalty_on is not None:
        return Outcome.invalid("loyalty.left")
    if member is None or not isinstance(key, str) or loyalty.mission_loves(key) is None:
        return Outcome.invalid("loyalty.mission.unknown")
    entry = loyalty.mission_entry(key, missions_done(session, customer_id), clock.today())
    if entry is None:
        return Outcome.already_done("loyalty.mission.already")
    problem = _mission_step(member, key, birthday)
    if problem:
        return Outcome.invalid(problem)
    try:
        with session.begin_nested():
            append(session, customer_id, entry)
    except IntegrityError:  # the same mission completed in another tab at the same moment
        return Outcome.already_done("loyalty.mission.already")
    return Outcome.done("loyalty.mission.credited", Loves(entry.loves))


def _mission_step(member: Customer, key: str, birthday: Any) -> str | None:
    """Do what the mission asks of the account; the key of what is wrong, or None."""
    if key == "birthday":
        day = loyalty.plausible_birthday(birthday, clock.today())
        if day is None:
            return "loyalty.birthday.invalid"
        if member.birthday is not None and member.birthday != day:
            return "loyalty.birthday.set"
        member.birthday = day
    elif key == "newsletter" and member.newsletter_since is None:
        member.newsletter_since = clock.now()
    return None


def _new_code(session: Session) -> str:
    while True:
        code = "LOVE-" + random_codes.random_code()
        if (
            session.exec(select(LoyaltyVoucher.id).where(LoyaltyVoucher.code == code)).first()
            is None
        ):
            return code


def voucher_codes(session: Session, texts: list[str]) -> dict[str, code_rules.Code]:
    """L5: the loyalty vouchers among `texts`, as the codes check sees them (hers, once)."""
    found = session.exec(
        select(LoyaltyVoucher, Customer.email)
        .join(Customer, Customer.id == LoyaltyVoucher.customer_id)
        .where(LoyaltyVoucher.code.in_(texts))
    )
    return {
        voucher.code: code_rules.Code(
            voucher.code,
            CodeKind.LOYALTY_VOUCHER,
            voucher.last_day,
            valid_from=voucher.issued_on,
            used=voucher.used_order_id is not None or voucher.cancelled_on is not None,
            owner_email=email,
        )
        for voucher, email in found
    }


def use_voucher(session: Session, code: str, order_id: int, _cents: int) -> str | None:
    """L5: tie a voucher to the order using it, once even with two orders at the same moment."""
    used = session.execute(
        sa.update(LoyaltyVoucher)
        .where(
            LoyaltyVoucher.code == code,
            LoyaltyVoucher.used_order_id.is_(None),
            LoyaltyVoucher.cancelled_on.is_(None),
        )
        .values(used_order_id=order_id)
    ).rowcount
    return None if used == 1 else "codes.used"


def redeem(session: Session, customer_id: int, loves: Any) -> Outcome:
    """Rule L5: turn loves into a loyalty voucher from the reward catalogue.

    The member's row is taken first, so two redemptions at once run one after the other and
    the second sees what the first spent.

    Args:
        session: a session that will write.
        customer_id: the member, as identified by her session.
        loves: the price of the chosen reward.

    Returns:
        Done with the voucher code, or invalid ("loyalty.reward.unknown",
        "loyalty.reward.unaffordable"); nothing is stored when invalid.
    """
    member = locked_member(session, customer_id)
    if member is None:
        return Outcome.invalid("loyalty.reward.unknown")
    if member.left_loyalty_on is not None:
        return Outcome.invalid("loyalty.left")
    cents = loyalty.reward_for(loves) if isinstance(loves, int) else None
    if cents is None:
        return Outcome.invalid("loyalty.reward.unknown")
    today = clock.today()
    available = balance(session, customer_id, today).available
    code = _new_code(session)
    entry = loyalty.redemption_entry(loves, available, code, today)
    if entry is None:
        return Outcome.invalid("loyalty.reward.unaffordable")
    append(session, customer_id, entry)
    session.add(LoyaltyVoucher(customer_id=customer_id, code=code, amount_cents=cents,
                               loves_spent=loves, issued_on=today,
                               last_day=loyalty.voucher_last_day(today)))  # fmt: skip
    session.flush()
    return Outcome.done("loyalty.reward.redeemed", Loves(loves, code))


_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_PURCHASES = (
    select(Order.placed_at, func.sum(Order.total_cents))
    .where(Order.customer_id == _MEMBER, Order.status != OrderStatus.CANCELLED,
           Order.placed_at >= sa.bindparam("since"), Order.id != sa.bindparam("excluding"))
    .group_by(Order.placed_at)
)  # fmt: skip


def member_purchases(
    session: Session, customer_id: int, *, since: date | None = None, excluding: int | None = None
) -> list[tuple[date, int]]:
    """Rule L7: (day, cents paid) of the member's orders that count for her tier.

    Orders placed at the same moment come as one sum (the rules add up each day anyway).

    Args:
        session: any session.
        customer_id: the member.
        since: leave out the orders placed before this Paris day (`loyalty.tier_horizon`).
        excluding: leave out this order (her purchases before it).
    """
    bounds = {
        "member": customer_id,
        "since": _EARLIEST if since is None else clock.paris_midnight(since),
        "excluding": 0 if excluding is None else excluding,  # ids start at 1
    }
    rows = session.exec(_PURCHASES, params=bounds)
    return [(clock.in_paris(placed).date(), int(cents)) for placed, cents in rows]


def history(
    session: Session, customer_id: int, before_id: int | None = None
) -> tuple[list[LovesEntry], bool]:
    """Rule L11: a page of the ledger, newest first, and whether older entries follow.

    Newest first by the day each entry happened, then by id. Pages are keyed by the last entry
    shown (`before_id`: its day, then its id), so a page costs the same however long the
    history is (index `ix_loves_member_history`).
    """
    query = select(LovesEntry).where(LovesEntry.customer_id == customer_id)
    last = session.get(LovesEntry, before_id) if isinstance(before_id, int) else None
    if last is not None and last.customer_id == customer_id:
        query = query.where(
            (LovesEntry.recorded_on < last.recorded_on)
            | ((LovesEntry.recorded_on == last.recorded_on) & (LovesEntry.id < last.id))
        )
    newest_first = (LovesEntry.recorded_on.desc(), LovesEntry.id.desc())
    rows = list(session.exec(query.order_by(*newest_first).limit(HISTORY_PAGE_SIZE + 1)))
    return rows[:HISTORY_PAGE_SIZE], len(rows) > HISTORY_PAGE_SIZE


_VOUCHERS = (
    select(LoyaltyVoucher)
    .where(LoyaltyVoucher.customer_id == _MEMBER)
    .order_by(LoyaltyVoucher.id.desc())
)


def dashboard(session: Session, customer_id: int, today: date) -> dict[str, Any]:
    """Rule L11: what the loyalty dashboard shows, as plain data.

    Returns:
        `{"available", "pending": [(day, loves)], "tier", "tiers": [(name, floor_cents)],
        "spend_cents", "next_tier": (name, missing_cents) | None, "tier_kept_until",
        "missions": [(key, loves, done)], "rewards": [(loves, cents, affordable)],
        "vouchers": [LoyaltyVoucher], "balances": [(day, loves)]}`, where "balances" are her
        spendable loves at the end of each of the last `CHART_MONTHS` months, then today (the
        chart of loves over time; see `month_end_balances`), and "left_on", the day she left
        the program (L10) or None.
    """
    money = balance(session, customer_id, today)
    purchases = member_purchases(session, customer_id, since=loyalty.tier_horizon(today))
    status = loyalty.tier_status(purchases, today)
    done = set(missions_done(session, customer_id))
    vouchers = session.exec(_VOUCHERS, params={"member": customer_id}).all()
    return {
        "available": money.available,
        "pending": list(money.pending),
        "tier": status.tier,
        "tiers": list(settings.TIER_THRESHOLDS_CENTS),
        "spend_cents": status.spend_cents,
        "next_tier": loyalty.next_tier(status.spend_cents),
        "tier_kept_until": status.kept_until,
        "missions": [(key, loves, key in done) for key, loves in settings.LOYALTY_MISSIONS],
        "rewards": [
            (loves, cents, loves <= money.available) for loves, cents in settings.LOYALTY_REWARDS
        ],  # fmt: skip
        "vouchers": list(vouchers),
        "balances": month_end_balances(session, customer_id, today, money.available),
        "left_on": session.get(Customer, customer_id).left_loyalty_on,
    }


CHART_MONTHS = 12
"""L11: the chart of loves over time shows the end of each of the last 12 months, then today."""


def chart_days(today: date) -> list[date]:
    """Rule L11: the last day of each of the last `CHART_MONTHS` months, then `today`."""
    first = today.replace(day=1)
    months = range(CHART_MONTHS - 1, -1, -1)
    return [*(add_months(first, -back) - timedelta(days=1) for back in months), today]


def _month_sums_query() -> sa.Select:
    """Her loves released in each interval between two chart days, in one statement.

    One indexed range sum per interval (`ix_loves_member_day` covers it), built once with bound
    parameters: a GROUP BY over the months would sort every entry of the year in a temporary
    B-tree, several times slower for a member with thousands of entries.
    """
    mine = LovesEntry.customer_id == sa.bindparam("member")
    return select(*[
        select(func.coalesce(func.sum(LovesEntry.loves), 0))
        .where(mine, LovesEntry.available_on > sa.bindparam(f"after{n}", type_=sa.Date),
               LovesEntry.available_on <= sa.bindparam(f"until{n}", type_=sa.Date))
        .scalar_subquery()
        for n in range(CHART_MONTHS)
    ])  # fmt: skip


_MONTH_SUMS = _month_sums_query()


def month_end_balances(
    session: Session, customer_id: int, today: date, available: int | None = None
) -> list[tuple[date, int]]:
    """Rule L11: her spendable balance at the end of each of the last 12 months, then today.

    Walks back from today's balance (read from her checkpoint and recent entries, see
    `balance`), taking off what was released after each month's end: the cost depends on her
    last 12 months only, never on her whole history.

    Args:
        session: any session.
        customer_id: the member, as identified by her session.
        today: the day the dashboard is shown.
        available: today's spendable balance when the caller already has it.

    Returns:
        `(day, loves)`, oldest first: `CHART_MONTHS` month ends, then `(today, available)`.
    """
    if available is None:
        available = balance(session, customer_id, today).available
    days = chart_days(today)
    bounds = {"member": customer_id}
    for n, (after, until) in enumerate(itertools.pairwise(days)):
        bounds[f"after{n}"], bounds[f"until{n}"] = after, until
    released = session.exec(_MONTH_SUMS, params=bounds).one()
    points, loves = [(today, available)], available
    for day, later in zip(reversed(days[:-1]), reversed(released), strict=True):
        loves -= int(later)
        points.append((day, loves))
    return points[::-1]
