"""Which news about a parcel is e-mailed (O4 late, O7 silent, O9 returned, relay, out today)."""

from datetime import UTC, date, datetime

import pytest

from alme_portal.orders.rules.notifications import ParcelNews, parcel_news

WEDNESDAY = date(2026, 11, 25)
SCAN = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday, 10:00 in Paris


@pytest.mark.parametrize(
    ("status", "news"),
    [
        ("returning_to_sender", ParcelNews.RETURNED),
        ("returned_to_sender", ParcelNews.RETURNED),
        ("available_for_pickup", ParcelNews.AT_RELAY),
        ("out_for_delivery", ParcelNews.OUT_FOR_DELIVERY),
        ("delivered", None),
        ("in_transit", None),
        ("label_created", None),
    ],
)
def test_o4_o9_the_carriers_status_decides_first(status, news):
    late = date(2026, 11, 20)  # even past the window: the status says more
    assert parcel_news(status, SCAN, late if news else WEDNESDAY, WEDNESDAY) == news


def test_o4_late_only_the_day_after_the_windows_last_day():
    assert parcel_news("in_transit", SCAN, WEDNESDAY, WEDNESDAY) is None
    assert parcel_news("in_transit", SCAN, WEDNESDAY, date(2026, 11, 26)) == ParcelNews.LATE


def test_o4_a_delivered_parcel_past_its_window_is_not_late():
    assert parcel_news("delivered", SCAN, date(2026, 11, 1), WEDNESDAY) is None


def test_o7_silent_after_the_quiet_working_days_counted_across_a_weekend():
    friday_scan = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    window_end = date(2026, 12, 31)
    assert parcel_news("in_transit", friday_scan, window_end, date(2026, 11, 24)) is None
    assert parcel_news("in_transit", friday_scan, window_end, date(2026, 11, 25)) == (
        ParcelNews.SILENT
    )  # Mon, Tue, Wed: 3 working days without a scan
    assert parcel_news("in_transit", None, window_end, date(2026, 11, 25)) is None
