"""Refer a friend on the real database (F1-F5): invitations, codes, rewards, fraud rules."""

import threading
from datetime import timedelta

import pytest
from conftest import NOW
from sqlmodel import func, select
from test_order_feed import event, order_data

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.loyalty.services import leave as loyalty_leave
from alme_portal.orders.services import feed as order_feed
from alme_portal.platform import clock, db, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.referral.models import ReferralInvite
from alme_portal.referral.services import invites as referral

CAMILLE = "camille.moreau@example.fr"
TODAY = clock.in_paris(NOW).date()


def member(session, email=CAMILLE):
    return session.exec(select(Customer.id).where(Customer.email == email)).one()


def at_now(action, *args, **kwargs):
    with clock.use_clock(NOW):
        return action(*args, **kwargs)


def code_of(session, email=CAMILLE):
    code = at_now(referral.member_code, session, member(session, email))
    session.commit()
    return code


def place(session, number, email, event_id, **overrides):
    data = order_data(number=number, email=email, **overrides)
    with clock.use_clock(NOW + timedelta(hours=1)):
        outcome = order_feed.apply_feed_event(session, event("order.created", data, event_id))
    session.commit()
    return outcome


def with_code(code, off=1_500):
    """The order fields of a first order using the friend's code (F1)."""
    total = order_data()["total_cents"] - off
    card = {"method": "card", "amount_cents": total, "card_brand": "Visa", "card_last4": "1111"}
    return {"discount_cents": off, "discount_code": code, "discount_kind": "referral",
            "total_cents": total, "payments": [card]}  # fmt: skip


def rewards(session):
    query = select(LoyaltyVoucher).where(LoyaltyVoucher.origin == "referral")
    return session.exec(query).all()


def test_f1_an_invitation_emails_the_friend_her_link(demo_session):
    outcome = at_now(referral.invite, demo_session, member(demo_session), " Lea.New@Example.fr")
    demo_session.commit()
    assert outcome.status == "done"
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert mail.recipient == "lea.new@example.fr" and mail.kind == "referral_invitation"
    assert f"/r/{code_of(demo_session)}" in mail.body


@pytest.mark.parametrize(
    ("friend", "refusal"),
    [
        ("camille.moreau+2@example.fr", "referral.refused.self"),
        ("Camille.Moreau@example.fr", "referral.refused.self"),
        ("ines.benali@example.fr", "referral.refused.customer"),
        ("not an e-mail", "account.email.invalid"),
        (None, "account.email.invalid"),
    ],
)
def test_fraud_rules_refuse_an_invitation_with_the_reason(demo_session, friend, refusal):
    outcome = at_now(referral.invite, demo_session, member(demo_session), friend)
    assert outcome.message_key == refusal
    assert demo_session.exec(select(func.count()).select_from(ReferralInvite)).one() == 0


def test_one_referral_per_friend_email(demo_session):
    at_now(referral.invite, demo_session, member(demo_session), "lea.new@example.fr")
    other = at_now(
        referral.invite,
        demo_session,
        member(demo_session, "ines.benali@example.fr"),
        "leanew+promo@example.fr",
    )
    assert other.message_key == "referral.refused.taken"


def test_f3_the_friend_gets_a_14_day_code_once_on_the_members_link(demo_session):
    code = code_of(demo_session)
    sent = at_now(referral.friend_code, demo_session, code, "friend@example.fr", "en")
    again = at_now(referral.friend_code, demo_session, code, "Friend@example.fr", "en")
    demo_session.commit()
    assert sent.status == "done" and sent.value.code.startswith("AMIE-")
    assert sent.value.last_day == TODAY + timedelta(days=settings.REFERRAL_FRIEND_CODE_DAYS - 1)
    assert again.value.code == sent.value.code
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "referral_friend_code")
    ).one()
    assert sent.value.code in mail.body and mail.recipient == "friend@example.fr"
    assert at_now(
        referral.friend_code, demo_session, "NOPE1234", "x@example.fr", "en"
    ).message_key == ("referral.unknown")


