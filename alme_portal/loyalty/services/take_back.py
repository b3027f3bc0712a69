"""Rule L4 on the ledger: a refund or a cancellation takes back an order's pending loves.

The refund engine publishes `ORDER_REFUNDED` with everything refunded for the order so far;
the order feed publishes `ORDER_CANCELLED`. Loves already released stay hers (L4 only speaks
of the pending days), and each call adds only what earlier calls did not take back.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, func, select

from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LovesEntry
from alme_portal.loyalty.services.ledger import append
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, events
from alme_portal.platform.vocabulary import LovesKind
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.rules import refunds as refund_rules


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
    found = _earned(session, order)
    if found is None:
        return None
    earned, taken_before = found
    entry = loyalty.return_entry(
        loyalty.Entry(earned.kind, earned.loves, earned.recorded_on, earned.available_on,
                      earned.reference),
        order.total_cents, refunded_cents, clock.today(), taken_before,
    )  # fmt: skip
    return append(session, earned.customer_id, entry) if entry else None


_NUMBER = sa.bindparam("number")
"""The order the statements below read: built once (building one costs more than running it)."""
_EARNED = select(LovesEntry).where(
    LovesEntry.reference == _NUMBER, LovesEntry.kind.in_((LovesKind.PURCHASE, LovesKind.CLAIM))
)
_TAKEN_BACK = select(func.coalesce(func.sum(LovesEntry.loves), 0)).where(
    LovesEntry.customer_id == sa.bindparam("member"),
    LovesEntry.reference == _NUMBER,
    LovesEntry.kind == LovesKind.RETURN,
)
_REFUNDED = select(func.coalesce(func.sum(Refund.amount_cents), 0)).where(
    Refund.order_id == sa.bindparam("order_id"), Refund.kind.in_(refund_rules.MONEY_KINDS)
)


def _earned(session: Session, order: Order | None) -> tuple[LovesEntry, int] | None:
    """The order's earned entry and the loves returns already took back, if it earned any."""
    if order is None:
        return None
    earned = session.exec(_EARNED, params={"number": order.number}).first()
    if earned is None:
        return None
    bounds = {"member": earned.customer_id, "number": order.number}
    return earned, int(session.exec(_TAKEN_BACK, params=bounds).one())


def on_order_refunded(session: Session, event: events.OrderRefunded) -> None:
    """Rule L4: a refund takes back the pending loves of what was refunded so far."""
    take_back(session, event.order_id, event.refunded_cents)


def on_order_cancelled(session: Session, event: events.OrderCancelled) -> None:
    """Rule L4: a cancelled order keeps none of its pending loves."""
    order = session.get(Order, event.order_id)
    if order is not None:
        take_back(session, order.id, order.total_cents)


def return_preview(session: Session, order_id: int) -> dict | None:
    """Rule L4 before a return is declared: what a refund of the order would take back.

    Returns:
        The order's earned entry and what earlier refunds did ({"loves", "recorded_on",
        "available_on", "reference", "kind", "paid_cents", "refunded_cents", "taken_before"}),
        for `rules.return_entry`; None when the order earned no loves.
    """
    order = session.get(Order, order_id)
    found = _earned(session, order)
    if found is None:
        return None
    earned, taken_before = found
    refunded = session.exec(_REFUNDED, params={"order_id": order.id}).one()
    return {
        "kind": earned.kind, "loves": earned.loves, "recorded_on": earned.recorded_on,
        "available_on": earned.available_on, "reference": earned.reference,
        "paid_cents": order.total_cents, "refunded_cents": int(refunded),
        "taken_before": taken_before,
    }  # fmt: skip
