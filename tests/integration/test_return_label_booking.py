"""R3: confirming a return books its prepaid label with Mondial Relay (real HTTP, real database).

The return is stored first; the booking follows at once, or, when the carrier fails, by the
worker with backoff, and the label is e-mailed when it is booked.
"""

import io
from datetime import timedelta

import httpx
import pytest
import zxingcpp
from carrier_sim import MR_KEY, arm, request_count
from conftest import NOW, order_id
from pdf_image import page_image
from PIL import Image
from sqlmodel import select

from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.mondial_relay_connect import ConnectAccount, ConnectClient
from alme_portal.adapters.carriers.tracking import connect_credentials
from alme_portal.platform import clock, outbox
from alme_portal.platform.models import OutboxAttachment, OutboxEmail
from alme_portal.returns.models import ReturnBooking, ReturnRequest
from alme_portal.returns.services import booking
from alme_portal.returns.services import options as return_options
from alme_portal.returns.services import status as return_status
from alme_portal.returns.services.declaration import declare_return

SENDER = {"first_name": "Camille", "last_name": "Moreau", "address": "18 rue Saint-Maur",
          "postcode": "75011", "city": "Paris", "phone": "06 12 34 56 78"}  # fmt: skip


@pytest.fixture(autouse=True)
def _only_the_returns_declared_here(no_demo_returns):
    """These tests count the returns and e-mails they make: the demo's own are set aside."""


def client(url, key=MR_KEY, timeout=5.0):
    return MondialRelayClient(
        f"{url}/mondialrelay/Web_Services.asmx", "BDTEST13", key,
        httpx.Client(timeout=timeout), sleep=lambda _: None, label_host=f"{url}/mondialrelay",
    )  # fmt: skip


def declare(session, number="AL100101", method="mondial_relay", paperless=False, **place):
    with clock.use_clock(NOW):
        order = order_id(session, number)
        line = return_options.return_options(session, order, "en", clock.today())["lines"][0]
        draft = {"lines": [{"order_line_id": line["id"], "quantity": 1, "reason": "too_small",
                            "resolution": "refund", "refund_method": "credit_note"}],
                 "method": method, "sender": SENDER, "paperless": paperless, **place}  # fmt: skip
        outcome = declare_return(session, order_id=order, draft_data=draft, language="en")
    session.commit()
    assert outcome.status == "done", outcome.message_key
    return outcome.value


def fresh(session):
    """End the session's read transaction: its snapshot would hide the booking's writes."""
    session.commit()
    session.expire_all()


def the_booking(session):
    fresh(session)
    return session.exec(select(ReturnBooking)).one()


def the_return(session):
    fresh(session)
    return session.exec(select(ReturnRequest)).one()


def mails(session):
    fresh(session)
    return list(session.exec(select(OutboxEmail).order_by(OutboxEmail.id)))


def barcodes(image, kind):
    return [code.text for code in zxingcpp.read_barcodes(image.convert("L"), formats=kind)]


