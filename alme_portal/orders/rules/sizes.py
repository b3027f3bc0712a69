"""Sizes in the order a person reads them: XS, S, M, L, XL, then shoe sizes by number."""

from __future__ import annotations

LETTER_SIZES = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL")


def size_order(size: str) -> tuple[int, float, str]:
    """A sort key: letter sizes smallest first, then numeric sizes (36, 37, 38.5...) by value.

    Anything else comes last, alphabetically.
    """
    text = size.strip().upper()
    if text in LETTER_SIZES:
        return (0, LETTER_SIZES.index(text), text)
    try:
        return (1, float(text.replace(",", ".")), text)
    except ValueError:
        return (2, 0.0, text)
