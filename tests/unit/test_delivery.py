"""Rules O3, O4, O5 and O9: dispatch, delivery windows, customs and returned parcels."""

from datetime import UTC, date, datetime

import pytest

from alme_portal.orders.rules.delivery import (
    chronopost_serves,
    customs_may_apply,
    delivery_window,
    expected_dispatch_date,
    mondial_relay_serves,
    o9_refund_deadline,
    placed_before_chronopost_cutoff,
)
from alme_portal.platform import settings
from alme_portal.platform.clock import PARIS
from alme_portal.platform.vocabulary import ShippingMethod


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


MORNING_ORDER = paris(2026, 6, 15, 9, 0)


# --- O4: delivery windows -----------------------------------------------------------------


def test_o4_colissimo_takes_two_to_three_working_days():
    dispatched = paris(2026, 6, 15, 16, 0)  # Monday
    window = delivery_window("colissimo", dispatched, MORNING_ORDER)
    assert window == (date(2026, 6, 17), date(2026, 6, 18))


def test_o4_mondial_relay_takes_three_to_five_working_days():
    dispatched = paris(2026, 6, 15, 16, 0)  # Monday
    window = delivery_window("mondial_relay", dispatched, MORNING_ORDER)
    assert window == (date(2026, 6, 18), date(2026, 6, 22))


def test_o4_friday_dispatch_skips_the_weekend():
    dispatched = paris(2026, 6, 19, 11, 0)  # Friday
    assert delivery_window("colissimo", dispatched, MORNING_ORDER) == (
        date(2026, 6, 23),
        date(2026, 6, 24),
    )
    assert delivery_window("mondial_relay", dispatched, MORNING_ORDER) == (
        date(2026, 6, 24),
        date(2026, 6, 26),
    )
    assert delivery_window("chronopost", dispatched, paris(2026, 6, 19, 10, 0)) == (
        date(2026, 6, 22),
        date(2026, 6, 23),
    )


def test_o4_dispatch_before_armistice_day_skips_the_holiday():
    dispatched = paris(2026, 11, 10, 15, 0)  # Tuesday; 11 November is a holiday
    assert delivery_window("colissimo", dispatched, MORNING_ORDER) == (
        date(2026, 11, 13),
        date(2026, 11, 16),
    )
    placed = paris(2026, 11, 10, 9, 0)
    assert delivery_window("chronopost", dispatched, placed) == (
        date(2026, 11, 12),
        date(2026, 11, 13),
    )


def test_o4_dispatch_date_is_read_in_paris_time():
    # 22:30 UTC on Thursday is already Friday 00:30 in Paris (summer time).
    dispatched = datetime(2026, 6, 18, 22, 30, tzinfo=UTC)
    assert delivery_window("colissimo", dispatched, MORNING_ORDER) == (
        date(2026, 6, 23),
        date(2026, 6, 24),
    )


def test_o4_chronopost_before_and_at_the_cutoff_in_summer_time():
    dispatched = paris(2026, 7, 1, 17, 0)  # Wednesday
    before = paris(2026, 7, 1, 13, 59)
    at_cutoff = paris(2026, 7, 1, 14, 0)
    assert delivery_window("chronopost", dispatched, before) == (date(2026, 7, 2), date(2026, 7, 3))
    assert delivery_window("chronopost", dispatched, at_cutoff) == (
        date(2026, 7, 3),
        date(2026, 7, 6),
    )


def test_o4_chronopost_cutoff_given_in_utc_in_winter_and_summer():
    # Winter (UTC+1): 12:59 UTC is 13:59 in Paris, 13:00 UTC is 14:00.
    assert placed_before_chronopost_cutoff(datetime(2026, 1, 15, 12, 59, tzinfo=UTC))
    assert not placed_before_chronopost_cutoff(datetime(2026, 1, 15, 13, 0, tzinfo=UTC))
    # Summer (UTC+2): 11:59 UTC is 13:59 in Paris, 12:00 UTC is 14:00.
    assert placed_before_chronopost_cutoff(datetime(2026, 7, 1, 11, 59, tzinfo=UTC))
    assert not placed_before_chronopost_cutoff(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))


def test_o4_chronopost_cutoff_on_the_day_clocks_go_forward():
    # 29 March 2026 02:00 becomes 03:00: 12:30 UTC is 13:30 the day before but 14:30 that day.
    assert placed_before_chronopost_cutoff(datetime(2026, 3, 28, 12, 30, tzinfo=UTC))
    assert not placed_before_chronopost_cutoff(datetime(2026, 3, 29, 12, 30, tzinfo=UTC))
    dispatched = paris(2026, 3, 30, 10, 0)  # Monday
    late = datetime(2026, 3, 29, 12, 30, tzinfo=UTC)
    early = datetime(2026, 3, 29, 11, 30, tzinfo=UTC)  # 13:30 summer time
    assert delivery_window("chronopost", dispatched, early) == (
        date(2026, 3, 31),
        date(2026, 4, 1),
    )
    assert delivery_window("chronopost", dispatched, late) == (date(2026, 4, 1), date(2026, 4, 2))


