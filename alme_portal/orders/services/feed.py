"""The shop's order feed: signed webhook events that create, update and dispatch orders.

Every event is validated whole before anything is written, so a refused event changes
nothing. Each applied event is remembered by id (`FeedEvent`) with the SHA-256 of its
canonical JSON: a replay is harmlessly already done, the same id with another payload a
conflict. What each event type does lives beside it: `placing` (created, updated, cancelled:
`OrderPlaced`, `OrderCancelled`), `shipments` (dispatched: `OrderDispatched`, whose handler
records the O6 e-mail) and `stock` (`StockChanged`, which sends the E8 alerts). The endpoint's
own checks (signature, freshness) are in `feed_signature`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from sqlmodel import Session, select

from alme_portal.orders.models.feed import FeedEvent
from alme_portal.orders.services import placing, shipments, stock
from alme_portal.orders.services.feed_input import EventIn, FeedRejected, parse
from alme_portal.platform import clock
from alme_portal.platform.outcome import Outcome

APPLIERS = {
    "order.created": placing.create_order,
    "order.updated": placing.update_order,
    "order.cancelled": placing.cancel_order,
    "order.dispatched": shipments.dispatch_parcel,
    "stock.updated": stock.set_stock,
}
"""What each event type does; each raises `FeedRejected` to refuse it."""


def payload_sha256(event: dict[str, Any]) -> str:
    """Return the hex SHA-256 of an event's canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def apply_feed_event(session: Session, event: Any) -> Outcome[int]:
    """Apply one feed event in the caller's transaction (the caller commits).

    Args:
        session: a session on a migrated database.
        event: the decoded JSON event {"id", "type", "created_at", "data"}.

    Returns:
        Done with the order touched (changes written, the event remembered); already done
        (applied before, nothing changed); conflict (same id, other payload) or invalid, with
        the reason in `detail` (safe to return to the shop; nothing changed).
    """
    try:
        envelope = parse(EventIn, event)
    except FeedRejected as error:
        return Outcome.invalid(detail=str(error))
    digest = payload_sha256(event)
    seen = session.exec(select(FeedEvent).where(FeedEvent.event_id == envelope.id)).first()
    if seen is not None:
        if hmac.compare_digest(seen.payload_sha256, digest):
            return Outcome.already_done()
        return Outcome.conflict(f"event {envelope.id} was already applied")
    try:
        with session.begin_nested():  # a refusal found after some writes undoes them
            order_id = APPLIERS[envelope.type](session, envelope.data)
    except FeedRejected as error:
        return Outcome.invalid(detail=str(error))
    session.add(
        FeedEvent(
            event_id=envelope.id,
            kind=envelope.type,
            received_at=clock.now(),
            payload_sha256=digest,
        )
    )
    session.flush()
    return Outcome.done(value=order_id)


def replay_order(session: Session, order_payload: dict[str, Any]) -> Outcome[int]:
    """Create an order the feed missed, from the `data` of its "order.created" event.

    The replay is an "order.created" event whose id derives from the payload, so replaying the
    same payload twice is harmlessly already done. The caller commits.

    Args:
        session: a session on a migrated database.
        order_payload: the order as the shop describes it (see `OrderIn`).
    """
    digest = payload_sha256(order_payload if isinstance(order_payload, dict) else {})
    event = {
        "id": f"replay:{digest[:40]}",
        "type": "order.created",
        "created_at": clock.now().isoformat(),
        "data": order_payload,
    }
    seen = session.exec(select(FeedEvent).where(FeedEvent.event_id == event["id"])).first()
    if seen is not None:
        return Outcome.already_done()
    return apply_feed_event(session, event)
