"""Numbers typed or sent by a browser, read before any service sees them.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads unexpectedly, and a
number of 5,000 digits costs real work to parse: every id or quantity a page sends goes
through `whole_number` instead.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1
"""The largest row id a page may name."""


def whole_number(value: object, *, most: int = MAX_ID) -> int | None:
    """Return `value` as a whole number from 0 to `most`, or None when it is anything else.

    Args:
        value: what the browser sent: only a string of ASCII digits counts.
        most: the largest acceptable number.
    """
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value) > len(str(most)):
        return None
    number = int(value)
    return number if number <= most else None
