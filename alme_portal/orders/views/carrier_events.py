"""The carriers' scans in the page's language (issue 19.21).

La Poste writes its scans in French and gives each an official code: an English page says the
code's meaning in English, a French page La Poste's own words (they name details such as a
neighbour who took the parcel). Mondial Relay gives no code, only an upper-case French
`Libelle`: both languages get a sentence from the catalogue below, and a wording it does not
know is shown as the carrier wrote it.
"""

from __future__ import annotations

from alme_portal.adapters.carriers.statuses import TrackingEvent, laposte_code, plain_label
from alme_portal.adapters.carriers.tracking import LAPOSTE_CARRIERS

LAPOSTE_EVENTS_EN = {
    "DR1": "The sender has prepared your parcel and announced it to La Poste.",
    "PC1": "Your parcel has been taken in charge by La Poste.",
    "PC2": "Your parcel has been taken in charge in the country of dispatch.",
    "ET1": "Your parcel is in transit on our logistics platforms.",
    "ET2": "Your parcel is being processed in the country of dispatch.",
    "ET3": "Your parcel is being processed in the country of destination.",
    "ET4": "Your parcel is being processed in a transit country.",
    "EP1": "Your parcel is waiting to be delivered.",
    "DO1": "Your parcel has entered customs.",
    "DO2": "Your parcel has left customs.",
    "DO3": "Your parcel is held in customs.",
    "PB1": "There is a problem with your parcel: we are dealing with it.",
    "PB2": "The problem with your parcel is solved.",
    "MD2": "Your parcel is out for delivery.",
    "ND1": "Your parcel could not be delivered.",
    "AG1": "Your parcel is waiting for you to collect it.",
    "RE1": "Your parcel is on its way back to the sender.",
    "DI1": "Your parcel has been delivered.",
    "DI2": "Your parcel has been delivered back to the sender.",
}
"""La Poste's event codes (Suivi v2), in English."""

MONDIAL_RELAY_EVENTS: dict[str, dict[str, str]] = {
    "RECEPTION DES DONNEES": {
        "en": "Mondial Relay has received your parcel's details.",
        "fr": "Mondial Relay a reçu les informations de votre colis.",
    },
    "PRISE EN CHARGE EN AGENCE": {
        "en": "Your parcel has arrived at a Mondial Relay depot.",
        "fr": "Votre colis est arrivé dans une agence Mondial Relay.",
    },
    "COLIS PRIS EN CHARGE": {
        "en": "Your parcel has been taken in charge by Mondial Relay.",
        "fr": "Votre colis a été pris en charge par Mondial Relay.",
    },
    "PRISE EN CHARGE POINT RELAIS": {
        "en": "Your parcel has been handed in at a relay point.",
        "fr": "Votre colis a été déposé en point relais.",
    },
    "COLIS REMIS AU LIVREUR": {
        "en": "Your parcel is with the driver for delivery.",
        "fr": "Votre colis a été remis au livreur.",
    },
    "DISPONIBLE AU POINT RELAIS": {
        "en": "Your parcel is waiting for you at the relay point.",
        "fr": "Votre colis vous attend au point relais.",
    },
    "COLIS LIVRE": {
        "en": "Your parcel has been delivered.",
        "fr": "Votre colis a été livré.",
    },
    "ANOMALIE": {
        "en": "There is a problem with your parcel: Mondial Relay is dealing with it.",
        "fr": "Un incident touche votre colis : Mondial Relay s'en occupe.",
    },
    "RETOUR EXPEDITEUR": {
        "en": "Your parcel is on its way back to the sender.",
        "fr": "Votre colis est en cours de retour à l'expéditeur.",
    },
    "COLIS RETOURNE A L'EXPEDITEUR": {
        "en": "Your parcel has been delivered back to the sender.",
        "fr": "Votre colis a été retourné à l'expéditeur.",
    },
}
"""Mondial Relay's tracing wordings (upper case, accents removed: `plain_label`), per language.
English answers (`Langue=EN`: "Data reception", "Delivery at Pick Up Point") map the same."""

MONDIAL_RELAY_ENGLISH_WORDINGS = {
    "DATA RECEPTION": "RECEPTION DES DONNEES",
    "RECIEVED IN AGENCY": "PRISE EN CHARGE EN AGENCE",  # sic, as Mondial Relay spells it
    "DELIVERY AT PICK UP POINT": "COLIS LIVRE",
}


def event_text(event: TrackingEvent, language: str, carrier: str) -> str:
    """What a scan says, in `language` ("en" or "fr").

    Args:
        event: the carrier's scan (its code and its own label).
        language: the page's language.
        carrier: the carrier's key ("colissimo", "chronopost", "mondial_relay").
    """
    if carrier in LAPOSTE_CARRIERS:
        english = LAPOSTE_EVENTS_EN.get(laposte_code(event.code), event.label)
        return event.label if language == "fr" else english
    if carrier == "mondial_relay":
        wording = plain_label(event.label)
        texts = MONDIAL_RELAY_EVENTS.get(MONDIAL_RELAY_ENGLISH_WORDINGS.get(wording, wording))
        return texts[language] if texts else event.label
    return event.label
