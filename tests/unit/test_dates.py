"""Issue 19.6 and 19.21: dates as each language writes them, with the year when it matters."""

from datetime import UTC, date, datetime

from alme_portal.i18n.dates import format_date, format_day, format_moment
from alme_portal.platform import clock

TODAY = datetime(2026, 12, 5, 10, tzinfo=UTC)


def test_a_date_this_year_has_no_year_and_one_next_year_has_it():
    with clock.use_clock(TODAY):
        assert format_date(date(2026, 12, 19), "en") == "Saturday 19 December"
        assert format_date(date(2027, 12, 3), "en") == "Friday 3 December 2027"  # not 2 days ago
        assert format_date(date(2027, 12, 3), "fr") == "vendredi 3 décembre 2027"


def test_french_writes_the_first_of_the_month_1er():
    with clock.use_clock(TODAY):
        assert format_date(date(2026, 12, 1), "fr") == "mardi 1er décembre"
        assert format_day(date(2026, 12, 1), "fr") == "1er décembre 2026"
        assert (
            format_moment(datetime(2026, 12, 1, 13, 5, tzinfo=UTC), "fr") == "1er décembre, 14h05"
        )
        assert format_date(date(2026, 12, 1), "en") == "Tuesday 1 December"
        assert format_day(date(2026, 12, 11), "fr") == "11 décembre 2026"
