"""The log-in and create-account forms, shared by every page that needs a member."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import loading
from alme_portal.components.forms import field, form_error
from alme_portal.components.i18n import t
from alme_portal.platform import routes
from alme_portal.state.account import AccountState


def submit_button(label, button_id: str, busy=AccountState.account_busy) -> rx.Component:
    """A full-width primary submit button that spins while `busy`."""
    return rx.button(label, type="submit", loading=busy, width="100%", id=button_id,
                     **theme.PRIMARY_BUTTON)  # fmt: skip


def email_field(field_id: str, label=None, name: str = "email") -> rx.Component:
    """An e-mail input with the browser's autocompletion."""
    return field(label if label is not None else t("account.email"), name, field_id, type="email",
                 max_length=254, auto_complete="email", required=True)  # fmt: skip


def password_field(label, name: str, field_id: str, new: bool = False, hint=None) -> rx.Component:
    """A password input; `new` asks the browser to suggest one and checks the length."""
    lengths = {"min_length": 10} if new else {}
    return field(label, name, field_id, type="password", max_length=128, hint=hint,
                 auto_complete="new-password" if new else "current-password", required=True,
                 **lengths)  # fmt: skip


def account_form(title, fields: list, submit, form_id: str, on_submit, busy=None) -> rx.Component:
    """A titled form in a card, with its submit button (ids `<form_id>-form/-submit`)."""
    button = submit_button(submit, f"{form_id}-submit", *([busy] if busy is not None else []))
    return rx.form(
        rx.vstack(
            rx.heading(title, as_="h2", size="6", **theme.HEADING),
            *fields,
            button,
            spacing="4", width="100%",
        ),
        on_submit=on_submit, reset_on_submit=False, id=f"{form_id}-form", **theme.CARD,
    )  # fmt: skip


def _login_form(on_submit) -> rx.Component:
    fields = [
        email_field("login-email"),
        password_field(t("account.password"), "password", "login-password"),
        rx.link(t("account.forgot"), href=routes.ACCOUNT_RESET, size="2", color=theme.INK,
                id="forgot-password"),
    ]  # fmt: skip
    return account_form(t("account.login.title"), fields, t("account.login.submit"), "login",
                        on_submit)  # fmt: skip


def _signup_form(on_submit) -> rx.Component:
    fields = [
        rx.text(t("account.signup.intro"), color=theme.MUTED, size="2"),
        rx.grid(
            field(t("account.first_name"), "first_name", "signup-first-name", max_length=80,
                  auto_complete="given-name", required=True),
            field(t("account.last_name"), "last_name", "signup-last-name", max_length=80,
                  auto_complete="family-name", required=True),
            columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
        ),
        email_field("signup-email"),
        password_field(t("account.password"), "password", "signup-password", new=True,
                       hint=t("account.password.hint")),
    ]  # fmt: skip
    return account_form(t("account.signup.title"), fields, t("account.signup.submit"), "signup",
                        on_submit)  # fmt: skip


def welcome_forms(log_in, sign_up) -> rx.Component:
    """Log in and create an account side by side (stacked on phones), with the error above."""
    return rx.vstack(
        form_error(AccountState.account_error, "account-error"),
        rx.grid(_login_form(log_in), _signup_form(sign_up),
                columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%",
                align_items="start"),
        spacing="4", width="100%",
    )  # fmt: skip


def member_or_forms(state, member: rx.Component, log_in, sign_up) -> rx.Component:
    """The member's page once its data is loaded, the welcome forms for a visitor.

    The page is prerendered for a visitor and learns who she is once it has loaded; until her
    data is there it spins, a screen high so that the footer does not come and go. Each side
    is its own element (its React key): the member's page replaces the forms instead of
    reusing and moving their elements, and it never fills in under her eyes, both of which
    Chrome counts as layout shifts (issue 21: CLS 0.6).

    Args:
        state: the page's state (an `AccountState` with `member_ready`).
        member: what she sees once logged in.
        log_in: the log-in form's handler.
        sign_up: the create-account form's handler.
    """
    return rx.cond(
        state.member_ready,
        rx.box(member, key="member", width="100%"),
        rx.cond(state.signed_in, rx.box(loading("100vh"), key="waiting", width="100%"),
                rx.box(welcome_forms(log_in, sign_up), key="visitor", width="100%")),
    )  # fmt: skip
