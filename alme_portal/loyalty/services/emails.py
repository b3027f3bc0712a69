"""E-mails of Almé Lovers (L7), in plain text, English and French."""

from __future__ import annotations

from alme_portal.platform import settings

_TIER_NAMES = {"crush": "Crush", "in_love": "In Love"}
_WELCOME = {
    "en": (
        "Welcome to {tier}, {name}",
        "Hello {name},\n\nYou have reached the {tier} status of Almé Lovers: it is yours for one"
        " year from today. A surprise is waiting for you in your next parcel.\n\nThe {brand}"
        " team",
    ),
    "fr": (
        "Bienvenue au statut {tier}, {name}",
        "Bonjour {name},\n\nVous avez atteint le statut {tier} des Almé Lovers : il est à vous"
        " pour un an à partir d'aujourd'hui. Une surprise vous attend dans votre prochain"
        " colis.\n\nL'équipe {brand}",
    ),
}


def tier_welcome_email(*, tier: str, first_name: str, language: str) -> dict[str, str]:
    """Rule L7: the welcome e-mail of a status just reached, with its surprise."""
    lang = language if language in _WELCOME else settings.DEFAULT_LANGUAGE
    subject, body = _WELCOME[lang]
    values = {"tier": _TIER_NAMES.get(tier, tier), "name": first_name, "brand": settings.BRAND_NAME}
    return {"subject": subject.format(**values), "body": body.format(**values)}
