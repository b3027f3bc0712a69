"""Inspection at the Atelier (R6) and defects for the supplier (R7)."""

from datetime import UTC, datetime, timedelta

import pytest

from alme_portal.refunds.rules import inspection

DELIVERED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_r6_nothing_found_means_accepted():
    assert inspection.inspection_outcome([], is_shoe=False) == ("accepted", ())


def test_r6_each_ground_found_refuses_in_checklist_order():
    outcome = inspection.inspection_outcome({"worn", "missing_labels"}, is_shoe=False)
    assert outcome == ("refused", ("missing_labels", "worn"))


def test_r6_the_sole_and_the_box_are_checked_on_shoes_only():
    assert "sole_removed" in inspection.grounds_for(is_shoe=True)
    assert "box_missing" not in inspection.grounds_for(is_shoe=False)
    assert inspection.inspection_outcome(["box_missing"], is_shoe=True)[0] == "refused"
    with pytest.raises(ValueError):
        inspection.inspection_outcome(["box_missing"], is_shoe=False)
    with pytest.raises(ValueError):
        inspection.inspection_outcome(["smells nice"], is_shoe=True)


@pytest.mark.parametrize(
    ("reason", "hours", "isolated"),
    [("damaged_or_defective", 47, True), ("wrong_item", 48, True), ("poor_quality", 49, False),
     ("too_small", 1, False), ("arrived_crumpled", 0, True)],
)  # fmt: skip
def test_r6_r7_a_defect_counts_for_the_supplier_within_48_hours(reason, hours, isolated):
    declared = DELIVERED + timedelta(hours=hours)
    assert inspection.supplier_defect(reason, DELIVERED, declared) is isolated


def test_r7_no_delivery_date_no_supplier_defect():
    assert not inspection.supplier_defect("damaged_or_defective", None, DELIVERED)
