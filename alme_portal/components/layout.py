"""The page shell: header with navigation and language switch, content, footer (rule C1)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.i18n import t
from alme_portal.i18n import hours_text, translate
from alme_portal.platform import routes, settings
from alme_portal.state.ui import UiState

NAV_ITEMS = (
    ("nav.track", routes.TRACK),
    ("nav.returns", routes.RETURNS),
    ("nav.loyalty", routes.LOYALTY),
    ("nav.referral", routes.REFERRAL),
    ("nav.help", routes.HELP),
    ("nav.account", routes.ACCOUNT),
)


def opening_hours() -> rx.Var:
    """Customer-service hours of rule C1 in the visitor's language."""
    return rx.cond(UiState.is_french, hours_text("fr"), hours_text("en"))


def _brand_name(size: str, spacing: str) -> rx.Component:
    # A span: a styled paragraph reads as an unmarked heading (axe-core's p-as-heading).
    return rx.text("ALMÉ", as_="span", font_family=theme.SERIF, font_size=size,
                   letter_spacing=spacing)  # fmt: skip


def wordmark() -> rx.Component:
    """The ALMÉ wordmark, linking home."""
    return rx.link(
        rx.vstack(
            _brand_name("28px", "0.32em"),
            rx.text(t("brand.service"), as_="span", **{**theme.KICKER, "font_size": "10px"}),
            spacing="0",
            align="center",
        ),
        href=routes.HOME,
        underline="none",
        color=theme.INK,
    )  # its name is its words, "ALMÉ Customer service" (WCAG 2.5.3)


def language_switch() -> rx.Component:
    """EN | FR buttons; the current language is marked."""

    def option(code: str) -> rx.Component:
        current = UiState.language == code
        return rx.button(
            code.upper(),
            on_click=UiState.choose_language(code),
            variant="ghost",
            aria_pressed=rx.cond(current, "true", "false"),
            aria_label=f"{code.upper()} – {translate(code, f'lang.{code}')}",  # EN – English
            color=rx.cond(current, theme.INK, theme.MUTED),
            font_weight=rx.cond(current, "700", "400"),
            border_radius="0",
            size="1",
            cursor="pointer",
        )

    return rx.hstack(
        option("en"),
        rx.text("|", color=theme.LINE),
        option("fr"),
        spacing="1",
        align="center",
        role="group",
        aria_label=t("lang.label"),
        id="language-switch",
    )


def _nav_link(key: str, href: str) -> rx.Component:
    return rx.link(
        t(key),
        href=href,
        color=theme.INK,
        underline="none",
        font_size="12px",
        letter_spacing="0.14em",
        text_transform="uppercase",
        white_space="nowrap",
        _hover={"color": theme.TERRACOTTA},
    )


def mobile_menu() -> rx.Component:
    """The navigation behind a "Menu" disclosure on narrower screens.

    A native `<details>`: links in a navigation landmark, opened and closed by keyboard
    without script (a drop-down `role=menu` is for application commands, not site links).
    """
    return rx.el.details(
        rx.el.summary(rx.icon("menu", size=18), t("nav.menu"), id="mobile-menu"),
        rx.el.nav(
            *[_nav_link(key, href) for key, href in NAV_ITEMS],
            aria_label=t("nav.main_label"),
            id="mobile-nav",
        ),
        class_name="mobile-menu",
    )


def header() -> rx.Component:
    """Top bar: wordmark, navigation (menu on phones) and language switch."""
    return rx.el.header(
        rx.flex(
            # The full menu from 1280 px (80em): below, in French, it pushed EN|FR off screen.
            rx.box(mobile_menu(), display=["block", "block", "block", "block", "none"]),
            wordmark(),
            rx.el.nav(
                rx.hstack(*[_nav_link(key, href) for key, href in NAV_ITEMS], spacing="6"),
                display=["none", "none", "none", "none", "block"],
                aria_label=t("nav.main_label"),
            ),
            language_switch(),
            justify="between",
            align="center",
            max_width=theme.PAGE_WIDTH,
            margin="0 auto",
            padding="1em 1.25em",
            gap="1em",
        ),
        border_bottom=f"1px solid {theme.LINE}",
        background_color=theme.IVORY,
        position="sticky",
        top="0",
        z_index="10",
    )


