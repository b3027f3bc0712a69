"""Issue 19.21: carrier scans read in the page's language, La Poste by code, Mondial Relay by
wording (its own French upper case, or its English answers)."""

from datetime import UTC, datetime

import pytest

from alme_portal.adapters.carriers.statuses import TrackingEvent, TrackingStatus
from alme_portal.orders.views.carrier_events import MONDIAL_RELAY_EVENTS, event_text

AT = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


def scan(code: str, label: str) -> TrackingEvent:
    return TrackingEvent(at=AT, status=TrackingStatus.IN_TRANSIT, code=code, label=label)


def test_la_poste_in_english_by_its_code_and_in_its_own_french_words():
    event = scan("DI1", "Votre colis a été livré à votre voisin M. Dupont")
    assert event_text(event, "en", "colissimo") == "Your parcel has been delivered."
    assert event_text(event, "fr", "chronopost") == event.label  # names the neighbour


def test_la_poste_partner_code_reads_as_the_official_code_it_means():
    """Issue 22: an older partner scope's delivery scan, `status` LIVCFM and no `code`."""
    event = scan("LIVCFM", "Votre colis est livré.")
    assert event_text(event, "en", "colissimo") == "Your parcel has been delivered."
    assert event_text(event, "fr", "colissimo") == "Votre colis est livré."


def test_la_poste_code_outside_the_catalogue_keeps_la_postes_words():
    event = scan("XX9", "Événement inconnu")
    assert event_text(event, "en", "colissimo") == "Événement inconnu"


@pytest.mark.parametrize(
    ("label", "english", "french"),
    [
        ("COLIS PRIS EN CHARGE", "Your parcel has been taken in charge by Mondial Relay.",
         "Votre colis a été pris en charge par Mondial Relay."),
        ("DISPONIBLE AU POINT RELAIS", "Your parcel is waiting for you at the relay point.",
         "Votre colis vous attend au point relais."),
        ("COLIS LIVRÉ", "Your parcel has been delivered.", "Votre colis a été livré."),
        ("Data reception", "Mondial Relay has received your parcel's details.",
         "Mondial Relay a reçu les informations de votre colis."),
        ("Recieved in agency", "Your parcel has arrived at a Mondial Relay depot.",
         "Votre colis est arrivé dans une agence Mondial Relay."),
    ],
)  # fmt: skip
def test_mondial_relay_wordings_read_as_sentences_in_both_languages(label, english, french):
    event = scan(label, label)
    assert event_text(event, "en", "mondial_relay") == english
    assert event_text(event, "fr", "mondial_relay") == french


def test_every_mondial_relay_wording_has_both_languages():
    assert all(set(texts) == {"en", "fr"} for texts in MONDIAL_RELAY_EVENTS.values())


def test_an_unknown_mondial_relay_wording_is_shown_as_written():
    event = scan("COLIS EN ATTENTE DE DOUANE", "COLIS EN ATTENTE DE DOUANE")
    assert event_text(event, "en", "mondial_relay") == "COLIS EN ATTENTE DE DOUANE"
