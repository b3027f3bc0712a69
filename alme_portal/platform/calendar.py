"""French working days (Monday to Friday, public holidays excluded) and calendar months."""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta

_FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
"""New Year, Labour Day, Victory in Europe, Bastille Day, Assumption, All Saints, Armistice,
Christmas."""
_EASTER_OFFSETS = (1, 39, 50)
"""Easter Monday, Ascension Thursday and Whit Monday, in days after Easter Sunday."""


def easter_sunday(year: int) -> date:
    """Return Easter Sunday of `year` (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@functools.cache
def _holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    fixed = [date(year, month, day) for month, day in _FIXED_HOLIDAYS]
    movable = [easter + timedelta(days=offset) for offset in _EASTER_OFFSETS]
    return frozenset(fixed + movable)


def french_public_holidays(year: int) -> set[date]:
    """Return the eleven French public holidays of `year`."""
    return set(_holidays(year))


def is_working_day(day: date) -> bool:
    """Return whether `day` is a working day (Monday to Friday, not a public holiday)."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """Return the date `count` working days after `start`.

    Args:
        start: the day counting starts from; it is not counted itself, working day or not.
        count: how many working days to move; a negative count moves back in time, zero
            returns `start` unchanged.
    """
    step = timedelta(days=1 if count >= 0 else -1)
    day, remaining = start, abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def next_working_day(day: date) -> date:
    """Return `day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_days_between(start: date, end: date) -> int:
    """Return how many working days lie after `start`, up to and including `end`.

    For any `n >= 0`, ``working_days_between(d, add_working_days(d, n)) == n``. Counting back
    is not the mirror of that when `end` is not a working day: from a Saturday,
    ``add_working_days(saturday, -n)`` is only ``n - 1`` working days ago (Saturday itself is
    not counted); `working_days_before` gives the day that is `n` working days ago. When `end`
    comes before `start` the result is the opposite of ``working_days_between(end, start)``.
    """
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def working_days_before(end: date, count: int) -> date:
    """Return the working day that lies `count` working days before `end`, as they are counted.

    ``working_days_between(working_days_before(d, n), d) == n`` for every day `d` and `n >= 0`:
    on a Saturday, a parcel last scanned 6 working days ago was scanned on the Thursday of the
    week before: the six working days since are that Friday and the whole last week.
    """
    return add_working_days(end, -count if is_working_day(end) else -count - 1)


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later, kept within the month (31 January + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
