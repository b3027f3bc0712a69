"""The SMTP login goes only over a checked TLS session (STARTTLS), as production requires."""

import ssl

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from smtp_sink import SinkHandler, free_port
from test_mail_delivery import record, row

from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
from alme_portal.mail.services import sender
from alme_portal.platform import settings

USER, PASSWORD = "portal", "a long smtp password"


def _check_login(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # False: the server answers 535 itself


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    """A server that demands STARTTLS before AUTH, with a certificate from a private CA."""
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    handler, port = SinkHandler(), free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, server_hostname="localhost",
        tls_context=context, require_starttls=True, authenticator=_check_login,
        auth_require_tls=True, auth_required=True,
    )  # fmt: skip
    controller.start()
    for name, value in {
        settings.SMTP_HOST_ENV: "localhost", settings.SMTP_PORT_ENV: str(port),
        settings.SMTP_SECURITY_ENV: "starttls", settings.SMTP_USERNAME_ENV: USER,
        settings.SMTP_PASSWORD_ENV: PASSWORD, settings.SMTP_CA_FILE_ENV: str(ca_file),
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    yield handler
    controller.stop()


def send_all():
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        return sender.send_due(connection)


def test_starttls_then_login_delivers(session, tls_server):
    record(session)
    assert send_all() == {"sent": 1}
    assert len(tls_server.received) == 1


def test_a_wrong_password_is_retried_later_not_failed(session, tls_server, monkeypatch):
    email_id = record(session)
    monkeypatch.setenv(settings.SMTP_PASSWORD_ENV, "not the password")
    assert send_all() == {"pending": 1}  # our setting to fix, not the customer's address
    assert row(session, email_id).last_error.startswith("535")


def test_a_certificate_nobody_vouches_for_gets_no_password(session, tls_server, monkeypatch):
    email_id = record(session)
    monkeypatch.delenv(settings.SMTP_CA_FILE_ENV)  # the system's authorities do not know it
    assert send_all() == {"pending": 1}
    assert "CERTIFICATE_VERIFY_FAILED" in row(session, email_id).last_error
    assert tls_server.received == []
