"""Refer a friend (F1-F5): who can be referred, the codes' validity, and when the member wins.

Plain Python. The fraud rules compare e-mails once normalised: case, dots and "+tags" of the
local part do not make another person (``Ca.Mille+x@Example.fr`` is ``camille@example.fr``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from alme_portal.platform import settings
from alme_portal.platform.contact import person_key
from alme_portal.platform.vocabulary import ReferralStatus

PENDING = (ReferralStatus.INVITED, ReferralStatus.CODE_SENT)
"""F5: states in which she can still correct the friend's e-mail."""


def invite_refusal(
    *,
    member_emails: Iterable[str],
    friend_email: str,
    friend_has_ordered: bool,
    already_referred: bool,
) -> str | None:
    """The fraud rules of an invitation: why this friend cannot be referred, or None.

    Args:
        member_emails: the member's e-mails (her account's, and any she ordered with).
        friend_email: the friend's e-mail as given.
        friend_has_ordered: an order was already placed with the friend's e-mail (F2).
        already_referred: someone already referred this e-mail (one referral per friend).
    """
    if person_key(friend_email) in {person_key(email) for email in member_emails}:
        return "referral.refused.self"
    if friend_has_ordered:
        return "referral.refused.customer"
    if already_referred:
        return "referral.refused.taken"
    return None


def friend_code_last_day(sent_on: date) -> date:
    """F3: the friend's €15 code is valid 14 days, the day it is sent included."""
    return sent_on + timedelta(days=settings.REFERRAL_FRIEND_CODE_DAYS - 1)


def member_voucher_last_day(issued_on: date) -> date:
    """F3: the member's €15 voucher is valid 30 days, the day it is issued included."""
    return issued_on + timedelta(days=settings.REFERRAL_MEMBER_VOUCHER_DAYS - 1)


def reward_refusal(
    *,
    order_email: str,
    referred_email: str,
    earlier_orders: int,
    code_last_day: date,
    placed_on: date,
    rewards_this_month: int,
) -> str | None:
    """Rules F2, F4 and the monthly cap: why an order earns the member nothing, or None.

    Args:
        order_email: the e-mail of the friend's order.
        referred_email: the e-mail the member referred.
        earlier_orders: Almé orders placed with that e-mail before this one.
        code_last_day: the last day of the friend's code (F3).
        placed_on: the day of the order.
        rewards_this_month: referral rewards the member already got this calendar month.
    """
    if order_email.strip().lower() != referred_email.strip().lower():
        return "referral.refused.email"  # F2: exactly the e-mail used for the referral
    if earlier_orders:
        return "referral.refused.not_first"  # F2
    if placed_on > code_last_day:
        return "referral.refused.expired"  # F3
    if rewards_this_month >= settings.REFERRAL_MONTHLY_REWARD_CAP:
        return "referral.refused.cap"
    return None
