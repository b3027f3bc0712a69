"""The refund engine on the database: carry out `rules.refunds` for a return or a parcel.

A received and inspected return is settled once (R8-R12, L6, R5): its accepted refund lines
give money back where she chose, its accepted exchange lines become a free exchange order
(E3-E7), and the order's loves shrink (L4). A parcel back at the Atelier (O9) is refunded in
full to the original methods.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, func, select

from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.orders.services.exchange_orders import create_exchange_order
from alme_portal.platform import clock, events, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.vocabulary import (
    InstalmentStatus,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    RefundDestination,
    RefundKind,
    Resolution,
    ReturnStatus,
    ShipmentStatus,
    StoredValueKind,
)
from alme_portal.refunds.models.inspection import LineInspection
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.rules import refunds
from alme_portal.refunds.services import settlement, stored_values, supplement
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.returns.models import ReturnLine, ReturnRequest
from alme_portal.returns.rules.exchange import unit_prices_paid

STORED_METHODS = (PaymentMethod.GIFT_CARD, PaymentMethod.CREDIT_NOTE)
"""Payments whose money goes back onto their own code: a gift card, a credit note."""


def order_payments(session: Session, order_id: int) -> list[refunds.Paid]:
    """The order's payments as a refund sees them, after every earlier refund."""
    drawn = dict(
        session.exec(
            select(Refund.payment_id, func.sum(Refund.amount_cents))
            .where(Refund.order_id == order_id, Refund.kind.in_(refunds.DRAWN))
            .group_by(Refund.payment_id)
        ).all()
    )
    paid = []
    for payment in session.exec(
        select(Payment).where(Payment.order_id == order_id).order_by(Payment.id)
    ):
        schedule = tuple(
            refunds.Instalment(i.sequence, i.due_date, i.amount_cents, i.status)
            for i in session.exec(
                select(Instalment)
                .where(Instalment.payment_id == payment.id)
                .order_by(Instalment.sequence)
            )
        )
        paid.append(
            refunds.Paid(
                payment.id,
                payment.method,
                payment.amount_cents,
                int(drawn.get(payment.id, 0)),
                payment.captured,
                payment.deferred_due_date,
                schedule,
            )
        )
    return paid


def _expected_on(move: refunds.Move, method: str | None, today: date) -> date:
    """R8: a credit note, a gift card or a lower charge at once; a card in 2-3 working days."""
    if move.kind == RefundKind.CREDIT_BACK and method != PaymentMethod.GIFT_CARD:
        return add_working_days(today, settings.REFUND_VISIBLE_WORKING_DAYS[-1])
    if move.kind == RefundKind.POSTAGE and move.payment_id is not None:
        return add_working_days(today, settings.REFUND_VISIBLE_WORKING_DAYS[-1])
    return today


def carry_out(
    session: Session, order: Order, moves: list[refunds.Move], return_id: int | None
) -> list[Refund]:
    """Record each move, issue the credit note or gift card, credit gift cards, cut instalments."""
    today = clock.today()
    payments = {p.id: p for p in session.exec(select(Payment).where(Payment.order_id == order.id))}
    issued = refunds.new_balance_cents(moves)
    gift_card = any(m.kind == RefundKind.NEW_GIFT_CARD for m in moves)
    new_kind = StoredValueKind.GIFT_CARD if gift_card else StoredValueKind.CREDIT_NOTE
    value = (
        stored_values.issue(session, new_kind, email=order.email, cents=issued, order_id=order.id)
        if issued
        else None
    )
    rows = []
    for move in moves:
        payment = payments.get(move.payment_id)
        stored_id = value.id if value and move.payment_id is None else None
        if move.kind in refunds.NEW_KINDS:
            stored_id = value.id
        elif payment is not None and payment.method in STORED_METHODS:  # R9, R10, R5
            card = stored_values.credit_back(
                session,
                payment.gift_card_code or payment.credit_note_code or "",
                kind=payment.method,
                email=order.email,
                cents=move.amount_cents,
                order_id=order.id,
            )
            stored_id = card.id
        elif move.kind == RefundKind.INSTALMENT_REDUCED:
            instalment = session.exec(
                select(Instalment).where(
                    Instalment.payment_id == move.payment_id, Instalment.sequence == move.instalment
                )
            ).one()
            instalment.amount_cents -= move.amount_cents
            if instalment.amount_cents == 0:
                instalment.status = InstalmentStatus.CANCELLED
        rows.append(
            Refund(
                order_id=order.id,
                return_id=return_id,
                payment_id=move.payment_id,
                kind=move.kind,
                amount_cents=move.amount_cents,
                instalment_sequence=move.instalment,
                stored_value_id=stored_id,
                expected_on=_expected_on(move, payment.method if payment else None, today),
                created_at=clock.now(),
            )
        )
    session.add_all(rows)
    session.flush()
    settlement.open_settlements(session, rows)  # card, PayPal, Alma: paid by the worker
    refunded = session.exec(
        select(func.coalesce(func.sum(Refund.amount_cents), 0)).where(
            Refund.order_id == order.id, Refund.kind.in_(refunds.MONEY_KINDS)
        )
    ).one()
    events.publish(session, events.OrderRefunded(order.id, int(refunded)))
    return rows


