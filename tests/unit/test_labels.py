"""Prepaid return labels (rule R3): codes that scan back, A6 output, texts and hostile input."""

import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from alme_portal.i18n.dates import format_day
from alme_portal.returns.labels import (
    ReturnLabel,
    clean_line,
    code128,
    label_texts,
    render_pdf,
    render_png,
)
from alme_portal.returns.labels.texts import ADDRESS_LINE_CAP, LINE_CAP

DECLARED = date(2026, 11, 25)
EN_INSTRUCTIONS = (
    "Print this label and stick it over the old label. Put the recipient card inside the parcel."
)
FR_INSTRUCTIONS = (
    "Imprimez cette étiquette et collez-la sur l'ancienne étiquette. "
    "Glissez la carte destinataire dans le colis."
)


def make_label(**changes) -> ReturnLabel:
    label = ReturnLabel(
        return_number="RT-AL100101-1",
        parcel_reference="50554860",
        carrier="mondial_relay",
        sender_name="Hélène Lefèvre",
        sender_address=("12 rue des Écoles", "75005 Paris", "France"),
        recipient=("Almé – Atelier retours", "27 rue de la Paix", "75002 Paris", "France"),
        declared_on=DECLARED,
        expires_on=DECLARED + timedelta(days=14),
        language="en",
    )
    return replace(label, **changes)


def decode_check(image: Image.Image, barcode_format) -> list[str]:
    """Texts of the barcodes of ``barcode_format`` zxing-cpp finds in ``image``."""
    return [result.text for result in zxingcpp.read_barcodes(image, formats=barcode_format)]


def png_image(label: ReturnLabel) -> Image.Image:
    return Image.open(io.BytesIO(render_png(label)))


@pytest.fixture(scope="module")
def english_png() -> Image.Image:
    return png_image(make_label())


# --- The codes scan back: the carrier's parcel, the Atelier's return ----------------------


def test_r3_label_qr_code_decodes_to_the_return_number_for_the_atelier(english_png):
    assert decode_check(english_png, zxingcpp.BarcodeFormat.QRCode) == ["RT-AL100101-1"]


def test_r3_label_code128_decodes_to_the_carriers_expedition_number(english_png):
    assert decode_check(english_png, zxingcpp.BarcodeFormat.Code128) == ["50554860"]


def test_r3_longest_references_still_scan_on_the_label():
    label = make_label(
        parcel_reference="ABCDEFGHIJKLMNOPQRSTUVWXYZ-01234",
        return_number="RT-AL999999-12345678901234567890",
        language="fr",
    )
    image = png_image(label)
    assert decode_check(image, zxingcpp.BarcodeFormat.Code128) == [label.parcel_reference]
    assert decode_check(image, zxingcpp.BarcodeFormat.QRCode) == [label.return_number]


# --- A6 output -------------------------------------------------------------------------


def test_png_is_a6_portrait_at_300_dpi(english_png):
    assert english_png.format == "PNG"
    assert english_png.size == (1240, 1748)
    assert tuple(round(value) for value in english_png.info["dpi"]) == (300, 300)


def test_pdf_is_one_a6_page():
    pdf = render_pdf(make_label(language="fr"))
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    match = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert match is not None
    x0, y0, width, height = (float(value) for value in match.groups())
    assert (x0, y0) == (0, 0)
    assert width == pytest.approx(297.6, abs=0.5)  # 105 mm
    assert height == pytest.approx(419.5, abs=0.5)  # 148 mm


# --- Texts (rule R3 instructions and validity date) --------------------------------------


def test_r3_english_texts_carry_the_instructions_and_validity_date():
    texts = label_texts(make_label(expires_on=date(2026, 12, 9)))
    assert texts.instructions == EN_INSTRUCTIONS
    assert texts.valid_until == "Valid until 9 December 2026"
    assert texts.prepaid == "Prepaid – Mondial Relay"
    assert (texts.from_heading, texts.to_heading, texts.return_heading) == (
        "FROM",
        "TO",
        "RETURN",
    )
    assert "RT-AL100101-1" in texts.lines()
    assert "Almé – Atelier retours" in texts.lines()


def test_r3_french_texts_carry_the_instructions_and_validity_date():
    texts = label_texts(make_label(language="fr", expires_on=date(2026, 12, 9)))
    assert texts.instructions == FR_INSTRUCTIONS
    assert texts.valid_until == "Valable jusqu'au 9 décembre 2026"
    assert texts.prepaid == "Prépayé – Mondial Relay"
    assert FR_INSTRUCTIONS in texts.lines()
    assert texts.sender == ("Hélène Lefèvre", "12 rue des Écoles", "75005 Paris", "France")


@pytest.mark.parametrize(
    ("day", "english", "french"),
    [
        (date(2026, 12, 9), "9 December 2026", "9 décembre 2026"),
        (date(2027, 2, 1), "1 February 2027", "1er février 2027"),
        (date(2026, 8, 15), "15 August 2026", "15 août 2026"),
    ],
)
def test_label_dates_in_both_languages(day, english, french):
    assert format_day(day, "en") == english
    assert format_day(day, "fr") == french


