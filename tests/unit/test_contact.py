"""Rules C1 (customer-service hours) and C2 (orange.fr and wanadoo.fr addresses)."""

from datetime import UTC, datetime, timedelta

import pytest

from alme_portal.platform import settings
from alme_portal.platform.clock import PARIS
from alme_portal.platform.contact import email_is_unreachable, next_opening, service_is_open


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


# --- C2 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "marie@orange.fr",
        "marie@wanadoo.fr",
        "  Marie.Dupont@Orange.FR  ",
        "MARIE@WANADOO.FR",
        "marie+shop@orange.fr",
    ],
)
def test_c2_orange_and_wanadoo_addresses_are_unreachable(email):
    assert email_is_unreachable(email)


@pytest.mark.parametrize(
    "email",
    [
        "marie@notorange.fr",
        "marie@mail.orange.fr",
        "marie@orange.fr.example.com",
        "marie@orange.com",
        "marie@gmail.com",
        "orange.fr",
        "@orange.fr",
        "",
    ],
)
def test_c2_other_addresses_are_reachable(email):
    assert not email_is_unreachable(email)


def test_c2_domains_come_from_settings(monkeypatch):
    monkeypatch.setattr(settings, "UNREACHABLE_EMAIL_DOMAINS", ("free.fr",))
    assert email_is_unreachable("marie@free.fr")
    assert not email_is_unreachable("marie@orange.fr")


# --- C1: opening hours ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (paris(2026, 6, 15, 8, 59), False),
        (paris(2026, 6, 15, 9, 0), True),
        (paris(2026, 6, 15, 12, 29), True),
        (paris(2026, 6, 15, 12, 30), False),  # lunch break
        (paris(2026, 6, 15, 13, 29), False),
        (paris(2026, 6, 15, 13, 30), True),
        (paris(2026, 6, 19, 16, 59), True),  # Friday
        (paris(2026, 6, 15, 17, 0), False),
        (paris(2026, 6, 20, 10, 0), False),  # Saturday
        (paris(2026, 6, 21, 10, 0), False),  # Sunday
        (paris(2026, 11, 11, 10, 0), False),  # Armistice, a Wednesday
        (paris(2026, 5, 14, 10, 0), False),  # Ascension Thursday
    ],
)
def test_c1_service_is_open_on_working_days_during_opening_hours(moment, is_open):
    assert service_is_open(moment) is is_open


def test_c1_hours_are_paris_hours_whatever_the_time_zone_given():
    # Summer: 07:00 UTC is 09:00 in Paris. Winter: 08:00 UTC is 09:00 in Paris.
    assert service_is_open(datetime(2026, 6, 15, 7, 0, tzinfo=UTC))
    assert not service_is_open(datetime(2026, 6, 15, 6, 59, tzinfo=UTC))
    assert service_is_open(datetime(2026, 1, 15, 8, 0, tzinfo=UTC))
    assert not service_is_open(datetime(2026, 1, 15, 7, 30, tzinfo=UTC))
    # 15:30 UTC is 16:30 in winter (open) but 17:30 in summer (closed).
    assert service_is_open(datetime(2026, 1, 15, 15, 30, tzinfo=UTC))
    assert not service_is_open(datetime(2026, 6, 15, 15, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    ("moment", "opening"),
    [
        (paris(2026, 6, 15, 10, 15), paris(2026, 6, 15, 10, 15)),  # open now
        (paris(2026, 6, 15, 7, 0), paris(2026, 6, 15, 9, 0)),
        (paris(2026, 6, 15, 12, 45), paris(2026, 6, 15, 13, 30)),
        (paris(2026, 6, 15, 17, 0), paris(2026, 6, 16, 9, 0)),
        (paris(2026, 6, 19, 17, 30), paris(2026, 6, 22, 9, 0)),  # Friday evening
        (paris(2026, 6, 20, 11, 0), paris(2026, 6, 22, 9, 0)),  # Saturday
        (paris(2026, 11, 10, 18, 0), paris(2026, 11, 12, 9, 0)),  # over 11 November
        (paris(2026, 12, 24, 18, 0), paris(2026, 12, 28, 9, 0)),  # over Christmas
    ],
)
def test_c1_next_opening(moment, opening):
    found = next_opening(moment)
    assert found == opening
    assert service_is_open(found)


def test_c1_next_opening_across_the_change_to_summer_time():
    friday_evening = datetime(2026, 3, 27, 17, 0, tzinfo=UTC)  # 18:00 winter time
    found = next_opening(friday_evening)
    assert found == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # Monday 09:00 summer time
    assert found.utcoffset() == timedelta(hours=2)
    assert (found.hour, found.minute) == (9, 0)


def test_c1_next_opening_is_never_before_the_moment_and_always_open():
    moment = paris(2026, 6, 15, 0, 0)
    for _ in range(24 * 4 * 8):  # every quarter of an hour for eight days
        found = next_opening(moment)
        assert found >= moment
        assert service_is_open(found)
        moment += timedelta(minutes=15)


def test_c1_next_opening_gives_up_without_opening_hours(monkeypatch):
    monkeypatch.setattr(settings, "CONTACT_HOURS", ())
    with pytest.raises(RuntimeError, match="never opens"):
        next_opening(paris(2026, 6, 15, 10, 0))
