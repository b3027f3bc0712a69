"""Dates and times written the way each language writes them, in Paris time."""

from __future__ import annotations

from datetime import date, datetime

from alme_portal.platform import clock, settings

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip
_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def _day_number(day: int, language: str) -> str:
    """French writes the first of the month "1er"."""
    return "1er" if language == "fr" and day == 1 else str(day)


def format_date(day: date | datetime, language: str, today: date | None = None) -> str:
    """``Wednesday 25 November`` / ``mercredi 25 novembre`` (a datetime is taken in Paris).

    The year is written when it is not this year's (``vendredi 3 décembre 2027``), so a date a
    year away never reads as one just gone; `today` defaults to the clock's.
    """
    if isinstance(day, datetime):
        day = clock.in_paris(day).date()
    language = settings.supported_language(language)
    text = (
        f"{_DAYS[language][day.weekday()]} {_day_number(day.day, language)} "
        f"{_MONTHS[language][day.month - 1]}"
    )
    return text if day.year == (today or clock.today()).year else f"{text} {day.year}"


def format_time(moment: datetime, language: str) -> str:
    """``14:05`` / ``14h05`` in Paris time."""
    local = clock.in_paris(moment)
    return f"{local.hour}h{local.minute:02d}" if language == "fr" else f"{local:%H:%M}"


def format_moment(moment: datetime, language: str) -> str:
    """``25 November, 14:05`` / ``25 novembre, 14h05`` in Paris time."""
    local = clock.in_paris(moment)
    language = settings.supported_language(language)
    month = _MONTHS[language][local.month - 1]
    return f"{_day_number(local.day, language)} {month}, {format_time(moment, language)}"


def format_day(day: date | datetime, language: str) -> str:
    """``25 November 2026`` / ``25 novembre 2026`` (a datetime is taken in Paris)."""
    if isinstance(day, datetime):
        day = clock.in_paris(day).date()
    language = settings.supported_language(language)
    return f"{_day_number(day.day, language)} {_MONTHS[language][day.month - 1]} {day.year}"
