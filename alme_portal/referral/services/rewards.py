"""Refer a friend (F2, F4): the friend's first order rewards the member, at once and once.

Subscribed to the order feed's `ORDER_PLACED`; a refusal (another e-mail, not her first
order, an expired code, the monthly cap, a member who left) is stored with its reason.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlmodel import Session, func, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.i18n.dates import format_day
from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, events, settings
from alme_portal.platform.vocabulary import ReferralStatus
from alme_portal.referral import rules as referral
from alme_portal.referral.models import ReferralInvite
from alme_portal.referral.services.invites import new_code, send_email


def _rewards_this_month(session: Session, member_id: int, today: date) -> int:
    first = today.replace(day=1)
    return session.exec(
        select(func.count())
        .select_from(ReferralInvite)
        .where(
            ReferralInvite.member_id == member_id,
            ReferralInvite.status == ReferralStatus.REWARDED,
            ReferralInvite.rewarded_at >= datetime.combine(first, time(0), clock.PARIS),
        )
    ).one()


def on_order_placed(session: Session, event: events.OrderPlaced) -> None:
    """F2, F4: the friend's first order rewards the member with a €15 voucher, at once."""
    order = session.get(Order, event.order_id)
    row = (
        session.exec(
            select(ReferralInvite).where(
                ReferralInvite.friend_email == order.email,
                ReferralInvite.status.in_(referral.PENDING),
            )
        ).first()
        if order is not None
        else None
    )
    if row is None:
        return
    earlier = session.exec(
        select(func.count())
        .select_from(Order)
        .where(
            Order.email_key == order.email_key,
            Order.id != order.id,
            Order.placed_at <= order.placed_at,
        )
    ).one()
    placed_on = clock.in_paris(order.placed_at).date()
    last_day = row.code_last_day or referral.friend_code_last_day(
        clock.in_paris(row.invited_at).date()
    )
    refusal = referral.reward_refusal(
        order_email=order.email,
        referred_email=row.friend_email,
        earlier_orders=earlier,
        code_last_day=last_day,
        placed_on=placed_on,
        rewards_this_month=_rewards_this_month(session, row.member_id, placed_on),
    )
    row.order_id = order.id
    if refusal:  # she ordered, but the member's reward is over this month's cap: "ordered"
        row.status = {
            "referral.refused.expired": ReferralStatus.EXPIRED,
            "referral.refused.cap": ReferralStatus.ORDERED,
        }.get(refusal, ReferralStatus.REFUSED)
        row.refusal = refusal
        return
    _reward(session, row, order)


def _reward(session: Session, row: ReferralInvite, order: Order) -> None:
    member = session.get(Customer, row.member_id)
    if member.left_loyalty_on is not None:  # L10: her rewards ended with her membership
        row.status, row.refusal = ReferralStatus.REFUSED, "referral.closed"
        return
    today = clock.today()
    voucher = LoyaltyVoucher(
        customer_id=member.id,
        code=new_code("LOVE-"),
        origin="referral",
        amount_cents=settings.REFERRAL_AMOUNT_CENTS,
        loves_spent=0,
        issued_on=today,
        last_day=referral.member_voucher_last_day(today),
    )
    session.add(voucher)
    session.flush()
    row.status, row.voucher_id, row.rewarded_at = ReferralStatus.REWARDED, voucher.id, clock.now()
    language = member.preferred_language
    send_email(
        session,
        "reward",
        member.email,
        language,
        member=member.first_name,
        friend=order.ship_first_name,
        code=voucher.code,
        last_day=format_day(voucher.last_day, language),
    )
