"""Amounts in cents written for people, split exactly, and masked card and e-mail details."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alme_portal.platform.money import format_cents, mask_card, mask_email, split_cents

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("cents", "french", "english"),
    [
        (0, f"0,00{NBSP}€", "€0.00"),
        (5, f"0,05{NBSP}€", "€0.05"),
        (600, f"6,00{NBSP}€", "€6.00"),
        (1_500, f"15,00{NBSP}€", "€15.00"),
        (123_450, f"1{NARROW_NBSP}234,50{NBSP}€", "€1,234.50"),
        (123_456_789, f"1{NARROW_NBSP}234{NARROW_NBSP}567,89{NBSP}€", "€1,234,567.89"),
        (-500, f"-5,00{NBSP}€", "-€5.00"),
        (-123_450, f"-1{NARROW_NBSP}234,50{NBSP}€", "-€1,234.50"),
    ],
)
def test_format_cents_in_both_languages(cents, french, english):
    assert format_cents(cents, "fr") == french
    assert format_cents(cents, "en") == english


def test_format_cents_falls_back_to_english():
    assert format_cents(123_450, "de") == "€1,234.50"


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        (1_000, 3, [334, 333, 333]),
        (1_001, 3, [334, 334, 333]),
        (999, 3, [333, 333, 333]),
        (2, 3, [1, 1, 0]),
        (0, 2, [0, 0]),
        (12_345, 1, [12_345]),
    ],
)
def test_split_cents_examples(total, parts, expected):
    assert split_cents(total, parts) == expected


@pytest.mark.parametrize(("total", "parts"), [(100, 0), (100, -1), (-1, 3)])
def test_split_cents_refuses_impossible_splits(total, parts):
    with pytest.raises(ValueError):
        split_cents(total, parts)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=50))
def test_split_cents_sums_exactly_and_parts_differ_by_at_most_one_cent(total, parts):
    amounts = split_cents(total, parts)
    assert sum(amounts) == total
    assert len(amounts) == parts
    assert max(amounts) - min(amounts) <= 1
    assert amounts == sorted(amounts, reverse=True)
    assert amounts == split_cents(total, parts)


@pytest.mark.parametrize(
    ("given_digits", "masked"),
    [
        ("1234", "•••• 1234"),
        ("4970101234567890", "•••• 7890"),  # a full number never shows
        ("", "••••"),
        (None, "••••"),
    ],
)
def test_mask_card(given_digits, masked):
    assert mask_card(given_digits) == masked


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("marie.dupont@gmail.com", "m••••••••••t@gmail.com"),
        ("abc@orange.fr", "a•c@orange.fr"),
        ("ab@orange.fr", "a•@orange.fr"),
        ("a@orange.fr", "a•@orange.fr"),
        ("no-at-sign", "••••••••••"),
    ],
)
def test_mask_email_keeps_first_and_last_character_of_the_local_part(email, masked):
    assert mask_email(email) == masked


@given(st.from_regex(r"[a-z0-9.+]{3,30}@[a-z]{2,10}\.(fr|com)", fullmatch=True))
def test_mask_email_hides_the_middle_and_keeps_the_domain(email):
    local, domain = email.rsplit("@", 1)
    masked = mask_email(email)
    assert masked.endswith(f"@{domain}")
    masked_local = masked[: -len(domain) - 1]
    assert len(masked_local) == len(local)
    assert (masked_local[0], masked_local[-1]) == (local[0], local[-1])
    assert set(masked_local[1:-1]) == {"•"}
