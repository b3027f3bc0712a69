"""Rules R2-R5, R7, R13 and E2-E7 in plain Python: eligibility, methods, exchange money."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alme_portal.returns.rules import exchange, returns

# Delivered on Monday 16 November 2026 at 23:30 Paris time (22:30 UTC): the Paris date counts.
DELIVERED = datetime(2026, 11, 16, 22, 30, tzinfo=UTC)


def eligibility(today, delivered_at=DELIVERED, ordered=2, already_returned=0):
    return returns.line_eligibility(
        delivered_at=delivered_at, ordered=ordered, already_returned=already_returned, today=today
    )


def test_r2_window_is_14_days_after_the_paris_delivery_date():
    assert returns.return_deadline(DELIVERED) == date(2026, 11, 30)
    assert eligibility(date(2026, 11, 30)) == returns.LineEligibility(2, None, date(2026, 11, 30))
    closed = eligibility(date(2026, 12, 1))
    assert (closed.returnable_quantity, closed.refusal) == (0, "returns.refused.window_closed")


def test_r2_late_evening_delivery_counts_from_the_paris_day():
    late_utc_same_paris_day = datetime(2026, 11, 16, 22, 59, tzinfo=UTC)  # 23:59 in Paris
    next_paris_day = datetime(2026, 11, 16, 23, 1, tzinfo=UTC)  # 00:01 on the 17th
    assert returns.return_deadline(late_utc_same_paris_day) == date(2026, 11, 30)
    assert returns.return_deadline(next_paris_day) == date(2026, 12, 1)


def test_r2_not_delivered_yet_cannot_be_returned():
    refused = eligibility(date(2026, 11, 20), delivered_at=None)
    assert refused == returns.LineEligibility(0, "returns.refused.not_delivered", None)


@pytest.mark.parametrize(
    ("ordered", "already", "left", "refusal"),
    [(2, 0, 2, None), (2, 1, 1, None), (2, 2, 0, "returns.refused.already_returned"),
     (1, 3, 0, "returns.refused.already_returned")],
)  # fmt: skip
def test_r2_quantity_already_returned_is_deducted(ordered, already, left, refusal):
    result = eligibility(date(2026, 11, 20), ordered=ordered, already_returned=already)
    assert (result.returnable_quantity, result.refusal) == (left, refusal)


def test_r13_exchange_order_lines_follow_the_same_window():
    # line_eligibility takes no order kind: an exchange order's line is judged like any other.
    assert eligibility(date(2026, 11, 18), ordered=1).returnable_quantity == 1


def test_r7_defect_reasons_are_the_first_four_and_marked():
    assert returns.REASONS[:4] == returns.DEFECT_REASONS
    assert all(returns.is_defect(reason) for reason in returns.DEFECT_REASONS)
    assert not any(returns.is_defect(reason) for reason in returns.OTHER_REASONS)
    assert not returns.is_defect("forged")
    assert len(set(returns.REASONS)) == len(returns.REASONS) >= 8


@pytest.mark.parametrize(
    ("country", "methods"),
    [("FR", ("mondial_relay", "store")), ("BE", ("mondial_relay", "store")),
     ("DE", ("self_ship", "store")), ("CH", ("self_ship", "store")),
     ("GB", ("self_ship", "store"))],
)  # fmt: skip
def test_r4_r5_methods_depend_on_mondial_relay_countries(country, methods):
    assert returns.return_methods(country) == methods


@pytest.mark.parametrize(
    ("postage", "back"), [(0, 0), (450, 450), (600, 600), (1290, 600), (-5, 0)]
)
def test_r5_self_ship_is_reimbursed_up_to_6_euros(postage, back):
    assert returns.self_ship_reimbursement_cents(postage) == back


def test_r3_label_downloadable_for_14_days_from_declaration():
    declared = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert returns.label_expires_on(declared) == date(2026, 12, 8)
    assert returns.label_available(declared, datetime(2026, 12, 8, 22, 59, tzinfo=UTC))
    assert not returns.label_available(declared, datetime(2026, 12, 8, 23, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("returned", "wanted", "kind"),
    [((1, "Ink", "S"), (1, "Ink", "M"), "size_exchange"),
     ((1, "Ink", "S"), (1, "Sage", "S"), "product_exchange"),  # E2: another colour
     ((1, "Ink", "S"), (1, "Sage", "M"), "product_exchange"),
     ((1, "Ink", "S"), (2, "Ink", "S"), "product_exchange"),
     ((1, "Ink", "S"), (1, "Ink", "S"), None)],
)  # fmt: skip
def test_e2_size_exchange_keeps_reference_and_colour(returned, wanted, kind):
    assert exchange.exchange_kind(returned, wanted) == kind


@pytest.mark.parametrize("new_price", [0, 9_000, 12_000, 15_000])
def test_e3_size_exchange_keeps_the_price_paid(new_price):
    quote = exchange.quote_exchange("size_exchange", 12_000, new_price)
    assert (quote.to_pay_cents, quote.to_refund_cents, quote.shipping_cents) == (0, 0, 0)


def test_e4_product_exchange_pays_or_refunds_the_difference():
    dearer = exchange.quote_exchange("product_exchange", 12_000, 18_900)
    cheaper = exchange.quote_exchange("product_exchange", 12_000, 5_500)
    same = exchange.quote_exchange("product_exchange", 12_000, 12_000)
    assert (dearer.to_pay_cents, dearer.to_refund_cents) == (6_900, 0)
    assert (cheaper.to_pay_cents, cheaper.to_refund_cents) == (0, 6_500)
    assert (same.to_pay_cents, same.to_refund_cents) == (0, 0)


def test_e6_exchange_shipping_is_free():
    assert exchange.quote_exchange("product_exchange", 100, 5_000).shipping_cents == 0


@pytest.mark.parametrize("bad", [("refund", 1, 1), ("size_exchange", -1, 1), ("forged", 1, 1)])
def test_e4_quote_refuses_nonsense(bad):
    with pytest.raises(ValueError):
        exchange.quote_exchange(*bad)


@given(
    paid=st.integers(min_value=0, max_value=10_000_000),
    new=st.integers(min_value=0, max_value=10_000_000),
)
def test_e4_difference_is_exact_to_the_cent(paid, new):
    quote = exchange.quote_exchange("product_exchange", paid, new)
    assert paid + quote.to_pay_cents - quote.to_refund_cents == new
    assert min(quote.to_pay_cents, quote.to_refund_cents) == 0


@given(
    unit=st.integers(min_value=0, max_value=1_000_000),
    quantity=st.integers(min_value=1, max_value=20),
    data=st.data(),
)
def test_unit_prices_paid_add_up_to_the_line_total(unit, quantity, data):
    discount = data.draw(st.integers(min_value=0, max_value=unit * quantity))
    prices = exchange.unit_prices_paid(unit, discount, quantity)
    assert sum(prices) == unit * quantity - discount
    assert max(prices) - min(prices) <= 1 and prices == sorted(prices, reverse=True)


def test_e5_exchange_needs_stock():
    assert exchange.can_exchange_for(1) and not exchange.can_exchange_for(0)


def test_e7_exchange_arrives_7_to_14_working_days_after_drop_off():
    # Friday 18 December 2026: Christmas and New Year's Day are not working days.
    assert exchange.exchange_arrival_window(date(2026, 12, 18)) == (
        date(2026, 12, 30),
        date(2027, 1, 11),
    )


def test_withdrawal_period_runs_until_14_days_after_the_last_delivery():
    later = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert returns.withdrawal_open(cancelled=False, delivered=[None], today=date(2026, 11, 20))
    assert returns.withdrawal_open(
        cancelled=False, delivered=[DELIVERED, None], today=date(2027, 3, 1)
    )
    assert returns.withdrawal_open(
        cancelled=False, delivered=[DELIVERED, later], today=date(2026, 12, 4)
    )
    assert not returns.withdrawal_open(
        cancelled=False, delivered=[DELIVERED, later], today=date(2026, 12, 5)
    )
    assert not returns.withdrawal_open(cancelled=True, delivered=[None], today=date(2026, 11, 20))
    assert not returns.withdrawal_open(cancelled=False, delivered=[], today=date(2026, 11, 20))


@pytest.mark.parametrize(
    ("methods", "refund", "key"),
    [(["card"], "credit_note", "returns.money.credit_note"),  # R8
     (["card"], "original", "returns.money.original"),  # R8
     (["paypal"], "original", "returns.money.original"),
     (["gift_card"], "original", "returns.money.gift_card"),  # R9
     (["gift_card"], "credit_note", "returns.money.credit_note"),  # R9
     (["gift_card", "card"], "original", "returns.money.gift_card_first"),  # R10
     (["instalments_3"], "original", "returns.money.instalments"),  # R11
     (["deferred_30"], "original", "returns.money.deferred"),  # R12
     (["card"], None, "returns.money.exchange")],
)  # fmt: skip
def test_r8_to_r12_money_timing_depends_on_the_payment(methods, refund, key):
    assert returns.money_timing_key(methods, refund) == key
