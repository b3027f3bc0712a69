"""Every user-facing string of the portal, in one catalogue per language.

Plain Python (no Reflex): states and services call `translate`; pages use the component helper
`alme_portal.components.i18n.t`, which compiles both languages into the page.
"""

from __future__ import annotations

from alme_portal.i18n import (
    account_en,
    account_fr,
    emails_en,
    emails_fr,
    en,
    fr,
    loyalty_en,
    loyalty_fr,
    referral_en,
    referral_fr,
    refunds_en,
    refunds_fr,
    returns_en,
    returns_fr,
)
from alme_portal.platform import settings

EN: dict[str, str] = {
    **en.MESSAGES,
    **returns_en.MESSAGES,
    **loyalty_en.MESSAGES,
    **account_en.MESSAGES,
    **refunds_en.MESSAGES,
    **referral_en.MESSAGES,
    **emails_en.MESSAGES,
}
FR: dict[str, str] = {
    **fr.MESSAGES,
    **returns_fr.MESSAGES,
    **loyalty_fr.MESSAGES,
    **account_fr.MESSAGES,
    **refunds_fr.MESSAGES,
    **referral_fr.MESSAGES,
    **emails_fr.MESSAGES,
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "fr": FR}


def normalise_language(value: object) -> str | None:
    """Return a supported language code for `value`, or None if it is not one."""
    if isinstance(value, str) and value.strip().lower() in settings.LANGUAGES:
        return value.strip().lower()
    return None


def pick_language(accept_language: str) -> str:
    """Choose the portal language from a browser's Accept-Language header.

    Args:
        accept_language: the raw header, e.g. ``"fr-FR,fr;q=0.9,en;q=0.8"``.

    Returns:
        The supported language with the highest quality, or the default language.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        language = normalise_language(tag.split("-")[0])
        if language and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else settings.DEFAULT_LANGUAGE


def email(language: str, key: str, **values: object) -> tuple[str, str]:
    """Return the subject and body of the e-mail `key` in `language`, formatted with `values`.

    Every e-mail text may name the brand; `values` give the rest.
    """
    values = {"brand": settings.BRAND_NAME, **values}
    return translate(language, f"{key}.subject", **values), translate(
        language, f"{key}.body", **values
    )


def translate(language: str, key: str, **params: object) -> str:
    """Return the message `key` in `language` (English when unknown), formatted with `params`."""
    catalogue = CATALOGUES.get(language, EN)
    text = catalogue.get(key, EN[key])
    return text.format(**params) if params else text


def _opening_span(start_h: int, start_m: int, end_h: int, end_m: int, french: bool) -> str:
    if french:
        return f"{start_h}h{start_m:02d}–{end_h}h{end_m:02d}"
    return f"{start_h}:{start_m:02d}–{end_h}:{end_m:02d}"


def hours_text(language: str) -> str:
    """Customer-service hours of rule C1, written out in `language`."""
    french = language == "fr"
    morning, afternoon = settings.CONTACT_HOURS
    return translate(
        language,
        "footer.hours",
        morning=_opening_span(*morning, french=french),
        afternoon=_opening_span(*afternoon, french=french),
    )


COLOUR_NAMES_FR = {
    "Ecru": "Écru", "Black": "Noir", "Sage": "Sauge", "Ivory": "Ivoire",
    "Terracotta": "Terracotta", "Navy stripes": "Rayures marine",
    "Terracotta stripes": "Rayures terracotta", "Ink": "Encre", "Heather grey": "Gris chiné",
    "Caramel": "Caramel", "Navy": "Marine", "Sand": "Sable", "Olive": "Olive", "White": "Blanc",
    "Sky blue": "Bleu ciel", "Cognac": "Cognac", "Nude": "Nude",
}  # fmt: skip
"""Issue 19.21: the catalogue names its colours in English; French pages say them in French."""


def colour_name(colour: str, language: str) -> str:
    """A catalogue colour in `language` (unknown colours as the catalogue wrote them)."""
    return COLOUR_NAMES_FR.get(colour, colour) if language == "fr" else colour
