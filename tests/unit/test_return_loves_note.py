"""★ Issue 19.22: before she confirms, the wizard says what a return does to her loves (L4)."""

from datetime import date

from alme_portal.returns.views.return_wizard import loves_note_for

PREVIEW = {"kind": "purchase", "loves": 2609, "recorded_on": date(2026, 11, 20),
           "available_on": date(2026, 12, 8), "reference": "AL100101", "paid_cents": 26090,
           "refunded_cents": 0, "taken_before": 0}  # fmt: skip


def test_l4_a_partial_return_cancels_its_share_of_the_pending_loves():
    note = loves_note_for(PREVIEW, 5500, "en", date(2026, 11, 25))
    kept = 2609 * (26090 - 5500) // 26090
    assert f"cancels {2609 - kept} of this order's pending loves" in note
    assert "before Tuesday 8 December" in note and "Your tier does not change" in note


def test_l4_a_full_return_cancels_them_all_and_french_says_so():
    note = loves_note_for(PREVIEW, 26090, "fr", date(2026, 11, 25))
    assert note.startswith("Almé Lovers : ce retour annule 2609 loves en attente")


def test_l4_loves_already_released_or_never_earned_change_nothing():
    assert "do not change" in loves_note_for(PREVIEW, 5500, "en", date(2026, 12, 8))
    assert loves_note_for(None, 5500, "en", date(2026, 11, 25)) == ""
