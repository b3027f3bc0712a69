"""The outbox leaves over real SMTP (a loopback aiosmtpd server): content, faults, two workers."""

import threading
from datetime import timedelta
from html import escape

import pytest
from smtp_sink import SmtpSink
from starlette.testclient import TestClient

from alme_portal.accounts.services import emails as account_emails
from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
from alme_portal.api import create_api
from alme_portal.loyalty.services import ledger
from alme_portal.mail import rules
from alme_portal.mail.services import delivery, recipients, sender
from alme_portal.orders.rules.notifications import ParcelNews
from alme_portal.orders.services import changes, notifications, shipments
from alme_portal.platform import clock, db, outbox, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.referral.services import emails as referral_emails
from alme_portal.refunds.services import texts
from alme_portal.returns.services import stock_alerts, withdrawals

CAMILLE = "camille.moreau@example.com"
EVERY_KIND = sorted({
    *account_emails.KINDS.values(), *referral_emails.KINDS.values(),
    shipments.DISPATCH_EMAIL_KIND, changes.CHANGE_EMAIL_KIND, ledger.TIER_EMAIL_KIND,
    texts.REFUND_EMAIL_KIND, texts.CREDIT_NOTE_EMAIL_KIND, stock_alerts.EMAIL_KIND,
    withdrawals.EMAIL_KIND, "return_declared",
    *(notifications.EMAIL_KIND.format(news=news) for news in ParcelNews),
})  # fmt: skip
"""Every kind of e-mail the portal writes."""


pytestmark = pytest.mark.both_databases  # claims and leases hold on each


def send_all(worker="worker-1"):
    """Send every due e-mail through the configured server, as one worker."""
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        return sender.send_due(connection, worker=worker)


def record(session, kind="password_reset", recipient=CAMILLE, language="en", **text):
    session.rollback()  # a read left open would see an old snapshot that cannot write
    email = outbox.record_email(
        session, recipient=recipient, kind=kind, language=language,
        subject=text.get("subject", "Your new Almé password"),
        body=text.get("body", "Hello,\n\nChoose a new password here:\nhttps://almeparis.com/r/x"),
    )  # fmt: skip
    session.commit()
    return email.id


def row(session, email_id):
    session.rollback()  # read what the workers committed since
    return session.get(OutboxEmail, email_id)


def test_an_email_arrives_as_text_and_branded_html_in_the_customers_language(session, sink):
    body = "Bonjour,\n\nChoisissez-le ici :\nhttps://almeparis.com/r/x <b>"
    email_id = record(session, language="fr", subject="Votre nouveau mot de passe Almé", body=body)
    assert send_all() == {"sent": 1}
    [received] = sink.received
    message = received.message
    assert received.sender == settings.CONTACT_EMAIL and received.recipients == [CAMILLE]
    assert message["From"] == f"{settings.BRAND_NAME} <{settings.CONTACT_EMAIL}>"
    assert message["Subject"] == "Votre nouveau mot de passe Almé"
    assert message["Content-Language"] == "fr" and message["Auto-Submitted"] == "auto-generated"
    email = row(session, email_id)
    assert message["Message-ID"] == rules.message_id(email_id, email.created_at, "almeparis.com")
    assert "List-Unsubscribe" not in message  # a password reset is not marketing
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith(body)
    assert '<a href="https://almeparis.com/r/x"' in html and "&lt;b&gt;" in html
    assert "<b>" not in html and 'lang="fr"' in html and "Une question ?" in html
    assert (email.status, email.attempts, email.sent_at) == ("sent", 1, clock.now())


