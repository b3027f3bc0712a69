"""The demo members cover the Almé Lovers states a person wants to see (issue 6, item 6)."""

from conftest import NOW
from sqlmodel import select

from alme_portal.accounts.models.customers import Customer
from alme_portal.demo import loader as demo
from alme_portal.demo import loyalty as demo_loyalty
from alme_portal.loyalty import rules
from alme_portal.loyalty.models import LovesEntry, LoyaltyVoucher
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import OrderStatus

TODAY = clock.in_paris(NOW).date()


def dashboards(session):
    return {
        c.email: loyalty.dashboard(session, c.id, TODAY) for c in session.exec(select(Customer))
    }


def test_one_member_per_tier_and_members_with_pending_loves(demo_session):
    views = dashboards(demo_session)
    assert {view["tier"] for view in views.values()} == set(rules.TIERS)
    assert sum(1 for view in views.values() if view["pending"]) >= 2
    assert all(view["available"] >= 0 for view in views.values())
    assert views["lea.martin@example.fr"]["available"] == 0  # the new member


def test_an_expired_and_a_valid_voucher(demo_session):
    vouchers = demo_session.exec(select(LoyaltyVoucher)).all()
    assert any(v.last_day < TODAY for v in vouchers) and any(v.last_day >= TODAY for v in vouchers)
    for voucher in vouchers:
        assert voucher.last_day == rules.voucher_last_day(voucher.issued_on)
        assert rules.reward_for(voucher.loves_spent) == voucher.amount_cents


def test_orders_placed_logged_in_earned_their_loves_once(demo_session):
    earning = demo_session.exec(
        select(Order).where(Order.placed_logged_in, Order.status != OrderStatus.CANCELLED)
    ).all()
    purchases = {e.reference: e for e in demo_session.exec(
        select(LovesEntry).where(LovesEntry.kind == "purchase"))}  # fmt: skip
    salon = {receipt for _, receipt, _, _ in demo_loyalty.SALON_PURCHASES}  # L1: in a salon
    assert set(purchases) - salon == {order.number for order in earning}
    for order in earning:
        assert purchases[order.number].loves == rules.loves_for_payment(order.total_cents)
        assert purchases[order.number].customer_id == order.customer_id


def test_the_demo_listing_tells_each_members_status_truly(demo_session):
    """`alme-portal demo list` says which member shows which tier and loves (L7, L11)."""
    views = dashboards(demo_session)
    customers = [a for a in demo.demo_listing()["accounts"] if a["role"] == "customer"]
    assert {account["tier"] for account in customers} == set(rules.TIERS)
    for account in customers:
        view, note = views[account["email"]], account["loyalty"]
        assert view["tier"] == account["tier"], account["email"]
        assert ("pending loves" in note) == bool(view["pending"]), account["email"]
        assert ("to spend" in note) == (view["available"] > 0), account["email"]
        assert ("expired voucher" in note) == any(v.last_day < TODAY for v in view["vouchers"])


def test_no_demo_member_ever_spent_loves_she_did_not_have(demo_session):
    """L5 held in the demo's past too: every month end of the chart is zero or more."""
    for customer in demo_session.exec(select(Customer)):
        balances = loyalty.dashboard(demo_session, customer.id, TODAY)["balances"]
        assert all(loves >= 0 for _, loves in balances), customer.email
