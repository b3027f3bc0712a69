"""The return wizard's middle steps: reason and outcome per item, details, method, review."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import item_summary, notice, section_title
from alme_portal.components.forms import field, form_error, radio_list, select_field
from alme_portal.components.i18n import t
from alme_portal.pages.return_alert import alert_form
from alme_portal.platform import settings
from alme_portal.state.return_draft import ReturnState as R
from alme_portal.state.return_item import ReturnItemState as Item
from alme_portal.state.return_place import ReturnPlaceState as Place
from alme_portal.state.return_review import ReturnReviewState as Review


def nav_buttons(primary, on_primary, primary_id: str, submit: bool = False) -> rx.Component:
    """Back on the left, the step's own button on the right, its error just above them."""
    return rx.vstack(form_error(R.wizard_error, "wizard-error"), rx.hstack(
        rx.button(t("returns.back"), on_click=R.back, type="button", **theme.SECONDARY_BUTTON),
        rx.button(primary, on_click=on_primary, type="submit" if submit else "button",
                  id=primary_id, loading=R.sending, **theme.PRIMARY_BUTTON),
        justify="between",
        width="100%",
        wrap="wrap",
        gap="3",
        margin_top="1em",
    ), width="100%", spacing="2")  # fmt: skip


def add_items_button() -> rx.Component:
    """Add other items: more items can join the return until it is confirmed (R1)."""
    return rx.button(
        rx.icon("plus", size=14), t("returns.add_items"), on_click=R.add_items, type="button",
        variant="ghost", color=theme.INK, class_name="add-items", padding_x="0",
    )  # fmt: skip


def _item_header() -> rx.Component:
    return rx.hstack(
        rx.image(src=Item.item["image"], width="72px", height="90px", object_fit="cover",
                 background_color=theme.SAND, alt=Item.item["name"]),
        rx.vstack(
            section_title(Item.item_title),
            rx.text(Item.item["name"], weight="medium"),
            rx.text(Item.item["details"], size="2", color=theme.MUTED),
            spacing="1",
        ),
        spacing="4",
        align="center",
    )  # fmt: skip


