"""R3: the return confirmation e-mail arrives with the carrier's label PDF, as the FAQ promises."""

from datetime import timedelta

import zxingcpp
from conftest import NOW
from pdf_image import page_image
from sqlmodel import select
from test_mail_delivery import send_all
from test_return_declaration import declare, draft, line_of, refund
from test_return_label_booking import client

from alme_portal.platform import clock
from alme_portal.platform.models import OutboxEmail
from alme_portal.returns.models import ReturnRequest
from alme_portal.returns.services import booking


def test_r3_the_return_email_carries_the_carriers_label_pdf_with_the_parcel_barcode(
    demo_session, no_demo_returns, sink, simulator_url
):
    demo_session.execute(OutboxEmail.__table__.delete())  # the demo's own e-mails
    declared = declare(demo_session, "AL100101", draft(refund(line_of(demo_session, "AL100101"))))
    demo_session.commit()
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), declared.value) == "ready"
    with clock.use_clock(NOW + timedelta(minutes=1)):
        assert send_all() == {"sent": 1}
    demo_session.expire_all()
    request = demo_session.exec(select(ReturnRequest)).one()
    message = sink.received[0].message
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"alme-return-{request.number}.pdf"
    assert attachment.get_content_type() == "application/pdf"
    pdf = attachment.get_content()
    codes = zxingcpp.read_barcodes(
        page_image(pdf).convert("L"), formats=zxingcpp.BarcodeFormat.Code128
    )
    assert [code.text for code in codes] == [request.parcel_reference]
    assert request.number in message["Subject"]
