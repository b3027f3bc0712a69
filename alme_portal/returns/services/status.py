"""A declared return for its owner: status, items, money timing (R8-R12) and label (R3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, func, select

from alme_portal.i18n import colour_name
from alme_portal.mail.services import recipients
from alme_portal.orders.models.catalog import Product, RelayPoint, Salon, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Payment
from alme_portal.orders.services.pictures import variant_picture
from alme_portal.platform import clock, outbox, settings
from alme_portal.platform.vocabulary import ReturnMethod
from alme_portal.refunds.services import inspection
from alme_portal.refunds.services import progress as refund_progress
from alme_portal.returns.labels import ReturnLabel, render_pdf, render_png
from alme_portal.returns.models import ReturnBooking, ReturnLine, ReturnRequest
from alme_portal.returns.rules import returns
from alme_portal.returns.rules.parcel import ParcelStage

STEPS = ("declared", "dropped_off", "received", "inspected", "done")
"""The status page's progress; the last step names how the return ended."""
DONE_STATUSES = ("refunded", "credit_note_issued", "exchange_shipped", "refused")
LABEL_FORMATS = {"png": "image/png", "pdf": "application/pdf"}
LABEL_SOURCE = "return_label"
"""Outbox attachments `return_label:<number>:<format>` are rendered by this module."""


@dataclass(frozen=True)
class LabelFile:
    """A rendered label ready to download."""

    filename: str
    media_type: str
    content: bytes


def owned_return(session: Session, number: Any, order_ids: list[int]) -> ReturnRequest | None:
    """The return with this number, if its order is one the caller may see."""
    if not isinstance(number, str) or len(number) > 24:
        return None
    request = session.exec(select(ReturnRequest).where(ReturnRequest.number == number)).first()
    return request if request is not None and request.order_id in order_ids else None


def email_undeliverable(session: Session, order_id: int) -> str:
    """Rule C2: why the e-mails about `order_id`'s returns will not reach its customer, or ""."""
    order = session.get(Order, order_id)
    return recipients.undeliverable(session, order.email) if order else ""


def return_view(
    session: Session,
    request: ReturnRequest,
    language: str,
    now: datetime | None = None,
    progress: dict[ParcelStage, datetime] | None = None,
) -> dict[str, Any]:
    """Everything the status page shows about a return its owner opened.

    Args:
        session: the caller's session.
        request: a return the caller owns.
        language: "en" or "fr".
        now: the current instant (the label's 14 days).
        progress: where its prepaid parcel has been so far (`parcel_tracking.live_progress`).
    """
    order = session.get(Order, request.order_id)
    rows = session.exec(
        select(ReturnLine, OrderLine, Product)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(ReturnLine.return_id == request.id)
        .order_by(ReturnLine.id)
    ).all()
    methods = list(session.exec(select(Payment.method).where(Payment.order_id == order.id)))
    label = label_state(session, request)
    wanted = _exchange_items(session, [line for line, _, _ in rows], language)
    lines = [
        {
            "name": product.name_fr if language == "fr" else product.name_en,
            "image": variant_picture(product.image, ordered.sku),
            "colour": ordered.colour,
            "size": ordered.size,
            "quantity": line.quantity,
            "reason": line.reason,
            "resolution": line.resolution,
            "refund_method": line.refund_method,
            "exchange_for": wanted.get(line.exchange_variant_id, ""),
            "to_pay_cents": line.to_pay_cents,
            "to_refund_cents": line.to_refund_cents,
            "money_key": returns.money_timing_key(
                methods, line.refund_method or ("original" if line.to_refund_cents else None)
            ),
        }
        for line, ordered, product in rows
    ]
    return {
        "number": request.number,
        "order_number": order.number,
        "status": request.status,
        "step": max(_step(request.status), _parcel_step(progress)),
        "method": request.method,
        "place": _place(session, request),
        "declared_at": request.declared_at,
        "label_expires_on": request.label_expires_on,
        "parcel_reference": request.parcel_reference,
        "label_available": returns.label_available(request.declared_at, now or clock.now()),
        "label_pending": label.pending,
        "paperless": label.paperless,
        "parcel_progress": progress,
        "received": request.received_at is not None,
        "email_undeliverable": email_undeliverable(session, order.id),
        "lines": lines,
        "settled": _settled(session, request, language),
        "shoes": any(product.category == "shoes" for _, _, product in rows),
        "refund_parts": refund_progress.return_refund_parts(session, request.id, language)
        if request.status in DONE_STATUSES
        else [],
    }


def refund_cents_asked(session: Session, request: ReturnRequest) -> int:
    """What the return's refund lines would give back (before inspection decides)."""
    return session.exec(
        select(func.coalesce(func.sum(ReturnLine.paid_cents), 0)).where(
            ReturnLine.return_id == request.id, ReturnLine.resolution == "refund"
        )
    ).one()


def _settled(session: Session, request: ReturnRequest, language: str) -> list[str]:
    """E6, R6: once inspected, what came of it besides money (the money: `refund_parts`)."""
    if request.status not in DONE_STATUSES:
        return []
    return inspection.settled_notes(session, request, language)


def _step(status: str) -> int:
    if status in DONE_STATUSES:
        return len(STEPS) - 1
    return STEPS.index(status) if status in STEPS else 0


