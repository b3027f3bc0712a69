"""Mail rules: header text stays one line, only plain addresses pass, retries double then stop."""

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alme_portal.mail import rules
from alme_portal.platform import settings


@given(st.text(), st.integers(min_value=2, max_value=300))
def test_header_text_is_always_one_line_within_its_limit(text, limit):
    line = rules.header_text(text, limit)
    assert len(line) <= limit
    assert not any(char in line for char in "\r\n\t\x00\x0b\x0c\u2028\u2029\x85")
    assert line == line.strip()


def test_header_text_keeps_words_and_marks_a_cut():
    assert rules.header_text("Votre commande\r\nBcc: x@evil.example") == (
        "Votre commande Bcc: x@evil.example"
    )  # the words stay, as text of the subject: no header is added
    assert rules.header_text("é" * 300, 10) == "é" * 9 + "…"
    assert rules.header_text(None) == "" and rules.header_text(["a"]) == ""


@pytest.mark.parametrize(
    ("address", "plain"),
    [
        ("camille.moreau@example.fr", True),
        ("c+tag@mail.example.co.uk", True),
        ("Camille <camille@example.fr>", False),
        ("camille@example.fr, eve@evil.example", False),
        ("camille@example.fr\r\nBcc: eve@evil.example", False),
        ("camille@localhost", False),
        ("x" * 65 + "@example.fr", False),
        ("camille@" + "d" * 250 + ".fr", False),
        ("élise@example.fr", False),
        (None, False),
    ],
)
def test_only_one_plain_address_is_a_recipient(address, plain):
    assert rules.is_plain_address(address) is plain


def test_retries_wait_twice_as_long_each_time_up_to_the_cap():
    first = settings.MAIL_RETRY_FIRST_SECONDS
    assert [rules.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [
        first, 2 * first, 4 * first
    ]  # fmt: skip
    assert rules.retry_delay(10_000) == timedelta(seconds=settings.MAIL_RETRY_MAX_SECONDS)
    assert rules.retry_delay(0) == rules.retry_delay(1)
    assert not rules.gives_up(settings.MAIL_MAX_ATTEMPTS - 1)
    assert rules.gives_up(settings.MAIL_MAX_ATTEMPTS)