def _fully_returned(session: Session, order_id: int) -> bool:
    """L6: every unit of the order is now refunded (accepted refund lines of all returns)."""
    ordered = session.exec(
        select(func.coalesce(func.sum(OrderLine.quantity), 0)).where(OrderLine.order_id == order_id)
    ).one()
    refunded = session.exec(
        select(func.coalesce(func.sum(ReturnLine.quantity), 0))
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .join(LineInspection, LineInspection.return_line_id == ReturnLine.id)
        .where(
            ReturnRequest.order_id == order_id,
            ReturnLine.resolution == Resolution.REFUND,
            LineInspection.outcome == "accepted",
        )
    ).one()
    return refunded >= ordered


def settle_return(session: Session, request: ReturnRequest) -> list[Refund]:
    """Give back what the accepted lines of an inspected return are owed, once.

    Returns:
        The refund rows recorded (empty when nothing is owed, e.g. a size exchange).
    """
    accepted = list(
        session.exec(
            select(ReturnLine)
            .join(LineInspection, LineInspection.return_line_id == ReturnLine.id)
            .where(ReturnLine.return_id == request.id, LineInspection.outcome == "accepted")
        )
    )
    order = session.get(Order, request.order_id)
    paying = order  # R13: an exchange order was paid by the order it came from
    if order.kind == OrderKind.EXCHANGE and order.origin_order_id:
        paying = session.get(Order, order.origin_order_id)
    rows: list[Refund] = []
    by_destination: dict[str, list[int]] = {}
    for line in accepted:
        if line.resolution == Resolution.REFUND:
            by_destination.setdefault(line.refund_method or RefundDestination.ORIGINAL, []).append(
                line.paid_cents
            )
        elif line.to_refund_cents:  # E4: a cheaper product, the difference back
            by_destination.setdefault(RefundDestination.ORIGINAL, []).append(line.to_refund_cents)
    full = _fully_returned(session, order.id)  # the shipping goes back once, with the first
    received_on = clock.in_paris(request.received_at or clock.now()).date()
    postage = request.postage_cents or 0
    for destination, amounts in sorted(by_destination.items()):
        amount = refunds.refund_amount(
            amounts, shipping_cents=order.shipping_cents, order_fully_returned=full
        )
        moves = refunds.plan_refund(
            order_payments(session, paying.id), amount, destination, received_on, postage
        )
        rows += carry_out(session, paying, moves, request.id)
        full, postage = False, 0
    if postage:  # R5 is owed even when nothing else is (a size exchange)
        moves = refunds.plan_refund(
            order_payments(session, paying.id), 0, RefundDestination.ORIGINAL, received_on, postage
        )
        rows += carry_out(session, paying, moves, request.id)
    exchanges = [line for line in accepted if line.exchange_variant_id]
    if exchanges:
        exchange = create_exchange_order(session, request, exchanges)
        request.exchange_order_id = exchange.id
        if exchange.total_cents:  # E4: a pricier item ships once its supplement is paid
            supplement.open_supplement(session, exchange)
    request.status = _final_status(accepted, rows, bool(exchanges))
    session.flush()
    return rows


def _final_status(accepted: list[ReturnLine], rows: list[Refund], exchanged: bool) -> str:
    if not accepted:
        return ReturnStatus.REFUSED.value
    if exchanged:
        return ReturnStatus.EXCHANGE_SHIPPED.value
    if any(row.kind in refunds.NEW_KINDS for row in rows):
        return ReturnStatus.CREDIT_NOTE_ISSUED.value
    return ReturnStatus.REFUNDED.value


def _returned_parcels_cents(session: Session, order: Order) -> int:
    """O9: what the items of the parcels back at the Atelier cost her.

    The shipping goes back too when no parcel of the order was delivered.
    """
    shipments = session.exec(select(Shipment).where(Shipment.order_id == order.id)).all()
    back = [s.id for s in shipments if s.status == ShipmentStatus.RETURNED_TO_SENDER]
    lines = {
        line.id: line
        for line in session.exec(select(OrderLine).where(OrderLine.order_id == order.id))
    }
    cents = 0
    for carried in session.exec(select(ShipmentLine).where(ShipmentLine.shipment_id.in_(back))):
        line = lines[carried.order_line_id]
        units = unit_prices_paid(line.unit_price_cents, line.discount_cents, line.quantity)
        cents += sum(units[: carried.quantity])
    delivered = any(s.status == ShipmentStatus.DELIVERED for s in shipments)
    return cents + (0 if delivered else order.shipping_cents)


def refund_returned_parcel(session: Session, order_id: int) -> list[Refund]:
    """Rule O9: the parcels back at the Atelier are refunded to the original methods, once."""
    order = session.get(Order, order_id)
    if order is None or order.status != OrderStatus.RETURNED_TO_SENDER:
        return []
    done = select(Refund.id).where(Refund.order_id == order_id, Refund.return_id.is_(None))
    if session.exec(done).first() is not None:
        return []
    today = clock.today()
    payments = order_payments(session, order_id)
    amount = min(_returned_parcels_cents(session, order), refunds.refundable(payments, today))
    moves = refunds.plan_refund(payments, amount, RefundDestination.ORIGINAL, today)
    rows = carry_out(session, order, moves, None)
    refund_texts.record_refund_email(session, order, rows, order.number)
    return rows


def refund_returned_parcels(session: Session) -> int:
    """Rule O9 for every parcel back at the Atelier not refunded yet (a nightly job)."""
    waiting = session.exec(
        select(Order.id).where(
            Order.status == OrderStatus.RETURNED_TO_SENDER,
            ~Order.id.in_(select(Refund.order_id).where(Refund.return_id.is_(None))),
        )
    ).all()
    return sum(1 for order_id in waiting if refund_returned_parcel(session, order_id))
