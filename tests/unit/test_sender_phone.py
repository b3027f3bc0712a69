"""Rule R3: the phone number Mondial Relay needs on a prepaid label, in E.164."""

import pytest

from alme_portal.returns.rules.sender import carrier_phone


@pytest.mark.parametrize(
    ("typed", "country", "e164"),
    [
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("06.12.34.56.78", "FR", "+33612345678"),
        ("+33 6 12 34 56 78", "FR", "+33612345678"),
        ("0033 6 12 34 56 78", "FR", "+33612345678"),
        ("0470 12 34 56", "BE", "+32470123456"),
        ("02 123 45 67", "BE", "+3221234567"),
        ("+32 470 12 34 56", "FR", "+32470123456"),  # a Belgian mobile for a French address
        ("(01) 42 60 00 00", "FR", "+33142600000"),
    ],
)
def test_r3_a_phone_is_written_as_the_carrier_wants_it(typed, country, e164):
    assert carrier_phone(typed, country) == e164


@pytest.mark.parametrize(
    "typed", ["", "12 34", "06 12 34 56", "0 12 34 56 78", "phone", "+33", None, 612345678,
              "06 12 34 56 78 90 12 34 56 78 90 12 34 56"],
)  # fmt: skip
def test_r3_what_is_not_a_phone_number_is_refused(typed):
    assert carrier_phone(typed, "FR") is None
