"""Almé Lovers rules (L1-L11) on an append-only ledger, with explicit days."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.rules import Entry
from alme_portal.platform import settings
from alme_portal.platform.calendar import add_months

PLACED = date(2026, 3, 2)


# --- L1, L3, L8: loves of a purchase --------------------------------------------------------


@pytest.mark.parametrize(
    ("paid_cents", "loves"),
    [(0, 0), (9, 0), (10, 1), (99, 9), (100, 10), (12_345, 1_234), (26_090, 2_609)],
)
def test_l1_ten_loves_per_euro_actually_paid(paid_cents, loves):
    assert loyalty.loves_for_payment(paid_cents) == loves


def test_l8_no_cap_on_earning():
    assert loyalty.loves_for_payment(10_000_000_00) == 100_000_000


def test_l1_a_negative_payment_is_refused():
    with pytest.raises(ValueError):
        loyalty.loves_for_payment(-1)


def test_l3_purchase_loves_are_pending_18_calendar_days():
    entry = loyalty.purchase_entry("AL100101", 26_090, PLACED)
    assert entry.available_on == date(2026, 3, 20) == PLACED + timedelta(days=18)
    day_before = loyalty.balance([entry], date(2026, 3, 19))
    assert day_before.available == 0
    assert day_before.pending == ((date(2026, 3, 20), 2_609),)
    released = loyalty.balance([entry], date(2026, 3, 20))
    assert (released.available, released.pending) == (2_609, ())


# --- L4: returns within the pending days ----------------------------------------------------


def test_l4_full_return_within_18_days_earns_nothing():
    purchase = loyalty.purchase_entry("AL100101", 26_090, PLACED)
    taken = loyalty.return_entry(purchase, 26_090, 26_090, PLACED + timedelta(days=10))
    assert taken.loves == -2_609 and taken.available_on == purchase.available_on
    for day in (PLACED + timedelta(days=10), PLACED + timedelta(days=30)):
        result = loyalty.balance([purchase, taken], day)
        assert (result.available, result.pending_total) == (0, 0)


def test_l4_partial_return_shrinks_pending_loves_in_proportion():
    purchase = loyalty.purchase_entry("AL100101", 20_000, PLACED)  # 2,000 loves
    taken = loyalty.return_entry(purchase, 20_000, 5_000, PLACED + timedelta(days=5))
    assert taken.loves == -500
    assert loyalty.balance([purchase, taken], PLACED + timedelta(days=18)).available == 1_500


def test_l4_partial_return_rounds_what_is_kept_down():
    purchase = loyalty.purchase_entry("AL100101", 10_000, PLACED)  # 1,000 loves
    taken = loyalty.return_entry(purchase, 10_000, 3_333, PLACED)
    assert 1_000 + taken.loves == 1_000 * 6_667 // 10_000 == 666


def test_l4_a_return_after_the_release_takes_nothing_back():
    purchase = loyalty.purchase_entry("AL100101", 10_000, PLACED)
    assert loyalty.return_entry(purchase, 10_000, 10_000, purchase.available_on) is None


def test_l4_nothing_refunded_takes_nothing_back():
    purchase = loyalty.purchase_entry("AL100101", 10_000, PLACED)
    assert loyalty.return_entry(purchase, 10_000, 0, PLACED) is None


@given(
    paid=st.integers(min_value=1, max_value=5_000_00),
    refunds=st.lists(st.integers(min_value=0, max_value=5_000_00), max_size=4),
)
def test_l4_the_ledger_never_takes_back_more_than_was_earned(paid, refunds):
    purchase = loyalty.purchase_entry("AL100101", paid, PLACED)
    entries, refunded = [purchase], 0
    for refund in refunds:
        refunded = min(paid, refunded + refund)
        taken_before = sum(entry.loves for entry in entries[1:])
        taken = loyalty.return_entry(purchase, paid, refunded, PLACED, taken_before)
        entries += [taken] if taken else []
    total = loyalty.balance(entries, PLACED + timedelta(days=18)).available
    assert total == purchase.loves * (paid - refunded) // paid
    assert 0 <= total <= purchase.loves


# --- L2: missions ---------------------------------------------------------------------------


def test_l2_each_mission_earns_its_loves_once():
    first = loyalty.mission_entry("instagram", [], PLACED)
    assert (first.kind, first.loves, first.available_on) == ("mission", 200, PLACED)
    assert loyalty.mission_entry("instagram", ["instagram"], PLACED) is None
    assert loyalty.mission_entry("birthday", ["instagram"], PLACED).loves == 100


def test_l2_unknown_mission_earns_nothing():
    assert loyalty.mission_entry("follow-on-myspace", [], PLACED) is None


def test_l2_missions_come_from_settings(monkeypatch):
    monkeypatch.setattr(settings, "LOYALTY_MISSIONS", (*settings.LOYALTY_MISSIONS, ("tiktok", 50)))
    assert loyalty.mission_entry("tiktok", [], PLACED).loves == 50


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1991-05-14", date(1991, 5, 14)), ("2013-03-02", date(2013, 3, 2)), ("2013-03-03", None),
     ("1906-03-02", date(1906, 3, 2)), ("1905-03-02", None), ("1991-02-30", None),
     ("14/05/1991", None), ("", None), (None, None), (19910514, None)],
)  # fmt: skip
def test_l2_birthday_must_be_a_real_plausible_date(typed, expected):
    assert loyalty.plausible_birthday(typed, PLACED) == expected


# --- L5: rewards and vouchers ---------------------------------------------------------------


def test_l5_rewards_she_can_afford_cheapest_first():
    assert loyalty.affordable_rewards(499) == []
    assert loyalty.affordable_rewards(1_000) == [(500, 500), (1_000, 1_200)]


def test_l5_redemption_spends_loves_she_has_on_a_catalogue_reward():
    spent = loyalty.redemption_entry(1_000, 1_200, "LOVE-ABCD", PLACED)
    assert (spent.kind, spent.loves, spent.reference) == ("redemption", -1_000, "LOVE-ABCD")
    assert loyalty.redemption_entry(1_000, 999, "LOVE-ABCD", PLACED) is None  # cannot afford
    assert loyalty.redemption_entry(700, 5_000, "LOVE-ABCD", PLACED) is None  # not a reward


def test_l5_pending_loves_cannot_be_spent():
    purchase = loyalty.purchase_entry("AL100101", 100_000, PLACED)
    available = loyalty.balance([purchase], PLACED + timedelta(days=1)).available
    assert loyalty.redemption_entry(500, available, "LOVE-ABCD", PLACED) is None


@pytest.mark.parametrize(
    ("issued", "last_day"),
    [(date(2026, 1, 15), date(2026, 4, 14)), (date(2026, 11, 30), date(2027, 2, 27)),
     (date(2026, 12, 1), date(2027, 2, 28)), (date(2027, 11, 30), date(2028, 2, 28))],
)  # fmt: skip
def test_l5_voucher_is_valid_three_months(issued, last_day):
    assert loyalty.voucher_last_day(issued) == last_day


# --- L7: tiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spend", "tier"),
    [(0, "flirt"), (39_999, "flirt"), (40_000, "crush"), (129_999, "crush"),
     (130_000, "in_love"), (10_000_000, "in_love")],
)  # fmt: skip
def test_l7_tier_by_spend(spend, tier):
    assert loyalty.tier_for_spend(spend) == tier


def test_l7_spend_counts_the_last_12_months_only():
    purchases = [(date(2025, 3, 2), 50_000), (date(2025, 3, 3), 10_000), (date(2026, 1, 5), 5_000)]
    assert loyalty.spend_in_window(purchases, date(2026, 3, 2)) == 15_000
    assert loyalty.spend_in_window(purchases, date(2026, 3, 1)) == 65_000


def test_l7_tier_is_kept_one_year_from_the_day_it_was_reached():
    purchases = [(date(2025, 6, 10), 45_000)]  # Crush reached on 10 June 2025
    assert loyalty.current_tier(purchases, date(2025, 6, 9)) == "flirt"
    assert loyalty.current_tier(purchases, date(2025, 6, 10)) == "crush"
    assert loyalty.current_tier(purchases, date(2026, 6, 9)) == "crush"
    assert loyalty.tier_kept_until(purchases, date(2026, 1, 1)) == date(2026, 6, 9)
    assert loyalty.current_tier(purchases, date(2026, 6, 10)) == "flirt"
    assert loyalty.tier_kept_until(purchases, date(2026, 6, 10)) is None


def test_l7_spending_again_keeps_the_tier_a_year_from_then():
    purchases = [(date(2025, 6, 10), 45_000), (date(2026, 5, 1), 1_000)]  # still above €400
    assert loyalty.current_tier(purchases, date(2027, 4, 30)) == "crush"
    assert loyalty.current_tier(purchases, date(2027, 5, 1)) == "flirt"


def test_l7_in_love_reached_in_steps_and_held():
    purchases = [(date(2026, 1, 5), 80_000), (date(2026, 4, 5), 60_000)]
    assert loyalty.current_tier(purchases, date(2026, 2, 1)) == "crush"
    assert loyalty.current_tier(purchases, date(2026, 4, 5)) == "in_love"
    assert loyalty.tier_reached_days(purchases) == {"crush": date(2026, 4, 5),
                                                    "in_love": date(2026, 4, 5)}  # fmt: skip
    # Spend falls under €1,300 when January leaves the window; In Love is held a year.
    assert loyalty.current_tier(purchases, date(2027, 4, 4)) == "in_love"
    assert loyalty.current_tier(purchases, date(2027, 4, 5)) == "flirt"


def _tier_by_definition(purchases, today):
    """L7 word for word: each purchase day's 12-month spend, kept a year from that day."""

    def spend(day):
        start = add_months(day, -12)
        return sum(cents for d, cents in purchases if start < d <= day)

    kept = [
        loyalty.tier_for_spend(spend(day))
        for day, _ in purchases
        if day <= today < add_months(day, 12)
    ]
    return max([loyalty.tier_for_spend(spend(today)), *kept], key=loyalty.TIERS.index)


