"""My account: her orders with their parcels and returns, her e-mail and password."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import (
    account_form,
    email_field,
    member_or_forms,
    password_field,
)
from alme_portal.components.cards import outcome_notice, page_heading, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import member_bar, shell, two_columns
from alme_portal.state.my_account import MyAccountState as M

A = M.account


def _button(label, on_click, **props) -> rx.Component:
    return rx.button(label, on_click=on_click, size="2",
                     **{**theme.SECONDARY_BUTTON, "min_height": "40px"}, **props)  # fmt: skip


def _order(order) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(order.number, as_="h3", font_family=theme.SERIF, font_size="24px",
                       font_weight="400"),
            rx.spacer(),
            rx.text(order.status, **theme.KICKER),
            width="100%", align="center",
        ),
        rx.text(order.placed, rx.cond(order.guest != "", " · " + order.guest, ""),
                color=theme.MUTED, size="2"),
        rx.text(order.summary, size="2"),
        rx.foreach(order.parcels, lambda parcel: rx.hstack(
            rx.icon("package", size=16, color=theme.MUTED), rx.text(parcel, size="2"),
            align="center", spacing="2")),
        rx.foreach(order.returns, lambda item: rx.link(
            rx.hstack(rx.icon("undo-2", size=16), rx.text(item["text"], size="2"),
                      align="center", spacing="2"),
            on_click=M.open_order(order.number, "return:" + item["number"]), color=theme.INK,
            cursor="pointer", class_name="order-return")),
        rx.cond(order.refunds.length() > 0, rx.vstack(
            rx.text(t("refund.where.title"), **theme.KICKER),
            rx.foreach(order.refunds, lambda line: rx.hstack(
                rx.icon("banknote", size=16, color=theme.MUTED, flex_shrink="0"),
                rx.text(line, size="2"), align="start", spacing="2")),
            spacing="1", class_name="order-refunds")),
        rx.hstack(
            _button(t("myaccount.order.track"), M.open_order(order.number, "track"),
                    id="track-" + order.number),
            rx.cond(order.can_return,
                    _button(t("myaccount.order.return"), M.open_order(order.number, "return"),
                            id="return-" + order.number)),
            spacing="3", wrap="wrap", padding_top="0.4em",
        ),
        width="100%", spacing="2", padding_y="1.1em", border_bottom=f"1px solid {theme.LINE}",
        class_name="account-order", id="order-" + order.number,
    )  # fmt: skip


def _orders() -> rx.Component:
    return rx.vstack(
        section_title(t("myaccount.orders.title")),
        rx.cond(
            A.orders.length() > 0,
            rx.vstack(rx.foreach(A.orders, _order), width="100%", spacing="0"),
            rx.text(t("myaccount.orders.none"), color=theme.MUTED, size="2"),
        ),
        spacing="2", id="account-orders", **theme.CARD, align="start",
    )  # fmt: skip


def _details() -> rx.Component:
    return rx.vstack(
        section_title(t("myaccount.details.title")),
        rx.text(A.email, size="3", id="account-email", word_break="break-all"),
        rx.text(A.email_state, color=rx.cond(A.verified, theme.SAGE, theme.TERRACOTTA),
                size="2", id="account-email-state"),
        rx.cond(~A.verified, rx.vstack(
            rx.text(t("myaccount.verify.notice"), size="2", color=theme.MUTED),
            _button(t("myaccount.verify.send"), M.send_verification, id="send-verification"),
            spacing="2")),
        spacing="2", id="account-details", **theme.CARD, align="start",
    )  # fmt: skip


def _change_email() -> rx.Component:
    fields = [
        rx.text(t("myaccount.email.change.hint"), size="2", color=theme.MUTED),
        email_field("new-email", t("myaccount.email.new"), "new_email"),
        password_field(t("myaccount.password.current"), "password", "email-password"),
    ]
    title, submit = t("myaccount.email.change.title"), t("myaccount.email.change.submit")
    return account_form(title, fields, submit, "change-email", M.change_email)


def _change_password() -> rx.Component:
    fields = [
        password_field(t("myaccount.password.current"), "current", "current-password"),
        password_field(t("myaccount.password.new"), "new", "new-password", new=True,
                       hint=t("myaccount.password.hint")),
    ]  # fmt: skip
    return account_form(t("myaccount.password.title"), fields, t("myaccount.password.submit"),
                        "change-password", M.change_password)  # fmt: skip


def _message() -> rx.Component:
    return rx.fragment(
        outcome_notice(M.account_message, M.account_message_ok, "account-message"),
        unreachable_email_warning(M.emailing_undeliverable),
    )


def _account() -> rx.Component:
    return rx.vstack(
        member_bar(rx.heading(A.greeting, as_="h2", size="6", id="account-greeting",
                              **theme.HEADING), M.log_out_account, "account-greeting"),
        _message(),
        two_columns(_orders(), rx.vstack(_details(), _change_email(), _change_password(),
                                         spacing="5", width="100%"), "3fr 2fr"),
        spacing="5", width="100%", id="my-account",
    )  # fmt: skip


def my_account_page() -> rx.Component:
    """My account: forms for visitors, her orders and details for members."""
    return shell(
        rx.box(
            page_heading(t("myaccount.kicker"), t("myaccount.title"),
                         rx.cond(M.signed_in, "", t("myaccount.intro"))),
            member_or_forms(M, _account(), M.log_in_account, M.sign_up_account),
            width="100%",
        )
    )  # fmt: skip
