"""The orders a member sees in "My account": hers, and her guest orders once verified.

An order is hers when it was placed logged in to her account, or placed as a guest with the
address her account has confirmed. `member_order_id` is the ownership check every page that
opens an order for her goes through.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.orders.models.orders import Order, OrderLine, Shipment
from alme_portal.orders.services.lookup import normalise_order_number
from alme_portal.returns.models import ReturnRequest

ORDERS_SHOWN = 100
"""The newest orders listed in "My account" (older ones stay reachable through /track)."""


def _hers(customer: Customer):
    """The SQL condition of her orders (guest orders count once her address is confirmed)."""
    own = Order.customer_id == customer.id
    if not customer.email_verified:
        return own
    return sa.or_(own, sa.and_(Order.customer_id.is_(None), Order.email == customer.email))


def member_order_id(session: Session, customer_id: Any, order_number: Any) -> int | None:
    """The id of her order with this number, or None (unknown and not hers look the same)."""
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None or not isinstance(order_number, str) or len(order_number) > 20:
        return None
    query = select(Order.id).where(Order.number == normalise_order_number(order_number))
    return session.exec(query.where(_hers(customer))).first()


def member_orders(session: Session, customer_id: int) -> list[dict[str, Any]]:
    """Her orders, newest first, with their parcels and returns, in four queries.

    Returns:
        Dicts with "id", "number", "placed_at", "status", "total_cents", "items",
        "as_guest" (placed without her account), "parcels" [{"carrier", "status",
        "tracking_number", "delivered_at"}] and "returns" [{"number", "status"}].
    """
    customer = session.get(Customer, customer_id)
    if customer is None:
        return []
    orders = session.exec(
        select(Order).where(_hers(customer)).order_by(Order.placed_at.desc(), Order.id.desc())
        .limit(ORDERS_SHOWN)
    ).all()  # fmt: skip
    ids = [order.id for order in orders]
    items = dict(session.exec(
        select(OrderLine.order_id, func.sum(OrderLine.quantity))
        .where(OrderLine.order_id.in_(ids)).group_by(OrderLine.order_id)
    ).all())  # fmt: skip
    parcels: dict[int, list[dict[str, Any]]] = {}
    for shipment in session.exec(
        select(Shipment).where(Shipment.order_id.in_(ids))
        .order_by(Shipment.planned_ship_date, Shipment.id)
    ):  # fmt: skip
        parcels.setdefault(shipment.order_id, []).append({
            "carrier": shipment.carrier, "status": shipment.status,
            "tracking_number": shipment.tracking_number or "",
            "delivered_at": shipment.delivered_at,
        })  # fmt: skip
    returns: dict[int, list[dict[str, str]]] = {}
    for request in session.exec(
        select(ReturnRequest).where(ReturnRequest.order_id.in_(ids)).order_by(ReturnRequest.id)
    ):
        returns.setdefault(request.order_id, []).append(
            {"number": request.number, "status": request.status}
        )
    return [
        {
            "id": order.id,
            "number": order.number,
            "placed_at": order.placed_at,
            "status": order.status,
            "total_cents": order.total_cents,
            "items": int(items.get(order.id, 0)),
            "as_guest": order.customer_id is None,
            "parcels": parcels.get(order.id, []),
            "returns": returns.get(order.id, []),
        }
        for order in orders
    ]


def account_overview(session: Session, customer_id: int) -> dict[str, Any] | None:
    """What "My account" shows: her name, e-mail and whether it is confirmed, her orders."""
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None:
        return None
    return {
        "first_name": customer.first_name,
        "email": customer.email,
        "verified": customer.email_verified,
        "orders": member_orders(session, customer_id),
    }
