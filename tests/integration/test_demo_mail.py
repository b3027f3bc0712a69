"""The demo's mail: caught locally by `alme-portal demo mail`, read at /_demo/mailbox; never in
production."""

import threading
import time

import pytest
from smtp_sink import free_port
from starlette.testclient import TestClient

from alme_portal import cli
from alme_portal.api import create_api
from alme_portal.demo import mail
from alme_portal.platform import deployment, outbox, settings
from alme_portal.platform.models import OutboxEmail


@pytest.fixture
def demo_mail(tmp_path, monkeypatch, session):
    monkeypatch.setenv(mail.MAILDIR_ENV, str(tmp_path / "mail"))
    monkeypatch.setenv(settings.SMTP_PORT_ENV, str(free_port()))
    stop = threading.Event()
    thread = threading.Thread(target=mail.serve, args=(stop,))
    thread.start()
    yield
    stop.set()
    thread.join(timeout=10)


def caught(client, text, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get(mail.MAILBOX_PATH).text
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never reached the demo mailbox")


def test_a_recorded_email_is_sent_caught_and_readable_with_its_file(session, demo_mail):
    email = outbox.record_email(
        session, recipient="lea@example.com", kind="referral_invitation", language="fr",
        subject="Camille vous offre 15 €", body="Bonjour,\n\nVotre lien : https://x.test/r/AB",
        attachments=[outbox.Attachment("note.txt", "text/plain", content=b"hello")],
    )  # fmt: skip
    session.commit()
    with TestClient(create_api(with_simulator=False)) as client:
        listing = caught(client, "Camille vous offre 15 €")
        assert "lea@example.com" in listing
        key = listing.split(f'href="{mail.MAILBOX_PATH}/')[1].split('"')[0]
        shown = client.get(f"{mail.MAILBOX_PATH}/{key}").text
        assert 'id="demo-mail-headers"' in shown and "Camille vous offre 15 €" in shown
        assert '<a href="https://x.test/r/AB"' in shown
        assert "Ne plus recevoir d&#x27;e-mails comme celui-ci" in shown  # in her language
        assert client.get(f"{mail.MAILBOX_PATH}/{key}/0").content == b"hello"
        assert client.get(f"{mail.MAILBOX_PATH}/{key}/1").status_code == 404
        assert client.get(f"{mail.MAILBOX_PATH}/..%2F..%2Fetc").status_code == 404
    session.expire_all()
    assert session.get(OutboxEmail, email.id).status == "sent"


def test_production_serves_no_mailbox_and_runs_no_catcher(monkeypatch, capsys):
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)
    with TestClient(create_api(with_simulator=False)) as client:
        assert client.get(mail.MAILBOX_PATH).status_code == 404
        assert client.get(mail.MAILBOX_PATH + "/x").status_code == 404
    assert cli.main(["demo", "mail"]) == 2
    assert "never runs in production" in capsys.readouterr().err
