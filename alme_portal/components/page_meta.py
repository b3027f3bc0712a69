"""The page's language, title and description follow the language she reads it in.

The server renders every page in English (`<html lang="en">`, English `<title>`); a hidden
element carries the current language's values and a small script (`assets/page-meta.js`)
copies them onto the document
whenever they change, so a French page says `lang="fr"` and has a French title (WCAG 3.1.1).
"""

import reflex as rx

from alme_portal.components.i18n import t
from alme_portal.state.ui import UiState

SCRIPT_PATH = "/page-meta.js"
"""`assets/page-meta.js`: a file, so the Content-Security-Policy's 'self' allows it."""


def page_meta(key: str) -> rx.Component:
    """The hidden carrier of a page's language, title and description (`page.title.<key>`)."""
    return rx.el.div(
        id="page-meta",
        hidden=True,
        custom_attrs={
            "data-lang": UiState.language,
            "data-title": t(f"page.title.{key}"),
            "data-description": t(f"page.description.{key}"),
        },
    )


STEP_FOCUS_PATH = "/step-focus.js"
"""`assets/step-focus.js`: after a wizard's step changes, focus moves to its heading."""


def head_scripts() -> list[rx.Component]:
    """The scripts, for the app's head."""
    return [rx.script(src=SCRIPT_PATH), rx.script(src=STEP_FOCUS_PATH)]