def _refund_choice() -> rx.Component:
    return rx.vstack(
        rx.text(t("returns.refund_method"), weight="medium", size="2"),
        radio_list(R.refund_method, lambda v: Item.choose("refund_method", v),
                   [("credit_note", t("returns.refund.credit_note")),
                    ("original", t("returns.refund.original"))], "refund-method",
                   t("returns.refund_method")),
        nav_buttons(t("returns.confirm_refund"), Item.confirm_item, "confirm-item"),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _out_of_stock() -> rx.Component:
    return rx.cond(
        Item.wanted_out_of_stock,
        rx.vstack(
            rx.text(t("returns.out_of_stock"), size="2", id="out-of-stock"),
            rx.button(t("returns.return_instead"), on_click=Item.return_instead, type="button",
                      **theme.SECONDARY_BUTTON),
            alert_form(),
            spacing="3",
            width="100%",
            padding="1em",
            border_left=f"3px solid {theme.TERRACOTTA}",
            background_color=theme.IVORY,
        ),
    )  # fmt: skip


def _exchange_note() -> rx.Component:
    return rx.text(
        t("returns.free_shipping", days=settings.EXCHANGE_RETURN_PROCESSING_DAYS),
        size="1",
        color=theme.MUTED,
    )


def _size_choice() -> rx.Component:
    return rx.vstack(
        select_field(t("returns.size"), "size", "exchange-size", Item.sizes, value=R.wanted_variant,
                     on_change=lambda v: Item.choose("wanted_variant", v), placeholder_first=True),
        rx.text(t("returns.same_price"), size="2", color=theme.MUTED),
        _out_of_stock(),
        _exchange_note(),
        nav_buttons(t("returns.exchange_size"), Item.confirm_item, "confirm-item"),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _product_choice() -> rx.Component:
    return rx.vstack(
        select_field(t("returns.product"), "product", "exchange-product", Item.products,
                     value=R.wanted_product, placeholder_first=True,
                     on_change=lambda v: Item.choose("wanted_product", v)),
        rx.grid(
            select_field(t("returns.colour"), "colour", "exchange-colour", Item.colours,
                         value=R.wanted_colour, placeholder_first=True,
                         on_change=lambda v: Item.choose("wanted_colour", v)),
            select_field(t("returns.size"), "variant", "exchange-variant", Item.variants,
                         value=R.wanted_variant, placeholder_first=True,
                         on_change=lambda v: Item.choose("wanted_variant", v)),
            columns="2", spacing="3", width="100%",
        ),
        rx.cond(Item.price_difference != "",
                rx.text(Item.price_difference, weight="medium", id="price-difference")),
        _out_of_stock(),
        _exchange_note(),
        nav_buttons(t("returns.exchange_product"), Item.confirm_item, "confirm-item"),
        spacing="3",
        width="100%",
    )  # fmt: skip


def resolve_step() -> rx.Component:
    """One chosen item: its reason (R7) and a refund or an exchange (R1, E1-E5)."""
    return rx.vstack(
        _item_header(),
        rx.text(t("returns.reason"), weight="medium", size="2"),
        radio_list(R.reason, lambda v: Item.choose("reason", v), Item.reasons, "reason",
                   t("returns.reason")),
        rx.cond(Item.is_defect, rx.text(t("returns.defect_note", email=settings.CONTACT_EMAIL),
                                     size="1", color=theme.MUTED)),
        rx.divider(),
        rx.text(t("returns.resolution"), weight="medium", size="2"),
        radio_list(R.resolution, lambda v: Item.choose("resolution", v),
                   [("refund", t("returns.resolution.refund")),
                    ("size_exchange", t("returns.resolution.size_exchange")),
                    ("product_exchange", t("returns.resolution.product_exchange"))],
                   "resolution", t("returns.resolution")),
        rx.match(
            R.resolution,
            ("refund", _refund_choice()),
            ("size_exchange", _size_choice()),
            ("product_exchange", _product_choice()),
            rx.fragment(),
        ),
        add_items_button(),
        spacing="4",
        width="100%",
    )  # fmt: skip


def details_step() -> rx.Component:
    """Check your details (the label's sender), then Continue."""

    def box(key: str, name: str, **props) -> rx.Component:
        return field(t(key), name, f"sender-{name.replace('_', '-')}", required=True,
                     max_length=160, default_value=R.sender[name], **props)  # fmt: skip

    return rx.form(
        rx.vstack(
            rx.heading(t("returns.details.title"), as_="h2", size="5", **theme.HEADING),
            rx.text(t("returns.details.intro"), size="2", color=theme.MUTED),
            rx.grid(box("change.first_name", "first_name", auto_complete="given-name"),
                    box("change.last_name", "last_name", auto_complete="family-name"),
                    columns="2", spacing="3", width="100%"),
            box("change.address", "address", auto_complete="street-address"),
            rx.grid(box("change.postcode", "postcode", auto_complete="postal-code"),
                    box("change.city", "city", auto_complete="address-level2"),
                    columns="2", spacing="3", width="100%"),
            field(t("returns.sender.phone"), "phone", "sender-phone", max_length=32,
                  default_value=R.sender["phone"], type="tel", auto_complete="tel"),
            nav_buttons(t("returns.continue"), None, "details-continue", submit=True),
            spacing="3",
            width="100%",
        ),
        on_submit=Place.save_details,
        reset_on_submit=False,
        width="100%",
    )  # fmt: skip


def _relay_point(point) -> rx.Component:
    """A relay point found: its name, "Locker" when it is one, then where and how far."""
    return rx.vstack(
        rx.hstack(
            rx.text(point["name"], size="2", weight="medium"),
            rx.cond(point["locker"] != "",
                    rx.badge(point["locker"], variant="outline", color_scheme="gray",
                             radius="none", class_name="locker-badge")),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        rx.text(point["details"], size="1", color=theme.MUTED),
        spacing="0",
        padding_y="0.3em",
    )  # fmt: skip


def _relay_finder() -> rx.Component:
    return rx.vstack(
        rx.text(t("returns.relay.any"), size="2", color=theme.MUTED),
        rx.form(
            rx.hstack(
                field(t("returns.relay.postcode"), "postcode", "relay-postcode",
                      default_value=R.relay_postcode, max_length=12),
                rx.button(t("returns.relay.search"), type="submit", id="relay-search",
                          loading=R.searching, **theme.SECONDARY_BUTTON),
                align="end",
                spacing="3",
                width="100%",
            ),
            on_submit=Place.search_relay,
            reset_on_submit=False,
            width="100%",
        ),
        rx.cond(
            R.relay_results.length() > 0,
            radio_list(R.relay_point_code, lambda v: Place.choose_place("relay_point_code", v),
                       Place.relay_choices, "relay-results", t("returns.relay_points_label"),
                       content=_relay_point),
        ),
        rx.cond(Place.paperless_offered,
                rx.checkbox(t("returns.paperless.choice"), checked=R.paperless,
                            on_change=Place.choose_paperless, id="paperless", size="2")),
        spacing="3",
        width="100%",
    )  # fmt: skip


def method_step() -> rx.Component:
    """How the parcel travels: Mondial Relay (R3), a salon (R4) or on her own (R5)."""
    return rx.vstack(
        rx.heading(t("returns.method.title"), as_="h2", size="5", **theme.HEADING),
        radio_list(R.method, Place.choose_method, Place.method_choices, "return-method",
                   t("returns.method.title")),
        rx.match(
            R.method,
            ("mondial_relay", _relay_finder()),
            ("store", select_field(t("returns.salon"), "salon", "salon", Place.salons,
                                   value=R.salon_code, placeholder_first=True,
                                   on_change=lambda v: Place.choose_place("salon_code", v))),
            ("self_ship", rx.text(Place.self_ship_note, size="2", id="self-ship-note")),
            rx.fragment(),
        ),
        nav_buttons(t("returns.continue"), Place.method_done, "method-continue"),
        spacing="4",
        width="100%",
    )  # fmt: skip


def shoes_packing() -> rx.Component:
    """Rule R6, before she confirms and once it is recorded: what shoes go back with."""
    return rx.cond(Review.shoes_chosen, notice(t("returns.shoes.packing"), tone="warning",
                                                notice_id="shoes-packing"))  # fmt: skip


def review_step() -> rx.Component:
    """Everything she chose, then "Confirm my return"."""
    return rx.vstack(
        rx.heading(t("returns.review.title"), as_="h2", size="5", **theme.HEADING),
        rx.foreach(Review.review, item_summary),
        shoes_packing(),
        rx.cond(Review.loves_note != "",
                rx.hstack(rx.icon("heart", size=16, color=theme.TERRACOTTA, flex_shrink="0"),
                          rx.text(Review.loves_note, size="2"), spacing="2", align="start",
                          id="review-loves")),
        rx.divider(),
        rx.text(t("returns.review.method"), **theme.KICKER),
        rx.text(Review.method_summary, id="review-method"),
        rx.text(t("returns.review.sender"), **theme.KICKER),
        rx.text(Review.sender_summary),
        add_items_button(),
        nav_buttons(t("returns.confirm"), Review.confirm_return, "confirm-return"),
        spacing="3",
        width="100%",
    )  # fmt: skip
