"""The Atelier's console on the database: receive returns, inspect each line, settle (R6-R8).

Every action is checked against the return's state, logged with who and when, and changes
nothing when refused. The last line inspected settles the return through the refund engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, func, select

from alme_portal.i18n import translate
from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Shipment, ShipmentLine
from alme_portal.platform import clock
from alme_portal.platform.money import format_cents
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import RefundKind, ReturnMethod, ReturnStatus
from alme_portal.refunds.models.inspection import LineInspection, StaffAction
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.rules import inspection
from alme_portal.refunds.services import engine as refund_engine
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.returns.models import ReturnLine, ReturnRequest

RECEIVABLE = (ReturnStatus.DECLARED, ReturnStatus.DROPPED_OFF)
POSTAGE_MAX_CENTS = 10_000
"""A postage amount above this is a typing mistake (R5 pays at most the cap anyway)."""


@dataclass(frozen=True)
class ReturnRef:
    """The return a console action was about, so the console can open it."""

    id: int
    number: str = ""


def _log(session: Session, staff_id: int, action: str, return_id: int | None, detail: str = ""):
    session.add(
        StaffAction(
            staff_id=staff_id,
            action=action,
            return_id=return_id,
            detail=detail[:400],
            at=clock.now(),
        )
    )


def find_return(session: Session, typed: Any) -> ReturnRequest | None:
    """The return named by its number or by its label's QR payload (the parcel reference)."""
    if not isinstance(typed, str) or not 0 < len(typed.strip()) <= 40:
        return None
    key = typed.strip().upper()
    query = select(ReturnRequest).where(
        (ReturnRequest.number == key) | (ReturnRequest.parcel_reference == key)
    )
    return session.exec(query).first()


def receive(session: Session, staff_id: int, typed: Any, postage_cents: Any = None) -> Outcome:
    """Mark a return received at the Atelier (R6), with the postage of a self-shipped one (R5).

    Returns:
        Done with the return received, or invalid with "staff.receive.unknown",
        "staff.receive.twice" or "staff.receive.postage"; nothing changes when invalid.
    """
    request = find_return(session, typed)
    if request is None:
        return Outcome.invalid("staff.receive.unknown")
    if request.status not in RECEIVABLE:
        return Outcome.invalid("staff.receive.twice", ReturnRef(request.id, request.number))
    postage = None
    if request.method == ReturnMethod.SELF_SHIP and postage_cents not in (None, ""):
        valid = isinstance(postage_cents, int) and not isinstance(postage_cents, bool)
        if not valid or not 0 <= postage_cents <= POSTAGE_MAX_CENTS:
            return Outcome.invalid("staff.receive.postage_invalid", ReturnRef(request.id))
        postage = postage_cents
    request.status, request.received_at, request.postage_cents = (
        ReturnStatus.RECEIVED.value,
        clock.now(),
        postage,
    )
    _log(session, staff_id, "received", request.id, f"postage {postage}" if postage else "")
    session.flush()
    return Outcome.done("staff.receive.done", ReturnRef(request.id, request.number))


def delivered_at(session: Session, order_line_id: int):
    """When the parcel carrying this order line was delivered (None when it was not)."""
    return session.exec(
        select(Shipment.delivered_at)
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(ShipmentLine.order_line_id == order_line_id)
        .order_by(Shipment.delivered_at.desc())
    ).first()


def _is_shoe(session: Session, order_line_id: int) -> bool:
    category = session.exec(
        select(Product.category)
        .join(Variant, Variant.product_id == Product.id)
        .join(OrderLine, OrderLine.variant_id == Variant.id)
        .where(OrderLine.id == order_line_id)
    ).first()
    return category == "shoes"


