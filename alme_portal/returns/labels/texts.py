"""The words printed on the label (catalogue keys `label.*`), and the cleaning of customer text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import islice

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day
from alme_portal.platform.vocabulary import CARRIER_NAMES, ReturnMethod
from alme_portal.returns.labels.model import ReturnLabel

LINE_CAP = 40
"""Longest printed line of customer or address text, ellipsis included."""
ADDRESS_LINE_CAP = 4
"""Most customer address lines printed in the FROM block."""
RECIPIENT_LINE_CAP = 5
"""Most Atelier address lines printed in the TO block."""
_INPUT_CAP = 1_000
"""Characters of raw text looked at, so hostile input costs bounded work."""
ELLIPSIS = "…"

# Kept: letters, marks, digits, punctuation, currency/maths/modifier symbols and spaces.
# Dropped: controls, format characters (bidi overrides, zero-width), surrogates, private
# use, unassigned code points and "other symbols" (emoji, dingbats).
_KEPT_CATEGORIES = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd", "Nl", "No", "Sm", "Sc", "Sk"}
    | {"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"}
)
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})


def clean_line(text: object, cap: int = LINE_CAP) -> str:
    """Make untrusted text safe to print on one bounded line.

    Unicode is normalised (NFC); control and format characters, emoji and unassigned code
    points are removed; stacked combining marks are limited to one per letter; all runs of
    whitespace (newlines included) become one space; the result is cut to ``cap``
    characters, the last being an ellipsis when text was cut.

    Args:
        text: The raw text (non-strings give an empty line).
        cap: The longest line returned, ellipsis included.

    Returns:
        The printable line, possibly empty.
    """
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFC", text[:_INPUT_CAP])
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category in _SPACE_CATEGORIES or char.isspace():
            kept.append(" ")
        elif category in _KEPT_CATEGORIES:
            if category[0] == "M" and (not kept or unicodedata.category(kept[-1])[0] == "M"):
                continue
            kept.append(char)
    line = " ".join("".join(kept).split())
    if len(line) > cap:
        line = line[: cap - 1].rstrip() + ELLIPSIS
    return line


def clean_lines(lines: object, max_lines: int, cap: int = LINE_CAP) -> tuple[str, ...]:
    """Clean a block of untrusted lines: each line bounded, blank lines dropped, at most N.

    Args:
        lines: The raw lines (a string counts as a single line).
        max_lines: The most lines kept; when more are given the last kept one ends with an
            ellipsis.
        cap: The longest line, ellipsis included.

    Returns:
        The printable lines.
    """
    if isinstance(lines, str):
        lines = (lines,)
    try:
        raw = list(islice(lines, max_lines * 4))
    except TypeError:
        return ()
    cleaned = [line for line in (clean_line(item, cap) for item in raw) if line]
    if len(cleaned) > max_lines:
        cleaned = cleaned[:max_lines]
        last = cleaned[-1]
        if not last.endswith(ELLIPSIS):
            cleaned[-1] = (last if len(last) < cap else last[: cap - 1].rstrip()) + ELLIPSIS
    return tuple(cleaned)


@dataclass(frozen=True)
class LabelTexts:
    """Every piece of text the label prints, cleaned and in the label's language."""

    brand: str
    from_heading: str
    sender: tuple[str, ...]
    to_heading: str
    recipient: tuple[str, ...]
    return_heading: str
    return_number: str
    parcel_heading: str
    parcel_reference: str
    prepaid: str
    valid_until: str
    instructions: str

    def lines(self) -> tuple[str, ...]:
        """All printed texts, top to bottom, for checks and accessibility."""
        return (
            self.brand,
            self.prepaid,
            self.from_heading,
            *self.sender,
            self.to_heading,
            *self.recipient,
            self.return_heading,
            self.return_number,
            self.valid_until,
            self.parcel_heading,
            self.parcel_reference,
            self.instructions,
        )


def label_texts(label: ReturnLabel) -> LabelTexts:
    """Build the label's texts in its language (rule R3 instructions and validity date).

    Args:
        label: The return label.

    Returns:
        The cleaned, bounded texts to print.
    """

    def words(key: str, **values: object) -> str:
        return translate(label.language, f"label.{key}", **values)

    name = clean_line(label.sender_name)
    sender = ((name,) if name else ()) + clean_lines(label.sender_address, ADDRESS_LINE_CAP)
    return LabelTexts(
        brand=words("brand"),
        from_heading=words("from").upper(),
        sender=sender,
        to_heading=words("to").upper(),
        recipient=clean_lines(label.recipient, RECIPIENT_LINE_CAP),
        return_heading=words("return").upper(),
        return_number=label.return_number,
        parcel_heading=words("parcel").upper(),
        parcel_reference=label.parcel_reference,
        prepaid=words("prepaid", carrier=CARRIER_NAMES[label.carrier])
        if label.carrier == ReturnMethod.MONDIAL_RELAY
        else words(label.carrier),
        valid_until=words("valid_until", date=format_day(label.expires_on, label.language)),
        instructions=words("instructions"),
    )
