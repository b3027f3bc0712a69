"""Returns & exchanges (`/returns`): the wizard in the FAQ's own steps and words (R1)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import item_summary, notice, page_heading, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.forms import form_error
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.pages.return_downloads import label_downloads
from alme_portal.pages.return_steps import (
    details_step,
    method_step,
    resolve_step,
    review_step,
    shoes_packing,
)
from alme_portal.pages.track import lookup_form
from alme_portal.platform import routes, settings
from alme_portal.returns.views.return_wizard import PROGRESS
from alme_portal.state.return_draft import ReturnState as R
from alme_portal.state.return_items import ReturnItemsState as Items
from alme_portal.state.return_review import ReturnReviewState as Review


def _progress() -> rx.Component:
    def dot(index: int, key: str) -> rx.Component:
        current = R.progress_index == index + 1
        done = R.progress_index > index + 1
        return rx.hstack(
            rx.box(
                rx.text(str(index + 1), size="1"),
                width="24px", height="24px", border_radius="50%", display="flex",
                align_items="center", justify_content="center",
                border=f"1px solid {theme.INK}",
                background_color=rx.cond(current | done, theme.INK, "white"),
                color=rx.cond(current | done, theme.IVORY, theme.INK),
            ),
            rx.text(t(f"returns.step.{key}"), size="1", letter_spacing="0.08em",
                    text_transform="uppercase", weight=rx.cond(current, "bold", "regular"),
                    display=rx.breakpoints(initial=rx.cond(current, "block", "none"),
                                           sm="block")),
            align="center",
            spacing="2",
            aria_current=rx.cond(current, "step", ""),
        )  # fmt: skip

    return rx.cond(
        R.progress_index > 0,
        rx.hstack(
            *[dot(index, key) for index, key in enumerate(PROGRESS)],
            spacing="4",
            wrap="wrap",
            margin_bottom="1.5em",
            id="return-progress",
            aria_label=t("returns.progress", index=R.progress_index, count=len(PROGRESS)),
        ),
    )


def _item_row(row) -> rx.Component:
    return rx.hstack(
        rx.image(src=row.image, width="64px", height="80px", object_fit="cover",
                 background_color=theme.SAND, alt=row.name),
        rx.vstack(
            rx.text(row.name, weight="medium"),
            rx.text(row.details, size="2", color=theme.MUTED),
            rx.cond(row.refusal != "",
                    rx.text(row.refusal, size="2", color=theme.TERRACOTTA,
                            class_name="item-refusal"),
                    rx.text(row.until, size="1", color=theme.MUTED)),
            spacing="1",
            flex="1",
        ),
        rx.cond(
            row.refusal == "",
            rx.el.select(
                rx.foreach(row.quantities, lambda n: rx.el.option(n, value=n)),
                value=row.chosen,
                on_change=lambda value: Items.set_quantity(row.id, value),
                class_name="native-select quantity-select",
                aria_label=f"{t('returns.quantity')}: {row.name}",  # one name per item
                width="80px",
            ),
        ),
        align="center",
        spacing="3",
        width="100%",
        class_name="return-item",
        padding_y="0.8em",
        border_bottom=f"1px solid {theme.LINE}",
    )  # fmt: skip


def _items_step() -> rx.Component:
    return rx.vstack(
        rx.heading(t("returns.items.title"), as_="h2", size="5", **theme.HEADING),
        rx.text(t("returns.items.intro"), size="2", color=theme.MUTED),
        rx.foreach(Items.item_rows, _item_row),
        rx.cond(~Items.any_returnable, notice(t("returns.nothing_returnable"), tone="warning")),
        form_error(R.wizard_error, "wizard-error"),  # beside the button that caused it
        rx.hstack(
            rx.cond(Items.withdrawal_open,
                    rx.link(t("withdrawal.link"), href=routes.withdraw_page(R.return_order),
                            size="2", id="withdrawal-link")),
            rx.cond(Items.any_returnable,
                    rx.button(t("returns.continue"), on_click=Items.items_done,
                              id="items-continue", **theme.PRIMARY_BUTTON),
                    rx.button(t("returns.find_another_order"), on_click=R.find_another_order,
                              id="items-find-another", **theme.SECONDARY_BUTTON)),
            justify="between",
            align="center",
            width="100%",
            wrap="wrap",
            gap="3",
            margin_top="1em",
        ),
        spacing="3",
        width="100%",
    )  # fmt: skip


def _done_step() -> rx.Component:
    return rx.vstack(
        rx.icon("circle-check", size=36, color=theme.SAGE, stroke_width=1.25),
        rx.heading(Review.done_title, as_="h2", size="6", **theme.HEADING, id="return-done"),
        rx.text(Review.done_instructions, size="3"),
        rx.vstack(section_title(t("returns.done.asked")),
                  rx.foreach(Review.review, item_summary), spacing="3", width="100%",
                  id="return-done-items"),
        shoes_packing(),
        unreachable_email_warning(Review.email_undeliverable),
        rx.cond(
            Review.label_pending,
            notice(t("returns.label.pending"), notice_id="label-pending"),
            rx.vstack(
                rx.cond(Review.email_undeliverable == "",  # C2: no e-mail reaches her
                        rx.text(t("returns.done.email"), size="2", color=theme.MUTED)),
                rx.text(Review.parcel_note, size="2", id="return-parcel"),
                rx.cond(Review.paperless_qr != "",
                        rx.image(src=Review.paperless_qr, width="220px", height="220px",
                                 alt=t("returns.download.qr"), id="paperless-qr")),
                label_downloads(R.return_number, Review.paperless_qr != ""),
                spacing="3", width="100%",
            ),
        ),
        rx.link(t("returns.status_link"), href=routes.return_page(R.return_number),
                id="status-link"),
        spacing="4",
        width="100%",
    )  # fmt: skip


def _order_being_returned() -> rx.Component:
    """Which order the wizard is on, and the way to another one (issue 19.11)."""
    return rx.cond(
        (R.step != "find") & (R.step != "done") & (R.return_order != ""),
        rx.hstack(
            rx.text(t("returns.order_being_returned"), " ", R.return_order, size="2"),
            rx.button(t("returns.find_another_order"), on_click=R.find_another_order,
                      variant="ghost", size="2", id="find-another-order",
                      text_decoration="underline", color=theme.INK, cursor="pointer"),
            align="center", spacing="3", wrap="wrap", margin_bottom="0.8em",
        ),
    )  # fmt: skip


def returns_page() -> rx.Component:
    """The return and exchange wizard."""
    return shell(
        rx.box(
            page_heading(
                t("returns.kicker"),
                t("returns.title"),
                t("returns.intro", days=settings.RETURN_WINDOW_DAYS),
            ),
            _progress(),
            _order_being_returned(),
            rx.box(
                rx.cond(R.step == "find", form_error(R.wizard_error, "wizard-error")),
                rx.match(
                    R.step,
                    ("items", _items_step()),
                    ("resolve", resolve_step()),
                    ("details", details_step()),
                    ("method", method_step()),
                    ("review", review_step()),
                    ("done", _done_step()),
                    lookup_form(R.find_for_return, R.sending),
                ),
                **theme.CARD,
                display="flex",
                flex_direction="column",
                gap="1em",
                id="return-wizard",
                custom_attrs={"data-focus-step": R.step + R.current.to_string()},
            ),
            max_width="720px",
        )
    )
