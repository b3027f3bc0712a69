"""The Atelier console: receive parcels, inspect each item on the R6 checklist, see outcomes."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import account_form, email_field, password_field
from alme_portal.components.cards import outcome_notice, page_heading, section_title
from alme_portal.components.forms import field, form_error
from alme_portal.components.i18n import t
from alme_portal.components.layout import member_bar, shell, two_columns
from alme_portal.state.staff import TABS
from alme_portal.state.staff import StaffState as S

D = S.detail


def _card(*children, **props) -> rx.Component:
    return rx.vstack(*children, spacing="3", align="start", **{**theme.CARD, **props})


def _login() -> rx.Component:
    fields = [
        email_field("staff-email"),
        password_field(t("account.password"), "password", "staff-password"),
    ]
    return rx.vstack(
        form_error(S.staff_error, "staff-error"),
        rx.box(
            account_form(
                t("staff.login.title"),
                fields,
                t("account.login.submit"),
                "staff-login",
                S.log_in_staff,
                False,
            ),
            max_width="480px",
            width="100%",
        ),
        width="100%",
        spacing="4",
    )


def _receive() -> rx.Component:
    return rx.form(
        _card(
            section_title(t("staff.receive.title")),
            field(
                t("staff.receive.field"),
                "code",
                "receive-code",
                hint=t("staff.receive.hint"),
                max_length=40,
                required=True,
                auto_complete="off",
                auto_focus=True,
            ),
            field(
                t("staff.receive.postage"),
                "postage",
                "receive-postage",
                max_length=12,
                input_mode="decimal",
            ),
            rx.button(
                t("staff.receive.submit"),
                type="submit",
                id="receive-submit",
                **theme.PRIMARY_BUTTON,
            ),
        ),
        on_submit=S.receive_parcel,
        reset_on_submit=True,
        width="100%",
    )


def _tab(name: str) -> rx.Component:
    current = S.tab == name
    return rx.button(
        t(f"staff.queue.{name}"),
        on_click=S.show_tab(name),
        id=f"tab-{name}",
        variant=rx.cond(current, "solid", "outline"),
        color_scheme="gray",
        high_contrast=True,
        radius="none",
        aria_pressed=rx.cond(current, "true", "false"),
    )


def _queue_row(row) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(row["number"], font_family=theme.SERIF, font_size="20px"),
            rx.text(row["order"], " · ", row["status"], size="2", color=theme.MUTED),
            rx.text(row["summary"], size="2"),
            rx.cond(
                row["parcel"] != "",
                rx.text(row["parcel"], size="2", color=theme.SAGE, class_name="queue-parcel"),
            ),
            spacing="0",
        ),
        rx.spacer(),
        rx.button(
            t("staff.open"),
            on_click=S.open_return(row["number"]),
            size="2",
            id="open-" + row["number"],
            **theme.SECONDARY_BUTTON,
        ),
        width="100%",
        align="center",
        padding_y="0.7em",
        class_name="queue-row",
        border_bottom=f"1px solid {theme.LINE}",
    )


def _queue() -> rx.Component:
    return _card(
        rx.hstack(*[_tab(name) for name in TABS], spacing="2", wrap="wrap"),
        rx.cond(
            S.queue_rows.length() > 0,
            rx.vstack(rx.foreach(S.queue_rows, _queue_row), width="100%", spacing="0"),
            rx.text(t("staff.queue.empty"), color=theme.MUTED, size="2"),
        ),
        id="staff-queue",
    )


def _ground(ground) -> rx.Component:
    return rx.el.label(
        rx.checkbox(name=ground["key"], id="ground-" + ground["key"]),
        rx.text(ground["label"], size="2"),
        display="flex",
        gap="0.5em",
        align_items="center",
        cursor="pointer",
    )


def _line(line) -> rx.Component:
    checklist = rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="line_id", value=line.id),
            rx.text(t("staff.line.hint"), size="1", color=theme.MUTED),
            rx.grid(
                rx.foreach(line.grounds, _ground),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="2",
                width="100%",
            ),
            rx.button(
                t("staff.line.submit"),
                type="submit",
                size="2",
                id="inspect-" + line.id,
                **theme.PRIMARY_BUTTON,
            ),
            spacing="3",
            width="100%",
        ),
        # The line travels in the form: a foreach item is not in scope of a submit handler.
        on_submit=S.inspect,
        reset_on_submit=False,
        width="100%",
    )
    return rx.vstack(
        rx.text(line.title, weight="medium"),
        rx.text(line.reason, " · ", line.resolution, size="2", color=theme.MUTED),
        rx.cond(line.defect != "", rx.text(line.defect, size="2", color=theme.TERRACOTTA)),
        rx.cond(
            line.verdict != "",
            rx.text(line.verdict, size="2", class_name="verdict"),
            rx.cond(D.to_inspect, checklist),
        ),
        width="100%",
        spacing="2",
        padding_y="0.9em",
        class_name="inspect-line",
        border_bottom=f"1px solid {theme.LINE}",
    )


def _refund_row(row) -> rx.Component:
    """A provider refund; a failed one offers "Retry" and "Refund as credit note instead"."""
    return rx.vstack(
        rx.text(row.text, size="2", class_name="refund-row"),
        rx.cond(
            row.failed,
            rx.vstack(
                rx.text(row.error, size="1", color=theme.TERRACOTTA),
                rx.hstack(
                    rx.button(t("staff.refund.retry"), on_click=S.retry_refund(row.id),
                              size="2", **theme.PRIMARY_BUTTON),
                    rx.button(t("staff.refund.credit_note_button"),
                              on_click=S.refund_as_credit_note(row.id), size="2",
                              **theme.SECONDARY_BUTTON),
                    wrap="wrap",
                    spacing="2",
                ),
                spacing="2",
            ),
        ),
        spacing="1",
        width="100%",
    )  # fmt: skip


def _detail() -> rx.Component:
    return rx.cond(
        D.number != "",
        _card(
            rx.hstack(
                rx.heading(D.number, as_="h2", size="6", **theme.HEADING),
                rx.spacer(),
                rx.text(D.status, **theme.KICKER, id="detail-status"),
                width="100%",
                align="center",
            ),
            rx.text(D.order, size="2", color=theme.MUTED),
            rx.vstack(rx.foreach(D.lines, _line), width="100%", spacing="0"),
            rx.cond(
                D.outcome.length() > 0,
                rx.vstack(
                    section_title(t("staff.outcome")),
                    rx.foreach(
                        D.outcome, lambda text: rx.text(text, size="2", class_name="outcome")
                    ),
                    spacing="1",
                    id="detail-outcome",
                ),
            ),
            rx.cond(
                D.refunds.length() > 0,
                rx.vstack(
                    section_title(t("staff.refund.title")),
                    rx.foreach(D.refunds, _refund_row),
                    spacing="2",
                    width="100%",
                    id="detail-refunds",
                ),
            ),
            section_title(t("staff.log")),
            rx.foreach(
                D.log,
                lambda text: rx.text(text, size="1", color=theme.MUTED, class_name="log-entry"),
            ),
            id="return-detail",
        ),
    )


def _message() -> rx.Component:
    return outcome_notice(S.staff_message, S.staff_ok, "staff-message")


def _console() -> rx.Component:
    return rx.vstack(
        member_bar(
            rx.text(t("staff.greeting"), " ", S.staff_name, id="staff-greeting"),
            S.log_out_staff,
            "staff-greeting",
            "staff-logout",
        ),
        _message(),
        two_columns(
            rx.vstack(_receive(), _queue(), spacing="5", width="100%"), _detail(), "2fr 3fr"
        ),
        spacing="5",
        width="100%",
        id="staff-console",
    )


def staff_page() -> rx.Component:
    """The console for staff accounts, their login form for anyone else."""
    return shell(
        rx.box(
            page_heading(t("staff.kicker"), t("staff.title"), t("staff.intro")),
            rx.cond(S.staff_name != "", _console(), _login()),
            width="100%",
        )
    )
