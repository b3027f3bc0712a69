"""A declared return seen by its owner: status page data and label downloads (R3, R8-R12)."""

import io
from datetime import timedelta

import zxingcpp
from conftest import NOW, order_id
from PIL import Image
from test_return_declaration import declare, draft, line_of, refund

from alme_portal.returns.services.status import label_file, owned_return, return_view


def declared(session, number="AL100101", **extra):
    outcome = declare(session, number, draft(refund(line_of(session, number)), **extra))
    return owned_return(session, outcome.value, [order_id(session, number)])


def test_only_the_orders_owner_opens_the_return(demo_session):
    request = declared(demo_session)
    assert owned_return(demo_session, request.number, [order_id(demo_session, "AL100117")]) is None
    assert owned_return(demo_session, "RT-NOPE-1", [request.order_id]) is None
    assert owned_return(demo_session, {"number": 1}, [request.order_id]) is None


def test_status_page_shows_items_place_and_money_timing(demo_session):
    view = return_view(demo_session, declared(demo_session), "fr")
    assert (view["status"], view["step"], view["method"]) == ("declared", 0, "mondial_relay")
    assert view["label_pending"]  # R3: not booked with the carrier yet (nobody asked it here)
    assert view["lines"][0]["money_key"] == "returns.money.credit_note"
    assert view["lines"][0]["name"] == "T-shirt Léon en coton bio"


def test_r4_store_return_names_the_salon(demo_session):
    request = declared(demo_session, method="store", salon_code="MARAIS")
    assert return_view(demo_session, request, "en")["place"][0] == "Almé Le Marais"


def test_r3_a_label_not_yet_booked_cannot_be_downloaded(demo_session):
    request = declared(demo_session)
    for file_format in ("png", "pdf"):
        assert label_file(demo_session, request, file_format, NOW) == "returns.label.pending"


def test_r4_a_salon_returns_label_is_the_portals_png_and_pdf_with_the_return_number(
    demo_session,
):
    request = declared(demo_session, method="store", salon_code="MARAIS")
    png = label_file(demo_session, request, "png", NOW)
    pdf = label_file(demo_session, request, "pdf", NOW)
    assert png.media_type == "image/png" and pdf.content.startswith(b"%PDF")
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    assert {code.text for code in codes} == {request.number}  # QR code and Code 128


def test_r3_label_lasts_14_days_counting_the_day_of_the_declaration(demo_session):
    request = declared(demo_session, method="store", salon_code="MARAIS")
    assert not isinstance(label_file(demo_session, request, "pdf", NOW + timedelta(days=13)), str)
    assert label_file(demo_session, request, "pdf", NOW + timedelta(days=14)) == (
        "returns.label.expired"
    )
    assert label_file(demo_session, request, "exe", NOW) == "returns.label.format"
