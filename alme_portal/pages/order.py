"""The order page: status, items, payment, destination and one card per parcel (O1-O9)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import for_finder_only, notice, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.pages.order_change import change_panel
from alme_portal.platform import routes
from alme_portal.state.order import OrderState, ParcelCard

VIEW = OrderState.view


def _line(line) -> rx.Component:
    return rx.hstack(
        rx.image(src=line["image"], width="64px", height="80px", alt=line["name"],
                 object_fit="cover", background_color=theme.SAND),
        rx.vstack(
            rx.text(line["name"], weight="medium"),
            rx.text(line["details"], size="2", color=theme.MUTED),
            spacing="1",
            flex="1",
        ),
        rx.text(line["price"], white_space="nowrap"),
        align="center",
        width="100%",
        spacing="3",
        class_name="order-line",
    )  # fmt: skip


def _event(event) -> rx.Component:
    return rx.hstack(
        rx.box(width="7px", height="7px", border_radius="50%", background_color=theme.INK,
               margin_top="0.45em", flex_shrink="0"),
        rx.vstack(
            rx.text(event["label"], size="2"),
            rx.text(event["when"], size="1", color=theme.MUTED),
            spacing="0",
        ),
        align="start",
        spacing="3",
        class_name="tracking-event",
    )  # fmt: skip


def _parcel(parcel: ParcelCard) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(parcel.title, **theme.KICKER),
            rx.badge(parcel.status, color_scheme="brown", variant="soft", radius="none",
                     class_name="parcel-status"),
            justify="between",
            width="100%",
            wrap="wrap",
        ),
        rx.heading(parcel.carrier, as_="h3", size="4", **theme.HEADING, margin_top="0.5em"),
        rx.cond(parcel.headline != "", rx.text(parcel.headline, class_name="parcel-headline")),
        rx.cond(parcel.estimate != "",
                rx.text(parcel.estimate, size="2", class_name="parcel-estimate")),
        rx.cond(
            parcel.tracking_number != "",
            rx.text(
                t("order.tracking_number"), " ",
                rx.code(parcel.tracking_number, class_name="tracking-number"), " · ",
                rx.link(t("order.carrier_link"), href=parcel.tracking_url, is_external=True,
                        underline="always"),
                size="2",
            ),
        ),
        rx.foreach(parcel.contents, lambda item: rx.text(item, size="2", color=theme.MUTED)),
        rx.foreach(parcel.guidance, lambda text: notice(text, tone="warning")),
        rx.cond(parcel.carrier_note != "",
                notice(parcel.carrier_note, tone="warning", notice_id="carrier-note")),
        rx.cond(
            parcel.events.length() > 0,
            rx.vstack(rx.foreach(parcel.events, _event), spacing="3", margin_top="0.5em"),
        ),
        class_name="parcel-card",
        **theme.CARD,
        display="flex",
        flex_direction="column",
        gap="0.6em",
    )  # fmt: skip


def _summary() -> rx.Component:
    return rx.vstack(
        rx.box(
            section_title(t("order.items")),
            rx.vstack(rx.foreach(VIEW.lines, _line), spacing="3", margin_top="0.8em"),
            rx.divider(margin_y="1em"),
            rx.foreach(
                VIEW.totals,
                lambda row: rx.hstack(rx.text(row["label"]), rx.text(row["amount"]),
                                      justify="between", width="100%"),
            ),
            **theme.CARD,
        ),
        rx.box(
            section_title(t("order.payment")),
            rx.foreach(VIEW.payments, lambda text: rx.text(text, margin_top="0.5em")),
            **theme.CARD,
        ),
        rx.box(
            section_title(VIEW.destination_title),
            rx.foreach(VIEW.destination, lambda text: rx.text(text)),
            **theme.CARD,
            id="order-destination",
        ),
        spacing="4",
        width="100%",
    )  # fmt: skip


def _order() -> rx.Component:
    return rx.box(
        rx.text(VIEW.placed, **theme.KICKER),
        rx.hstack(
            rx.heading(VIEW.title, as_="h1", size="8", **theme.HEADING),
            rx.badge(VIEW.status, size="3", radius="none", variant="outline", color_scheme="gray",
                     id="order-status"),
            align="center",
            wrap="wrap",
            spacing="4",
            margin_y="0.8em",
        ),
        rx.vstack(
            rx.foreach(VIEW.notices, lambda text: notice(text, notice_id="order-notice")),
            unreachable_email_warning(VIEW.email_undeliverable),
            spacing="2",
            width="100%",
            margin_bottom="1.5em",
        ),
        rx.grid(
            rx.cond(VIEW.parcels.length() > 0, rx.vstack(  # a cancelled order has none
                section_title(t("order.parcels")),
                rx.foreach(VIEW.parcels, _parcel),
                spacing="3",
                width="100%",
                id="order-parcels",
            )),
            rx.vstack(change_panel(), _summary(), spacing="4", width="100%"),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="5",
        ),
        rx.hstack(
            rx.link(t("order.back"), href=routes.TRACK),
            rx.cond(VIEW.withdrawal_open,
                    rx.link(t("withdrawal.link"), href=routes.withdraw_page(VIEW.number),
                            id="withdrawal-link")),
            spacing="5",
            wrap="wrap",
            margin_top="2em",
        ),
        id="order-page",
    )  # fmt: skip


def order_page() -> rx.Component:
    """The page of one order, for the tab that looked it up."""
    return shell(
        rx.cond(OrderState.just_paid, rx.box(
            notice(t("supplement.paid"), notice_id="supplement-paid"), margin_bottom="1.2em")),
        for_finder_only(OrderState.loaded, OrderState.denied, t("track.need_lookup"),
                        "order-denied", routes.TRACK, _order()),
    )  # fmt: skip
