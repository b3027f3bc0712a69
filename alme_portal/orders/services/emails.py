"""Subjects and bodies of the e-mails the order feed and change requests record (EN and FR).

E-mails leave the portal as plain text built here, not through the UI catalogues: a worker
sends them later, and they must read the same whatever page is open.
"""

from __future__ import annotations

from urllib.parse import quote

from alme_portal.platform import settings
from alme_portal.platform.vocabulary import CARRIER_NAMES

PUBLIC_TRACKING_URLS = {
    "colissimo": "https://www.laposte.fr/outils/suivre-vos-envois?code={number}",
    "mondial_relay": "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={number}",
    "chronopost": "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={number}",
}
"""Rule O6: the carrier's public tracking page for a tracking number."""

_DISPATCH = {
    "en": (
        "Your order {number} is on its way",
        "Hello {first_name},\n\n"
        "Your order {number} has left our warehouse with {carrier}.\n"
        "Tracking number: {tracking_number}\n"
        "Follow your parcel: {tracking_url}\n\n"
        "Tracking may take a little time to update after dispatch.\n"
        "This e-mail may land in your spam folder: add {contact} to your contacts.\n\n"
        "The {brand} team",
    ),
    "fr": (
        "Votre commande {number} est en route",
        "Bonjour {first_name},\n\n"
        "Votre commande {number} a quitté notre entrepôt avec {carrier}.\n"
        "Numéro de suivi : {tracking_number}\n"
        "Suivre votre colis : {tracking_url}\n\n"
        "Le suivi peut mettre un peu de temps à s'actualiser après le départ du colis.\n"
        "Cet e-mail peut arriver dans vos spams : ajoutez {contact} à vos contacts.\n\n"
        "L'équipe {brand}",
    ),
}

_CHANGE = {
    "en": (
        "We have recorded your request for order {number}",
        "Hello {first_name},\n\n"
        "We have recorded your request to {action} order {number}.\n"
        "It is not guaranteed: your order may ship in the meantime. If it does, you can"
        " return it once received.\n\n"
        "The {brand} team",
    ),
    "fr": (
        "Nous avons enregistré votre demande pour la commande {number}",
        "Bonjour {first_name},\n\n"
        "Nous avons enregistré votre demande : {action} la commande {number}.\n"
        "Elle n'est pas garantie : votre commande peut être expédiée entre-temps. Dans ce cas,"
        " vous pourrez la retourner après réception.\n\n"
        "L'équipe {brand}",
    ),
}

_CHANGE_ACTIONS = {
    "en": {"modify": "modify", "cancel": "cancel"},
    "fr": {"modify": "modifier", "cancel": "annuler"},
}


def _language(language: str) -> str:
    return language if language in _DISPATCH else settings.DEFAULT_LANGUAGE


def tracking_url(carrier: str, tracking_number: str) -> str:
    """Rule O6: the public tracking link of a parcel (the carrier's own page).

    Args:
        carrier: a `Carrier` value; an unknown carrier falls back to Colissimo's page.
        tracking_number: the parcel's tracking number (URL-encoded here).
    """
    template = PUBLIC_TRACKING_URLS.get(carrier, PUBLIC_TRACKING_URLS["colissimo"])
    return template.format(number=quote(tracking_number, safe=""))


def dispatch_email(
    *, language: str, number: str, first_name: str, carrier: str, tracking_number: str
) -> tuple[str, str]:
    """Rule O6: subject and body of the dispatch e-mail (tracking number, link, spam warning).

    Returns:
        (subject, body) in `language` ("en" or "fr"; anything else gives the default).
    """
    subject, body = _DISPATCH[_language(language)]
    values = {
        "number": number,
        "first_name": first_name,
        "carrier": CARRIER_NAMES.get(carrier, carrier),
        "tracking_number": tracking_number,
        "tracking_url": tracking_url(carrier, tracking_number),
        "contact": settings.CONTACT_EMAIL,
        "brand": settings.BRAND_NAME,
    }
    return subject.format(**values), body.format(**values)


def change_request_email(
    *, language: str, number: str, first_name: str, kind: str
) -> tuple[str, str]:
    """Rule O1: subject and body of the "request recorded, not guaranteed" e-mail.

    Args:
        language: "en" or "fr".
        number: the order number.
        first_name: the customer's first name.
        kind: "modify" or "cancel".

    Returns:
        (subject, body).
    """
    lang = _language(language)
    subject, body = _CHANGE[lang]
    values = {
        "number": number,
        "first_name": first_name,
        "action": _CHANGE_ACTIONS[lang][kind],
        "brand": settings.BRAND_NAME,
    }
    return subject.format(**values), body.format(**values)
