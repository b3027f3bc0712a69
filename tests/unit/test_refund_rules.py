"""Where refunded money goes (R5, R8-R12, L6), by example and for thousands of generated orders."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alme_portal.platform.vocabulary import RefundDestination
from alme_portal.refunds.rules import refunds
from alme_portal.refunds.rules.refunds import Instalment, Move, Paid

RECEIVED = date(2026, 12, 1)
CARD = Paid(1, "card", 20_000)
GIFT = Paid(2, "gift_card", 5_000)


def instalments(paid_count: int, each: int = 10_000) -> Paid:
    schedule = tuple(
        Instalment(
            n,
            RECEIVED + timedelta(days=30 * (n - paid_count) - (n <= paid_count)),
            each,
            "paid" if n <= paid_count else "scheduled",
        )
        for n in (1, 2, 3)
    )
    return Paid(3, "instalments_3", 3 * each, instalments=schedule)


def deferred(due: date, captured: bool = False) -> Paid:
    return Paid(4, "deferred_30", 12_000, captured=captured, due_date=due)


def plan(payments, amount, destination="original", **kwargs):
    return refunds.plan_refund(payments, amount, destination, RECEIVED, **kwargs)


# --- Examples, one per rule -----------------------------------------------------------------


def test_r8_credit_note_for_the_amount():
    moves = plan([CARD], 7_500, "credit_note")
    assert moves == [Move("new_credit_note", 7_500, 1)]
    assert refunds.new_balance_cents(moves) == 7_500


def test_r8_original_method_credits_the_card_back():
    assert plan([CARD], 7_500) == [Move("credit_back", 7_500, 1)]


def test_r9_gift_card_only_order_gets_a_new_gift_card_or_its_card_credited():
    assert plan([GIFT], 3_000, "credit_note") == [Move("new_gift_card", 3_000, 2)]
    assert plan([GIFT], 3_000) == [Move("credit_back", 3_000, 2)]


def test_r10_gift_card_first_up_to_what_it_paid_then_the_other_method():
    assert plan([CARD, GIFT], 7_000) == [
        Move("credit_back", 5_000, 2),
        Move("credit_back", 2_000, 1),
    ]
    assert plan([CARD, GIFT], 3_000) == [Move("credit_back", 3_000, 2)]


def test_r10_no_new_gift_card_when_a_gift_card_was_combined():
    moves = plan([CARD, GIFT], 7_000, "credit_note")
    assert {m.kind for m in moves} == {"new_credit_note"}
    assert refunds.new_balance_cents(moves) == 7_000


def test_r11_a_refund_below_what_is_owed_reduces_the_remaining_instalments():
    moves = plan([instalments(paid_count=1)], 5_001)
    assert moves == [
        Move("instalment_reduced", 2_501, 3, 2),
        Move("instalment_reduced", 2_500, 3, 3),
    ]


def test_r11_a_refund_above_what_is_owed_cancels_them_and_credits_the_excess():
    moves = plan([instalments(paid_count=1)], 25_000)
    cancelled = [Move("instalment_reduced", 10_000, 3, 2), Move("instalment_reduced", 10_000, 3, 3)]
    assert moves == [*cancelled, Move("credit_back", 5_000, 3)]
    after = refunds.after_refund([instalments(paid_count=1)], moves)[0]
    assert [i.status for i in after.instalments] == ["paid", "cancelled", "cancelled"]


def test_r11_an_instalment_due_before_the_return_arrived_was_charged():
    """Its stored status may lag: a due date on or before receipt means it was taken."""
    lagging = instalments(paid_count=1)
    stale = tuple(
        Instalment(
            i.sequence, RECEIVED - timedelta(days=40 - 20 * i.sequence), i.amount_cents, i.status
        )
        for i in lagging.instalments
    )
    paid = Paid(3, "instalments_3", 30_000, instalments=stale)  # 2 due on receipt, "scheduled"
    moves = plan([paid], 25_000)
    assert moves == [Move("instalment_reduced", 10_000, 3, 3), Move("credit_back", 15_000, 3)]


def test_r11_a_full_refund_cancels_future_instalments_and_refunds_the_paid_ones():
    moves = plan([instalments(paid_count=2)], 30_000)
    assert sum(m.amount_cents for m in moves if m.kind == "credit_back") == 20_000
    assert sum(m.amount_cents for m in moves if m.kind == "instalment_reduced") == 10_000


def test_r12_deferred_payment_received_before_the_deadline_is_not_charged():
    assert plan([deferred(RECEIVED)], 4_000) == [Move("not_charged", 4_000, 4)]


def test_r12_deferred_payment_received_after_the_deadline_is_credited_back():
    assert plan([deferred(RECEIVED - timedelta(days=1))], 4_000) == [Move("credit_back", 4_000, 4)]
    assert plan([deferred(RECEIVED, captured=True)], 4_000) == [Move("credit_back", 4_000, 4)]


def test_r12_money_not_charged_is_never_turned_into_a_credit_note():
    moves = plan([GIFT, deferred(RECEIVED)], 14_000, "credit_note")
    assert moves == [Move("not_charged", 12_000, 4), Move("new_credit_note", 2_000, 2)]


def test_r5_postage_of_a_self_shipped_return_is_paid_up_to_six_euros():
    assert plan([CARD, GIFT], 1_000, postage_cents=850)[-1] == Move("postage", 600, 1)
    moves = plan([CARD], 1_000, "credit_note", postage_cents=450)
    assert moves == [Move("new_credit_note", 1_000, 1), Move("postage", 450)]
    assert refunds.new_balance_cents(moves) == 1_450


def test_l6_partial_return_gives_back_what_the_items_cost_after_the_voucher():
    assert (
        refunds.refund_amount([4_000, 2_500], shipping_cents=590, order_fully_returned=False)
        == 6_500
    )
    assert (
        refunds.refund_amount([4_000, 2_500], shipping_cents=590, order_fully_returned=True)
        == 7_090
    )


@pytest.mark.parametrize(
    ("payments", "amount", "destination"),
    [
        ([CARD], 20_001, "original"),
        ([CARD], -1, "original"),
        ([CARD], 100, "cash"),
        ([Paid(1, "card", 20_000, refunded_cents=19_000)], 1_001, "credit_note"),
    ],
)
def test_refusing_more_than_was_paid_or_an_unknown_destination(payments, amount, destination):
    with pytest.raises(ValueError):
        plan(payments, amount, destination)


# --- Properties over generated orders ---------------------------------------------------------

METHODS = ["card", "paypal", "credit_note", "deferred_15", "deferred_30", "instalments_3"]


@st.composite
def orders(draw):
    """An order's payments: one method, optionally with a gift card (O10)."""
    total = draw(st.integers(min_value=100, max_value=200_000))
    with_gift = draw(st.booleans())
    gift = draw(st.integers(min_value=1, max_value=total)) if with_gift else 0
    method = draw(st.sampled_from(METHODS + ["gift_card"]))
    payments = [Paid(9, "gift_card", gift)] if gift else []
    rest = total - gift
    if method == "gift_card" or rest == 0:
        return [Paid(9, "gift_card", total)]
    if method == "instalments_3":
        shares = [rest // 3 + (1 if n < rest % 3 else 0) for n in range(3)]
        paid_count = draw(st.integers(min_value=1, max_value=3))
        schedule = tuple(
            Instalment(
                n + 1,
                RECEIVED + timedelta(days=30 * (n - 1)),
                share,
                "paid" if n < paid_count else "scheduled",
            )
            for n, share in enumerate(shares)
        )
        return [*payments, Paid(1, method, rest, instalments=schedule)]
    if method.startswith("deferred"):
        offset = draw(st.integers(min_value=-20, max_value=20))
        captured = offset < 0 and draw(st.booleans())
        return [
            *payments,
            Paid(1, method, rest, captured=captured, due_date=RECEIVED + timedelta(days=offset)),
        ]
    return [*payments, Paid(1, method, rest)]


def _given_back(payment: Paid, moves: list[Move]) -> int:
    return sum(
        m.amount_cents for m in moves if m.payment_id == payment.payment_id and m.kind != "postage"
    )


@settings(max_examples=3_000, deadline=None)
@given(
    orders(),
    st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=4),
    st.sampled_from(tuple(RefundDestination)),
    st.integers(min_value=0, max_value=2_000),
)
def test_refunds_balance_to_the_cent_and_never_exceed_a_payment(
    payments, shares, destination, postage
):
    """R8-R12 for thousands of orders and successive partial refunds."""
    total = sum(p.amount_cents for p in payments)
    state, moves_so_far = payments, []
    for share in shares:
        left = refunds.refundable(state, RECEIVED)
        amount = int(left * share)
        moves = refunds.plan_refund(state, amount, destination, RECEIVED, postage)
        money = sum(m.amount_cents for m in moves if m.kind != "postage")
        assert money == amount  # totals balance to the cent
        assert sum(m.amount_cents for m in moves if m.kind == "postage") in (0, min(postage, 600))
        assert all(m.amount_cents > 0 for m in moves)
        moves_so_far += moves
        state = refunds.after_refund(state, moves)
    for original, now in zip(payments, state, strict=True):
        back = _given_back(original, moves_so_far)
        assert back <= original.amount_cents  # no method gets back more than it paid
        if original.method == "gift_card":
            assert now.refunded_cents <= original.amount_cents  # nor a gift card
        if original.method == "instalments_3":
            assert all(i.amount_cents >= 0 for i in now.instalments)  # schedules stay whole
            assert all(
                (i.status == "cancelled") == (i.amount_cents == 0 and i.status != "paid")
                for i in now.instalments
            )
            kept = sum(i.amount_cents for i in now.instalments) - now.refunded_cents
            assert kept == original.amount_cents - back
    drawn = sum(_given_back(p, moves_so_far) for p in payments)
    assert refunds.refundable(state, RECEIVED) == total - drawn  # nothing lost, nothing twice


def test_r5_postage_of_an_uncharged_deferred_order_goes_into_a_credit_note():
    moves = plan([deferred(RECEIVED)], 4_000, postage_cents=800)
    assert moves == [Move("not_charged", 4_000, 4), Move("postage", 600)]
    assert refunds.new_balance_cents(moves) == 600
