"""Every rule with a date in it, judged from each day of the week and around public holidays.

The rules count French working days (O3, O4, O7) or calendar days (R2, R3, L3, F3); either way
the answer must not change its meaning with the weekday the customer asks on. Each test runs
from the seven days of one week and from the day before, of and after 1 May, 14 July, Easter
Monday and 25 December (2026 and 2027, so that each holiday falls on a weekday and a weekend).
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from alme_portal.loyalty import rules as loyalty
from alme_portal.orders.rules import codes, delivery
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import is_working_day, working_days_before, working_days_between
from alme_portal.platform.vocabulary import CodeKind
from alme_portal.referral import rules as referral
from alme_portal.returns.rules import returns
from alme_portal.simulator import scenarios

WEEK = [date(2026, 6, 15) + timedelta(days=offset) for offset in range(7)]
"""Monday 15 to Sunday 21 June 2026."""
HOLIDAYS = [
    date(2026, 5, 1), date(2026, 7, 14), date(2026, 4, 6), date(2026, 12, 25),  # Fr Tu Mo Fr
    date(2027, 5, 1), date(2027, 7, 14), date(2027, 3, 29), date(2027, 12, 25),  # Sa We Mo Sa
]  # fmt: skip
AROUND_HOLIDAYS = sorted({day + timedelta(days=k) for day in HOLIDAYS for k in (-1, 0, 1)})
DAYS = WEEK + AROUND_HOLIDAYS
every_day = pytest.mark.parametrize("day", DAYS, ids=lambda day: f"{day:%a-%Y-%m-%d}")


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """An instant on `day`, Paris wall-clock time, as the database stores it (UTC)."""
    return datetime.combine(day, time(hour, minute), clock.PARIS).astimezone(UTC)


def test_the_days_cover_each_weekday_holidays_and_the_days_around_them():
    assert {day.weekday() for day in WEEK} == set(range(7))
    assert all(not is_working_day(day) for day in HOLIDAYS)
    assert {day.weekday() for day in HOLIDAYS} >= {0, 1, 2, 4, 5}


@every_day
def test_o3_an_in_stock_order_ships_the_next_working_day(day):
    for placed in (at(day, 0, 30), at(day, 10), at(day, 23, 30)):
        ships = delivery.expected_dispatch_date(placed, None)
        assert is_working_day(ships)
        assert working_days_between(day, ships) == 1


@every_day
def test_o3_a_preorder_ships_on_its_sheet_date_unless_that_date_is_past(day):
    sheet = day + timedelta(days=30)
    assert delivery.expected_dispatch_date(at(day), sheet) == sheet
    past = day - timedelta(days=3)
    assert delivery.expected_dispatch_date(at(day), past) == delivery.expected_dispatch_date(
        at(day), None
    )


@every_day
@pytest.mark.parametrize(
    ("method", "placed_hour", "window"),
    [
        ("colissimo", 10, settings.COLISSIMO_DELIVERY_WORKING_DAYS),
        ("mondial_relay", 10, settings.MONDIAL_RELAY_DELIVERY_WORKING_DAYS),
        ("chronopost", 10, settings.CHRONOPOST_DELIVERY_WORKING_DAYS),
        ("chronopost", settings.CHRONOPOST_CUTOFF_HOUR, (2, 3)),  # after the cut-off: one more
    ],
)
def test_o4_delivery_window_counts_working_days_from_the_dispatch_day(
    day, method, placed_hour, window
):
    first, last = delivery.delivery_window(method, at(day, 16), at(day, placed_hour))
    assert is_working_day(first) and is_working_day(last)
    assert (working_days_between(day, first), working_days_between(day, last)) == window


@every_day
def test_o7_tracking_is_silent_after_its_working_days_without_a_scan(day):
    quiet_days = settings.TRACKING_SILENT_AFTER_WORKING_DAYS
    assert delivery.tracking_is_silent(at(working_days_before(day, quiet_days), 18), day)
    assert not delivery.tracking_is_silent(at(working_days_before(day, quiet_days - 1), 9), day)
    assert not delivery.tracking_is_silent(at(day, 8), day)


@every_day
def test_o7_the_simulators_silent_parcel_is_six_working_days_quiet(day):
    story = scenarios.named_scenarios(at(day))[scenarios.LP_SILENT]
    last_scan = story.events[-1].at
    assert working_days_between(clock.in_paris(last_scan).date(), day) == 6
    assert is_working_day(clock.in_paris(last_scan).date())
    assert delivery.tracking_is_silent(last_scan, day)


@every_day
def test_r2_a_return_can_be_declared_until_14_calendar_days_after_delivery(day):
    def returnable(today: date) -> returns.LineEligibility:
        return returns.line_eligibility(
            delivered_at=at(day, 23, 50), ordered=1, already_returned=0, today=today
        )

    last_day = day + timedelta(days=settings.RETURN_WINDOW_DAYS)
    assert returnable(day).returnable_quantity == 1
    assert returnable(last_day).returnable_quantity == 1
    assert returnable(last_day).deadline == last_day
    closed = returnable(last_day + timedelta(days=1))
    assert (closed.returnable_quantity, closed.refusal) == (0, "returns.refused.window_closed")


@every_day
def test_r3_the_label_is_downloadable_14_days_counting_the_day_of_the_declaration(day):
    declared = at(day, 23, 30)
    last_day = day + timedelta(days=settings.LABEL_VALIDITY_DAYS - 1)
    assert (last_day - day).days + 1 == settings.LABEL_VALIDITY_DAYS  # as a friend's code (F3)
    assert returns.label_expires_on(declared) == last_day
    assert returns.label_available(declared, at(last_day, 23, 59))
    assert not returns.label_available(declared, at(last_day + timedelta(days=1), 0, 1))


@every_day
def test_l3_loves_stay_pending_18_calendar_days(day):
    entry = loyalty.purchase_entry("AL100001", 12_000, day)
    release = day + timedelta(days=settings.LOVES_PENDING_DAYS)
    waiting = loyalty.balance([entry], release - timedelta(days=1))
    assert (waiting.available, waiting.pending_total) == (0, entry.loves)
    released = loyalty.balance([entry], release)
    assert (released.available, released.pending_total) == (entry.loves, 0)


@every_day
@pytest.mark.parametrize(
    ("last_day_of", "valid_days"),
    [
        (referral.friend_code_last_day, settings.REFERRAL_FRIEND_CODE_DAYS),
        (referral.member_voucher_last_day, settings.REFERRAL_MEMBER_VOUCHER_DAYS),
    ],
    ids=["friend-code", "member-voucher"],
)
def test_f3_referral_codes_work_for_their_days_counting_the_day_given(day, last_day_of, valid_days):
    last_day = last_day_of(day)
    assert (last_day - day).days + 1 == valid_days
    code = codes.Code("AMIE-7Q2K9XPA", CodeKind.REFERRAL, valid_until=last_day, valid_from=day)
    basket = codes.Basket((("TS-WHT-S", 5_500),), "zoe@example.fr")

    def refusal(today: date) -> str | None:
        return codes.check_codes([code.text], {code.text: code}, basket, today)[0][1]

    assert refusal(day) is None and refusal(last_day) is None
    assert refusal(last_day + timedelta(days=1)) == "codes.expired"