def test_r3_a_confirmed_return_is_booked_at_once_and_its_carrier_label_emailed(
    demo_session, simulator_url
):
    number = declare(demo_session)
    assert the_booking(demo_session).status == "pending" and mails(demo_session) == []
    with clock.use_clock(NOW):
        assert booking.book_due(client(simulator_url)) == {}  # the worker leaves it to the page
        assert booking.book(client(simulator_url), number) == "ready"
    request = the_return(demo_session)
    expedition = request.parcel_reference
    assert len(expedition) == 8 and expedition.isdigit()
    [mail] = mails(demo_session)
    assert mail.kind == "return_declared" and "attached" in mail.body
    [attachment] = demo_session.exec(select(OutboxAttachment)).all()
    pdf = outbox.attachment_content(demo_session, attachment)
    assert barcodes(page_image(pdf), zxingcpp.BarcodeFormat.Code128) == [expedition]
    # The download: the carrier's PDF to print; the portal's image for her phone carries the
    # same expedition number and the Atelier's QR code of the return number.
    with clock.use_clock(NOW):
        printed = return_status.label_file(demo_session, request, "pdf", clock.now())
        phone = return_status.label_file(demo_session, request, "png", clock.now())
    assert printed.content == pdf
    image = Image.open(io.BytesIO(phone.content))
    assert barcodes(image, zxingcpp.BarcodeFormat.Code128) == [expedition]
    assert barcodes(image, zxingcpp.BarcodeFormat.QRCode) == [number]


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ({"kind": "503"}, "503"),
        ({"kind": "500"}, "HTTP 500"),
        ({"kind": "slow", "delay": 1.0}, "time"),
        ({"kind": "stat", "stat": 97}, "STAT 97"),
        ({"kind": "stat", "stat": 99}, "STAT 99"),
        ({"kind": "stat", "stat": 81}, "STAT 81"),
    ],
)  # fmt: skip
def test_r3_carrier_trouble_never_loses_the_return_and_the_label_follows(
    demo_session, simulator_url, fault, reason
):
    number = declare(demo_session)
    arm(simulator_url, "mondialrelay", **fault)
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url, timeout=0.3), number) == "pending"
    pending = the_booking(demo_session)
    assert reason in pending.last_error and pending.attempts == 1
    assert pending.next_attempt_at == NOW + timedelta(minutes=1)
    [told] = mails(demo_session)
    assert told.kind == "return_declared" and "within the hour" in told.body
    assert demo_session.exec(select(OutboxAttachment)).all() == []
    with clock.use_clock(NOW):
        request = the_return(demo_session)
        assert return_status.label_file(demo_session, request, "pdf", clock.now()) == (
            "returns.label.pending"
        )
    calls = request_count(simulator_url, "mondialrelay")
    with clock.use_clock(NOW + timedelta(seconds=59)):  # not due yet
        assert booking.book_due(client(simulator_url)) == {}
    assert request_count(simulator_url, "mondialrelay") == calls
    with clock.use_clock(NOW + timedelta(minutes=1)):
        assert booking.book_due(client(simulator_url)) == {"ready": 1}
    told, label = mails(demo_session)
    assert label.kind == "return_label" and demo_session.exec(select(ReturnRequest)).one(
    ).parcel_reference in label.body  # fmt: skip
    assert [a.email_id for a in demo_session.exec(select(OutboxAttachment))] == [label.id]


def test_r3_retries_back_off_and_keep_trying_hourly():
    waits = [booking.retry_wait(attempt) for attempt in range(1, 10)]
    assert [wait.total_seconds() / 60 for wait in waits] == [1, 2, 4, 8, 15, 30, 30, 30, 30]
    assert sum(waits[:5], timedelta()) < timedelta(hours=1)  # "within the hour": five tries


def test_r3_a_booked_label_whose_pdf_did_not_come_is_fetched_not_booked_again(
    demo_session, simulator_url
):
    number = declare(demo_session)
    bookings_before = request_count(simulator_url, "mondialrelay")
    arm(simulator_url, "mondialrelay-label", "503", count=3)  # every retry of the fetch
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), number) == "booked"
    booked = the_booking(demo_session)
    assert booked.label_pdf is None and "HTTP 503" in booked.last_error
    with clock.use_clock(NOW + timedelta(minutes=1)):
        assert booking.book_due(client(simulator_url)) == {"ready": 1}
    assert request_count(simulator_url, "mondialrelay") == bookings_before + 1  # one booking
    assert the_booking(demo_session).label_pdf.startswith(b"%PDF")


@pytest.mark.both_databases
def test_r3_a_booking_held_by_one_caller_is_not_booked_by_another(demo_session, simulator_url):
    number = declare(demo_session)
    held = the_booking(demo_session)
    held.claimed_until = NOW + timedelta(seconds=30)
    demo_session.commit()
    calls = request_count(simulator_url, "mondialrelay")
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), number) is None
        assert booking.book_due(client(simulator_url)) == {}
    assert request_count(simulator_url, "mondialrelay") == calls
    with clock.use_clock(NOW + timedelta(seconds=31)):  # a caller that died lets go in time
        assert booking.book(client(simulator_url), number) == "ready"


