"""Rule C2: warn when an e-mail is promised to an address that receives none."""

import reflex as rx

from alme_portal.components.cards import notice
from alme_portal.i18n import hours_text, translate
from alme_portal.platform import settings
from alme_portal.state.ui import UiState


def _message(language: str) -> str:
    return translate(
        language, "c2.warning", phone=settings.CONTACT_PHONE, hours=hours_text(language)
    )


def unreachable_email_warning(show: rx.Var[bool]) -> rx.Component:
    """Show the C2 warning with the phone line when `show` is true.

    Args:
        show: a state var computed with `rules.contact.email_is_unreachable`.
    """
    message = rx.cond(UiState.is_french, _message("fr"), _message("en"))
    return rx.cond(show, notice(message, tone="warning", notice_id="c2-warning"))
