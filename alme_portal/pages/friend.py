"""The friend's landing `/r/<code>`: the offer in plain words, her e-mail, her €15 code (F3)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import email_field
from alme_portal.components.cards import notice, page_heading, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes
from alme_portal.state.referral import FriendState as F


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            email_field("friend-email", t("friend.email")),
            rx.button(
                t("friend.submit"),
                type="submit",
                id="friend-submit",
                width="100%",
                **theme.PRIMARY_BUTTON,
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=F.get_code,
        reset_on_submit=False,
        **theme.CARD,
    )


def _code() -> rx.Component:
    return rx.vstack(
        section_title(t("friend.code")),
        rx.heading(F.friend_code, as_="p", size="8", id="friend-code", **theme.HEADING),
        rx.text(F.friend_until, size="2", color=theme.MUTED),
        rx.link(t("friend.shop"), href=routes.HOME, color=theme.INK),
        spacing="3",
        align="start",
        id="friend-code-card",
        **theme.CARD,
    )


def friend_page() -> rx.Component:
    """The offer and the form, the code once given, or a clear page for a dead link."""
    offer = rx.vstack(
        page_heading(
            F.kicker,
            t("friend.title"),
            t("friend.intro"),
        ),
        rx.cond(
            F.friend_message != "",
            rx.cond(
                F.friend_code != "",
                notice(F.friend_message, notice_id="friend-message"),
                notice(F.friend_message, tone="warning", notice_id="friend-message"),
            ),
        ),
        unreachable_email_warning(F.friend_undeliverable),
        rx.cond(F.friend_code != "", _code(), _form()),
        width="100%",
        max_width="560px",
        spacing="4",
    )
    closed = rx.vstack(
        page_heading(t("friend.kicker.plain"), t("friend.title")),
        notice(t("referral.unknown"), tone="warning", notice_id="friend-unknown"),
        rx.link(t("friend.shop"), href=routes.HOME, color=theme.INK),
        spacing="4",
        width="100%",
        max_width="560px",
    )
    return shell(rx.cond(F.link_known, offer, closed))
