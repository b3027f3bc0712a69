"""Codes people read aloud or type: vouchers, credit notes, gift cards, referral links."""

from __future__ import annotations

import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O and no 1/I: a code read aloud on the phone is typed right."""
CODE_LENGTH = 8


def random_code(length: int = CODE_LENGTH) -> str:
    """Return `length` random characters of `ALPHABET` (5 bits of chance each)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))