TODAYS = st.dates(date(2024, 1, 1), date(2028, 6, 30))


@st.composite
def _purchases_before(draw, today):
    """Purchases on and around month ends before `today`, where the windows' edges fall."""
    months = st.integers(0, 30).map(lambda back: add_months(today, -back))
    days = st.builds(lambda day, shift: day + timedelta(days=shift), months, st.integers(-2, 2))
    return draw(st.lists(st.tuples(days, st.integers(0, 90_000)), max_size=20))


@given(st.data(), TODAYS)
def test_l7_tier_status_matches_the_rule_as_written(data, today):
    purchases = data.draw(_purchases_before(today))
    status = loyalty.tier_status(purchases, today)
    assert status.tier == _tier_by_definition(purchases, today)
    assert status.spend_cents == loyalty.spend_in_window(purchases, today)
    if status.kept_until is not None:  # with no purchase after today
        past = [p for p in purchases if p[0] <= today]
        assert _tier_by_definition(past, status.kept_until) == status.tier
        assert _tier_by_definition(past, status.kept_until + timedelta(days=1)) != status.tier


def test_l7_a_purchase_almost_two_years_ago_can_still_hold_the_tier_today():
    # Crush reached on 6 Dec 2025 with a purchase of 7 Dec 2024 in its window; kept a year.
    purchases = [(date(2024, 12, 7), 30_000), (date(2025, 12, 6), 10_000)]
    today = date(2026, 12, 5)
    assert loyalty.tier_status(purchases, today) == loyalty.TierStatus("crush", 10_000, today)
    assert loyalty.tier_horizon(today) <= date(2024, 12, 7)


