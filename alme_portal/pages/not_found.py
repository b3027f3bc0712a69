"""The page for unknown addresses."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import page_heading
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes


def not_found() -> rx.Component:
    """A clear page for routes that do not exist."""
    return shell(
        rx.box(
            page_heading("404", t("notfound.title"), t("notfound.body")),
            rx.hstack(
                rx.link(rx.button(t("notfound.home"), **theme.PRIMARY_BUTTON), href=routes.HOME),
                rx.link(rx.button(t("notfound.help"), **theme.SECONDARY_BUTTON), href=routes.HELP),
                spacing="3",
                wrap="wrap",
            ),
            id="not-found",
        )
    )