def test_o4_only_chronopost_depends_on_the_order_time():
    dispatched = paris(2026, 6, 15, 16, 0)
    for method in ("colissimo", "mondial_relay"):
        morning = delivery_window(method, dispatched, paris(2026, 6, 15, 9, 0))
        evening = delivery_window(method, dispatched, paris(2026, 6, 15, 21, 0))
        assert morning == evening


def test_o4_accepts_the_enum_and_refuses_unknown_methods():
    dispatched = paris(2026, 6, 15, 16, 0)
    assert delivery_window(ShippingMethod.COLISSIMO, dispatched, MORNING_ORDER) == (
        delivery_window("colissimo", dispatched, MORNING_ORDER)
    )
    with pytest.raises(ValueError):
        delivery_window("ups", dispatched, MORNING_ORDER)


def test_o4_window_follows_the_setting(monkeypatch):
    monkeypatch.setattr(settings, "COLISSIMO_DELIVERY_WORKING_DAYS", (1, 1))
    dispatched = paris(2026, 6, 15, 16, 0)
    assert delivery_window("colissimo", dispatched, MORNING_ORDER) == (
        date(2026, 6, 16),
        date(2026, 6, 16),
    )


@pytest.mark.parametrize(
    ("country", "served"),
    [("FR", True), ("BE", True), ("be", True), (" fr ", True), ("LU", False), ("DE", False)],
)
def test_o4_mondial_relay_serves_france_and_belgium_only(country, served):
    assert mondial_relay_serves(country) is served


def test_o4_chronopost_serves_france_only():
    assert chronopost_serves("FR")
    assert not chronopost_serves("BE")


# --- O3: dispatch --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("placed_at", "expected"),
    [
        (paris(2026, 6, 15, 10, 0), date(2026, 6, 16)),  # Monday -> Tuesday
        (paris(2026, 6, 19, 18, 0), date(2026, 6, 22)),  # Friday evening -> Monday
        (paris(2026, 6, 20, 11, 0), date(2026, 6, 22)),  # Saturday -> Monday
        (paris(2026, 11, 10, 10, 0), date(2026, 11, 12)),  # over 11 November
        (datetime(2026, 6, 18, 23, 30, tzinfo=UTC), date(2026, 6, 22)),  # Friday in Paris
    ],
)
def test_o3_in_stock_orders_ship_the_next_working_day(placed_at, expected):
    assert expected_dispatch_date(placed_at, None) == expected


def test_o3_preorders_ship_on_their_product_sheet_date():
    placed = paris(2026, 6, 15, 10, 0)
    assert expected_dispatch_date(placed, date(2026, 9, 1)) == date(2026, 9, 1)


def test_o3_a_past_preorder_date_does_not_hold_the_order_back():
    placed = paris(2026, 6, 15, 10, 0)
    assert expected_dispatch_date(placed, date(2026, 6, 1)) == date(2026, 6, 16)


# --- O5: customs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "customs"),
    [
        ("FR", False),
        ("BE", False),
        ("de", False),
        ("IT ", False),
        ("CH", True),
        ("GB", True),
        ("US", True),
        ("NO", True),
    ],
)
def test_o5_customs_may_apply_outside_the_eu(country, customs):
    assert customs_may_apply(country) is customs


# --- O9: parcel back at the Atelier -----------------------------------------------------


def test_o9_refund_within_seven_working_days_of_receipt():
    assert o9_refund_deadline(date(2026, 6, 15)) == date(2026, 6, 24)


def test_o9_refund_deadline_skips_christmas_and_new_year():
    assert o9_refund_deadline(date(2026, 12, 24)) == date(2027, 1, 6)


def test_o9_receipt_time_is_read_in_paris():
    # Sunday 22:30 UTC is Monday 00:30 in Paris.
    received = datetime(2026, 6, 14, 22, 30, tzinfo=UTC)
    assert o9_refund_deadline(received) == date(2026, 6, 24)


def test_o9_deadline_follows_the_setting(monkeypatch):
    monkeypatch.setattr(settings, "O9_REFUND_WORKING_DAYS", 1)
    assert o9_refund_deadline(date(2026, 6, 19)) == date(2026, 6, 22)
