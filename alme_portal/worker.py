"""The background worker: sends the outbox, books return labels, pays refunds, follows parcels.

`alme-portal mail worker`. Several may run at once, on one machine or many: each e-mail is
claimed by one of them (`mail.services.delivery`), each return label is booked by the one that
holds it (`returns.services.booking`), and each parcel's news is e-mailed once whoever finds it
(`orders.services.notifications`). SIGTERM or SIGINT stops it after the e-mail in hand.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

from alme_portal.adapters.carriers.tracking import (
    default_connect_client,
    default_mondial_relay_client,
    default_tracking_service,
)
from alme_portal.adapters.payments.providers import default_providers
from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
from alme_portal.mail.services import sender
from alme_portal.orders.services import notifications
from alme_portal.platform import db, settings
from alme_portal.refunds.services import settlement, supplement
from alme_portal.returns.services import booking, parcel_tracking

log = logging.getLogger(__name__)

RETRY_TRACKING_SECONDS = 60
"""When no carrier answered (down, or the demo's simulator not served yet), ask again soon."""


def _follow_parcels(tracking, name: str) -> float:
    """Ask the carriers once about orders and returns; return the seconds until the next time."""
    try:
        news = notifications.poll(tracking)
        returns = parcel_tracking.follow_returns(tracking)
    except Exception:
        log.exception("worker %s: following parcels failed", name)
        return RETRY_TRACKING_SECONDS
    log.info("worker %s: parcels %s, returns %s", name, dict(news), dict(returns))
    news.update(returns)
    nobody_answered = news["asked"] and news["unanswered"] == news["asked"]
    return RETRY_TRACKING_SECONDS if nobody_answered else settings.TRACKING_POLL_MINUTES * 60


def _book_labels(client, connect, name: str) -> None:
    """Rule R3: book the return labels the carrier could not book when they were declared."""
    try:
        counts = booking.book_due(client, connect=connect)
    except Exception:
        log.exception("worker %s: booking return labels failed", name)
        return
    if counts:
        log.info("worker %s: return labels %s", name, dict(counts))


def _settle_refunds(providers, name: str) -> None:
    """R8-R12: send the refunds the payment providers owe; E4: cancel unpaid exchanges."""
    try:
        counts = settlement.send_due(providers)
        with db.session_scope(write=True) as session:
            cancelled = supplement.cancel_unpaid(session)
    except Exception:
        log.exception("worker %s: settling refunds failed", name)
        return
    if counts or cancelled:
        log.info("worker %s: refunds %s, exchanges cancelled %s", name, dict(counts), cancelled)


def run(stop: threading.Event | None = None, poll_seconds: float | None = None) -> None:
    """Send due e-mails and follow parcels until `stop` is set (or a signal arrives).

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
    tracking = default_tracking_service()
    labels, paperless = default_mondial_relay_client(), default_connect_client()
    providers = default_providers()
    next_tracking_poll = time.monotonic()
    log.info("worker %s started", name)
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        while not stop.is_set():
            # Labels and refunds first: she waits on them; a carrier poll can take a while.
            _book_labels(labels, paperless, name)  # before sending: a label booked now goes out now
            _settle_refunds(providers, name)
            if time.monotonic() >= next_tracking_poll:
                next_tracking_poll = time.monotonic() + _follow_parcels(tracking, name)
            try:
                counts = sender.send_due(connection, worker=name, limit=100)
            except Exception:  # the database away for a moment: try again after a pause
                log.exception("worker %s: sending failed", name)
                counts = None
            if counts:
                log.info("worker %s: e-mails %s", name, dict(counts))
            else:
                connection.close()  # an idle worker holds no session the server would drop
                stop.wait(poll)
