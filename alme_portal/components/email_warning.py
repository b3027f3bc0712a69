"""Rule C2: warn when an e-mail is promised to an address that receives none."""

import reflex as rx

from alme_portal.components.cards import notice
from alme_portal.i18n import hours_text, translate
from alme_portal.platform import settings
from alme_portal.state.ui import UiState


def _message(language: str, reason: str) -> str:
    key = "c2.bounced" if reason == "bounced" else "c2.warning"
    return translate(language, key, phone=settings.CONTACT_PHONE, hours=hours_text(language))


def unreachable_email_warning(reason: rx.Var[str]) -> rx.Component:
    """Show the C2 warning with the phone line when the promised e-mail will not arrive.

    Args:
        reason: a state var holding `mail.services.recipients.undeliverable` of the address:
            "domain", "bounced", or "" (nothing shown).
    """
    messages = {
        reason_: rx.cond(UiState.is_french, _message("fr", reason_), _message("en", reason_))
        for reason_ in ("domain", "bounced")
    }
    message = rx.cond(reason == "bounced", messages["bounced"], messages["domain"])
    return rx.cond(reason != "", notice(message, tone="warning", notice_id="c2-warning"))
