"""★ "Where is my refund": one line per part of a refund, on the return and account pages."""

from __future__ import annotations

import dataclasses

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.i18n import t


@dataclasses.dataclass
class RefundPart:
    """One part of a refund (`refunds.services.progress`)."""

    method: str = ""
    amount: str = ""
    state: str = ""
    """done, waiting or problem."""
    status: str = ""
    details: list[str] = dataclasses.field(default_factory=list)
    statement: str = ""


def refund_parts(parts: list[dict]) -> list[RefundPart]:
    """The parts as the state holds them."""
    return [RefundPart(**part) for part in parts]


def _part(part: RefundPart) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(part.method, weight="medium"),
            rx.spacer(),
            rx.text(part.amount, weight="medium", white_space="nowrap"),
            width="100%",
            align="baseline",
        ),
        rx.text(
            part.status,
            size="2",
            color=rx.match(
                part.state, ("problem", theme.TERRACOTTA), ("done", theme.INK), theme.MUTED
            ),
            class_name="refund-status",
        ),  # fmt: skip
        rx.foreach(part.details, lambda text: rx.text(text, size="2", color=theme.MUTED)),
        rx.cond(part.statement != "", rx.text(part.statement, size="2", color=theme.MUTED)),
        spacing="1",
        width="100%",
        padding_y="0.6em",
        border_bottom=f"1px solid {theme.LINE}",
        class_name="refund-part",
        data_state=part.state,
    )


def refund_progress(parts, element_id: str = "where-is-my-refund") -> rx.Component:
    """The card listing each part, with its heading; nothing when there is no refund."""
    return rx.cond(
        parts.length() > 0,
        rx.box(
            rx.heading(t("refund.where.title"), as_="h2", size="4", **theme.HEADING),
            rx.vstack(rx.foreach(parts, _part), spacing="0", width="100%", margin_top="0.4em"),
            **theme.CARD,
            id=element_id,
        ),
    )
