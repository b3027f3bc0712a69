"""Form pieces in the brand style: labelled fields and error messages."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import notice


def field(label, name: str, field_id: str, hint=None, **input_props) -> rx.Component:
    """A labelled input with an optional hint under it."""
    children = [
        rx.el.label(label, html_for=field_id, font_size="13px", letter_spacing="0.04em"),
        rx.input(name=name, id=field_id, size="3", width="100%", **theme.INPUT, **input_props),
    ]
    if hint is not None:
        children.append(rx.text(hint, size="1", color=theme.MUTED))
    return rx.vstack(*children, spacing="1", width="100%")


def form_error(message: rx.Var, error_id: str) -> rx.Component:
    """The form's error, announced to screen readers, shown only when there is one."""
    return rx.cond(message != "", notice(message, tone="warning", notice_id=error_id))
