"""Rule L4 on the ledger: a refund or a cancellation takes back an order's pending loves.

The refund engine publishes `ORDER_REFUNDED` with everything refunded for the order so far;
the order feed publishes `ORDER_CANCELLED`. Loves already released stay hers (L4 only speaks
of the pending days), and each call adds only what earlier calls did not take back.
"""

from __future__ import annotations

from sqlmodel import Session, func, select

from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LovesEntry
from alme_portal.loyalty.services.ledger import append
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, events
from alme_portal.platform.vocabulary import LovesKind


def take_back(session: Session, order_id: int, refunded_cents: int) -> LovesEntry | None:
    """Take back the pending loves of what was refunded of an order (rule L4).

    Args:
        session: the caller's session (the publisher's transaction).
        order_id: the order refunded.
        refunded_cents: everything refunded for it so far, this refund included.

    Returns:
        The `RETURN` entry added, or None when nothing more is owed (no loves earned, loves
        already released, or already taken back).
    """
    order = session.get(Order, order_id)
    if order is None:
        return None
    earned = session.exec(select(LovesEntry).where(
        LovesEntry.reference == order.number,
        LovesEntry.kind.in_((LovesKind.PURCHASE, LovesKind.CLAIM)),
    )).first()  # fmt: skip
    if earned is None:
        return None
    taken_before = session.exec(select(func.coalesce(func.sum(LovesEntry.loves), 0)).where(
        LovesEntry.customer_id == earned.customer_id, LovesEntry.reference == order.number,
        LovesEntry.kind == LovesKind.RETURN,
    )).one()  # fmt: skip
    entry = loyalty.return_entry(
        loyalty.Entry(earned.kind, earned.loves, earned.recorded_on, earned.available_on,
                      earned.reference),
        order.total_cents, refunded_cents, clock.today(), int(taken_before),
    )  # fmt: skip
    return append(session, earned.customer_id, entry) if entry else None


def on_order_refunded(session: Session, event: events.OrderRefunded) -> None:
    """Rule L4: a refund takes back the pending loves of what was refunded so far."""
    take_back(session, event.order_id, event.refunded_cents)


def on_order_cancelled(session: Session, event: events.OrderCancelled) -> None:
    """Rule L4: a cancelled order keeps none of its pending loves."""
    order = session.get(Order, event.order_id)
    if order is not None:
        take_back(session, order.id, order.total_cents)
