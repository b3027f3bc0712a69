"""Mondial Relay's field rules, applied before a booking is sent (R3): the carrier's own limits."""

from hypothesis import given
from hypothesis import strategies as st

from alme_portal.adapters.carriers.mondial_relay_booking import (
    CREATION_FIELDS,
    LINE_WIDTH,
    Party,
    carrier_text,
    creation_fields,
    street_fits,
    street_lines,
)

CUSTOMER = Party(name="Hélène Lefèvre", street="12 rue des Écoles", postcode="75005",
                 city="Paris", country="fr", phone="06 12 34 56 78")  # fmt: skip


def test_r3_fields_are_upper_case_ascii_without_accents():
    assert carrier_text("  Hélène  Lefèvre-Œuvre ") == "HELENE LEFEVRE-OEUVRE"
    assert carrier_text("Straße") == "STRASSE"
    assert carrier_text("x" * 40) == "X" * LINE_WIDTH


@given(st.text(max_size=200))
def test_r3_a_street_always_fits_two_carrier_lines(street):
    first, second = street_lines(street)
    for line in (first, second):
        assert len(line) <= LINE_WIDTH and line.isascii() and line == line.upper()


def test_r3_a_long_street_is_split_between_words():
    first, second = street_lines("12 rue des Écoles, bâtiment B, escalier 3, 4e étage")
    assert (first, second) == ("12 RUE DES ECOLES, BATIMENT B,", "ESCALIER 3, 4E ETAGE")


def test_r3_a_street_too_long_for_two_lines_is_shortened_as_the_post_does():
    street = "Résidence les Jardins, bâtiment C, escalier 4, 128 boulevard Saint-Germain"
    assert street_lines(street) == ("RES LES JARDINS, BAT C, ESC 4,", "128 BD SAINT-GERMAIN")
    assert street_fits(street)
    assert street_lines("18 avenue Foch") == ("18 AVENUE FOCH", "")  # short: kept as written
    assert not street_fits("Résidence " + "des très grands jardins suspendus " * 3)


def test_r3_a_prepaid_return_goes_from_any_relay_point_back_to_the_merchant():
    fields = creation_fields("BDTEST13", CUSTOMER, CUSTOMER, weight_grams=40)
    assert list(fields) == list(CREATION_FIELDS)  # the hash order
    assert (fields["ModeCol"], fields["COL_Rel"], fields["ModeLiv"]) == ("REL", "AUTO", "LCC")
    assert fields["COL_Rel_Pays"] == "FR" and fields["Poids"] == "100"  # the carrier's minimum
    assert fields["Expe_Tel1"] == "0612345678" and fields["Expe_Ad1"] == "HELENE LEFEVRE"
