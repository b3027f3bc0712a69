"""Demo returns for the Atelier console: parcels on their way, waiting to be received (R6).

Declared through the same service as the wizard, a few days ago; their declaration e-mails
are taken out of the outbox (sent long ago), so that the demo's outbox starts empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.orders.models.orders import Order, OrderLine
from alme_portal.platform import clock
from alme_portal.platform.models import OutboxAttachment, OutboxEmail
from alme_portal.platform.vocabulary import ReturnStatus
from alme_portal.returns.models import ReturnBooking, ReturnRequest
from alme_portal.returns.services.declaration import declare_return


@dataclass(frozen=True)
class ReturnSpec:
    """A demo return: which order, why, where the money goes, and where the parcel is."""

    order_number: str
    reason: str
    refund_method: str
    relay_point: str
    status: str
    days_ago: int
    hour: int
    language: str
    phone: str


RETURNS = (
    ReturnSpec(
        "AL100116",
        "damaged_or_defective",
        "credit_note",
        "FR-046872",
        ReturnStatus.DROPPED_OFF,
        4,
        10,
        "fr",
        "06 12 48 90 33",
    ),
    ReturnSpec(
        "AL100118",
        "too_big",
        "original",
        "FR-067390",
        ReturnStatus.DECLARED,
        1,
        20,
        "fr",
        "07 81 22 64 05",
    ),
)
"""Inès's ankle boots (shoes' checklist, a defect within 48 h) and Lucie's deferred order."""


DEMO_FIRST_EXPEDITION = 40227310
"""The demo's labels were booked before the simulator's numbers (`FIRST_EXPEDITION`) begin."""


def _sender(order: Order, phone: str) -> dict[str, str]:
    return {
        "first_name": order.ship_first_name,
        "last_name": order.ship_last_name,
        "address": order.ship_address,
        "postcode": order.ship_postcode,
        "city": order.ship_city,
        "phone": phone,
    }


def _booked_days_ago(session: Session, request: ReturnRequest, expedition: str) -> None:
    """R3: the carrier booked this demo return's label when it was declared (and e-mailed it)."""
    # here, not at the top: the simulator's scenarios import the demo rows, which import this
    from alme_portal.simulator.mondial_relay_labels import label_pdf as simulated_label_pdf

    booking = session.exec(select(ReturnBooking).where(ReturnBooking.return_id == request.id)).one()
    booking.status, booking.attempts, booking.booked_at = "ready", 1, request.declared_at
    booking.label_pdf, booking.customer_told = simulated_label_pdf(expedition), True
    request.parcel_reference = expedition


def add_demo_returns(session: Session, today: date) -> None:
    """Declare the demo returns as their customers did, a few days before `today`."""
    first_mail = session.exec(sa.select(sa.func.max(OutboxEmail.id))).scalar() or 0
    for index, spec in enumerate(RETURNS):
        order = session.exec(select(Order).where(Order.number == spec.order_number)).one()
        line = session.exec(
            select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.id)
        ).first()
        draft = {
            "lines": [
                {
                    "order_line_id": line.id,
                    "quantity": 1,
                    "reason": spec.reason,
                    "resolution": "refund",
                    "refund_method": spec.refund_method,
                }
            ],
            "method": "mondial_relay",
            "relay_point_code": spec.relay_point,
            "sender": _sender(order, spec.phone),
        }
        moment = datetime.combine(
            today - timedelta(days=spec.days_ago), time(spec.hour), clock.PARIS
        )
        with clock.use_clock(moment):
            declared = declare_return(
                session, order_id=order.id, draft_data=draft, language=spec.language
            )
        request = session.exec(
            select(ReturnRequest).where(ReturnRequest.number == declared.value)
        ).one()
        request.status = spec.status
        _booked_days_ago(session, request, str(DEMO_FIRST_EXPEDITION + index))
    sent = select(OutboxEmail.id).where(OutboxEmail.id > first_mail)
    session.execute(sa.delete(OutboxAttachment).where(OutboxAttachment.email_id.in_(sent)))
    session.execute(sa.delete(OutboxEmail).where(OutboxEmail.id > first_mail))
    session.flush()
