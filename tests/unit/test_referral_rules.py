"""Refer a friend (F1-F5) and its fraud rules, with explicit days."""

from datetime import UTC, date, datetime

import pytest

from alme_portal.platform import settings
from alme_portal.referral import rules as referral
from alme_portal.referral.models import ReferralInvite
from alme_portal.referral.views import build_invites

SENT = date(2026, 11, 25)


@pytest.mark.parametrize(
    "friend",
    [
        "Camille.Moreau@example.fr",
        "camillemoreau@example.fr",
        "camille.moreau+friend@example.fr",
        " CAMILLE.MOREAU@EXAMPLE.FR ",
    ],
)
def test_no_self_referral_whatever_the_case_dots_or_tags(friend):
    refusal = referral.invite_refusal(
        member_emails=["camille.moreau@example.fr"],
        friend_email=friend,
        friend_has_ordered=False,
        already_referred=False,
    )
    assert refusal == "referral.refused.self"


def test_a_friend_who_already_ordered_or_was_referred_is_refused_f2():
    common = {"member_emails": ["camille@example.fr"], "friend_email": "lea@example.fr"}
    assert (
        referral.invite_refusal(**common, friend_has_ordered=True, already_referred=False)
        == "referral.refused.customer"
    )
    assert (
        referral.invite_refusal(**common, friend_has_ordered=False, already_referred=True)
        == "referral.refused.taken"
    )
    assert (
        referral.invite_refusal(**common, friend_has_ordered=False, already_referred=False) is None
    )


def test_f3_the_friends_code_lasts_14_days_and_the_voucher_30():
    assert referral.friend_code_last_day(SENT) == date(2026, 12, 8)
    assert referral.member_voucher_last_day(SENT) == date(2026, 12, 24)


def reward(**changes):
    values = {
        "order_email": "lea@example.fr",
        "referred_email": "Lea@example.fr",
        "earlier_orders": 0,
        "code_last_day": date(2026, 12, 8),
        "placed_on": SENT,
        "rewards_this_month": 0,
        **changes,
    }
    return referral.reward_refusal(**values)


def test_f2_f4_the_friends_first_order_with_that_email_rewards_the_member():
    assert reward() is None


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"order_email": "lea.other@example.fr"}, "referral.refused.email"),
        ({"order_email": "l.ea@example.fr"}, "referral.refused.email"),
        ({"earlier_orders": 1}, "referral.refused.not_first"),
        ({"placed_on": date(2026, 12, 9)}, "referral.refused.expired"),
        ({"rewards_this_month": settings.REFERRAL_MONTHLY_REWARD_CAP}, "referral.refused.cap"),
    ],
)
def test_f2_f3_and_the_monthly_cap_refuse_with_a_reason(changes, refusal):
    assert reward(**changes) == refusal


def test_f3_a_code_past_its_14_days_shows_as_expired_and_can_no_longer_be_corrected():
    row = ReferralInvite(
        id=1,
        member_id=1,
        friend_email="lea@example.fr",
        friend_key="x",
        status="code_sent",
        code_last_day=date(2026, 12, 8),
        invited_at=datetime(2026, 11, 25, 9, tzinfo=UTC),
    )
    [on_last_day] = build_invites([row], "en", date(2026, 12, 8))
    [after] = build_invites([row], "en", date(2026, 12, 9))
    assert (on_last_day["status"], on_last_day["pending"]) == ("Code sent", "yes")
    assert (after["status"], after["pending"]) == ("Expired", "")
    assert after["email"] == "l•a@example.fr"