@pytest.mark.parametrize(("number", "method", "place"), [
    ("AL100101", "store", {"salon_code": "MARAIS"}),
    ("AL100109", "self_ship", {}),
])  # fmt: skip
def test_r4_r5_store_and_abroad_book_nothing(demo_session, simulator_url, number, method, place):
    declared = declare(demo_session, number, method, **place)
    calls = request_count(simulator_url, "mondialrelay")
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), declared) is None
    assert request_count(simulator_url, "mondialrelay") == calls
    assert demo_session.exec(select(ReturnBooking)).all() == []
    assert [mail.kind for mail in mails(demo_session)] == ["return_declared"]


def connect(url, password=None):
    login, secret, customer = connect_credentials()
    account = ConnectAccount(f"{url}/mondialrelay-connect/api/shipment", login,
                             password or secret, customer)  # fmt: skip
    return ConnectClient(account, httpx.Client(timeout=5.0), sleep=lambda _: None)


def test_r3_no_printer_the_carrier_gives_a_qr_code_to_show_at_the_relay_point(
    demo_session, simulator_url
):
    number = declare(demo_session, paperless=True)
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), number, connect(simulator_url)) == "ready"
    request = the_return(demo_session)
    expedition = request.parcel_reference
    assert len(expedition) == 8 and the_booking(demo_session).paperless
    with clock.use_clock(NOW):
        qr = return_status.label_file(demo_session, request, "png", clock.now())
        assert return_status.label_file(demo_session, request, "pdf", clock.now()) == (
            "returns.label.paperless"
        )
    image = Image.open(io.BytesIO(qr.content))
    assert barcodes(image, zxingcpp.BarcodeFormat.QRCode) == [f"MR-RETOUR:{expedition}"]
    [mail] = mails(demo_session)
    assert "No printer needed" in mail.body
    [attachment] = demo_session.exec(select(OutboxAttachment)).all()
    assert attachment.filename.endswith(".png")
    assert outbox.attachment_content(demo_session, attachment) == qr.content


@pytest.mark.parametrize(
    ("fault", "password", "reason"),
    [
        ({"kind": "503"}, None, "HTTP 503"),
        ({"kind": "stat", "stat": 10051}, None, "code 10051"),
        (None, "WRONG", "code 10001"),  # the credentials: a Critical Error, HTTP 200
    ],
)
def test_r3_a_paperless_booking_the_carrier_refuses_is_retried_like_any_other(
    demo_session, simulator_url, fault, password, reason
):
    number = declare(demo_session, paperless=True)
    if fault:
        arm(simulator_url, "mondialrelay-connect", **fault)
    with clock.use_clock(NOW):
        status = booking.book(client(simulator_url), number, connect(simulator_url, password))
    assert status == "pending" and reason in the_booking(demo_session).last_error
    with clock.use_clock(NOW + timedelta(minutes=1)):
        assert booking.book_due(client(simulator_url), connect=connect(simulator_url)) == {
            "ready": 1
        }
    assert the_booking(demo_session).qr_png.startswith(b"\x89PNG")


def test_r3_an_expedition_number_already_used_leaves_the_return_to_book_again(
    demo_session, simulator_url
):
    first = declare(demo_session)
    with clock.use_clock(NOW):
        booking.book(client(simulator_url), first)
    used = the_return(demo_session)
    used.parcel_reference = str(int(used.parcel_reference) + 1)  # the simulator's next number
    demo_session.commit()
    second = declare(demo_session, "AL100117")
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), second) == "pending"
    fresh(demo_session)
    pending = demo_session.exec(select(ReturnBooking).where(ReturnBooking.status == "pending"))
    assert "already used" in pending.one().last_error
    with clock.use_clock(NOW + timedelta(minutes=1)):
        assert booking.book_due(client(simulator_url)) == {"ready": 1}
