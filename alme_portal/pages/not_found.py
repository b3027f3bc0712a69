"""The page for unknown addresses."""

import reflex as rx

from alme_portal.components.cards import link_button, page_heading
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes


def not_found() -> rx.Component:
    """A clear page for routes that do not exist."""
    return shell(
        rx.box(
            page_heading("404", t("notfound.title"), t("notfound.body")),
            rx.hstack(
                link_button(t("notfound.home"), href=routes.HOME),
                link_button(t("notfound.help"), href=routes.HELP, secondary=True),
                spacing="3",
                wrap="wrap",
            ),
            id="not-found",
        )
    )
