"""The EU withdrawal function (Directive (EU) 2023/2673): identify the contract, confirm."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import link_button, notice, page_heading
from alme_portal.components.forms import field, form_error
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes
from alme_portal.state.tracking import TrackState as T
from alme_portal.state.withdrawal import WithdrawalState as W


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            field(t("track.number"), "order_number", "order-number", max_length=20,
                  default_value=T.order_number, key=T.order_number, required=True,
                  auto_complete="off"),
            field(t("withdrawal.email"), "email", "order-email", type="email", max_length=254,
                  default_value=T.email, required=True, auto_complete="email"),
            field(t("withdrawal.name"), "name", "withdrawal-name", max_length=120,
                  required=True, auto_complete="name"),
            form_error(T.error, "lookup-error"),
            form_error(W.withdrawal_error, "withdrawal-error"),
            rx.button(t("withdrawal.confirm"), type="submit", loading=W.sending, width="100%",
                      id="confirm-withdrawal", **theme.PRIMARY_BUTTON),
            spacing="4",
            width="100%",
        ),
        on_submit=W.confirm_withdrawal,
        reset_on_submit=False,
        width="100%",
    )  # fmt: skip


def _acknowledgement() -> rx.Component:
    return rx.vstack(
        notice(t("withdrawal.done"), notice_id="withdrawal-done"),
        rx.text(W.statement, white_space="pre-wrap", id="withdrawal-statement", size="2"),
        link_button(t("withdrawal.next"), href=routes.returns_for(W.withdrawn_order),
                    id="start-return"),
        spacing="4",
        width="100%",
    )  # fmt: skip


def withdrawal_page() -> rx.Component:
    """Withdraw from contract here."""
    return shell(
        rx.box(
            page_heading(t("withdrawal.link"), t("withdrawal.title"), t("withdrawal.intro")),
            rx.box(rx.cond(W.statement != "", _acknowledgement(), _form()), **theme.CARD),
            max_width="560px",
        )
    )
