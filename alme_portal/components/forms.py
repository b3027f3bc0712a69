"""Form pieces in the brand style: labelled fields and error messages."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import live_region, notice


def field(
    label, name: str, field_id: str, hint=None, error=None, error_id: str = "", **input_props
) -> rx.Component:
    """A labelled input with an optional hint under it.

    With `error` (a Var, "" when none) and the id of the element showing it, the input is
    marked invalid and described by it while there is one (issue 19.17).
    """
    hint_id = f"{field_id}-hint"
    described = [hint_id] if hint is not None else []
    if error is not None:
        input_props["aria_invalid"] = rx.cond(error != "", "true", "false")
        with_error = " ".join([*described, error_id])
        input_props["aria_describedby"] = rx.cond(error != "", with_error, " ".join(described))
    elif described:
        input_props["aria_describedby"] = hint_id
    children = [
        rx.el.label(label, html_for=field_id, font_size="13px", letter_spacing="0.04em"),
        rx.input(name=name, id=field_id, size="3", width="100%", **theme.INPUT, **input_props),
    ]
    if hint is not None:
        children.append(rx.text(hint, size="1", color=theme.MUTED, id=hint_id))
    return rx.vstack(*children, spacing="1", width="100%")


def form_error(message: rx.Var, error_id: str) -> rx.Component:
    """The form's error, announced to screen readers as it appears, shown only when there is one."""
    return live_region(
        rx.cond(message != "", notice(message, tone="warning", notice_id=error_id, role=None)),
        assertive=True,
    )


def select_field(
    label,
    name: str,
    field_id: str,
    options,
    labelled: bool = True,
    placeholder_first: bool = False,
    **select_props,
) -> rx.Component:
    """A labelled native select (it works with any keyboard, screen reader and phone).

    Args:
        label: the visible label.
        name: the form field name.
        field_id: the element id.
        options: a list Var of {"value", "label"} dicts, or of strings (`labelled=False`).
        labelled: whether the options are {"value", "label"} dicts.
        placeholder_first: start with an empty "—" option, for a select bound to "".
        **select_props: passed to the select (default_value, key, on_change...).
    """

    def option(item):
        if labelled:
            return rx.el.option(item["label"], value=item["value"])
        return rx.el.option(item, value=item)

    return rx.vstack(
        rx.el.label(label, html_for=field_id, font_size="13px", letter_spacing="0.04em"),
        rx.el.select(
            *([rx.el.option("—", value="", disabled=True)] if placeholder_first else []),
            rx.foreach(options, option),
            name=name,
            id=field_id,
            class_name="native-select",
            **select_props,
        ),
        spacing="1",
        width="100%",
    )


def radio_choice(value, label) -> rx.Component:
    """One labelled radio button of a `rx.radio_group.root`; `label` is text or a component."""
    return rx.el.label(
        rx.radio_group.item(value=value),
        label if isinstance(label, rx.Component) else rx.text(label, size="2"),
        display="flex",
        gap="0.6em",
        align_items="center",
        min_height="44px",  # a finger's target (WCAG 2.5.8), not the text's 20 px
        cursor="pointer",
        class_name="choice",
    )


def radio_list(current, handler, options, group_id: str, label=None, content=None) -> rx.Component:
    """A labelled radio group; `options` is a list of (value, label) or a Var of dicts.

    `label`, the question the group answers, is its accessible name. `content` lays out a Var
    option (its "label" as text by default).
    """
    if isinstance(options, list):
        items = [radio_choice(value, label) for value, label in options]
    else:
        show = content or (lambda item: item["label"])
        items = [rx.foreach(options, lambda item: radio_choice(item["value"], show(item)))]
    return rx.radio_group.root(
        rx.vstack(*items, spacing="0"),
        value=current,
        on_change=handler,
        color_scheme="gray",
        id=group_id,
        **({"aria_label": label} if label is not None else {}),
    )
