"""What the Atelier console shows: the queue of returns by status, one return, its log."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, func, select

from alme_portal.accounts.models.customers import StaffUser
from alme_portal.adapters.payments.providers import PROVIDER_NAMES
from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Payment
from alme_portal.platform.vocabulary import ReturnStatus
from alme_portal.refunds.models.inspection import LineInspection, StaffAction
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.models.settlements import RefundSettlement, SettlementEvent
from alme_portal.refunds.rules import inspection
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.refunds.services.inspection import delivered_at, settled_notes
from alme_portal.returns.models import ReturnBooking, ReturnLine, ReturnRequest

QUEUES = {
    "to_receive": (ReturnStatus.DECLARED, ReturnStatus.DROPPED_OFF),
    "to_inspect": (ReturnStatus.RECEIVED,),
    "done": (
        ReturnStatus.REFUNDED,
        ReturnStatus.CREDIT_NOTE_ISSUED,
        ReturnStatus.EXCHANGE_SHIPPED,
        ReturnStatus.REFUSED,
    ),
}
"""The console's tabs and the return statuses each lists."""
QUEUE_SIZE = 100


def queue(session: Session, name: str) -> list[dict[str, Any]]:
    """The returns of one tab, oldest first (newest first once done), with their item count."""
    statuses = QUEUES.get(name, QUEUES["to_receive"])
    newest_first = name == "done"
    order_by = ReturnRequest.declared_at.desc() if newest_first else ReturnRequest.declared_at
    rows = session.exec(
        select(ReturnRequest, Order.number, func.coalesce(func.sum(ReturnLine.quantity), 0))
        .join(Order, Order.id == ReturnRequest.order_id)
        .join(ReturnLine, ReturnLine.return_id == ReturnRequest.id)
        .where(ReturnRequest.status.in_(statuses))
        .group_by(ReturnRequest.id, Order.number)
        .order_by(order_by)
        .limit(QUEUE_SIZE)
    ).all()
    labels = _labels_not_ready(session, [request.id for request, _, _ in rows])
    return [
        {
            "number": request.number,
            "order": number,
            "status": request.status,
            "method": request.method,
            "declared_at": request.declared_at,
            "items": int(items),
            "parcel_reference": request.parcel_reference,
            "parcel_stage": request.parcel_stage,
            "parcel_stage_at": request.parcel_stage_at,
            "label_trouble": labels.get(request.id),
        }
        for request, number, items in rows
    ]


def _labels_not_ready(session: Session, return_ids: list[int]) -> dict[int, tuple[int, str]]:
    """R3: (attempts, last error) of each prepaid label the carrier has not booked yet."""
    rows = session.exec(
        select(ReturnBooking.return_id, ReturnBooking.attempts, ReturnBooking.last_error).where(
            ReturnBooking.return_id.in_(return_ids), ReturnBooking.status != "ready"
        )
    )
    return {return_id: (attempts, error or "") for return_id, attempts, error in rows}


def return_detail(session: Session, number: Any, language: str) -> dict[str, Any] | None:
    """One return as the inspector sees it: its lines with their checklist, outcome and log."""
    if not isinstance(number, str) or len(number) > 24:
        return None
    request = session.exec(select(ReturnRequest).where(ReturnRequest.number == number)).first()
    if request is None:
        return None
    rows = session.exec(
        select(ReturnLine, OrderLine, Product, LineInspection)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .outerjoin(LineInspection, LineInspection.return_line_id == ReturnLine.id)
        .where(ReturnLine.return_id == request.id)
        .order_by(ReturnLine.id)
    ).all()
    lines = [
        {
            "id": line.id,
            "name": product.name_fr if language == "fr" else product.name_en,
            "sku": ordered.sku,
            "size": ordered.size,
            "quantity": line.quantity,
            "reason": line.reason,
            "resolution": line.resolution,
            "grounds": inspection.grounds_for(product.category == "shoes"),
            "outcome": done.outcome if done else "",
            "found": done.grounds if done else "",
            "supplier_defect": done.supplier_defect
            if done
            else inspection.supplier_defect(
                line.reason, delivered_at(session, line.order_line_id), request.declared_at
            ),
        }
        for line, ordered, product, done in rows
    ]
    refunds = session.exec(
        select(Refund).where(Refund.return_id == request.id).order_by(Refund.id)
    ).all()
    log = session.exec(
        select(StaffAction, StaffUser.display_name)
        .join(StaffUser, StaffUser.id == StaffAction.staff_id)
        .where(StaffAction.return_id == request.id)
        .order_by(StaffAction.id)
    ).all()
    order = session.get(Order, request.order_id)
    settlements = session.exec(
        select(RefundSettlement, Payment)
        .join(Payment, Payment.id == RefundSettlement.payment_id)
        .where(RefundSettlement.return_id == request.id)
        .order_by(RefundSettlement.id)
    ).all()
    payment_log = session.exec(
        select(SettlementEvent, RefundSettlement.provider, StaffUser.display_name)
        .join(RefundSettlement, RefundSettlement.id == SettlementEvent.settlement_id)
        .outerjoin(StaffUser, StaffUser.id == SettlementEvent.staff_id)
        .where(RefundSettlement.return_id == request.id)
    ).all()
    entries = [(action.at, name, action.action, action.detail) for action, name in log]
    entries += [
        (event.at, name or PROVIDER_NAMES[provider], f"refund.{event.state}", event.detail)
        for event, provider, name in payment_log
    ]
    return {
        "number": request.number,
        "order": order.number,
        "status": request.status,
        "method": request.method,
        "received_at": request.received_at,
        "declared_at": request.declared_at,
        "lines": lines,
        "outcome": [
            *settled_notes(session, request, language),
            *refund_texts.money_lines(session, list(refunds), language),
        ],
        "refunds": [
            {
                "id": settlement.id,
                "provider": settlement.provider,
                "state": settlement.state,
                "amount_cents": settlement.amount_cents,
                "payment": payment,
                "error": settlement.last_error or "",
            }
            for settlement, payment in settlements
        ],  # fmt: skip
        "log": sorted(entries, key=lambda entry: entry[0]),
    }
