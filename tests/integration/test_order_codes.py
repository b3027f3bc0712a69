"""Codes on orders from the shop (O11, L5, R8): checked once, used once, or the order refused."""

from conftest import NOW
from sqlmodel import func, select
from test_order_feed import event, order_data

from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import feed as order_feed
from alme_portal.platform import clock
from alme_portal.refunds.models.refunds import StoredValue
from alme_portal.refunds.services import stored_values

SUBTOTAL = 2 * 5500 + 18900
TOTAL = SUBTOTAL + 590


def place(session, number, event_id, **overrides):
    with clock.use_clock(NOW):
        outcome = order_feed.apply_feed_event(
            session, event("order.created", order_data(number=number, **overrides), event_id)
        )
    session.commit()
    return outcome


def card(amount):
    return {"method": "card", "amount_cents": amount, "card_brand": "Visa", "card_last4": "4242"}


def credit_note(code, amount):
    return {"method": "credit_note", "amount_cents": amount, "credit_note_code": code}


def orders(session):
    return session.exec(select(func.count()).select_from(Order)).one()


def test_r8_a_credit_note_pays_orders_until_empty_and_never_more(demo_session):
    """O10 pairs it with a gift card at most; R8: spent over several orders."""
    with clock.use_clock(NOW):
        note = stored_values.issue(
            demo_session, "credit_note", email="alice.martin@example.fr", cents=40_000
        )
    demo_session.commit()
    paid = place(demo_session, "AL300001", "evt-cn-1", payments=[credit_note(note.code, TOTAL)])
    assert paid.status == "done", paid.detail
    assert demo_session.get(StoredValue, note.id).balance_cents == 40_000 - TOTAL
    before = orders(demo_session)
    gift = {"method": "gift_card", "amount_cents": 10_000, "gift_card_code": "GIFT-SHOP-1"}
    refused = place(
        demo_session,
        "AL300002",
        "evt-cn-2",
        payments=[gift, credit_note(note.code, TOTAL - 10_000)],
    )
    assert refused.status == "invalid" and "codes.balance" in refused.detail
    assert orders(demo_session) == before  # the whole order is refused, nothing written
    assert demo_session.get(StoredValue, note.id).balance_cents == 40_000 - TOTAL


def test_l5_a_loyalty_voucher_is_hers_and_used_once(demo_session):
    voucher = {
        "discount_cents": 500,
        "discount_code": "LOVE-DEMO3NEW",
        "discount_kind": "loyalty_voucher",
        "total_cents": TOTAL - 500,
        "payments": [card(TOTAL - 500)],
    }
    stranger = place(demo_session, "AL300003", "evt-v-1", **voucher)
    assert stranger.status == "invalid" and "codes.not_yours" in stranger.detail
    camille = {**voucher, "email": "Camille.Moreau@example.fr"}
    assert place(demo_session, "AL300004", "evt-v-2", **camille).status == "done"
    used = demo_session.exec(
        select(LoyaltyVoucher).where(LoyaltyVoucher.code == "LOVE-DEMO3NEW")
    ).one()
    assert (
        used.used_order_id
        == demo_session.exec(select(Order.id).where(Order.number == "AL300004")).one()
    )
    again = place(demo_session, "AL300005", "evt-v-3", **camille)
    assert again.status == "invalid" and "codes.used" in again.detail


def test_l5_an_expired_voucher_is_refused_and_a_shop_coupon_passes(demo_session):
    expired = {
        "discount_cents": 1_200,
        "discount_code": "LOVE-DEMO2OLD",
        "discount_kind": "loyalty_voucher",
        "total_cents": TOTAL - 1_200,
        "email": "camille.moreau@example.fr",
        "payments": [card(TOTAL - 1_200)],
    }
    outcome = place(demo_session, "AL300006", "evt-v-4", **expired)
    assert outcome.status == "invalid" and "codes.expired" in outcome.detail
    coupon = {**expired, "discount_code": "WINTER10", "discount_kind": "coupon"}
    assert place(demo_session, "AL300007", "evt-c-1", **coupon).status == "done"


def test_a_credit_note_typed_as_a_discount_is_refused(demo_session):
    with clock.use_clock(NOW):
        note = stored_values.issue(
            demo_session, "credit_note", email="alice.martin@example.fr", cents=1_000
        )
    demo_session.commit()
    misuse = {
        "discount_cents": 1_000,
        "discount_code": note.code,
        "discount_kind": "coupon",
        "total_cents": TOTAL - 1_000,
        "payments": [card(TOTAL - 1_000)],
    }
    outcome = place(demo_session, "AL300008", "evt-cn-3", **misuse)
    assert outcome.status == "invalid" and "codes.wrong_field" in outcome.detail
    assert demo_session.get(StoredValue, note.id).balance_cents == 1_000
