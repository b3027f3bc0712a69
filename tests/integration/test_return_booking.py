"""R3: booking a prepaid return with Mondial Relay over real HTTP (`WSI2_CreationEtiquette`)."""

import pytest
import zxingcpp
from carrier_sim import MR_KEY, arm, request_count
from pdf_image import page_image

from alme_portal.adapters.carriers.http import CarrierUnavailable
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.mondial_relay_booking import (
    BookedLabel,
    BookingRefused,
    Party,
    book_return,
    fetch_label,
)
from alme_portal.adapters.carriers.tracking import default_mondial_relay_client
from alme_portal.platform import deployment, settings
from alme_portal.simulator.mondial_relay_labels import FIRST_EXPEDITION

CUSTOMER = Party(
    name="Hélène Lefèvre", street="12 rue des Écoles, bâtiment B, escalier 3, 4e étage",
    postcode="75005", city="Paris", country="FR", phone="06 12 34 56 78",
    email="helene@example.fr",
)  # fmt: skip
ATELIER = Party(name="Almé Atelier", street="18 rue du Faubourg Saint-Antoine",
                postcode="75011", city="Paris", country="FR", phone="+33767463963")  # fmt: skip


def client(url, key=MR_KEY):
    return MondialRelayClient(f"{url}/mondialrelay/Web_Services.asmx", "BDTEST13", key,
                              sleep=lambda _: None, label_host=f"{url}/mondialrelay")  # fmt: skip


def test_r3_a_booked_return_has_an_8_digit_expedition_and_the_carriers_label(simulator_url):
    first = book_return(client(simulator_url), CUSTOMER, ATELIER, weight_grams=800)
    second = book_return(client(simulator_url), CUSTOMER, ATELIER, weight_grams=800)
    assert len(first.expedition) == 8 and int(second.expedition) == int(first.expedition) + 1
    assert int(first.expedition) >= FIRST_EXPEDITION
    assert first.label_url.startswith(f"{simulator_url}/mondialrelay/ww2/PDF/StickerMaker2.aspx?")
    assert f"expedition={first.expedition}&" in first.label_url


def test_r3_the_carriers_label_carries_the_expedition_barcode(simulator_url):
    booking = book_return(client(simulator_url), CUSTOMER, ATELIER, weight_grams=800)
    pdf = fetch_label(client(simulator_url), booking)
    image = page_image(pdf).convert("L")
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    assert [code.text for code in codes] == [booking.expedition]
    unknown = BookedLabel("99999999", booking.label_url.replace(booking.expedition, "99999999"))
    with pytest.raises(CarrierUnavailable):
        fetch_label(client(simulator_url), unknown)


def test_r3_labels_come_from_the_carriers_site_in_production_and_the_simulator_in_the_demo(
    monkeypatch,
):
    monkeypatch.setenv(settings.SIMULATOR_URL_ENV, "http://127.0.0.1:3000/_carrier-sim")
    assert default_mondial_relay_client().label_host == (
        "http://127.0.0.1:3000/_carrier-sim/mondialrelay"
    )
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)
    assert default_mondial_relay_client().label_host == "https://www.mondialrelay.com"  # §2.5


def test_r3_a_field_the_carrier_refuses_comes_back_as_its_stat(simulator_url):
    no_phone = Party(**{**CUSTOMER.__dict__, "phone": ""})
    with pytest.raises(BookingRefused) as refused:
        book_return(client(simulator_url), no_phone, ATELIER, weight_grams=800)
    assert refused.value.stat == 37  # phone: the wizard must ask for it first


def test_r3_a_wrong_private_key_is_refused_not_retried(simulator_url):
    with pytest.raises(BookingRefused) as refused:
        book_return(client(simulator_url, key="WRONGKEY"), CUSTOMER, ATELIER, weight_grams=800)
    assert refused.value.stat == 97


def test_r3_a_carrier_down_is_reported_once_and_never_books_twice(simulator_url):
    before = request_count(simulator_url, "mondialrelay")
    arm(simulator_url, "mondialrelay", "503", count=3)
    with pytest.raises(CarrierUnavailable):
        book_return(client(simulator_url), CUSTOMER, ATELIER, weight_grams=800)
    assert request_count(simulator_url, "mondialrelay") == before + 1  # no automatic retry
