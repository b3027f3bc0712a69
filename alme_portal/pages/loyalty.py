"""Almé Lovers: log in or create an account, then the member's dashboard (L1, L11)."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import member_or_forms
from alme_portal.components.cards import notice, outcome_notice, page_heading, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import member_bar, shell
from alme_portal.pages.loyalty_membership import claim_card, leave_card
from alme_portal.state.loyalty import LoyaltyState as L

D = L.dashboard
C = D.chart
H = L.history


def _card(title, *children, card_id: str, **props) -> rx.Component:
    return rx.vstack(
        section_title(title),
        *children,
        spacing="3", id=card_id, **theme.CARD, align="start", **props,
    )  # fmt: skip


def _row(left, right, **props) -> rx.Component:
    style = {"padding_y": "0.4em", "border_bottom": f"1px solid {theme.LINE}", **props}
    return rx.hstack(rx.text(left), rx.spacer(), rx.text(right, color=theme.MUTED, size="2"),
                     width="100%", align="center", **style)  # fmt: skip


def _balance() -> rx.Component:
    return _card(
        t("loyalty.balance.label"),
        rx.text(D.balance, as_="div", size="8", id="loves-balance", **theme.HEADING),
        section_title(t("loyalty.pending.title"), "h3", padding_top="0.5em"),
        rx.cond(
            D.pending.length() > 0,
            rx.vstack(rx.foreach(D.pending, lambda p: _row(p["loves"], p["until"])),
                      width="100%", spacing="0"),
            rx.text(t("loyalty.pending.none"), color=theme.MUTED, size="2"),
        ),
        rx.text(t("loyalty.pending.intro"), color=theme.MUTED, size="1"),
        card_id="loves-card",
    )  # fmt: skip


def _tier(tier) -> rx.Component:
    current = tier["current"] != ""
    return rx.hstack(
        rx.vstack(
            rx.heading(tier["name"], as_="h3", font_family=theme.SERIF, font_size="22px",
                       font_weight="400"),
            rx.text(tier["floor"], color=theme.MUTED, size="1"),
            spacing="0",
        ),
        rx.spacer(),
        rx.text(tier["benefit"], size="2", text_align="right", max_width="55%"),
        width="100%", padding="0.8em", align="center",
        border=rx.cond(current, f"1px solid {theme.INK}", f"1px solid {theme.LINE}"),
        background_color=rx.cond(current, theme.SAND, "transparent"),
        class_name=rx.cond(current, "tier tier-current", "tier"),
    )  # fmt: skip


def _status() -> rx.Component:
    return _card(
        t("loyalty.tiers.title"),
        rx.text(D.tier, as_="div", size="7", id="tier-current", **theme.HEADING),
        rx.progress(value=D.progress, width="100%", color_scheme="brown", radius="none",
                    aria_label=t("loyalty.progress_label")),
        rx.text(D.missing, size="2", id="tier-missing"),
        rx.text(D.spend, color=theme.MUTED, size="2"),
        rx.cond(D.kept_until != "", rx.text(D.kept_until, color=theme.MUTED, size="2")),
        rx.vstack(rx.foreach(D.tiers, _tier), width="100%", spacing="2", padding_top="0.5em"),
        card_id="tier-card",
    )  # fmt: skip


INSTAGRAM_URL = "https://www.instagram.com/almeparis/"


def _small_button(label, **props) -> rx.Component:
    return rx.button(label, size="2", **{**theme.SECONDARY_BUTTON, "min_height": "40px"}, **props)


def _mission_step(mission) -> rx.Component:
    """The honest step of each mission (L2), until it is done."""
    key = mission["key"]
    return rx.match(
        key,
        ("instagram", rx.hstack(
            rx.link(t("loyalty.mission.instagram.step"), href=INSTAGRAM_URL, is_external=True),
            _small_button(t("loyalty.mission.instagram.confirm"), id="mission-instagram",
                          on_click=L.complete_mission("instagram", {})),
            align="center", spacing="3", wrap="wrap")),
        ("birthday", rx.form(
            rx.hstack(
                rx.input(type="date", name="birthday", id="birthday-input", required=True,
                         aria_label=t("loyalty.mission.birthday.field"), **theme.INPUT),
                _small_button(t("loyalty.mission.birthday.confirm"), type="submit",
                              id="mission-birthday"),
                align="center", spacing="3", wrap="wrap"),
            on_submit=lambda data: L.complete_mission("birthday", data), reset_on_submit=False)),
        _small_button(t("loyalty.mission.newsletter.confirm"), id="mission-newsletter",
                      on_click=L.complete_mission("newsletter", {})),
    )  # fmt: skip


def _mission(mission) -> rx.Component:
    done = mission["done"] != ""
    return rx.vstack(
        _row(mission["name"], rx.cond(done, t("loyalty.mission.done"), mission["loves"]),
             border_bottom="none"),
        rx.cond(done, rx.fragment(), _mission_step(mission)),
        width="100%", spacing="2", padding_bottom="0.8em",
        border_bottom=f"1px solid {theme.LINE}", class_name="mission",
    )  # fmt: skip


def _missions() -> rx.Component:
    return _card(
        t("loyalty.missions.title"),
        rx.vstack(rx.foreach(D.missions, _mission), width="100%", spacing="2"),
        card_id="missions-card",
    )


def _reward(reward) -> rx.Component:
    return _row(
        rx.text(reward["value"], " · ", reward["price"]),
        rx.cond(
            reward["affordable"] != "",
            _small_button(t("loyalty.reward.redeem"), on_click=L.redeem(reward["loves"]),
                          id="redeem-" + reward["loves"]),
            t("loyalty.reward.need"),
        ),
        class_name="reward",
    )  # fmt: skip


def _rewards() -> rx.Component:
    return _card(
        t("loyalty.rewards.title"),
        rx.vstack(rx.foreach(D.rewards, _reward), width="100%", spacing="0"),
        section_title(t("loyalty.vouchers.title"), "h3", padding_top="0.5em"),
        rx.cond(
            D.vouchers.length() > 0,
            rx.vstack(rx.foreach(D.vouchers, lambda v: _row(rx.text(v["code"], " · ", v["value"]),
                                                            v["state"], class_name="voucher")),
                      width="100%", spacing="0"),
            rx.text(t("loyalty.vouchers.none"), color=theme.MUTED, size="2"),
        ),
        card_id="rewards-card",
    )  # fmt: skip


WIDE = {"grid_column": rx.breakpoints(initial="auto", md="1 / -1")}
"""A card as wide as the dashboard once it has two columns."""
SR_ONLY = {"position": "absolute", "width": "1px", "height": "1px", "overflow": "hidden",
           "clip": "rect(0 0 0 0)", "white_space": "nowrap", "margin": "-1px"}  # fmt: skip
"""Read by screen readers, not shown."""


def _svg_path(d, **attributes) -> rx.Component:
    """A path of the chart whose stroke keeps its width however the chart is stretched."""
    return rx.el.path(d=d, custom_attrs={"vectorEffect": "non-scaling-stroke", "fill": "none",
                                         **attributes})  # fmt: skip


def _chart_svg() -> rx.Component:
    return rx.el.svg(
        _svg_path(C.grid, stroke=theme.LINE, strokeWidth=1),
        _svg_path(C.area, fill=theme.SAND, fillOpacity=0.6, stroke="none"),
        _svg_path(C.line, stroke=theme.INK, strokeWidth=2, strokeLinejoin="round"),
        _svg_path(C.pending, stroke=theme.TERRACOTTA, strokeWidth=2, strokeDasharray="4 3"),
        _svg_path(C.dots, stroke=theme.INK, strokeWidth=6, strokeLinecap="round"),
        view_box=C.view_box, preserve_aspect_ratio="none", width="100%", height="100%",
        role="img", aria_label=C.label, id="loves-chart", overflow="visible", display="block",
        custom_attrs={"aria-describedby": "loves-chart-summary"},
    )  # fmt: skip


def _tick(tick) -> rx.Component:
    return rx.text(tick["label"], position="absolute", top=tick["top"], right="0",
                   transform="translateY(-50%)", color=theme.MUTED, font_size="11px",
                   line_height="1", white_space="nowrap")  # fmt: skip


def _month(month) -> rx.Component:
    label = {"position": "absolute", "left": month["left"], "color": theme.MUTED,
             "transform": f"translateX({month['shift']})", "font_size": "11px",
             "white_space": "nowrap", "class_name": "chart-month"}  # fmt: skip
    return rx.cond(
        month["minor"] != "",
        rx.text(month["label"], display=rx.breakpoints(initial="none", md="block"), **label),
        rx.text(month["label"], **label),
    )


def _legend_line(label, border: str, **props) -> rx.Component:
    return rx.hstack(rx.box(width="18px", border_top=border), rx.text(label, size="1"),
                     align="center", spacing="2", **props)  # fmt: skip


def _chart() -> rx.Component:
    """Her spendable loves at the end of each of the last 12 months, then today (L11)."""
    height = rx.breakpoints(initial="150px", md="200px")
    return _card(
        t("loyalty.chart.title"),
        rx.text(t("loyalty.chart.intro"), color=theme.MUTED, size="2"),
        rx.grid(
            rx.box(rx.foreach(C.ticks, _tick), position="relative", height=height,
                   aria_hidden="true"),
            rx.box(_chart_svg(), height=height),
            rx.box(),
            rx.box(rx.foreach(C.months, _month), position="relative", height="1.4em",
                   aria_hidden="true"),
            grid_template_columns="4.5ch 1fr", column_gap="0.75em", row_gap="0.5em",
            width="100%", padding_top="0.5em",
        ),
        rx.hstack(
            _legend_line(t("loyalty.balance.label"), f"2px solid {theme.INK}"),
            rx.cond(C.pending_label != "",
                    _legend_line(C.pending_label, f"2px dashed {theme.TERRACOTTA}",
                                 id="chart-pending")),
            spacing="5", wrap="wrap",
        ),
        rx.text(C.summary, id="loves-chart-summary", **SR_ONLY),
        card_id="chart-card", position="relative", **WIDE,
    )  # fmt: skip


def _history_row(row) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(row["label"], size="2"),
            rx.text(row["date"], color=theme.MUTED, size="1"),
            rx.cond(row["pending"] != "",
                    rx.text(row["pending"], color=theme.TERRACOTTA, size="1")),
            spacing="0", min_width="0",
        ),
        rx.spacer(),
        rx.text(row["loves"], size="2", white_space="nowrap",
                font_weight=rx.cond(row["sign"] == "plus", "500", "400")),
        width="100%", align="start", spacing="3", padding_y="0.6em",
        border_bottom=f"1px solid {theme.LINE}", class_name="history-row",
    )  # fmt: skip


def _pager_button(label, **props) -> rx.Component:
    """Older / Newer: compact enough for both to share a phone's row."""
    style = {**theme.SECONDARY_BUTTON, "min_height": "40px", "font_size": "12px",
             "letter_spacing": "0.08em", "padding": "0 1em"}  # fmt: skip
    return rx.button(label, size="2", flex=rx.breakpoints(initial="1", sm="0 0 auto"), **style,
                     **props)  # fmt: skip


