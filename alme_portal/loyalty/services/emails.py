"""E-mails of Almé Lovers (L7); their words are in the catalogues (`email.loyalty.*`)."""

from __future__ import annotations

from alme_portal import i18n
from alme_portal.platform.text import name_for_email


def tier_welcome_email(*, tier: str, first_name: str, language: str) -> dict[str, str]:
    """Rule L7: the welcome e-mail of a status just reached, with its surprise."""
    name = i18n.translate(language, f"loyalty.tier.{tier}")
    subject, body = i18n.email(
        language, "email.loyalty.welcome", tier=name, name=name_for_email(first_name)
    )
    return {"subject": subject, "body": body}
