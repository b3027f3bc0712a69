"""Two cards of the Almé Lovers dashboard: claim an order's loves (L9), leave the program (L10)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import email_field
from alme_portal.components.forms import field
from alme_portal.components.i18n import t


def claim_card(card, on_submit) -> rx.Component:
    """Rule L9: the order's number and e-mail count its loves for her, once."""
    return card(
        t("loyalty.claim.title"),
        rx.text(t("loyalty.claim.intro"), size="2", color=theme.MUTED),
        rx.form(
            rx.vstack(
                field(
                    t("loyalty.claim.order"),
                    "order_number",
                    "claim-order",
                    max_length=20,
                    placeholder="AL100120",
                    required=True,
                    auto_complete="off",
                ),
                email_field("claim-email", t("loyalty.claim.order_email")),
                rx.button(
                    t("loyalty.claim.submit"),
                    type="submit",
                    id="claim-submit",
                    **theme.SECONDARY_BUTTON,
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=on_submit,
            reset_on_submit=False,
            width="100%",
        ),
        card_id="claim-card",
    )


def leave_card(card, on_submit) -> rx.Component:
    """Rule L10: leaving asks for an explicit confirmation, and is final."""
    return card(
        t("loyalty.leave.title"),
        rx.text(t("loyalty.leave.intro"), size="2"),
        rx.form(
            rx.vstack(
                rx.el.label(
                    # A Radix checkbox is a button: the label around it does not name it.
                    rx.checkbox(
                        name="confirm", id="leave-confirm", aria_labelledby="leave-confirm-text"
                    ),
                    rx.text(t("loyalty.leave.confirm_box"), size="2", id="leave-confirm-text"),
                    display="flex",
                    gap="0.6em",
                    align_items="start",
                    cursor="pointer",
                ),
                rx.button(
                    t("loyalty.leave.submit"),
                    type="submit",
                    id="leave-submit",
                    **{
                        **theme.SECONDARY_BUTTON,
                        "color": theme.TERRACOTTA,
                        "border": f"1px solid {theme.TERRACOTTA}",
                    },
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=on_submit,
            reset_on_submit=True,
            width="100%",
        ),
        card_id="leave-card",
    )
