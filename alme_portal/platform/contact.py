"""Rules C1 (customer-service hours) and C2 (addresses that receive no e-mail)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import is_working_day

_SEARCH_HORIZON_DAYS = 31
"""`next_opening` gives up after this many days (only reachable with no opening hours set)."""


def email_is_unreachable(email: str) -> bool:
    """Rule C2: whether the brand's e-mails currently never reach this address.

    The domain must be exactly one of `UNREACHABLE_EMAIL_DOMAINS` (case and surrounding spaces
    ignored): ``x+y@orange.fr`` matches, ``x@notorange.fr`` and ``x@mail.orange.fr`` do not.
    """
    local, at, domain = email.strip().lower().rpartition("@")
    return bool(at and local) and domain in settings.UNREACHABLE_EMAIL_DOMAINS


def _opening_spans(day: date) -> list[tuple[datetime, datetime]]:
    return [
        (
            datetime.combine(day, time(start_hour, start_minute), clock.PARIS),
            datetime.combine(day, time(end_hour, end_minute), clock.PARIS),
        )
        for start_hour, start_minute, end_hour, end_minute in settings.CONTACT_HOURS
    ]


def service_is_open(moment: datetime) -> bool:
    """Rule C1: whether customer service answers at `moment`.

    It answers on working days, during the `CONTACT_HOURS` spans in Paris time (each span
    includes its start and excludes its end).
    """
    local = clock.in_paris(moment)
    if not is_working_day(local.date()):
        return False
    return any(start <= local < end for start, end in _opening_spans(local.date()))


def next_opening(moment: datetime) -> datetime:
    """Rule C1: the first instant at or after `moment` when customer service answers.

    Returns:
        `moment` itself (in Paris time) while the service is open, else the start of the next
        opening span, as an aware Paris datetime.

    Raises:
        RuntimeError: no opening within a month (no opening hours configured).
    """
    local = clock.in_paris(moment)
    day = local.date()
    for _ in range(_SEARCH_HORIZON_DAYS):
        if is_working_day(day):
            for start, end in _opening_spans(day):
                if local < end:
                    return max(start, local)
        day += timedelta(days=1)
    raise RuntimeError(f"customer service never opens in the next {_SEARCH_HORIZON_DAYS} days")


EMAIL_MAX = 254
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(email: str) -> str | None:
    """The e-mail trimmed and lower-cased, or None when it is not a plausible address."""
    cleaned = email.strip().lower() if isinstance(email, str) else ""
    if len(cleaned) > EMAIL_MAX or not _EMAIL_PATTERN.fullmatch(cleaned):
        return None
    return cleaned


def person_key(email: str) -> str:
    """An e-mail reduced to the person: lower case, no dots or +tag in the local part.

    `Anne.Marie+shop@Example.fr` and `annemarie@example.fr` reach the same mailbox at most
    providers: the referral rules (F2, fraud) and "already a customer" compare this key.
    """
    local, _, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0].replace('.', '')}@{domain}"
