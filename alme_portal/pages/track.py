"""Track my order: the guest lookup form (order number and e-mail)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import page_heading
from alme_portal.components.forms import field, form_error
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.state.tracking import TrackState


def lookup_form(on_submit=TrackState.find_order, busy=TrackState.busy) -> rx.Component:
    """The tracking and returns pages' lookup form ("Find my order"), spinning while `busy`."""
    return rx.form(
        rx.vstack(
            field(
                t("track.number"),
                "order_number",
                "order-number",
                hint=t("track.number.hint"),
                error=TrackState.error,
                error_id="lookup-error",
                default_value=TrackState.order_number,
                max_length=20,
                auto_complete="off",
                required=True,
            ),
            field(
                t("track.email"),
                "email",
                "order-email",
                error=TrackState.error,
                error_id="lookup-error",
                default_value=TrackState.email,
                type="email",
                max_length=254,
                auto_complete="email",
                required=True,
            ),
            form_error(TrackState.error, "lookup-error"),
            rx.button(
                t("track.submit"),
                type="submit",
                loading=busy,
                width="100%",
                **theme.PRIMARY_BUTTON,
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=on_submit,
        # Our own message, marked on the fields (aria-invalid), not the browser's bubble.
        no_validate=True,
        width="100%",
    )


def track_page() -> rx.Component:
    """The page where a customer finds her order."""
    return shell(
        rx.box(
            page_heading(t("track.kicker"), t("track.title"), t("track.intro")),
            rx.box(lookup_form(), **theme.CARD),
            max_width="520px",
        )
    )