def _parcel_step(progress: dict[ParcelStage, datetime] | None) -> int:
    """A parcel the carrier took in is dropped off, before the Atelier records it."""
    return STEPS.index("dropped_off") if progress and ParcelStage.DROPPED_OFF in progress else 0


def _exchange_items(session: Session, lines: list[ReturnLine], language: str) -> dict[int, str]:
    ids = {line.exchange_variant_id for line in lines if line.exchange_variant_id}
    if not ids:
        return {}
    rows = session.exec(
        select(Variant, Product)
        .join(Product, Product.id == Variant.product_id)
        .where(Variant.id.in_(ids))
    ).all()
    return {
        variant.id: f"{product.name_fr if language == 'fr' else product.name_en}"
        f" · {colour_name(variant.colour, language)} · {variant.size}"
        for variant, product in rows
    }


def _place(session: Session, request: ReturnRequest) -> list[str]:
    if request.salon_id:
        salon = session.get(Salon, request.salon_id)
        return [salon.name, f"{salon.address}, {salon.postcode} {salon.city}", salon.opening_hours]
    if request.relay_point_id:
        point = session.get(RelayPoint, request.relay_point_id)
        return [point.name, f"{point.address}, {point.postcode} {point.city}"]
    if request.method == ReturnMethod.SELF_SHIP:
        return list(settings.ATELIER_RETURN_ADDRESS)
    return []


@dataclass(frozen=True)
class LabelState:
    """Rule R3: what the confirmation says about a return's label."""

    pending: bool
    """The carrier has not booked it yet: it is e-mailed within the hour."""
    parcel: str
    """The carrier's expedition number of a booked prepaid label, else ""."""
    paperless: bool
    qr_png: bytes | None
    """The carrier's QR code of a paperless return, once booked."""


def label_state(session: Session, request: ReturnRequest) -> LabelState:
    """Rule R3: where the return's label stands, for the confirmation."""
    booking = _booking(session, request)
    if booking is None:
        return LabelState(False, "", False, None)
    ready = booking.status == "ready"
    parcel = (request.parcel_reference or "") if ready else ""
    return LabelState(not ready, parcel, booking.paperless, booking.qr_png if ready else None)


def _booking(session: Session, request: ReturnRequest) -> ReturnBooking | None:
    return session.exec(select(ReturnBooking).where(ReturnBooking.return_id == request.id)).first()


def label_file(
    session: Session, request: ReturnRequest, file_format: str, now: datetime
) -> LabelFile | str:
    """Rule R3: the return's label as PNG or PDF, or the key of why it cannot be had.

    A prepaid Mondial Relay label prints as the carrier's own PDF, which its relay points scan
    for sure; the PNG for her phone is the portal's, with the same expedition number as a
    Code 128 and the Atelier's QR code of the return number. Other returns get the portal's
    label in both formats, without postage.

    Args:
        session: the caller's session.
        request: a return the caller owns (see `owned_return`).
        file_format: "png" or "pdf".
        now: the current instant (labels expire 14 days after the declaration).
    """
    if file_format not in LABEL_FORMATS:
        return "returns.label.format"
    if not returns.label_available(request.declared_at, now):
        return "returns.label.expired"
    booking = _booking(session, request)
    if booking is not None and booking.status != "ready":
        return "returns.label.pending"
    filename = label_filename(request.number, file_format)
    if booking is not None and booking.paperless:  # the carrier's QR code is the label
        if file_format != "png":
            return "returns.label.paperless"
        return LabelFile(filename, LABEL_FORMATS["png"], booking.qr_png)
    if booking is not None and file_format == "pdf":
        return LabelFile(filename, LABEL_FORMATS["pdf"], booking.label_pdf)
    label = ReturnLabel(
        return_number=request.number,
        parcel_reference=request.parcel_reference or request.number,
        carrier=request.method,
        sender_name=request.sender_name,
        sender_address=tuple(request.sender_address.splitlines()),
        recipient=settings.ATELIER_RETURN_ADDRESS,
        declared_on=clock.in_paris(request.declared_at).date(),
        expires_on=request.label_expires_on,
        language=settings.supported_language(request.language),
    )
    content = render_png(label) if file_format == "png" else render_pdf(label)
    return LabelFile(filename, LABEL_FORMATS[file_format], content)


def label_filename(number: str, file_format: str) -> str:
    """The name a downloaded or e-mailed label file gets."""
    return f"alme-return-{number}.{file_format}"


def label_attachment(request: ReturnRequest, file_format: str = "pdf") -> outbox.Attachment:
    """Rule R3: the label for the confirmation e-mail, rendered when the e-mail is sent.

    The PDF to print, or the PNG of a paperless return's QR code.
    """
    return outbox.Attachment(
        label_filename(request.number, file_format),
        LABEL_FORMATS[file_format],
        source=f"{LABEL_SOURCE}:{request.number}:{file_format}",
    )


def render_label_source(session: Session, argument: str) -> bytes | None:
    """The label PDF an outbox attachment `return_label:<number>:<format>` names (R3)."""
    number, _, file_format = argument.partition(":")
    request = session.exec(select(ReturnRequest).where(ReturnRequest.number == number)).first()
    if request is None:
        return None
    # The e-mail carries the label as it was on the day of the declaration, however late it goes.
    label = label_file(session, request, file_format, clock.as_utc(request.declared_at))
    return label.content if isinstance(label, LabelFile) else None
