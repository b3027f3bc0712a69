"""The order page's change panel (rule O1): modify or cancel before dispatch, else returns."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import outcome_notice, section_title
from alme_portal.components.forms import field, radio_choice, select_field
from alme_portal.components.i18n import t
from alme_portal.platform import routes
from alme_portal.state.order_change import OrderChangeState as Change

VIEW = Change.view
LINE = Change.selected_line


def _topics() -> rx.Component:
    return rx.vstack(
        rx.text(t("change.topic"), size="2", weight="medium"),
        rx.radio_group.root(
            rx.vstack(
                radio_choice("item", t("change.topic.item")),
                radio_choice("address", t("change.topic.address")),
                rx.cond(
                    VIEW.relay_points.length() > 0, radio_choice("relay", t("change.topic.relay"))
                ),
                spacing="2",
            ),
            value=Change.topic,
            on_change=Change.choose_topic,
            color_scheme="gray",
        ),
        spacing="2",
        id="change-topic",
    )


def _item_fields() -> rx.Component:
    return rx.vstack(
        select_field(t("change.item"), "line_id", "change-line", VIEW.line_choices, value=LINE.id,
                     on_change=Change.choose_line),
        rx.grid(
            select_field(t("change.colour"), "colour", "change-colour", LINE.colours,
                         labelled=False, default_value=LINE.colour, key=LINE.id + "-colour"),
            select_field(t("change.size"), "size", "change-size", LINE.sizes,
                         labelled=False, default_value=LINE.size, key=LINE.id + "-size"),
            columns="2",
            spacing="3",
            width="100%",
        ),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _address_fields() -> rx.Component:
    def box(key: str, name: str, **props) -> rx.Component:
        return field(t(key), name, f"change-{name.replace('_', '-')}", required=True,
                     max_length=160, **props)  # fmt: skip

    return rx.vstack(
        rx.grid(box("change.first_name", "first_name", auto_complete="given-name"),
                box("change.last_name", "last_name", auto_complete="family-name"),
                columns="2", spacing="3", width="100%"),
        box("change.address", "address", auto_complete="street-address"),
        rx.grid(box("change.postcode", "postcode", auto_complete="postal-code"),
                box("change.city", "city", auto_complete="address-level2"),
                columns="2", spacing="3", width="100%"),
        rx.text(t("change.same_country"), size="1", color=theme.MUTED),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _modify_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            _topics(),
            rx.match(
                Change.topic,
                ("address", _address_fields()),
                ("relay", select_field(t("change.relay_point"), "relay_point_code",
                                       "change-relay", VIEW.relay_points)),
                _item_fields(),
            ),
            rx.hstack(
                rx.button(t("change.send"), type="submit", loading=Change.sending,
                          id="change-send", **theme.PRIMARY_BUTTON),
                rx.button(t("change.close"), type="button", on_click=Change.open_panel(""),
                          **theme.SECONDARY_BUTTON),
                spacing="3",
                wrap="wrap",
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=Change.send_modification,
        reset_on_submit=False,
        width="100%",
        id="change-form",
    )  # fmt: skip


def _cancel_confirmation() -> rx.Component:
    return rx.vstack(
        rx.text(t("change.cancel_question"), weight="medium"),
        rx.text(t("change.cancel_body"), size="2", color=theme.MUTED),
        rx.hstack(
            rx.button(t("change.cancel_yes"), on_click=Change.confirm_cancellation,
                      loading=Change.sending, id="cancel-yes", **theme.PRIMARY_BUTTON),
            rx.button(t("change.cancel_no"), on_click=Change.open_panel(""),
                      **theme.SECONDARY_BUTTON),
            spacing="3",
            wrap="wrap",
        ),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _outcome() -> rx.Component:
    return outcome_notice(Change.outcome, Change.outcome_ok, "change-outcome")


def _open_buttons() -> rx.Component:
    return rx.hstack(
        rx.button(t("change.modify"), on_click=Change.open_panel("modify"), id="change-modify",
                  **theme.SECONDARY_BUTTON),
        rx.button(t("change.cancel"), on_click=Change.open_panel("cancel"), id="change-cancel",
                  **theme.SECONDARY_BUTTON),
        spacing="3",
        wrap="wrap",
    )  # fmt: skip


def change_panel() -> rx.Component:
    """Rule O1: change or cancel while nothing left; once dispatched, a pointer to returns."""
    return rx.cond(
        VIEW.can_change,
        rx.box(
            section_title(t("change.title")),
            rx.text(t("change.intro"), size="2", margin_y="0.8em"),
            _outcome(),
            rx.match(
                Change.mode,
                ("modify", _modify_form()),
                ("cancel", _cancel_confirmation()),
                _open_buttons(),
            ),
            **theme.CARD,
            display="flex",
            flex_direction="column",
            gap="0.8em",
            id="order-change",
        ),
        rx.cond(
            VIEW.after_dispatch != "",
            rx.box(
                rx.text(VIEW.after_dispatch, size="2", id="order-after-dispatch"),
                rx.cond(VIEW.returns_open,
                        rx.link(t("change.returns_link"), href=routes.returns_for(VIEW.number),
                                margin_top="0.5em", display="inline-block",
                                id="order-returns-link")),
                **theme.CARD,
                id="order-change",
            ),
        ),
    )  # fmt: skip
