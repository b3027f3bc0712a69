"""The pages a one-time e-mail link opens: choose a new password, confirm an address."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import account_form, email_field, password_field
from alme_portal.components.cards import outcome_notice, page_heading
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes
from alme_portal.state.account_links import AccountLinkState as K


def _outcome(next_label, next_href: str) -> rx.Component:
    return rx.vstack(
        outcome_notice(K.link_message, K.link_ok, "link-message"),
        unreachable_email_warning(K.reset_undeliverable),
        rx.cond(K.link_done, rx.link(next_label, href=next_href, color=theme.INK, id="link-next")),
        spacing="3", width="100%",
    )  # fmt: skip


def _narrow(*children) -> rx.Component:
    return rx.vstack(*children, spacing="4", width="100%", max_width="480px")


def reset_page() -> rx.Component:
    """Forgotten password: ask for a link, or choose the new password the link allows."""
    intro = rx.text(t("reset.intro"), size="2", color=theme.MUTED)
    ask = account_form(t("reset.title"), [intro, email_field("reset-email")],
                       t("reset.request.submit"), "reset-request", K.request_reset,
                       K.link_busy)  # fmt: skip
    new_password = password_field(t("account.password"), "password", "reset-password", new=True,
                                  hint=t("account.password.hint"))  # fmt: skip
    choose = account_form(t("reset.choose.title"), [new_password], t("reset.choose.submit"),
                          "reset-choose", K.choose_password, K.link_busy)  # fmt: skip
    return shell(_narrow(
        page_heading(t("reset.kicker"), t("reset.title")),
        _outcome(t("reset.to_login"), routes.ACCOUNT),
        rx.cond(K.link_done, rx.fragment(), rx.cond(K.has_token, choose, ask)),
    ))  # fmt: skip


def confirm_page() -> rx.Component:
    """Confirm the e-mail address the link was sent to, with one click."""
    button = rx.button(t("confirm.submit"), on_click=K.confirm_email, loading=K.link_busy,
                       id="confirm-email", **theme.PRIMARY_BUTTON)  # fmt: skip
    return shell(_narrow(
        page_heading(t("confirm.kicker"), t("confirm.title"), t("confirm.intro")),
        _outcome(t("confirm.to_account"), routes.ACCOUNT),
        rx.cond(K.link_done | ~K.has_token, rx.fragment(), button),
    ))  # fmt: skip
