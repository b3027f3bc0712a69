"""Rule L10 on the real database: leaving Almé Lovers cancels everything, for good."""

import asyncio

import reflex as rx
from conftest import NOW
from sqlmodel import select
from test_accounts import log_in
from test_loyalty import TODAY, give, member_id, place

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.loyalty.services import claims as loyalty_claims
from alme_portal.loyalty.services import leave as loyalty_leave
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.platform import clock
from alme_portal.state.loyalty import LoyaltyState

CAMILLE = "camille.moreau@example.fr"


def leave(session, member, confirmed=True):
    with clock.use_clock(NOW):
        outcome = loyalty_leave.leave_program(session, member, confirmed=confirmed)
    session.commit()
    return outcome


def test_l10_leaving_needs_an_explicit_confirmation(demo_session):
    camille = member_id(demo_session, CAMILLE)
    before = loyalty.balance(demo_session, camille, TODAY)
    for confirmed in (False, "true", "on", 1, None):
        assert leave(demo_session, camille, confirmed).message_key == "loyalty.leave.confirm"
    assert loyalty.balance(demo_session, camille, TODAY) == before
    assert demo_session.get(Customer, camille).left_loyalty_on is None


def test_l10_leaving_cancels_every_love_and_unused_voucher_for_good(demo_session):
    camille = member_id(demo_session, CAMILLE)
    money = loyalty.balance(demo_session, camille, TODAY)
    assert money.available > 0 and money.pending_total > 0  # the demo gives her both
    done = leave(demo_session, camille)
    assert (done.status, done.value.loves) == ("done", money.available + money.pending_total)
    for day in (TODAY, TODAY.replace(year=TODAY.year + 1)):
        after = loyalty.balance(demo_session, camille, day)
        assert (after.available, after.pending) == (0, ())
    vouchers = demo_session.exec(
        select(LoyaltyVoucher).where(LoyaltyVoucher.customer_id == camille)
    )
    states = {v.code: v.cancelled_on for v in vouchers}
    assert states == {"LOVE-DEMO3NEW": TODAY, "LOVE-DEMO2OLD": None}  # the expired one stays so
    assert leave(demo_session, camille).message_key == "loyalty.left"


def test_l10_after_leaving_she_earns_and_spends_nothing(demo_session):
    lea = member_id(demo_session)
    give(demo_session, lea, 1_000)
    leave(demo_session, lea)
    place(demo_session, "AL200010", "lea.martin@example.fr", "evt-after-leaving")
    with clock.use_clock(NOW):
        refused = [
            loyalty.complete_mission(demo_session, lea, "instagram").message_key,
            loyalty.redeem(demo_session, lea, 500).message_key,
            loyalty_claims.claim_loves(demo_session, lea, order_number="AL100120", email=CAMILLE,
                                       client_address="5.6.7.8").message_key,
        ]  # fmt: skip
    demo_session.commit()
    assert refused == ["loyalty.left"] * 3
    assert loyalty.balance(demo_session, lea, TODAY).available == 0


def test_l10_through_the_page_state_only_a_ticked_box_leaves(demo_session):
    """The dashboard's handler: no box, a forged value or a logged-out tab leave nothing."""

    def state_with(token):
        state = rx.State().get_substate(LoyaltyState.get_full_name().split(".")[1:])
        state._login_token = token
        return state

    def run(coroutine):
        with clock.use_clock(NOW):
            asyncio.run(coroutine)

    stranger = state_with("")
    run(stranger.leave_program({"confirm": "on"}))
    state = state_with(log_in(demo_session).value.token)
    for form in (None, {}, {"confirm": "yes please"}, {"confirm": ["on"]}):
        run(state.leave_program(form))
        assert state.loyalty_message == "Tick the box to confirm that you want to leave."
    demo_session.commit()
    assert demo_session.exec(select(Customer.left_loyalty_on).where(
        Customer.left_loyalty_on.is_not(None))).all() == []  # fmt: skip
    run(state.leave_program({"confirm": "on"}))
    assert state.loyalty_message_ok and state.dashboard.left.startswith("You left Almé Lovers")
