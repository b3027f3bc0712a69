"""Rule L4 on the real database: refunds and cancellations take back pending loves."""

from datetime import timedelta

from conftest import NOW, order_id
from test_loyalty import (  # noqa: F401 (demo_ledger_end is autouse)
    TODAY,
    demo_ledger_end,
    entries,
    member_id,
    place,
)
from test_order_feed import event

from alme_portal.loyalty import rules
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.orders.services import feed as order_feed
from alme_portal.platform import clock, events, settings

MEMBER = "lea.martin@example.fr"


def refund(session, number, refunded_cents, at=NOW):
    event = events.OrderRefunded(order_id(session, number), refunded_cents)
    with clock.use_clock(at):
        events.publish(session, event)
    session.commit()


def test_l4_partial_then_full_refund_within_18_days_take_back_pending_loves(demo_session):
    place(demo_session, "AL200011", MEMBER, "evt-l4")
    [purchase] = entries(demo_session, "purchase")
    total = purchase.loves * 10  # the order paid 10 cents per love here
    refund(demo_session, "AL200011", total // 4, NOW + timedelta(days=3))
    refund(demo_session, "AL200011", total // 4, NOW + timedelta(days=4))  # the same total again
    [partial] = entries(demo_session, "return")
    assert partial.loves == -(purchase.loves - purchase.loves * 3 // 4)
    assert partial.available_on == purchase.available_on
    refund(demo_session, "AL200011", total, NOW + timedelta(days=5))
    assert sum(e.loves for e in entries(demo_session)) == 0
    later = TODAY + timedelta(days=settings.LOVES_PENDING_DAYS + 1)
    member = member_id(demo_session, MEMBER)
    assert loyalty.balance(demo_session, member, later) == rules.Balance(0, ())


def test_l4_a_refund_after_the_18_days_keeps_her_loves(demo_session):
    place(demo_session, "AL200012", MEMBER, "evt-l4-late")
    late = NOW + timedelta(days=settings.LOVES_PENDING_DAYS)
    refund(demo_session, "AL200012", 10_000_00, late)
    assert entries(demo_session, "return") == []


def test_l4_a_cancelled_order_keeps_none_of_its_pending_loves(demo_session):
    place(demo_session, "AL200013", MEMBER, "evt-l4-cancel")
    with clock.use_clock(NOW):
        outcome = order_feed.apply_feed_event(
            demo_session, event("order.cancelled", {"number": "AL200013"}, "evt-l4-cancelled")
        )
    demo_session.commit()
    assert outcome.status == "done"
    assert sum(e.loves for e in entries(demo_session)) == 0
    assert [e.kind for e in entries(demo_session)] == ["purchase", "return"]


def test_l4_an_order_that_earned_nothing_is_left_alone(demo_session):
    refund(demo_session, "AL100106", 19_590)  # a guest order
    assert entries(demo_session) == []
