"""Outbox throughput: e-mails per second to a loopback SMTP sink, one worker and two.

Each worker is a process of its own (what `alme-portal mail worker` is), draining one SQLite
outbox with its claims and leases; the sink (aiosmtpd) only counts.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
from alme_portal.mail.services import sender
from alme_portal.platform import db, outbox, schema, settings


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: D102, N802
        self.count += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fill(count: int) -> None:
    with db.session_scope(write=True) as session:
        for index in range(count):
            outbox.record_email(
                session, recipient=f"client{index}@example.com", kind="order_dispatched",
                language="fr", subject=f"Votre commande AL{index:06d} est en route",
                body="Bonjour,\n\nVotre commande a quitté notre entrepôt.\nhttps://almeparis.com/t",
            )  # fmt: skip


def _drain(_index: int) -> int:
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        return sender.send_due(connection)["sent"]


def _timed(workers: int, count: int) -> float:
    _fill(count)
    db.get_engine().dispose()  # each worker process opens its own connections
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        sent = sum(pool.map(_drain, range(workers)))
    seconds = time.perf_counter() - started
    assert sent == count, f"{sent} of {count} e-mails sent"
    return seconds


def measure(count: int = 500) -> dict[str, Any]:
    """Send `count` e-mails with one worker, then `count` with two; e-mails per second."""
    sink = _Counter()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    saved = {name: os.environ.get(name) for name in (settings.DATABASE_URL_ENV,
                                                      settings.SMTP_PORT_ENV)}  # fmt: skip
    try:
        with tempfile.TemporaryDirectory(prefix="alme-outbox-") as folder:
            url = f"sqlite:///{Path(folder) / 'outbox.db'}"
            schema.upgrade(url)
            os.environ[settings.DATABASE_URL_ENV] = url
            os.environ[settings.SMTP_PORT_ENV] = str(port)
            figures = {}
            for workers in (1, 2):
                seconds = _timed(workers, count)
                figures[f"{workers}_worker"] = {
                    "count": count,
                    "per_second": round(count / seconds, 1),
                }
            db.get_engine().dispose()
    finally:
        controller.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    figures["received"] = sink.count
    return figures
