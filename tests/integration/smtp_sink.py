"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives and misbehaves on cue."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class Received:
    """One message as the server took it: envelope and parsed content."""

    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class SinkHandler:
    """Records messages; `data_replies` are answered to DATA in turn before accepting."""

    received: list[Received] = field(default_factory=list)
    data_replies: list[str] = field(default_factory=list)
    """Replies to the next DATA commands ("421 ...", "550 ...", or "drop" to hang up)."""
    refused_recipients: dict[str, str] = field(default_factory=dict)
    delay_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: D102
        if address in self.refused_recipients:
            return self.refused_recipients[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: D102
        await asyncio.sleep(self.delay_seconds)
        with self.lock:
            reply = self.data_replies.pop(0) if self.data_replies else None
        if reply == "drop":
            server.transport.close()
            return "421 closing"
        if reply:
            return reply
        content = envelope.original_content.replace(b"\r\n", b"\n")  # as a mail client reads it
        message = email.message_from_bytes(content, policy=email.policy.default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """The server, started on a free loopback port; `stop()` ends it."""

    def __init__(self) -> None:
        self.handler = SinkHandler()
        self.port = free_port()
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    @property
    def received(self) -> list[Received]:
        """Every message accepted so far."""
        return self.handler.received

    def stop(self) -> None:
        """Stop listening (again is fine)."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
