"""`POST /api/order-feed`: the shop's signed order webhooks.

Checks, in order: body size, signature, JSON, freshness of `created_at`; then the service
applies the event in one transaction. Answers: 200 {"outcome": "applied"|"duplicate"},
400 malformed or invalid, 401 bad signature, 409 same id with another payload, 413 too big.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import JSONResponse

from alme_portal.orders.services import feed as order_feed
from alme_portal.orders.services import feed_signature
from alme_portal.platform import db, deployment, settings
from alme_portal.platform.outcome import Outcome, Status
from alme_portal.platform.request_body import read_body_in_thread

ORDER_FEED_PATH = "/api/order-feed"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _fresh(event: dict) -> bool:
    """Whether `created_at` is an ISO instant with its offset, close to now (replays refused)."""
    raw = event.get("created_at")
    try:
        created_at = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        created_at = None
    if created_at is None or created_at.tzinfo is None:
        return False
    return feed_signature.event_is_fresh(created_at)


def _apply(event: dict) -> Outcome[int]:
    with db.session_scope(write=True) as session:
        outcome = order_feed.apply_feed_event(session, event)
        if outcome.status != Status.DONE:
            session.rollback()
        return outcome


def receive_order_feed(request: Request) -> JSONResponse:
    """Verify and apply one order-feed event (runs in a worker thread: sync database work).

    Args:
        request: the shop's POST, signed with `X-Alme-Signature`.
    """
    body = read_body_in_thread(request, settings.ORDER_FEED_MAX_BODY_BYTES)
    if body is None:
        return _error(413, "body too large")
    signature = request.headers.get(feed_signature.SIGNATURE_HEADER)
    if not feed_signature.verify_signature(body, signature, deployment.order_feed_secret()):
        return _error(401, "bad signature")
    try:
        event = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _error(400, "body is not JSON")
    if not isinstance(event, dict):
        return _error(400, "event must be a JSON object")
    if not _fresh(event):
        return _error(400, "created_at must be an ISO 8601 instant with its offset, close to now")
    try:
        outcome = _apply(event)
    except sa.exc.IntegrityError:
        outcome = _apply(event)  # a concurrent delivery of the same id won: now a duplicate
    if outcome.status == Status.CONFLICT:
        return _error(409, outcome.detail or "event id already used")
    if not outcome.ok:
        return _error(400, outcome.detail or "invalid event")
    return JSONResponse({"outcome": "applied" if outcome.status == Status.DONE else "duplicate"})
