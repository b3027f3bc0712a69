"""E-mails of returns (R3, E8, EU withdrawal), in plain text, English and French."""

from __future__ import annotations

from alme_portal.i18n.dates import format_date
from alme_portal.platform import settings
from alme_portal.platform.money import format_cents
from alme_portal.returns.models import ReturnRequest

_DECLARED = {
    "en": (
        "Your return {number}",
        "Hello,\n\nWe have recorded your return {number}.\n\n{how}\n\n"
        "Follow it here: {url}\n\nThe {brand} team",
    ),
    "fr": (
        "Votre retour {number}",
        "Bonjour,\n\nNous avons enregistré votre retour {number}.\n\n{how}\n\n"
        "Suivez-le ici : {url}\n\nL'équipe {brand}",
    ),
}
_HOW = {
    "en": {
        "mondial_relay": (
            "Your prepaid label is attached and can be downloaded until {expires}. Print it,"
            " stick it over the old label, put the recipient card inside and drop the parcel"
            " at any Mondial Relay point."
        ),
        "store": (
            "Your label is attached and can be downloaded until {expires}. Bring your parcel"
            " with the recipient card inside to the salon you chose and show the label's QR code."
        ),
        "self_ship": (
            "Your label is attached and can be downloaded until {expires}. Send your parcel to"
            " {atelier} with the recipient card inside. Keep the postage receipt: we reimburse"
            " up to {cap}."
        ),
    },
    "fr": {
        "mondial_relay": (
            "Votre étiquette prépayée est jointe et téléchargeable jusqu'au {expires}."
            " Imprimez-la, collez-la sur l'ancienne étiquette, glissez la carte destinataire"
            " dans le colis et déposez-le dans n'importe quel point Mondial Relay."
        ),
        "store": (
            "Votre étiquette est jointe et téléchargeable jusqu'au {expires}. Apportez votre"
            " colis, carte destinataire à l'intérieur, au salon choisi et montrez le QR code"
            " de l'étiquette."
        ),
        "self_ship": (
            "Votre étiquette est jointe et téléchargeable jusqu'au {expires}. Envoyez votre"
            " colis à {atelier} avec la carte destinataire à l'intérieur. Gardez le"
            " justificatif d'envoi : nous remboursons jusqu'à {cap}."
        ),
    },
}
_STOCK = {
    "en": (
        "{name} in size {size} is back",
        "Hello,\n\nThe size you were waiting for is back in stock: {name}, {colour}, size"
        " {size}.\n\nThe {brand} team",
    ),
    "fr": (
        "{name} en taille {size} est de retour",
        "Bonjour,\n\nLa taille que vous attendiez est de nouveau disponible : {name}, {colour},"
        " taille {size}.\n\nL'équipe {brand}",
    ),
}
_WITHDRAWAL = {
    "en": ("We received your withdrawal from order {number}", "{statement}\n\nThe {brand} team"),
    "fr": (
        "Nous avons reçu votre rétractation de la commande {number}",
        "{statement}\n\nL'équipe {brand}",
    ),
}


def _lang(language: str) -> str:
    return language if language in settings.LANGUAGES else settings.DEFAULT_LANGUAGE


def return_page_url(number: str) -> str:
    """The status page of a return."""
    return f"{settings.portal_url()}/returns/{number}"


def declared_email(request: ReturnRequest, language: str) -> dict[str, str]:
    """Rule R3: the e-mail confirming a return; its label goes with it as a PDF."""
    lang = _lang(language)
    how = _HOW[lang][request.method].format(
        expires=format_date(request.label_expires_on, lang) if request.label_expires_on else "",
        atelier=", ".join(settings.ATELIER_RETURN_ADDRESS),
        cap=format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, lang),
    )
    subject, body = _DECLARED[lang]
    values = {
        "number": request.number,
        "how": how,
        "url": return_page_url(request.number),
        "brand": settings.BRAND_NAME,
    }
    return {"subject": subject.format(**values), "body": body.format(**values)}


def back_in_stock_email(*, name: str, colour: str, size: str, language: str) -> dict[str, str]:
    """Rule E8: the e-mail telling that an awaited size is back."""
    lang = _lang(language)
    subject, body = _STOCK[lang]
    values = {"name": name, "colour": colour, "size": size, "brand": settings.BRAND_NAME}
    return {"subject": subject.format(**values), "body": body.format(**values)}


def withdrawal_email(*, number: str, statement: str, language: str) -> dict[str, str]:
    """EU withdrawal button: the acknowledgement, with the statement as it was made."""
    lang = _lang(language)
    subject, body = _WITHDRAWAL[lang]
    values = {"number": number, "statement": statement, "brand": settings.BRAND_NAME}
    return {"subject": subject.format(**values), "body": body.format(**values)}
