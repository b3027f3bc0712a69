"""The one clock of the portal.

Every module asks `clock.now()` for the time. Tests swap it with `use_clock`; a run can be
frozen with the `ALME_FROZEN_NOW` environment variable.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from alme_portal.platform import settings

PARIS = ZoneInfo(settings.TIMEZONE)

_source: Callable[[], datetime] | None = None


def _system_now() -> datetime:
    frozen = os.environ.get(settings.FROZEN_NOW_ENV)
    if frozen:
        return as_utc(datetime.fromisoformat(frozen))
    return datetime.now(UTC)


def now() -> datetime:
    """Return the current instant as an aware UTC datetime."""
    return as_utc((_source or _system_now)())


def today() -> date:
    """Return today's date in Paris, the brand's calendar."""
    return now().astimezone(PARIS).date()


def as_utc(moment: datetime) -> datetime:
    """Return `moment` as aware UTC; a naive value is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def in_paris(moment: datetime) -> datetime:
    """Return `moment` expressed in Paris time."""
    return as_utc(moment).astimezone(PARIS)


def paris_midnight(day: date) -> datetime:
    """Return the instant (aware UTC) a Paris day starts."""
    return as_utc(datetime.combine(day, time(0), PARIS))


@contextlib.contextmanager
def use_clock(source: Callable[[], datetime] | datetime) -> Iterator[None]:
    """Replace the clock for the duration of a `with` block.

    Args:
        source: a fixed instant, or a callable returning the current instant.
    """
    global _source
    previous = _source
    _source = (lambda: source) if isinstance(source, datetime) else source
    try:
        yield
    finally:
        _source = previous
