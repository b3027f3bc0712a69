"""The SMTP server the portal hands its e-mails to (stdlib `smtplib`).

Every failure comes out as one of two exceptions, so that the sender never reads SMTP codes:
`TemporaryFailure` (4xx replies, refused or dropped connections, time-outs, our own login or
sender refused: try again later) and `PermanentFailure` (a 5xx reply about this message or its
recipient: trying again cannot help).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from alme_portal.platform import settings


class TemporaryFailure(Exception):
    """The message may go through later; the reason says why it did not now."""


class PermanentFailure(Exception):
    """The server refused this message for good (`recipient`: the address itself is refused)."""

    def __init__(self, reason: str, *, recipient: bool = False) -> None:
        super().__init__(reason)
        self.recipient = recipient


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to reach the SMTP server."""

    host: str
    port: int
    security: str = "none"
    username: str = ""
    password: str = ""
    ca_file: str = ""
    timeout: float = settings.SMTP_TIMEOUT_SECONDS

    @classmethod
    def from_settings(cls) -> SmtpServer:
        """The server the environment names (the demo's local catcher when nothing is set)."""
        port = settings.smtp_setting(settings.SMTP_PORT_ENV, str(settings.DEFAULT_SMTP_PORT))
        security = settings.smtp_setting(settings.SMTP_SECURITY_ENV, "none").lower()
        return cls(
            host=settings.smtp_setting(settings.SMTP_HOST_ENV, settings.DEFAULT_SMTP_HOST),
            port=int(port) if port.isascii() and port.isdigit() else settings.DEFAULT_SMTP_PORT,
            security=security if security in settings.SMTP_SECURITY_CHOICES else "starttls",
            username=settings.smtp_setting(settings.SMTP_USERNAME_ENV),
            password=settings.smtp_setting(settings.SMTP_PASSWORD_ENV),
            ca_file=settings.smtp_setting(settings.SMTP_CA_FILE_ENV),
        )

    def tls_context(self) -> ssl.SSLContext:
        """Certificate and host name checked, against `ca_file` or the system's authorities."""
        return ssl.create_default_context(cafile=self.ca_file or None)


def _reason(code: int, text: bytes | str) -> str:
    text = text.decode(errors="replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(text.split())}"[:300]


class SmtpConnection:
    """One open session with the server, reused for every message of a batch.

    Use as a context manager; `send` reconnects by itself after the server dropped the session.
    """

    def __init__(self, server: SmtpServer) -> None:
        self.server = server
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the session politely if it is still open."""
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def _open(self) -> smtplib.SMTP:
        server = self.server
        try:
            if server.security == "tls":
                smtp = smtplib.SMTP_SSL(
                    server.host, server.port, timeout=server.timeout, context=server.tls_context()
                )
            else:
                smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
                if server.security == "starttls":
                    smtp.starttls(context=server.tls_context())
            if server.username:
                smtp.login(server.username, server.password)
        except smtplib.SMTPResponseException as error:
            raise TemporaryFailure(_reason(error.smtp_code, error.smtp_error)) from error
        except (smtplib.SMTPException, OSError) as error:
            raise TemporaryFailure(f"cannot reach {server.host}:{server.port}: {error}") from error
        return smtp

    def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        """Hand `message` to the server for `recipient`, envelope sender `sender`.

        Raises:
            TemporaryFailure: try again later.
            PermanentFailure: the server refused this message or this recipient for good.
        """
        if self._smtp is None:
            self._smtp = self._open()
        try:
            self._smtp.send_message(message, from_addr=sender, to_addrs=[recipient])
        except smtplib.SMTPRecipientsRefused as error:
            code, text = error.recipients[recipient]
            self._raise_for(code, text, recipient=True, cause=error)
        except smtplib.SMTPSenderRefused as error:  # our own address: a setting to fix
            self._drop()
            raise TemporaryFailure(_reason(error.smtp_code, error.smtp_error)) from error
        except smtplib.SMTPResponseException as error:
            self._raise_for(error.smtp_code, error.smtp_error, recipient=False, cause=error)
        except (smtplib.SMTPException, OSError) as error:
            self._drop()
            raise TemporaryFailure(f"connection lost: {error}") from error

    def _raise_for(self, code: int, text, *, recipient: bool, cause: Exception) -> None:
        if 500 <= code < 600:
            self._reset()
            raise PermanentFailure(_reason(code, text), recipient=recipient) from cause
        self._drop()
        raise TemporaryFailure(_reason(code, text)) from cause

    def _reset(self) -> None:
        """Clear the refused transaction so the session can carry the next message."""
        try:
            self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._smtp is not None:
            self._smtp.close()
            self._smtp = None
