"""Page states called as a browser (or a forged client) would call them."""

import reflex as rx

from alme_portal.content.help import HELP_TOPICS
from alme_portal.state.help import HelpState
from alme_portal.state.ui import UiState


def _substate(cls):
    return rx.State().get_substate(cls.get_full_name().split(".")[1:])


def test_language_choice_accepts_only_supported_codes():
    ui = _substate(UiState)
    ui.choose_language("fr")
    assert ui.language == "fr"
    for forged in ("de", "", None, 42, {"lang": "fr"}, "en; drop table"):
        ui.choose_language(forged)
        assert ui.language == "fr"
    ui.choose_language("EN")
    assert ui.language == "en"


def test_help_search_narrows_and_clears():
    help_state = _substate(HelpState)
    assert help_state.match_count == len(HELP_TOPICS)
    help_state.search("gift card")
    assert 0 < help_state.match_count < len(HELP_TOPICS)
    assert "orders" in help_state.matching_sections
    help_state.clear()
    assert help_state.match_count == len(HELP_TOPICS)


def test_help_search_survives_forged_arguments():
    help_state = _substate(HelpState)
    for forged in (None, 12, ["gift"], {"query": "x"}):
        help_state.search(forged)
        assert help_state.query == ""
        assert help_state.match_count == len(HELP_TOPICS)
    help_state.submit_search("not a dict")
    assert help_state.match_count == len(HELP_TOPICS)


def test_help_search_is_bounded():
    help_state = _substate(HelpState)
    help_state.search("a" * 10_000)
    assert len(help_state.query) <= 100


def test_help_summary_speaks_the_visitors_language():
    help_state = _substate(HelpState)
    help_state.choose_language("fr")
    help_state.search("zzzz")
    assert help_state.match_count == 0
    help_state.clear()
    assert help_state.match_summary.endswith("réponses")


def test_a_page_load_in_the_same_language_changes_nothing():
    """Issue 21: reassigning the language dirtied every language-dependent var on each load."""
    ui = _substate(UiState)
    ui.detect_language()
    ui.dirty_vars.clear()
    ui.detect_language()
    assert not ui.dirty_vars