def footer() -> rx.Component:
    """Contact details and hours of rule C1."""
    return rx.el.footer(
        rx.flex(
            rx.vstack(
                _brand_name("22px", "0.3em"),
                rx.text(t("footer.rights"), color=theme.MUTED, font_size="13px"),
                spacing="2",
            ),
            rx.vstack(
                rx.text(t("footer.contact"), **theme.KICKER),
                rx.link(
                    settings.CONTACT_EMAIL,
                    href=f"mailto:{settings.CONTACT_EMAIL}",
                    color=theme.INK,
                ),
                rx.link(
                    settings.CONTACT_PHONE,
                    href=f"tel:{settings.CONTACT_PHONE_E164}",
                    color=theme.INK,
                ),
                rx.text(opening_hours(), color=theme.MUTED, font_size="14px", id="contact-hours"),
                rx.text(t("footer.note"), color=theme.MUTED, font_size="13px"),
                spacing="1",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            gap="2em",
            max_width=theme.PAGE_WIDTH,
            margin="0 auto",
            padding="3em 1.25em",
        ),
        id="site-footer",
        background_color=theme.SAND,
        margin_top="4em",
    )


def _cookie_pixel(code) -> rx.Component:
    """The image request whose answer sets an HttpOnly cookie (see `state.browser`)."""
    return rx.el.img(
        src="/api/cookie?code=" + code, alt="", width="1", height="1", aria_hidden="true",
        position="absolute", left="-9999px",
    )  # fmt: skip


def _backend_failure() -> rx.Component:
    return rx.hstack(
        rx.icon("triangle-alert", size=18, color=theme.TERRACOTTA, flex_shrink="0"),
        rx.text(t("error.generic"), size="2", flex="1"),
        rx.button(t("error.dismiss"), on_click=UiState.dismiss_backend_error, variant="ghost",
                  color=theme.INK, size="2", text_decoration="underline"),
        role="alert", id="backend-failure", align="center", spacing="3", width="100%",
        padding="0.9em 1em", margin_bottom="1.5em", background_color="white",
        border=f"1px solid {theme.TERRACOTTA}",
    )  # fmt: skip


def shell(*children: rx.Component) -> rx.Component:
    """Wrap a page's content in the brand header and footer."""
    return rx.box(
        rx.link(t("nav.skip"), href="#main", class_name="skip-link"),
        header(),
        rx.el.main(
            rx.cond(UiState.backend_failed, _backend_failure()),
            *children,
            id="main",
            # "true" once the page's state arrived: tests (and styles) can wait for it.
            custom_attrs={"data-hydrated": rx.State.is_hydrated},
            max_width=theme.PAGE_WIDTH,
            margin="0 auto",
            padding=["1.5em 1.25em", "2em 1.25em", "3em 1.25em"],
            min_height="60vh",
        ),
        footer(),
        rx.foreach(UiState.cookie_codes, _cookie_pixel),
        background_color=theme.IVORY,
        min_height="100vh",
    )


def member_bar(greeting, on_log_out, greeting_id: str, log_out_id: str = "logout") -> rx.Component:
    """Who is logged in, and the button to log out, above a member's or staff's page."""
    return rx.hstack(
        greeting,
        rx.spacer(),
        rx.button(t("account.logout"), on_click=on_log_out, id=log_out_id,
                  **theme.SECONDARY_BUTTON),
        width="100%", align="center", wrap="wrap", spacing="3", id=f"{greeting_id}-bar",
    )  # fmt: skip


def two_columns(left, right, columns: str = "2") -> rx.Component:
    """Two columns from tablets up, stacked on phones, tops aligned."""
    return rx.grid(left, right, columns=rx.breakpoints(initial="1", md=columns), spacing="5",
                   width="100%", align_items="start")  # fmt: skip
