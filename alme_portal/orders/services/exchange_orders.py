"""Rules E3, E4, E6, E7: the free exchange order a received return creates.

It goes to the original order's destination with its shipping method, costs no shipping,
ships once the return is received (the next working day's dispatch), and is tracked like any
order: it belongs to the same account and opens from "My account" and the order page.
"""

from __future__ import annotations

from sqlmodel import Session, select

from alme_portal.orders.models.catalog import Variant
from alme_portal.orders.models.orders import Order, OrderLine
from alme_portal.orders.services.placing import order_line
from alme_portal.orders.services.shipments import plan_shipments
from alme_portal.platform import clock, events
from alme_portal.platform.vocabulary import OrderKind, OrderStatus
from alme_portal.returns.models import ReturnLine, ReturnRequest

NUMBER_PREFIX = "EX"


def exchange_number(request: ReturnRequest) -> str:
    """The exchange order's number: `EX` and six digits, like a shop order's."""
    return f"{NUMBER_PREFIX}{request.id:06d}"


def hold_units(session: Session, order: Order, sign: int) -> None:
    """Take an exchange order's units out of stock (-1), or put them back (+1, E8 alerts)."""
    for line in session.exec(select(OrderLine).where(OrderLine.order_id == order.id)):
        variant = session.get(Variant, line.variant_id)
        variant.stock = max(0, variant.stock + sign * line.quantity)
        if sign > 0:
            events.publish(session, events.StockChanged(variant.id))


def create_exchange_order(
    session: Session, request: ReturnRequest, lines: list[ReturnLine]
) -> Order:
    """Create the exchange order of the accepted exchange lines of a return (E6).

    Each wanted unit is a line at the price paid for the returned one (E3) or at the new
    product's price (E4); what she pays is the supplement of E4 only.
    """
    origin = session.get(Order, request.order_id)
    now = clock.now()
    supplement = sum(line.to_pay_cents for line in lines)
    order = Order(
        number=exchange_number(request),
        email=origin.email,
        customer_id=origin.customer_id,
        placed_logged_in=False,
        kind=OrderKind.EXCHANGE.value,
        origin_order_id=origin.id,
        status=OrderStatus.CONFIRMED.value,
        placed_at=now,
        language=request.language,
        shipping_method=origin.shipping_method,
        ship_first_name=origin.ship_first_name,
        ship_last_name=origin.ship_last_name,
        ship_address=origin.ship_address,
        ship_postcode=origin.ship_postcode,
        ship_city=origin.ship_city,
        ship_country=origin.ship_country,
        relay_point_id=origin.relay_point_id,
        subtotal_cents=supplement,
        shipping_cents=0,
        total_cents=supplement,
    )
    session.add(order)
    session.flush()
    new_lines = []
    for line in lines:
        unit = (line.paid_cents + line.to_pay_cents - line.to_refund_cents) // line.quantity
        variant = session.get(Variant, line.exchange_variant_id)
        new_lines.append(order_line(order.id, variant, unit, line.quantity))
    session.add_all(new_lines)
    session.flush()
    skus = {line.sku for line in new_lines}
    variants = {v.sku: v for v in session.exec(select(Variant).where(Variant.sku.in_(skus)))}
    hold_units(session, order, -1)
    if not supplement:  # E4: a pricier item ships once its supplement is paid
        plan_shipments(session, order, new_lines, variants)
    return order
