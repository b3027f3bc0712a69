"""Refer a friend: her link to copy, share or print as a QR code, invitations, their states."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.account_forms import email_field, member_or_forms
from alme_portal.components.cards import link_button, outcome_notice, page_heading, section_title
from alme_portal.components.email_warning import unreachable_email_warning
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell, two_columns
from alme_portal.state.referral import ReferralState as R


def _card(title, *children, card_id: str) -> rx.Component:
    return rx.vstack(
        section_title(title),
        *children,
        spacing="3",
        align="start",
        id=card_id,
        **theme.CARD,
    )


def _share() -> rx.Component:
    return _card(
        t("referral.link.title"),
        rx.text(
            R.referral_link,
            id="referral-link",
            font_family=theme.SERIF,
            font_size="22px",
            word_break="break-all",
        ),
        rx.hstack(
            rx.button(
                rx.icon("copy", size=16),
                t("referral.copy"),
                id="copy-link",
                on_click=[rx.set_clipboard(R.referral_link), R.link_copied],
                **theme.PRIMARY_BUTTON,
            ),
            link_button(
                rx.icon("message-circle", size=16),
                t("referral.whatsapp"),
                href=R.whatsapp_url,
                secondary=True,
                is_external=True,
                id="share-whatsapp",
            ),
            rx.button(
                rx.icon("qr-code", size=16),
                t("referral.qr"),
                id="download-qr",
                on_click=R.download_qr,
                **theme.SECONDARY_BUTTON,
            ),
            spacing="3",
            wrap="wrap",
        ),
        rx.text(t("referral.qr.hint"), size="1", color=theme.MUTED),
        card_id="referral-share",
    )


def _invite() -> rx.Component:
    return _card(
        t("referral.invite.title"),
        rx.form(
            rx.vstack(
                email_field("invite-email", t("referral.invite.email")),
                rx.button(
                    t("referral.invite.submit"),
                    type="submit",
                    id="invite-submit",
                    **theme.SECONDARY_BUTTON,
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=R.send_invite,
            reset_on_submit=True,
            width="100%",
        ),
        card_id="referral-invite",
    )


def _correction(row) -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.el.input(type="hidden", name="invite_id", value=row["id"]),
            rx.input(
                name="email",
                type="email",
                required=True,
                max_length=254,
                placeholder=t("referral.correct"),
                aria_label=t("referral.correct"),
                **theme.INPUT,
            ),
            rx.button(
                t("referral.correct.submit"), type="submit", size="2", **theme.SECONDARY_BUTTON
            ),
            spacing="2",
            width="100%",
            wrap="wrap",
        ),
        on_submit=R.correct_invite,
        reset_on_submit=True,
        width="100%",
    )


def _row(row) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(row["email"]),
            rx.spacer(),
            rx.text(row["status"], **theme.KICKER, class_name="referral-status"),
            width="100%",
            align="center",
        ),
        rx.text(row["since"], size="1", color=theme.MUTED),
        rx.cond(row["reason"] != "", rx.text(row["reason"], size="2", color=theme.TERRACOTTA)),
        rx.cond(row["pending"] != "", _correction(row)),
        width="100%",
        spacing="1",
        padding_y="0.8em",
        class_name="referral-row",
        border_bottom=f"1px solid {theme.LINE}",
    )


def _list() -> rx.Component:
    return _card(
        t("referral.list.title"),
        rx.cond(
            R.invites.length() > 0,
            rx.vstack(rx.foreach(R.invites, _row), width="100%", spacing="0"),
            rx.text(t("referral.list.none"), size="2", color=theme.MUTED),
        ),
        card_id="referral-list",
    )


def _message() -> rx.Component:
    return rx.fragment(
        outcome_notice(R.referral_message, R.referral_ok, "referral-message"),
        unreachable_email_warning(R.invite_undeliverable),
    )


def referral_page() -> rx.Component:
    """Refer a friend for members; the login forms for anyone else."""
    member = rx.vstack(
        _message(),
        two_columns(rx.vstack(_share(), _invite(), spacing="5", width="100%"), _list()),
        spacing="5",
        width="100%",
        id="referral-page",
    )
    return shell(
        rx.box(
            page_heading(t("referral.kicker"), t("referral.title"), t("referral.intro")),
            member_or_forms(R, member, R.log_in_referral, R.sign_up_referral),
            width="100%",
        )
    )
