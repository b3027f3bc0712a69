"""French working days: Monday to Friday, French public holidays excluded."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alme_portal.platform.calendar import (
    add_working_days,
    easter_sunday,
    french_public_holidays,
    is_working_day,
    next_working_day,
    working_days_before,
    working_days_between,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1943, date(1943, 4, 25)),  # latest possible
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),  # earliest possible
    ],
)
def test_easter_sunday_follows_the_gregorian_computus(year, easter):
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_french_public_holidays_of_2026():
    assert french_public_holidays(2026) == {
        date(2026, 1, 1),
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),  # Ascension Thursday
        date(2026, 5, 25),  # Whit Monday
        date(2026, 7, 14),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
    }


def test_movable_holidays_follow_easter_in_2025():
    holidays = french_public_holidays(2025)
    assert {date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9)} <= holidays
    assert len(holidays) == 11


def test_changing_the_returned_holidays_does_not_change_the_calendar():
    french_public_holidays(2026).add(date(2026, 6, 15))
    assert date(2026, 6, 15) not in french_public_holidays(2026)
    assert is_working_day(date(2026, 6, 15))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 6, 15), True),  # Monday
        (date(2026, 6, 19), True),  # Friday
        (date(2026, 6, 20), False),  # Saturday
        (date(2026, 6, 21), False),  # Sunday
        (date(2026, 11, 11), False),  # Armistice, a Wednesday
        (date(2026, 5, 14), False),  # Ascension Thursday
        (date(2025, 4, 21), False),  # Easter Monday
        (date(2026, 12, 24), True),  # Christmas Eve is worked
        (date(2026, 12, 25), False),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 6, 15), 1, date(2026, 6, 16)),  # start itself is not counted
        (date(2026, 6, 19), 1, date(2026, 6, 22)),  # Friday to Monday
        (date(2026, 6, 20), 1, date(2026, 6, 22)),  # from a Saturday
        (date(2026, 6, 15), 5, date(2026, 6, 22)),
        (date(2026, 11, 10), 1, date(2026, 11, 12)),  # skips 11 November
        (date(2026, 12, 24), 2, date(2026, 12, 29)),  # skips Christmas and the weekend
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # New Year then the weekend
        (date(2026, 5, 7), 3, date(2026, 5, 13)),  # skips 8 May
        (date(2026, 6, 20), 0, date(2026, 6, 20)),  # zero keeps start, even a Saturday
        (date(2026, 11, 12), -1, date(2026, 11, 10)),  # backwards over 11 November
        (date(2026, 6, 22), -1, date(2026, 6, 19)),
    ],
)
def test_add_working_days(start, count, expected):
    assert add_working_days(start, count) == expected


def test_next_working_day_keeps_a_working_day_and_skips_the_rest():
    assert next_working_day(date(2026, 6, 16)) == date(2026, 6, 16)
    assert next_working_day(date(2026, 6, 20)) == date(2026, 6, 22)
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 6, 15), date(2026, 6, 15), 0),
        (date(2026, 6, 19), date(2026, 6, 22), 1),
        (date(2026, 6, 19), date(2026, 6, 21), 0),
        (date(2026, 6, 15), date(2026, 6, 22), 5),
        (date(2026, 11, 9), date(2026, 11, 13), 3),  # 11 November is not counted
        (date(2026, 6, 22), date(2026, 6, 19), -1),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@given(days, st.integers(min_value=0, max_value=60))
def test_adding_then_counting_working_days_round_trips(start, count):
    end = add_working_days(start, count)
    assert working_days_between(start, end) == count
    if count:
        assert is_working_day(end)


@given(days, days)
def test_working_days_between_is_antisymmetric(first, second):
    assert working_days_between(first, second) == -working_days_between(second, first)


@given(days)
def test_a_week_after_any_day_holds_at_most_five_working_days(start):
    assert 0 <= working_days_between(start, start + timedelta(days=7)) <= 5


@given(days, st.integers(min_value=1, max_value=60))
def test_counting_back_from_a_day_off_leaves_one_working_day_fewer(end, count):
    # add_working_days(end, -n) is the n-th working day before `end`; `end` itself counts in
    # working_days_between only when it is a working day, so from a weekend or a holiday the
    # parcel is n - 1 working days old, not n.
    start = add_working_days(end, -count)
    assert is_working_day(start)
    assert working_days_between(start, end) == (count if is_working_day(end) else count - 1)


@given(days, st.integers(min_value=0, max_value=60))
def test_working_days_before_is_exactly_that_many_working_days_ago(end, count):
    start = working_days_before(end, count)
    assert is_working_day(start) and start <= end
    assert working_days_between(start, end) == count
    assert working_days_between(add_working_days(start, 1), end) == count - 1  # the latest one


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (date(2026, 12, 5), date(2026, 11, 26)),  # Saturday: Friday 27 to Friday 4 are six
        (date(2026, 12, 6), date(2026, 11, 26)),  # Sunday: the same
        (date(2026, 12, 7), date(2026, 11, 27)),  # Monday counts itself
        (date(2026, 12, 25), date(2026, 12, 16)),  # Christmas (Friday) is not counted
        (date(2026, 12, 28), date(2026, 12, 17)),  # nor from the Monday after it
    ],
)
def test_six_working_days_before(end, expected):
    assert working_days_before(end, 6) == expected