@given(st.data(), TODAYS)
def test_l7_purchases_before_the_horizon_do_not_change_the_tier(data, today):
    purchases = data.draw(_purchases_before(today))
    horizon = loyalty.tier_horizon(today)
    recent = [p for p in purchases if p[0] >= horizon]
    assert loyalty.tier_status(recent, today) == loyalty.tier_status(purchases, today)


def test_l7_crossing_thresholds_names_each_welcome():
    assert loyalty.newly_reached("flirt", "in_love") == ["crush", "in_love"]
    assert loyalty.newly_reached("crush", "crush") == []


def test_l11_what_is_missing_for_the_next_tier():
    assert loyalty.next_tier(0) == ("crush", 40_000)
    assert loyalty.next_tier(100_000) == ("in_love", 30_000)
    assert loyalty.next_tier(130_000) is None


# --- L9: claims -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order_email", "counted", "cancelled", "refusal"),
    [(" Camille@Example.fr", False, False, None),
     ("ines@example.fr", False, False, "loyalty.claim.email"),
     ("camille@example.fr", True, False, "loyalty.claim.counted"),
     ("camille@example.fr", False, True, "loyalty.claim.cancelled")],
)  # fmt: skip
def test_l9_claim_checked_against_the_orders_email(order_email, counted, cancelled, refusal):
    outcome = loyalty.claim_refusal(order_email=order_email, given_email="camille@example.FR ",
                                    counted=counted, cancelled=cancelled)  # fmt: skip
    assert outcome == refusal