# --- Hostile customer text -----------------------------------------------------------------

HOSTILE = (
    "A" * 4_000
    + "\x00\x07\x1b[31m\r\n\t"
    + "\u202eevil\u202c\u200b\u2066"
    + "😀🔥👍🏽"
    + "e\u0301\u0301\u0301\u0301\u0301"
    + "中文 ﷽ "
) * 2 + "Z" * 2_000


def test_hostile_sender_text_is_cleaned_and_bounded():
    label = make_label(
        sender_name=HOSTILE,
        sender_address=(HOSTILE, "line\nbreak", "\u202etxet", HOSTILE, "5th", "6th", HOSTILE),
    )
    texts = label_texts(label)
    assert len(texts.sender) <= 1 + ADDRESS_LINE_CAP
    for line in texts.sender:
        assert len(line) <= LINE_CAP
        assert not any(char in line for char in "\x00\x07\x1b\r\n\t\u202e\u202c\u200b\u2066😀")
    assert texts.sender[2] == "line break"
    assert texts.sender[3] == "txet"


def test_hostile_sender_text_renders_without_error():
    label = make_label(sender_name=HOSTILE, sender_address=(HOSTILE,) * 50, language="fr")
    image = png_image(label)
    assert image.size == (1240, 1748)
    assert decode_check(image, zxingcpp.BarcodeFormat.Code128) == ["50554860"]
    assert render_pdf(label).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Jean \n\t Dupont  ", "Jean Dupont"),
        ("Zoé\u202e", "Zoé"),
        ("Ame\u0301lie", "Amélie"),  # decomposed accents are composed (NFC)
        ("x" * 41, "x" * 39 + "…"),
        ("x" * 40, "x" * 40),
        (None, ""),
    ],
)
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


# --- Validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference",
    ["", "MR1", "mr12345678fr", "MR 12345678", "MR12345678FR\n", "<script>", "A" * 33, "MR_1234"],
)
def test_invalid_parcel_reference_is_refused(reference):
    with pytest.raises(ValueError):
        make_label(parcel_reference=reference)


@pytest.mark.parametrize("number", ["RT", "rt-al100101-1", "RT/AL/1", "RT-AL100101-1 "])
def test_invalid_return_number_is_refused(number):
    with pytest.raises(ValueError):
        make_label(return_number=number)


def test_only_mondial_relay_labels_are_prepaid():
    with pytest.raises(ValueError):
        make_label(carrier="colissimo")
    assert label_texts(make_label()).prepaid == "Prepaid – Mondial Relay"


@pytest.mark.parametrize(
    ("kind", "banner"), [("self_ship", "Affranchi par l'expéditeur"), ("store", "Dépôt en salon")]
)
def test_r4_r5_labels_without_postage_say_so_and_keep_the_qr_code(kind, banner):
    label = make_label(carrier=kind, return_number="RT-AL100109-1",
                       parcel_reference="RT-AL100109-1", language="fr")  # fmt: skip
    assert label_texts(label).prepaid == banner
    assert decode_check(png_image(label), zxingcpp.BarcodeFormat.QRCode) == ["RT-AL100109-1"]


def test_unknown_language_and_backwards_dates_are_refused():
    with pytest.raises(ValueError):
        make_label(language="de")
    with pytest.raises(ValueError):
        make_label(expires_on=DECLARED - timedelta(days=1))


# --- Code 128 ------------------------------------------------------------------------------


def test_code128_checksum_of_the_textbook_example():
    # Start B 104 + P 48x1 + J 42x2 + J 42x3 + 1 17x4 + 2 18x5 + 3 19x6 + C 35x7 = 879;
    # 879 mod 103 = 55.
    assert code128.values_b("PJJ123C") == [48, 42, 42, 17, 18, 19, 35]
    assert code128.checksum("PJJ123C") == 55
    assert code128.symbol_values("PJJ123C") == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]


def test_code128_symbol_structure():
    pattern = code128.modules("AB")
    quiet = "0" * code128.QUIET_ZONE_MODULES
    assert pattern.startswith(quiet + "11010010000")  # Start B
    assert pattern.endswith("1100011101011" + quiet)  # Stop
    # Start + 2 data + checksum = 4 x 11 modules, Stop 13, two quiet zones.
    assert len(pattern) == 4 * 11 + 13 + 2 * code128.QUIET_ZONE_MODULES
    assert len(set(code128.PATTERNS)) == 107


def test_code128_refuses_what_subset_b_cannot_encode():
    with pytest.raises(ValueError):
        code128.values_b("")
    with pytest.raises(ValueError):
        code128.values_b("É")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=4, max_size=20))
def test_code128_round_trips_through_zxing(text):
    image = code128.render(text, module_width=2, height=60).convert("L")
    assert decode_check(image, zxingcpp.BarcodeFormat.Code128) == [text]
