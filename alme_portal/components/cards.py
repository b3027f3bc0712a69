"""Small building blocks shared by pages: headings, job cards, notices."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.i18n import t


def page_heading(kicker, title, intro=None) -> rx.Component:
    """The kicker, serif title and optional intro that open a page."""
    children = [
        rx.text(kicker, **theme.KICKER),
        rx.heading(title, as_="h1", size="8", **theme.HEADING),
    ]
    if intro is not None:
        children.append(rx.text(intro, color=theme.MUTED, size="4", max_width="640px"))
    return rx.vstack(*children, spacing="3", margin_bottom="2em")


def section_title(text, level: str = "h2", **props) -> rx.Component:
    """The small capitals that open a section or card, as the heading they are."""
    return rx.heading(text, as_=level, **{**theme.KICKER, "font_weight": "400", **props})


def link_button(*children, href, secondary: bool = False, **props) -> rx.Component:
    """A link drawn as a button: one control, not a button inside a link (two tab stops).

    Args:
        children: what it shows (its words, an icon).
        href: where it goes.
        secondary: the outlined style instead of the filled one.
        props: more link props (`id`, `is_external`).
    """
    style = theme.SECONDARY_BUTTON if secondary else theme.PRIMARY_BUTTON
    return rx.button(
        rx.link(*children, href=href, underline="none", **props), as_child=True, **style
    )


def job_card(icon: str, title, body, cta, href: str, card_id: str) -> rx.Component:
    """A card for one of the portal's jobs, linking to it."""
    return rx.link(
        rx.vstack(
            rx.icon(icon, size=28, color=theme.TERRACOTTA, stroke_width=1.25),
            rx.heading(title, as_="h2", size="5", **theme.HEADING),
            rx.text(body, color=theme.MUTED, flex="1"),
            rx.hstack(
                rx.text(cta, font_size="12px", letter_spacing="0.14em", text_transform="uppercase"),
                rx.icon("arrow-right", size=16),
                align="center",
                spacing="2",
            ),
            spacing="3",
            height="100%",
            align="start",
        ),
        href=href,
        id=card_id,
        underline="none",
        color=theme.INK,
        **theme.CARD,
        display="block",
        transition="border-color 0.2s",
        _hover={"border_color": theme.INK},
    )


def notice(
    message, tone: str = "info", notice_id: str | None = None, role: str | None = "status"
) -> rx.Component:
    """A bordered message box; `tone` is info or warning; `role` None inside a live region."""
    colour = theme.TERRACOTTA if tone == "warning" else theme.SAGE
    return rx.hstack(
        rx.icon(
            "triangle-alert" if tone == "warning" else "info",
            size=18,
            color=colour,
            flex_shrink="0",
        ),
        rx.text(message, size="2"),
        border_left=f"3px solid {colour}",
        background_color="white",
        padding="0.9em 1em",
        spacing="3",
        align="start",
        width="100%",
        id=notice_id,
        **({"role": role} if role else {}),
    )


def for_finder_only(loaded, denied, message, notice_id: str, href: str, content) -> rx.Component:
    """A page shown only to the tab that found the order: spinner, refusal, or the content.

    Args:
        loaded: whether the page's data has been looked up.
        denied: whether this tab may not see it.
        message: the refusal, pointing to the lookup.
        notice_id: the refusal's element id.
        href: where the lookup is.
        content: the page itself.
    """
    refusal = rx.vstack(
        notice(message, notice_id=notice_id),
        link_button(t("track.submit"), href=href),
        spacing="4",
        max_width="520px",
    )
    return rx.cond(
        loaded,
        rx.cond(denied, refusal, content),
        loading(),
    )


def loading(min_height: str = "40vh") -> rx.Component:
    """The page's place, spinning while its data loads."""
    return rx.center(rx.spinner(size="3"), min_height=min_height)


def item_summary(row) -> rx.Component:
    """An item with its picture, name, details, reason and what was asked for it."""
    return rx.hstack(
        rx.image(src=row["image"], width="56px", height="70px", object_fit="cover",
                 background_color=theme.SAND, alt=row["name"]),
        rx.vstack(
            rx.text(row["name"], weight="medium"),
            rx.text(row["details"], size="2", color=theme.MUTED),
            rx.text(row["reason"], size="2"),
            rx.text(row["outcome"], size="2", weight="medium"),
            spacing="1",
        ),
        spacing="3",
        align="start",
        class_name="review-row",
    )  # fmt: skip


def live_region(child, assertive: bool = False) -> rx.Component:
    """A live region on the page before its message, so the message is announced.

    A region inserted together with its text often is not (issue 19.17).
    """
    return rx.box(child, aria_live="assertive" if assertive else "polite", aria_atomic="true",
                  width="100%")  # fmt: skip


def outcome_notice(message, ok, notice_id: str) -> rx.Component:
    """An action's message, shown only when there is one: calm when it worked, warning if not."""
    return live_region(rx.cond(
        message != "",
        rx.cond(ok, notice(message, tone="info", notice_id=notice_id, role=None),
                notice(message, tone="warning", notice_id=notice_id, role=None)),
    ))  # fmt: skip
