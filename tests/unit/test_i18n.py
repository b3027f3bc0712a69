import string

import pytest

from alme_portal import i18n
from alme_portal.i18n import CATALOGUES, pick_language, translate


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_exists_in_both_languages():
    assert set(CATALOGUES["en"]) == set(CATALOGUES["fr"])


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_translations_use_the_same_placeholders(key):
    assert _placeholders(CATALOGUES["en"][key]) == _placeholders(CATALOGUES["fr"][key])


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr"),
        ("en-GB,en;q=0.9,fr;q=0.8", "en"),
        ("de-DE,de;q=0.9,fr;q=0.5", "fr"),
        ("de-DE,es;q=0.9", "en"),
        ("en;q=0.2,fr;q=0.9", "fr"),
        ("fr;q=0,en", "en"),
        ("", "en"),
        ("fr;q=abc,en;q=0.5", "en"),
        ("FR-be", "fr"),
    ],
)
def test_language_follows_the_browser_preference(header, expected):
    assert pick_language(header) == expected


def test_huge_accept_language_header_is_bounded():
    assert pick_language("xx," * 100_000 + "fr") == "en"


def test_translate_formats_and_falls_back_to_english():
    assert "14" in translate("fr", "home.returns.body", days=14)
    assert translate("de", "nav.help") == "Help"
    assert translate("fr", "nav.help") == "Aide"


@pytest.mark.parametrize("value", ["fr", " FR ", "en"])
def test_supported_language_codes_are_recognised(value):
    assert i18n.normalise_language(value) in ("fr", "en")


@pytest.mark.parametrize("value", ["de", "", None, 3, ["fr"], "french"])
def test_anything_else_is_not_a_language(value):
    assert i18n.normalise_language(value) is None


def test_the_french_back_button_is_not_the_word_for_a_return():
    """Issue 19.19: "RETOUR" beside "CONFIRMER MON RETOUR" read as another way to return."""
    from alme_portal.i18n import translate

    assert "retour" not in translate("fr", "returns.back").lower()


def test_colours_are_named_in_french_on_french_pages():
    """Issue 19.21: "Sage" and "Ecru" stayed English on French pages."""
    from alme_portal.i18n import colour_name
    from alme_portal.returns.views.return_wizard import colour_choices, line_details

    assert line_details({"colour": "Ecru", "size": "M"}, "fr").startswith("Écru · ")
    assert line_details({"colour": "Ecru", "size": "M"}, "en").startswith("Ecru · ")
    products = [{"product_id": 4, "colour": "Sage"}, {"product_id": 4, "colour": "Ink"}]
    assert colour_choices(products, "4", "fr") == [
        {"value": "Sage", "label": "Sauge"}, {"value": "Ink", "label": "Encre"}
    ]  # fmt: skip
    from alme_portal.demo.catalog import PRODUCTS

    named = {colour for product in PRODUCTS for _, colour in product.colours}
    assert all(colour_name(colour, "fr") for colour in named)
    assert named <= set(__import__("alme_portal.i18n", fromlist=["x"]).COLOUR_NAMES_FR)