def _history() -> rx.Component:
    """Her loves ledger, newest first, 20 entries a page (L11)."""
    return _card(
        t("loyalty.history.title"),
        rx.text(t("loyalty.history.intro"), color=theme.MUTED, size="2"),
        rx.cond(
            H.rows.length() > 0,
            rx.vstack(rx.foreach(H.rows, _history_row), width="100%", spacing="0",
                      id="history-rows"),
            rx.text(t("loyalty.history.none"), color=theme.MUTED, size="2"),
        ),
        rx.cond(
            H.older | H.newer,
            rx.hstack(
                _pager_button(t("loyalty.history.newer"), on_click=L.history_newer,
                              disabled=~H.newer, id="history-newer"),
                _pager_button(t("loyalty.history.older"), on_click=L.history_older,
                              disabled=~H.older, id="history-older"),
                spacing="3", justify="end", width="100%", padding_top="0.5em",
            ),
        ),
        card_id="history-card", **WIDE,
    )  # fmt: skip


def _message() -> rx.Component:
    return rx.fragment(
        outcome_notice(L.loyalty_message, L.loyalty_message_ok, "loyalty-message"),
        unreachable_email_warning(L.claim_undeliverable),
    )


def _dashboard() -> rx.Component:
    return rx.vstack(
        member_bar(rx.heading(D.greeting, as_="h2", size="6", id="loyalty-greeting",
                              **theme.HEADING), L.log_out_here, "loyalty-greeting"),
        _message(),
        rx.cond(D.left != "", notice(D.left, notice_id="loyalty-left"), rx.grid(
            _balance(), _status(), _chart(), _missions(), _rewards(),
            _history(), claim_card(_card, L.claim_loves), leave_card(_card, L.leave_program),
            columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%")),
        spacing="5", width="100%", id="loyalty-dashboard",
    )  # fmt: skip


def loyalty_page() -> rx.Component:
    """The Almé Lovers page: forms for visitors, the dashboard for members."""
    return shell(
        rx.box(
            page_heading(t("loyalty.kicker"), t("loyalty.title"),
                         rx.cond(L.signed_in, "", t("loyalty.intro"))),
            member_or_forms(L, _dashboard(), L.log_in_here, L.sign_up_here),
            width="100%",
        )
    )  # fmt: skip
