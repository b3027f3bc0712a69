"""Rule E8: the back-in-stock alert form ("CREATE ALERT") under a sold-out size."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import outcome_notice, section_title
from alme_portal.components.forms import field
from alme_portal.components.i18n import t
from alme_portal.state.stock_alert import StockAlertState as A


def alert_form() -> rx.Component:
    """Pick the size above, give an e-mail, CREATE ALERT."""
    return rx.form(
        rx.vstack(
            section_title(t("returns.alert.title")),
            rx.hstack(
                field(t("returns.alert.email"), "alert_email", "alert-email", type="email",
                      default_value=A.order_email, max_length=254, required=True),
                rx.button(t("returns.alert.create"), type="submit", id="create-alert",
                          **theme.PRIMARY_BUTTON),
                align="end",
                spacing="3",
                width="100%",
                wrap="wrap",
            ),
            outcome_notice(A.alert_message, A.alert_ok, "alert-outcome"),
            spacing="2",
            width="100%",
        ),
        on_submit=A.create_alert,
        reset_on_submit=False,
        width="100%",
    )  # fmt: skip
