"""The background worker: sends the outbox, again and again (`alme-portal mail worker`).

Several may run at once, on one machine or many: each e-mail is claimed by one of them
(`mail.services.delivery`). SIGTERM or SIGINT stops it after the e-mail in hand.
"""

from __future__ import annotations

import logging
import signal
import threading

from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
from alme_portal.mail.services import sender
from alme_portal.platform import settings

log = logging.getLogger(__name__)


def run(stop: threading.Event | None = None, poll_seconds: float | None = None) -> None:
    """Send due e-mails until `stop` is set (or a signal arrives), idling `poll_seconds` between.

    Args:
        stop: set it to end the loop (from another thread: the tests); signals set it too.
        poll_seconds: how long to wait when nothing is due (`MAIL_WORKER_POLL_SECONDS`).
    """
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: stop.set())
    poll = settings.MAIL_WORKER_POLL_SECONDS if poll_seconds is None else poll_seconds
    name = sender.worker_name()
    log.info("mail worker %s started", name)
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        while not stop.is_set():
            counts = sender.send_due(connection, worker=name, limit=100)
            if counts:
                log.info("mail worker %s: %s", name, dict(counts))
            if not counts:
                connection.close()  # an idle worker holds no session the server would drop
                stop.wait(poll)