def test_l9_claimed_loves_wait_for_the_orders_own_release_day():
    recent = loyalty.claim_entry("AL100120", 7_090, PLACED, PLACED + timedelta(days=10))
    assert (recent.kind, recent.loves, recent.available_on) == ("claim", 709, date(2026, 3, 20))
    old = loyalty.claim_entry("AL100120", 7_090, PLACED, PLACED + timedelta(days=40))
    assert old.available_on == old.recorded_on == PLACED + timedelta(days=40)


def test_l4_a_return_takes_back_pending_claimed_loves_too():
    claim = loyalty.claim_entry("AL100120", 10_000, PLACED, PLACED + timedelta(days=3))
    taken = loyalty.return_entry(claim, 10_000, 10_000, PLACED + timedelta(days=9))
    assert taken.loves == -1_000 and taken.kind == "return"


# --- L10: leaving ---------------------------------------------------------------------------


def test_l10_leaving_cancels_available_and_pending_loves():
    today = PLACED + timedelta(days=20)
    entries = [
        loyalty.purchase_entry("AL100101", 10_000, PLACED),  # 1,000, released
        loyalty.mission_entry("instagram", [], PLACED),  # 200
        loyalty.redemption_entry(500, 1_200, "LOVE-A", today),  # -500
        loyalty.purchase_entry("AL100150", 30_000, today - timedelta(days=2)),  # 3,000 pending
    ]
    cancelled = loyalty.leave_entries(entries, today)
    after = loyalty.balance([*entries, *cancelled], today)
    assert (after.available, after.pending) == (0, ())
    later = loyalty.balance([*entries, *cancelled], today + timedelta(days=30))
    assert (later.available, later.pending) == (0, ())
    assert loyalty.leave_entries([*entries, *cancelled], today) == []


@given(
    st.lists(
        st.tuples(st.integers(min_value=-5_000, max_value=5_000),
                  st.integers(min_value=0, max_value=60)),
        max_size=20,
    )
)  # fmt: skip
def test_l11_balance_is_always_the_sum_of_the_ledger(rows):
    today = PLACED + timedelta(days=30)
    entries = [Entry("purchase", loves, PLACED, PLACED + timedelta(days=offset))
               for loves, offset in rows]  # fmt: skip
    result = loyalty.balance(entries, today)
    assert result.available + result.pending_total == sum(loves for loves, _ in rows)
    assert all(day > today for day, _ in result.pending)