@pytest.mark.both_databases
def test_f3_the_friend_asking_in_several_tabs_at_once_gets_one_code(demo_session, database_url):
    """Issue 20: the member's row is locked first: one invitation, one code, one e-mail, and
    every tab shows that code (on PostgreSQL the others were refused "already referred")."""
    code = code_of(demo_session)
    tabs, start, answers = 6, threading.Barrier(6), []

    def ask():
        start.wait()
        with clock.use_clock(NOW), db.session_scope(write=True) as session:
            outcome = referral.friend_code(session, code, "friend@example.fr", "en")
            answers.append((outcome.status.value, outcome.value and outcome.value.code))

    threads = [threading.Thread(target=ask) for _ in range(tabs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    demo_session.commit()
    stored = demo_session.exec(select(ReferralInvite.friend_code)).all()
    assert len(stored) == 1
    assert answers == [("done", stored[0])] * tabs
    sent = select(func.count()).where(OutboxEmail.kind == "referral_friend_code")
    assert demo_session.exec(sent).one() == 1


def test_f2_f4_the_friends_first_order_rewards_the_member_once(demo_session):
    """The integration the issue asks for: her first order rewards, her second does not."""
    code = code_of(demo_session)
    friend = at_now(referral.friend_code, demo_session, code, "friend@example.fr", "en")
    demo_session.commit()
    first = place(
        demo_session,
        "AL400001",
        "friend@example.fr",
        "evt-f-1",
        **with_code(friend.value.code),
    )
    assert first.status == "done", first.detail
    second = place(demo_session, "AL400002", "friend@example.fr", "evt-f-2")
    assert second.status == "done"
    [voucher] = rewards(demo_session)
    assert (voucher.customer_id, voucher.amount_cents) == (member(demo_session), 1_500)
    assert voucher.last_day == TODAY + timedelta(days=settings.REFERRAL_MEMBER_VOUCHER_DAYS - 1)
    invite = demo_session.exec(select(ReferralInvite)).one()
    assert invite.status == "rewarded"
    mail = demo_session.exec(select(OutboxEmail).where(OutboxEmail.kind == "referral_reward")).one()
    assert mail.recipient == CAMILLE and voucher.code in mail.body
    reuse = place(
        demo_session,
        "AL400003",
        "friend@example.fr",
        "evt-f-3",
        **with_code(friend.value.code),
    )
    assert reuse.status == "invalid" and "codes.used" in reuse.detail


def test_f2_an_order_under_another_email_rewards_nothing(demo_session):
    at_now(referral.friend_code, demo_session, code_of(demo_session), "friend@example.fr", "en")
    demo_session.commit()
    place(demo_session, "AL400004", "friend.other@example.fr", "evt-f-4")
    assert rewards(demo_session) == []
    assert demo_session.exec(select(ReferralInvite.status)).one() == "code_sent"


def test_the_friends_code_is_hers_only(demo_session):
    friend = at_now(
        referral.friend_code, demo_session, code_of(demo_session), "friend@example.fr", "en"
    )
    demo_session.commit()
    other = place(demo_session, "AL400005", "someone@example.fr", "evt-f-5",
                  **with_code(friend.value.code))  # fmt: skip
    assert other.status == "invalid" and "codes.not_yours" in other.detail


def test_the_monthly_cap_refuses_a_reward_with_the_reason(demo_session, monkeypatch):
    monkeypatch.setattr(settings, "REFERRAL_MONTHLY_REWARD_CAP", 1)
    code = code_of(demo_session)
    for friend in ("one@example.fr", "two@example.fr"):
        at_now(referral.friend_code, demo_session, code, friend, "en")
    demo_session.commit()
    place(demo_session, "AL400006", "one@example.fr", "evt-c-1")
    place(demo_session, "AL400007", "two@example.fr", "evt-c-2")
    assert len(rewards(demo_session)) == 1
    capped = demo_session.exec(
        select(ReferralInvite).where(ReferralInvite.friend_email == "two@example.fr")
    ).one()
    assert (capped.status, capped.refusal) == ("ordered", "referral.refused.cap")


def test_f5_she_corrects_a_mistyped_email_while_pending_and_only_hers(demo_session):
    camille = member(demo_session)
    at_now(referral.invite, demo_session, camille, "lea.nwe@example.fr")
    demo_session.commit()
    row = demo_session.exec(select(ReferralInvite)).one()
    stranger = at_now(
        referral.correct_email,
        demo_session,
        member(demo_session, "ines.benali@example.fr"),
        row.id,
        "x@example.fr",
    )
    assert stranger.message_key == "referral.not_found"
    fixed = at_now(referral.correct_email, demo_session, camille, row.id, "lea.new@example.fr")
    demo_session.commit()
    assert fixed.status == "done"
    assert demo_session.get(ReferralInvite, row.id).friend_email == "lea.new@example.fr"
    for forged in (None, "1", -1):
        assert at_now(referral.correct_email, demo_session, camille, forged, "a@b.fr").status == (
            "invalid"
        )


def test_a_member_refers_at_most_a_days_worth_of_friends(demo_session, monkeypatch):
    monkeypatch.setattr(settings, "REFERRAL_FRIENDS_PER_DAY", 2)
    camille = member(demo_session)
    answers = [
        at_now(referral.invite, demo_session, camille, f"friend{n}@example.fr").status
        for n in range(3)
    ]
    over = at_now(referral.friend_code, demo_session, code_of(demo_session), "x@example.fr", "en")
    assert answers == ["done", "done", "invalid"] and over.message_key == "referral.limit"


def test_f3_an_expired_code_can_no_longer_be_corrected(demo_session):
    at_now(referral.friend_code, demo_session, code_of(demo_session), "friend@example.fr", "en")
    demo_session.commit()
    row = demo_session.exec(select(ReferralInvite)).one()
    late = NOW + timedelta(days=settings.REFERRAL_FRIEND_CODE_DAYS)
    with clock.use_clock(late):
        outcome = referral.correct_email(
            demo_session, member(demo_session), row.id, "friend.fixed@example.fr"
        )
    assert outcome.message_key == "referral.not_pending"


def test_l10_a_member_who_left_gets_no_referral_reward(demo_session):
    at_now(referral.friend_code, demo_session, code_of(demo_session), "friend@example.fr", "en")
    at_now(loyalty_leave.leave_program, demo_session, member(demo_session), confirmed=True)
    demo_session.commit()
    place(demo_session, "AL400010", "friend@example.fr", "evt-left")
    assert rewards(demo_session) == []
    refused = demo_session.exec(select(ReferralInvite)).one()
    assert (refused.status, refused.refusal) == ("refused", "referral.closed")
