"""Rule R3: the sender's phone number, as the carrier of a prepaid label needs it."""

from __future__ import annotations

import re

CALLING_CODES = {"FR": "33", "BE": "32"}
"""Countries whose relay points take prepaid labels (`MONDIAL_RELAY_COUNTRIES`)."""
_NATIONAL = {"FR": re.compile(r"^0[1-9]\d{8}$"), "BE": re.compile(r"^0[1-9]\d{7,8}$")}
_INTERNATIONAL = re.compile(r"^\+[1-9]\d{7,14}$")
_SEPARATORS = re.compile(r"[\s.\-()/]")


def carrier_phone(raw: object, country: str) -> str | None:
    """The phone number in E.164 (`+33612345678`), or None if it is not one.

    Args:
        raw: what she typed: `06 12 34 56 78`, `+33 6 12 34 56 78`, `0033612345678`...
        country: her address's country, for a national number (`FR`, `BE`).
    """
    if not isinstance(raw, str) or len(raw) > 32:
        return None
    number = _SEPARATORS.sub("", raw)
    if number.startswith("00"):
        number = "+" + number[2:]
    national = _NATIONAL.get(country)
    if national and national.match(number):
        number = f"+{CALLING_CODES[country]}{number[1:]}"
    return number if _INTERNATIONAL.match(number) else None
