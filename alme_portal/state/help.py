"""Help page: search the policies in the visitor's language."""

import reflex as rx

from alme_portal.content.help import HELP_TOPICS
from alme_portal.content.search import MAX_QUERY_LENGTH, search_help
from alme_portal.i18n import translate
from alme_portal.state.ui import UiState

ALL_TOPIC_IDS = [topic.id for topic in HELP_TOPICS]
SECTION_OF = {topic.id: topic.section for topic in HELP_TOPICS}


class HelpState(UiState):
    """What the visitor searched and which topics match."""

    query: str = ""
    matching_ids: list[str] = ALL_TOPIC_IDS

    @rx.var
    def matching_sections(self) -> list[str]:
        """Sections that still hold at least one matching topic."""
        return sorted({SECTION_OF[topic_id] for topic_id in self.matching_ids})

    @rx.var
    def match_count(self) -> int:
        """How many topics match."""
        return len(self.matching_ids)

    @rx.var
    def match_summary(self) -> str:
        """The number of matching answers, in the visitor's language."""
        if len(self.matching_ids) == 1:
            return translate(self.language, "help.results.one")
        return translate(self.language, "help.results.count", count=len(self.matching_ids))

    def _apply(self, query: object) -> None:
        text = query.strip()[:MAX_QUERY_LENGTH] if isinstance(query, str) else ""
        self.query = text
        found = search_help(text, self.language, limit=len(HELP_TOPICS))
        self.matching_ids = [topic.id for topic in found]

    @rx.event
    def load_help(self):
        """Start from the `?q=` parameter of the address, if any."""
        self._apply(self.router.url.query_parameters.get("q", ""))

    @rx.event
    def search(self, query: str):
        """Search as the visitor types; anything but text is treated as an empty search."""
        self._apply(query)

    @rx.event
    def submit_search(self, form_data: dict):
        """Search from the submitted form (Enter or the Search button)."""
        self._apply(form_data.get("query") if isinstance(form_data, dict) else "")

    @rx.event
    def clear(self):
        """Show every topic again."""
        self._apply("")
