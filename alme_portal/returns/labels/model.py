"""The return label's data, checked when it is built."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from alme_portal.platform import settings
from alme_portal.platform.vocabulary import ReturnMethod

REFERENCE_PATTERN = re.compile(r"[A-Z0-9-]{4,32}")
"""Return numbers and parcel references: upper-case letters, digits and hyphens only."""
LABEL_KINDS = tuple(ReturnMethod)
"""Rule R3: prepaid for Mondial Relay; a self-shipped parcel (R5) or a salon drop-off (R4)
gets the same label without postage, so the Atelier can still scan the return."""


@dataclass(frozen=True)
class ReturnLabel:
    """A prepaid return label (rule R3), ready to be rendered.

    Attributes:
        return_number: The portal's return number, e.g. ``RT-AL100101-1``.
        parcel_reference: The carrier's parcel reference, printed as Code 128 and QR code.
        carrier: ``mondial_relay`` (prepaid), ``self_ship`` (R5) or ``store`` (R4).
        sender_name: The customer's name (untrusted text, cleaned before printing).
        sender_address: The customer's address lines (untrusted text, cleaned and bounded).
        recipient: The Atelier's address lines.
        declared_on: The day the return was declared.
        expires_on: The last day the label is valid (declared_on + 14 days, rule R3).
        language: ``en`` or ``fr``, the language of the printed words.

    Raises:
        ValueError: If a reference is malformed, the carrier is unknown, the language
            is unknown or the label expires before it is declared.
    """

    return_number: str
    parcel_reference: str
    carrier: str
    sender_name: str
    sender_address: tuple[str, ...]
    recipient: tuple[str, ...]
    declared_on: date
    expires_on: date
    language: str

    def __post_init__(self) -> None:
        validate_reference(self.return_number, "return number")
        validate_reference(self.parcel_reference, "parcel reference")
        if self.carrier not in LABEL_KINDS:
            raise ValueError(f"no return label for carrier {self.carrier!r}")
        if self.language not in settings.LANGUAGES:
            raise ValueError(f"unsupported label language {self.language!r}")
        if self.expires_on < self.declared_on:
            raise ValueError("the label cannot expire before the return is declared")


def validate_reference(value: object, what: str = "reference") -> str:
    """Check a return number or parcel reference before it is printed or encoded.

    Args:
        value: The candidate reference.
        what: What the value is, for the error message.

    Returns:
        The reference, unchanged.

    Raises:
        ValueError: If ``value`` is not 4-32 characters of ``A-Z``, ``0-9`` and ``-``.
    """
    if not isinstance(value, str) or not REFERENCE_PATTERN.fullmatch(value):
        raise ValueError(f"invalid {what}: expected 4-32 characters of A-Z, 0-9 and '-'")
    return value