def inspect_line(session: Session, staff_id: int, line_id: Any, grounds: Any) -> Outcome:
    """Rule R6: accept a returned line, or refuse it with the grounds found.

    The line's defect reason counts for the supplier when it was reported within 48 h of
    delivery (R7). Inspecting the return's last line settles it (refund, credit note,
    exchange order) and records the customer's e-mail.

    Returns:
        Done ("staff.inspect.done", or "staff.inspect.settled" once the last line settles the
        return), or invalid with "staff.inspect.unknown", "staff.inspect.not_received",
        "staff.inspect.twice" or "staff.inspect.grounds".
    """
    line = session.get(ReturnLine, line_id) if isinstance(line_id, int) else None
    if line is None:
        return Outcome.invalid("staff.inspect.unknown")
    # The return's row first, so that two inspectors finishing its last lines settle it once.
    request = session.exec(
        select(ReturnRequest).where(ReturnRequest.id == line.return_id).with_for_update()
    ).one()
    if request.status != ReturnStatus.RECEIVED:
        key = "staff.inspect.twice" if request.received_at else "staff.inspect.not_received"
        return Outcome.invalid(key, ReturnRef(request.id))
    done = select(LineInspection.id).where(LineInspection.return_line_id == line.id)
    if session.exec(done).first() is not None:
        return Outcome.invalid("staff.inspect.twice", ReturnRef(request.id))
    if not isinstance(grounds, list | tuple) or not all(isinstance(g, str) for g in grounds):
        return Outcome.invalid("staff.inspect.grounds", ReturnRef(request.id))
    try:
        outcome, found = inspection.inspection_outcome(
            grounds, _is_shoe(session, line.order_line_id)
        )
    except ValueError:
        return Outcome.invalid("staff.inspect.grounds", ReturnRef(request.id))
    defect = inspection.supplier_defect(
        line.reason, delivered_at(session, line.order_line_id), request.declared_at
    )
    session.add(
        LineInspection(
            return_line_id=line.id,
            outcome=outcome,
            grounds=",".join(found),
            supplier_defect=defect,
            staff_id=staff_id,
            inspected_at=clock.now(),
        )
    )
    _log(session, staff_id, outcome, request.id, f"line {line.id} {','.join(found)}".strip())
    session.flush()
    if _uninspected(session, request.id):
        return Outcome.done("staff.inspect.done", ReturnRef(request.id))
    _settle(session, staff_id, request)
    return Outcome.done("staff.inspect.settled", ReturnRef(request.id))


def _uninspected(session: Session, return_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(ReturnLine)
        .outerjoin(LineInspection, LineInspection.return_line_id == ReturnLine.id)
        .where(ReturnLine.return_id == return_id, LineInspection.id.is_(None))
    ).one()


def _settle(session: Session, staff_id: int, request: ReturnRequest) -> None:
    request.status = ReturnStatus.INSPECTED.value
    rows = refund_engine.settle_return(session, request)
    order = session.get(Order, request.order_id)
    extra = settled_notes(session, request, request.language)
    refund_texts.record_refund_email(session, order, rows, request.number, extra, request.language)
    _log(session, staff_id, "settled", request.id, request.status)
    session.flush()


def _credit_note_not_needed(session: Session, request: ReturnRequest) -> bool:
    """R11, R12: she chose a credit note, but money not charged yet was simply not charged."""
    chose_note = session.exec(
        select(ReturnLine.id).where(
            ReturnLine.return_id == request.id, ReturnLine.refund_method == "credit_note"
        )
    ).first()
    not_collected = session.exec(
        select(Refund.id).where(
            Refund.return_id == request.id,
            Refund.kind.in_((RefundKind.NOT_CHARGED, RefundKind.INSTALMENT_REDUCED)),
        )
    ).first()
    return chose_note is not None and not_collected is not None


def settled_notes(session: Session, request: ReturnRequest, language: str) -> list[str]:
    """What a settled return says besides money: refused items, the exchange order (E6)."""
    notes = []
    for found, product in session.exec(
        select(LineInspection.grounds, Product)
        .select_from(ReturnLine)
        .join(LineInspection, LineInspection.return_line_id == ReturnLine.id)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(ReturnLine.return_id == request.id, LineInspection.outcome == "refused")
    ):
        name = product.name_fr if language == "fr" else product.name_en
        grounds = ", ".join(translate(language, f"ground.{g}") for g in found.split(",") if g)
        notes.append(translate(language, "refund.refused", item=name, grounds=grounds))
    if _credit_note_not_needed(session, request):
        notes.append(translate(language, "refund.not_collected"))
    if request.exchange_order_id:
        exchange = session.get(Order, request.exchange_order_id)
        notes.append(translate(language, "refund.exchange_order", number=exchange.number))
        if exchange.total_cents:
            supplement = format_cents(exchange.total_cents, language)
            notes.append(translate(language, "refund.supplement", amount=supplement))
    return notes
