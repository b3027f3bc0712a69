"""Amounts in integer euro cents: splitting and writing them for people."""

from __future__ import annotations

from typing import Any

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
MASK = "•"


def format_cents(cents: int, language: str) -> str:
    """Write an amount the way each language does.

    Args:
        cents: the amount in euro cents (may be negative).
        language: "fr" gives ``1 234,50 €``; anything else gives ``€1,234.50``.
    """
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    if language == "fr":
        grouped = f"{euros:,}".replace(",", NARROW_NBSP)
        return f"{sign}{grouped},{rest:02d}{NBSP}€"
    return f"{sign}€{euros:,}.{rest:02d}"


def format_decimal(cents: int) -> str:
    """Cents as a wire-format decimal string with a dot and two decimals ("49.90")."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros}.{rest:02d}"


def parse_decimal(text: object) -> int | None:
    """A wire-format decimal string ("49.90", "49.9", "49") as cents; None if it is not one."""
    if not isinstance(text, str) or not text or text.count(".") > 1:
        return None
    euros, _, rest = text.partition(".")
    if not euros.isdigit() or not (rest == "" or (rest.isdigit() and len(rest) <= 2)):
        return None
    return int(euros) * 100 + int(rest.ljust(2, "0") or 0)


def split_cents(total: int, parts: int) -> list[int]:
    """Split `total` cents into `parts` amounts that differ by at most one cent.

    The larger amounts come first and the amounts always add up to `total` exactly.

    Raises:
        ValueError: `parts` is not positive or `total` is negative.
    """
    if parts < 1 or total < 0:
        raise ValueError("split_cents needs a non-negative total and at least one part")
    base, extra = divmod(total, parts)
    return [base + 1] * extra + [base] * (parts - extra)


def mask_card(last4: str | None) -> str:
    """Show only the last four digits of a card: ``•••• 1234``.

    Anything longer than four characters is cut to its last four, so a full number never
    shows; no digits at all gives the dots alone.
    """
    return f"{MASK * 4} {last4[-4:]}" if last4 else MASK * 4


def mask_email(email: str) -> str:
    """Hide the middle of an e-mail's local part: ``m••••t@gmail.com``.

    The first and last characters of the local part stay; a local part of one or two
    characters keeps only its first. Text without "@" is masked entirely.
    """
    local, at, domain = email.rpartition("@")
    if not at:
        return MASK * len(email)
    if len(local) <= 2:
        return f"{local[:1]}{MASK}@{domain}"
    return f"{local[0]}{MASK * (len(local) - 2)}{local[-1]}@{domain}"


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parse_euros(typed: Any) -> int | None:
    """Cents from "5.90", "5,90" or "6" as typed at the bench; None when it is not an amount.

    Returns:
        The cents, or None when it is not an amount of euros.
    """
    if not isinstance(typed, str) or not typed.strip() or len(typed) > 12:
        return None
    euros, _, cents = typed.strip().replace(",", ".").partition(".")
    if not _ascii_digits(euros) or (cents and (not _ascii_digits(cents) or len(cents) > 2)):
        return None
    return int(euros) * 100 + int(cents.ljust(2, "0") or 0)