def test_marketing_emails_carry_one_click_unsubscribe_that_works(session, sink):
    record(session, kind="referral_invitation", recipient="lea@example.com")
    assert send_all() == {"sent": 1}
    message = sink.received[0].message
    link = message["List-Unsubscribe"].strip("<>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="{escape(link)}"' in message.get_body(("html",)).get_content()
    assert link in message.get_body(("plain",)).get_content()
    path = link.removeprefix(settings.portal_url())
    with TestClient(create_api(with_simulator=False)) as client:
        assert client.get(path).status_code == 200  # a page asking to confirm: nothing yet
        assert not recipients.has_unsubscribed(session, "lea@example.com")
        answer = client.post(path, data={"List-Unsubscribe": "One-Click"})
        assert answer.status_code == 200
        assert client.post("/api/unsubscribe?token=" + "x" * 32).status_code == 404
    second = record(session, kind="back_in_stock", recipient="lea@example.com")
    reset = record(session, kind="password_reset", recipient="lea@example.com")
    assert send_all() == {"sent": 1, "failed": 1}
    assert row(session, second).last_error == delivery.UNSUBSCRIBED
    assert row(session, reset).status == "sent"  # what she asked for still comes


@pytest.mark.parametrize(
    ("field", "hostile"),
    [
        ("subject", "Hello\r\nBcc: everyone@evil.example"),
        ("subject", "Hi\nContent-Type: text/html\n\n<script>"),
        ("subject", "x" * 5000),
        ("recipient", "camille@example.com\r\nBcc: everyone@evil.example"),
        ("recipient", "Camille <camille@example.com>, eve@evil.example"),
        ("recipient", "x" * 65 + "@example.com"),  # a local part is 64 at most
    ],
)
@pytest.mark.parametrize("kind", EVERY_KIND)
def test_hostile_header_values_never_reach_a_header(session, sink, kind, field, hostile):
    values = {"recipient": CAMILLE, "subject": "Hello", field: hostile}
    email_id = record(session, kind=kind, recipient=values["recipient"], subject=values["subject"])
    counts = send_all()
    if field == "recipient":
        assert counts == {"failed": 1} and sink.received == []
        assert row(session, email_id).last_error == rules.NOT_A_PLAIN_ADDRESS
        return
    [received] = sink.received
    assert received.recipients == [CAMILLE] and "Bcc" not in received.message
    subject = received.message["Subject"]
    assert "\r" not in subject and "\n" not in subject and len(subject) <= rules.SUBJECT_MAX
    assert received.message.get_content_type() == "multipart/alternative"


def test_the_server_down_then_up_the_email_goes_later(session, sink, monkeypatch):
    email_id = record(session)
    sink.stop()
    assert send_all() == {"pending": 1}
    email = row(session, email_id)
    assert email.attempts == 1 and "cannot reach" in email.last_error
    assert email.next_attempt_at == clock.now() + timedelta(seconds=60)
    assert send_all() == {}  # not due yet: nothing is tried
    restarted = SmtpSink()
    try:
        monkeypatch.setenv(settings.SMTP_PORT_ENV, str(restarted.port))
        with clock.use_clock(clock.now() + timedelta(seconds=60)):
            assert send_all() == {"sent": 1}
        assert len(restarted.received) == 1
    finally:
        restarted.stop()


@pytest.mark.parametrize("fault", ["421 4.3.2 Service not available, try later", "drop"])
def test_a_temporary_refusal_or_a_dropped_connection_is_retried_once_sent(session, sink, fault):
    email_id = record(session)
    sink.handler.data_replies.append(fault)
    assert send_all() == {"pending": 1}
    assert sink.received == []
    assert row(session, email_id).last_error.startswith("421" if fault != "drop" else "")
    with clock.use_clock(clock.now() + timedelta(seconds=60)):
        assert send_all() == {"sent": 1}
    assert len(sink.received) == 1 and row(session, email_id).attempts == 2


def test_retries_wait_twice_as_long_each_time_then_give_up(session, sink, monkeypatch):
    monkeypatch.setattr(settings, "MAIL_MAX_ATTEMPTS", 3)
    email_id = record(session)
    sink.stop()
    moment = clock.now()
    for wait in (60, 120):
        with clock.use_clock(moment):
            assert send_all() == {"pending": 1}
        assert row(session, email_id).next_attempt_at == moment + timedelta(seconds=wait)
        moment += timedelta(seconds=wait)
    with clock.use_clock(moment):
        assert send_all() == {"failed": 1}
    assert row(session, email_id).status == "failed"


def test_a_550_on_the_message_fails_it_without_retry(session, sink):
    email_id = record(session)
    sink.handler.data_replies.append("550 5.7.1 Message rejected as spam")
    assert send_all() == {"failed": 1}
    email = row(session, email_id)
    assert email.status == "failed" and email.last_error.startswith("550 5.7.1")
    assert not recipients.is_undeliverable(session, CAMILLE)  # the message, not the address


def test_c2_an_address_the_server_refuses_is_marked_undeliverable(session, sink):
    sink.handler.refused_recipients["gone@example.com"] = "550 5.1.1 No such user"
    record(session, recipient="gone@example.com")
    other = record(session, recipient=CAMILLE)
    assert send_all() == {"failed": 1, "sent": 1}  # the session carries on after a refusal
    assert recipients.is_undeliverable(session, "gone@example.com")
    assert row(session, other).status == "sent"
    del sink.handler.refused_recipients["gone@example.com"]
    record(session, recipient="gone@example.com")
    send_all()
    assert not recipients.is_undeliverable(session, "gone@example.com")  # it reached her again


def test_a_lapsed_claim_goes_to_another_worker_and_the_first_records_nothing(session, sink):
    email_id = record(session)
    with db.session_scope(write=True) as claim_session:
        assert delivery.claim_next(claim_session, "crashed").id == email_id
    assert send_all("second") == {}  # still held by the first worker
    later = clock.now() + timedelta(seconds=settings.MAIL_CLAIM_LEASE_SECONDS)
    with clock.use_clock(later):
        assert send_all("second") == {"sent": 1}
        with db.session_scope(write=True) as late_session:
            late = delivery.Outcome(email_id, sent=False, reason="late", temporary=True)
            assert delivery.record(late_session, late, "crashed") is None
    assert row(session, email_id).status == "sent" and len(sink.received) == 1


def test_two_workers_draining_one_outbox_send_each_email_exactly_once(session, sink):
    ids = [record(session, recipient=f"client{n}@example.com") for n in range(60)]
    sink.handler.delay_seconds = 0.005  # a real server's pace: both workers get to claim
    results, start = [], threading.Barrier(2)

    def work(name):
        start.wait()
        results.append(send_all(name))

    workers = [threading.Thread(target=work, args=(f"worker-{n}",)) for n in (1, 2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    message_ids = [received.message["Message-ID"] for received in sink.received]
    assert len(message_ids) == len(set(message_ids)) == 60
    assert sum(result["sent"] for result in results) == 60
    assert all(result["sent"] > 0 for result in results)  # both took part
    assert {row(session, email_id).status for email_id in ids} == {"sent"}


def test_an_email_that_cannot_be_composed_waits_and_the_others_go(session, sink, monkeypatch):
    def broken(_session, _argument):
        raise RuntimeError("renderer bug")

    monkeypatch.setitem(outbox._renderers, "broken", broken)
    stuck = outbox.record_email(
        session, recipient=CAMILLE, kind="return_declared", language="en", subject="Label",
        body="Your label.", attachments=[outbox.Attachment("l.pdf", "application/pdf",
                                                           source="broken:x")],
    ).id  # fmt: skip
    session.commit()
    other = record(session, recipient="lea@example.com")
    assert send_all() == {"pending": 1, "sent": 1}
    assert row(session, stuck).last_error == "could not be composed: RuntimeError"
    assert row(session, other).status == "sent"
