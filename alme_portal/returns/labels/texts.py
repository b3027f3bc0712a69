"""The words printed on the label, in its language, and the cleaning of customer text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from itertools import islice

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

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "brand": "ALMÉ",
        "from": "From",
        "to": "To",
        "return": "Return",
        "parcel": "Parcel",
        "valid_until": "Valid until {date}",
        "prepaid": "Prepaid – {carrier}",
        "self_ship": "Postage paid by sender",
        "store": "Salon drop-off",
        "instructions": (
            "Print this label and stick it over the old label. "
            "Put the recipient card inside the parcel."
        ),
    },
    "fr": {
        "brand": "ALMÉ",
        "from": "Expéditeur",
        "to": "Destinataire",
        "return": "Retour",
        "parcel": "Colis",
        "valid_until": "Valable jusqu'au {date}",
        "prepaid": "Prépayé – {carrier}",
        "self_ship": "Affranchi par l'expéditeur",
        "store": "Dépôt en salon",
        "instructions": (
            "Imprimez cette étiquette et collez-la sur l'ancienne étiquette. "
            "Glissez la carte destinataire dans le colis."
        ),
    },
}
CARRIER_NAMES = {"mondial_relay": "Mondial Relay"}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip
# Kept: letters, marks, digits, punctuation, currency/maths/modifier symbols and spaces.
# Dropped: controls, format characters (bidi overrides, zero-width), surrogates, private
# use, unassigned code points and "other symbols" (emoji, dingbats).
_KEPT_CATEGORIES = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd", "Nl", "No", "Sm", "Sc", "Sk"}
    | {"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"}
)
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})


def format_label_date(day: date, language: str) -> str:
    """A date as printed on the label: ``9 December 2026`` / ``9 décembre 2026``.

    Args:
        day: The date.
        language: ``en`` or ``fr`` (anything else is written in English).

    Returns:
        The day, month name and year.
    """
    months = _MONTHS.get(language, _MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


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
    words = TEXTS[label.language]
    name = clean_line(label.sender_name)
    sender = ((name,) if name else ()) + clean_lines(label.sender_address, ADDRESS_LINE_CAP)
    return LabelTexts(
        brand=words["brand"],
        from_heading=words["from"].upper(),
        sender=sender,
        to_heading=words["to"].upper(),
        recipient=clean_lines(label.recipient, RECIPIENT_LINE_CAP),
        return_heading=words["return"].upper(),
        return_number=label.return_number,
        parcel_heading=words["parcel"].upper(),
        parcel_reference=label.parcel_reference,
        prepaid=words["prepaid"].format(carrier=CARRIER_NAMES[label.carrier])
        if label.carrier in CARRIER_NAMES
        else words[label.carrier],
        valid_until=words["valid_until"].format(
            date=format_label_date(label.expires_on, label.language)
        ),
        instructions=words["instructions"],
    )
