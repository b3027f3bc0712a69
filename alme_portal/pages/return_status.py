"""A return's status page (`/returns/<number>`), for the tab that found its order."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import for_finder_only, item_summary, notice, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.components.refund_progress import refund_progress
from alme_portal.pages.return_downloads import label_downloads
from alme_portal.platform import routes
from alme_portal.state.return_status import ReturnStatusState as S

PAGE = S.page


def _step(step) -> rx.Component:
    """One step of the return, an item of an ordered list (its words never run together)."""
    reached = step["state"] != ""
    return rx.el.li(
        rx.hstack(
            rx.box(width="10px", height="10px", border_radius="50%", aria_hidden="true",
                   border=f"1px solid {theme.INK}",
                   background_color=rx.cond(reached, theme.INK, "white")),
            rx.text(step["label"], size="2", color=rx.cond(reached, theme.INK, theme.MUTED),
                    weight=rx.cond(step["state"] == "current", "bold", "regular")),
            align="center",
            spacing="2",
        ),
        class_name="return-step",
        data_state=step["state"],
        aria_current=rx.cond(step["state"] == "current", "step", "false"),
    )  # fmt: skip


def _parcel_stage(stage) -> rx.Component:
    reached = stage["state"] != ""
    return rx.hstack(
        # Two static icons: an icon named by a var pulls every Lucide icon into the pages.
        rx.cond(reached, rx.icon("circle-check", size=16, color=theme.SAGE),
                rx.icon("circle", size=16, color=theme.MUTED)),
        rx.text(stage["label"], size="2", color=rx.cond(reached, theme.INK, theme.MUTED)),
        rx.spacer(),
        rx.text(stage["date"], size="1", color=theme.MUTED),
        align="center", spacing="2", width="100%", class_name="parcel-stage",
    )  # fmt: skip


def _parcel() -> rx.Component:
    """R3: the prepaid parcel's way back, as Mondial Relay scans it."""
    return rx.cond(
        PAGE.parcel_steps.length() > 0,
        rx.box(
            section_title(t("returns.parcel.title")),
            rx.vstack(rx.foreach(PAGE.parcel_steps, _parcel_stage), spacing="2",
                      margin_top="0.8em", width="100%"),
            rx.cond(PAGE.parcel_problem != "",
                    notice(PAGE.parcel_problem, tone="warning", notice_id="parcel-problem")),
            **theme.CARD, id="return-parcel-way",
        ),
    )  # fmt: skip


def _return() -> rx.Component:
    return rx.vstack(
        rx.text(PAGE.order, **theme.KICKER),
        rx.heading(PAGE.title, as_="h1", size="8", **theme.HEADING),
        unreachable_email_warning(PAGE.email_undeliverable),
        rx.cond(PAGE.shoes_note != "",
                notice(PAGE.shoes_note, tone="warning", notice_id="shoes-packing")),
        rx.cond(PAGE.loves_note != "", notice(PAGE.loves_note, notice_id="return-loves")),
        rx.el.ol(rx.foreach(PAGE.steps, _step), id="return-steps", display="flex",
                 flex_wrap="wrap", gap="1.4em", list_style="none", padding="0", margin="0"),
        rx.grid(
            rx.vstack(
                rx.box(section_title(t("returns.status.items")),
                       rx.vstack(rx.foreach(PAGE.lines, item_summary), spacing="3",
                                 margin_top="0.8em"),
                       **theme.CARD),
                rx.cond(PAGE.money.length() > 0, rx.box(
                    section_title(t("returns.status.money")),
                    rx.foreach(PAGE.money, lambda text: rx.text(text, margin_top="0.5em")),
                    **theme.CARD, id="return-money")),
                spacing="4", width="100%",
            ),
            rx.cond(PAGE.received, refund_progress(PAGE.refund_parts), rx.vstack(
                _parcel(),
                rx.box(
                    rx.cond(
                        PAGE.label_pending,
                        notice(t("returns.label.pending"), notice_id="label-pending"),
                        rx.cond(PAGE.label_available, label_downloads(PAGE.number, PAGE.paperless),
                                notice(t("returns.label.expired"), tone="warning")),
                    ),
                    rx.text(PAGE.parcel, size="2", margin_top="0.5em", id="return-parcel"),
                    rx.text(PAGE.label_note, size="1", color=theme.MUTED, margin_top="0.5em"),
                    **theme.CARD,
                ),
                rx.box(section_title(PAGE.place_title),
                       rx.foreach(PAGE.place, lambda text: rx.text(text, margin_top="0.3em")),
                       **theme.CARD),
                spacing="4", width="100%",
            )),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="5",
            width="100%",
        ),
        spacing="4",
        width="100%",
        id="return-page",
    )  # fmt: skip


def return_status_page() -> rx.Component:
    """The status of one return, with its label."""
    return shell(
        for_finder_only(S.status_loaded, S.status_denied, t("returns.status.denied"),
                        "return-denied", routes.RETURNS, _return())
    )  # fmt: skip
