"""Rules R6 and R7 at the Atelier: inspecting a returned item, and defects for the supplier."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from alme_portal.platform import settings
from alme_portal.platform.vocabulary import InspectionOutcome
from alme_portal.returns.rules.returns import is_defect

GROUNDS = (
    "missing_labels", "stains", "odour", "torn", "not_alme", "worn", "sole_removed",
    "box_missing",
)  # fmt: skip
"""R6: the grounds for refusing a returned item, in the checklist's order."""
SHOE_GROUNDS = ("sole_removed", "box_missing")
"""R6: the grounds that only apply to shoes (protective sole, shoe box and dust bag)."""


def grounds_for(is_shoe: bool) -> tuple[str, ...]:
    """The checklist an inspector goes through for this item (R6)."""
    return GROUNDS if is_shoe else tuple(g for g in GROUNDS if g not in SHOE_GROUNDS)


def inspection_outcome(found: Iterable[str], is_shoe: bool) -> tuple[str, tuple[str, ...]]:
    """Rule R6: accepted when no ground is found, refused with the grounds found otherwise.

    Returns:
        ("accepted" or "refused", the grounds found, in checklist order).

    Raises:
        ValueError: a ground that is not on this item's checklist.
    """
    found = set(found)
    allowed = grounds_for(is_shoe)
    if not found <= set(allowed):
        raise ValueError(f"not on this item's checklist: {', '.join(sorted(found - set(allowed)))}")
    kept = tuple(ground for ground in allowed if ground in found)
    return (InspectionOutcome.REFUSED if kept else InspectionOutcome.ACCEPTED), kept


def supplier_defect(reason: str, delivered_at: datetime | None, declared_at: datetime) -> bool:
    """Rules R6 and R7: a defect reason reported within 48 h of receiving the item.

    Such items are isolated for the supplier; a defect reported later is handled as an
    ordinary return.
    """
    if not is_defect(reason) or delivered_at is None:
        return False
    return declared_at - delivered_at <= timedelta(hours=settings.DEFECT_REPORT_HOURS)
