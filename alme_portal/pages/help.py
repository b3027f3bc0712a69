"""Help page: the policies in the portal's own words, searchable (rule C1 contact at the end)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import page_heading, section_title
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.content.help import HELP_TOPICS, SECTION_TITLES, HelpTopic
from alme_portal.platform import settings
from alme_portal.state.help import HelpState
from alme_portal.state.ui import UiState


def _in_language(text: dict[str, str]) -> rx.Var:
    return rx.cond(UiState.is_french, text["fr"], text["en"])


def _topic(topic: HelpTopic) -> rx.Component:
    return rx.box(
        rx.heading(_in_language(topic.title), as_="h3", size="4", **theme.HEADING),
        rx.text(
            _in_language(topic.body),
            color=theme.INK,
            white_space="pre-line",
            line_height="1.65",
            margin_top="0.5em",
        ),
        id=f"topic-{topic.id}",
        class_name="help-topic",
        display=rx.cond(HelpState.matching_ids.contains(topic.id), "block", "none"),
        padding_y="1.25em",
        border_bottom=f"1px solid {theme.LINE}",
    )


def _section(section: str) -> rx.Component:
    topics = [topic for topic in HELP_TOPICS if topic.section == section]
    return rx.box(
        section_title(_in_language(SECTION_TITLES[section]), margin_top="2em"),
        *[_topic(topic) for topic in topics],
        id=f"section-{section}",
        display=rx.cond(HelpState.matching_sections.contains(section), "block", "none"),
    )


def _search_box() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(
                name="query",
                value=HelpState.query,
                on_change=HelpState.search.debounce(250),
                placeholder=t("help.search.placeholder"),
                aria_label=t("help.search.label"),
                max_length=100,
                id="help-search",
                type="search",
                flex="1",
                size="3",
                **theme.INPUT,
            ),
            rx.button(t("help.search.button"), type="submit", **theme.PRIMARY_BUTTON),
            width="100%",
            spacing="2",
        ),
        on_submit=HelpState.submit_search,
        role="search",
        width="100%",
    )


def _result_summary() -> rx.Component:
    return rx.cond(
        HelpState.match_count == 0,
        rx.vstack(
            rx.text(t("help.results.none"), weight="medium"),
            rx.text(
                t("help.results.none.next"),
                " ",
                rx.link(settings.CONTACT_EMAIL, href=f"mailto:{settings.CONTACT_EMAIL}"),
                " · ",
                rx.link(settings.CONTACT_PHONE, href=f"tel:{settings.CONTACT_PHONE_E164}"),
            ),
            rx.button(t("help.clear"), on_click=HelpState.clear, **theme.SECONDARY_BUTTON),
            id="help-no-result",
            align="start",
            spacing="3",
            margin_top="1.5em",
        ),
        rx.text(
            HelpState.match_summary,
            color=theme.MUTED,
            id="help-count",
            margin_top="1em",
            size="2",
        ),
    )


def help_page() -> rx.Component:
    """The help page."""
    sections = list(SECTION_TITLES)
    return shell(
        rx.box(
            page_heading(t("nav.help"), t("help.title"), t("help.intro")),
            _search_box(),
            _result_summary(),
            *[_section(section) for section in sections],
            max_width="760px",
        )
    )
