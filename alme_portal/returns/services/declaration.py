"""Declaring a return (R1-R5, R7, R13, E1-E6): check the whole draft again, store it once.

The wizard's state is never trusted: every line, quantity, reason, exchange, method, salon and
relay point is checked here against the database, and nothing is written unless all of it holds.
A confirmed draft is stored under a digest of its content and of what was already returned when
the draft was made, so a double click, a second tab or a retry finds the same return.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from alme_portal.adapters.carriers.mondial_relay_booking import street_fits
from alme_portal.orders.models.catalog import RelayPoint, Salon, Variant
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, deployment, outbox, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import RefundDestination, Resolution, ReturnMethod
from alme_portal.returns.models import ReturnLine, ReturnRequest
from alme_portal.returns.rules import returns
from alme_portal.returns.rules.exchange import can_exchange_for, exchange_kind, quote_exchange
from alme_portal.returns.rules.sender import carrier_phone
from alme_portal.returns.services import booking
from alme_portal.returns.services import emails as return_emails
from alme_portal.returns.services import options as return_options
from alme_portal.returns.services import status as return_status


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Text = Annotated[str, Field(min_length=1, max_length=120)]


def _one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"expected one of {allowed}")
        return value

    return check


def _choice(allowed: tuple[str, ...]):
    return Annotated[str, AfterValidator(_one_of(allowed))]


class DraftLine(_Strict):
    """One item of the draft: how many, why, and refund or exchange."""

    order_line_id: Annotated[int, Field(ge=1)]
    quantity: Annotated[int, Field(ge=1, le=99)]
    reason: _choice(returns.REASONS)
    resolution: _choice(tuple(Resolution))
    refund_method: _choice(tuple(RefundDestination)) | None = None
    exchange_variant_id: Annotated[int, Field(ge=1)] | None = None


class Sender(_Strict):
    """Who sends the parcel back, as printed on the label ("Check your details")."""

    first_name: Text
    last_name: Text
    address: Annotated[str, Field(min_length=1, max_length=160)]
    postcode: Annotated[str, Field(min_length=2, max_length=12)]
    city: Text
    phone: Annotated[str, Field(max_length=32)] = ""
    """Needed by the carrier of a prepaid label (R3): it texts her when the parcel is scanned."""


class Draft(_Strict):
    """A whole return as the wizard confirms it."""

    lines: Annotated[list[DraftLine], Field(min_length=1, max_length=settings.RETURN_LINES_MAX)]
    method: _choice(tuple(ReturnMethod))
    relay_point_code: Annotated[str, Field(pattern=r"^[A-Z]{2}-\d{6}$")] | None = None
    salon_code: Annotated[str, Field(pattern=r"^[A-Z-]{2,16}$")] | None = None
    sender: Sender
    paperless: bool = False
    """R3: a QR code for the relay point to print from, instead of a label she prints."""
    returned_when_drafted: dict[str, int] = {}
    """Units of each line already returned when the draft began (part of the digest)."""


def parse_draft(data: Any) -> Draft | None:
    """The draft if its shape is right (types, lists, lengths), else None."""
    try:
        return Draft.model_validate(data)
    except ValidationError:
        return None


def confirmation_key(order_id: int, draft: Draft) -> str:
    """The digest a confirmed draft is stored under (idempotency)."""
    content = json.dumps([order_id, draft.model_dump(mode="json")], sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()


def declare_return(
    session: Session, *, order_id: int, draft_data: Any, language: str
) -> Outcome[str]:
    """Store a return after checking every part of it again (the caller commits).

    Args:
        session: the caller's session.
        order_id: an order the caller has verified access to.
        draft_data: the wizard's draft (see `Draft`), untrusted.
        language: "en" or "fr", for the e-mail and the label.
    """
    draft = parse_draft(draft_data)
    if draft is None:
        return Outcome.invalid("returns.invalid.draft")
    valid_id = isinstance(order_id, int) and not isinstance(order_id, bool)
    # The order's row first (FOR UPDATE on PostgreSQL, the write lock on SQLite): two tabs
    # returning the same unit check one after the other, and the return numbers, counted per
    # order, cannot collide.
    order = (
        session.exec(select(Order).where(Order.id == order_id).with_for_update()).first()
        if valid_id
        else None
    )
    if order is None:
        return Outcome.invalid("returns.invalid.order")
    key = confirmation_key(order.id, draft)
    existing = session.exec(
        select(ReturnRequest.number).where(ReturnRequest.confirmation_key == key)
    ).first()
    if existing:
        return Outcome.already_done(value=existing)
    checked = _check(session, order, draft, language)
    if isinstance(checked, str):
        return Outcome.invalid(checked)
    lines, place = checked
    try:
        with session.begin_nested():
            request = _store(session, order, draft, key, language, lines, place)
    except IntegrityError:  # the same draft confirmed concurrently: it won, show it
        number = session.exec(
            select(ReturnRequest.number).where(ReturnRequest.confirmation_key == key)
        ).first()
        if number is None:
            raise
        return Outcome.already_done(value=number)
    if request.method != ReturnMethod.MONDIAL_RELAY:  # else the booking e-mails it (R3)
        outbox.record_email(
            session,
            recipient=order.email,
            kind="return_declared",
            language=language,
            order_id=order.id,
            attachments=[return_status.label_attachment(request)],
            **return_emails.declared_email(request, language),
        )
    return Outcome.done(value=request.number)


def carrier_sender_problem(address: str, phone: str, country: str) -> str | None:
    """Rule R3: what the carrier of a prepaid label would refuse in her details, or None.

    Mondial Relay wants a phone number and prints the street on two lines of 32 characters.

    Args:
        address: her street, as typed.
        phone: her phone number, as typed.
        country: her order's delivery country.
    """
    if not carrier_phone(phone, country):
        return "returns.invalid.phone"
    if not street_fits(address):
        return "returns.invalid.street_too_long"
    return None


def _check(session: Session, order: Order, draft: Draft, language: str):
    """The return lines to store and the drop-off place, or the key of what is wrong."""
    offered = {
        line["id"]: line
        for line in return_options.line_options(session, order, language, clock.today())
    }
    wanted: dict[int, int] = {}
    stored = []
    for item in draft.lines:
        line = offered.get(item.order_line_id)
        if line is None:
            return "returns.invalid.line"
        if line["refusal"]:
            return line["refusal"]
        before = wanted.get(item.order_line_id, 0)
        wanted[item.order_line_id] = before + item.quantity
        if wanted[item.order_line_id] > line["returnable"]:
            return "returns.invalid.quantity"
        units = line["unit_prices_paid"][before : before + item.quantity]
        money = _resolution(session, line, item, units)
        if isinstance(money, str):
            return money
        stored.append((item, money))
    if draft.method not in returns.return_methods(order.ship_country):
        return "returns.invalid.method"
    if draft.paperless and not (
        draft.method == ReturnMethod.MONDIAL_RELAY and deployment.paperless_returns_offered()
    ):
        return "returns.invalid.paperless"
    if draft.method == ReturnMethod.MONDIAL_RELAY:
        problem = carrier_sender_problem(
            draft.sender.address, draft.sender.phone, order.ship_country
        )
        if problem:
            return problem
    place = _place(session, draft)
    return place if isinstance(place, str) else (stored, place)


def _resolution(session: Session, line: dict, item: DraftLine, units: list[int]) -> dict | str:
    """Amounts of one item: paid, and the exchange difference (E3, E4), or an error key."""
    paid = sum(units)
    if item.resolution == Resolution.REFUND:
        if item.refund_method is None or item.exchange_variant_id is not None:
            return "returns.invalid.refund_method"
        return {"paid": paid, "to_pay": 0, "to_refund": 0}
    if item.refund_method is not None or item.exchange_variant_id is None:
        return "returns.invalid.exchange"
    variant = session.get(Variant, item.exchange_variant_id)
    if variant is None:
        return "returns.invalid.exchange"
    kind = exchange_kind(
        (line["product_id"], line["colour"], line["size"]),
        (variant.product_id, variant.colour, variant.size),
    )
    if kind != item.resolution:
        return "returns.invalid.exchange"
    if not can_exchange_for(variant.stock):  # E5
        return "returns.invalid.out_of_stock"
    per_unit = [quote_exchange(kind, price, variant.price_cents) for price in units]
    return {
        "paid": paid,
        "to_pay": sum(quote.to_pay_cents for quote in per_unit),
        "to_refund": sum(quote.to_refund_cents for quote in per_unit),
    }


def _place(session: Session, draft: Draft) -> dict | str:
    if draft.method == ReturnMethod.STORE:
        salon = session.exec(
            select(Salon).where(Salon.code == draft.salon_code, Salon.accepts_returns)
        ).first()
        return {"salon_id": salon.id} if salon else "returns.invalid.salon"
    if draft.salon_code is not None:
        return "returns.invalid.salon"
    if draft.method == ReturnMethod.MONDIAL_RELAY and draft.relay_point_code is not None:
        point = session.exec(
            select(RelayPoint.id).where(RelayPoint.code == draft.relay_point_code)
        ).first()
        return {"relay_point_id": point} if point else "returns.invalid.relay_point"
    if draft.relay_point_code is not None:
        return "returns.invalid.relay_point"
    return {}


def _store(session, order, draft, key, language, lines, place) -> ReturnRequest:
    now = clock.now()
    count = session.exec(
        select(func.count()).select_from(ReturnRequest).where(ReturnRequest.order_id == order.id)
    ).one()
    sender = draft.sender
    request = ReturnRequest(
        number=f"RT-{order.number}-{count + 1}",
        order_id=order.id,
        method=draft.method,
        declared_at=now,
        label_expires_on=returns.label_expires_on(now),
        confirmation_key=key,
        language=language,
        sender_name=f"{sender.first_name} {sender.last_name}",
        sender_address="\n".join(
            (sender.address, f"{sender.postcode} {sender.city}", order.ship_country)
        ),
        email=order.email,
        **place,
    )
    session.add(request)
    session.flush()
    if draft.method == ReturnMethod.MONDIAL_RELAY:
        booking.open_booking(
            session, request, street=sender.address, postcode=sender.postcode, city=sender.city,
            phone=carrier_phone(sender.phone, order.ship_country),
            items=sum(item.quantity for item, _money in lines), paperless=draft.paperless,
        )  # fmt: skip
    for item, money in lines:
        session.add(
            ReturnLine(
                return_id=request.id,
                order_line_id=item.order_line_id,
                quantity=item.quantity,
                reason=item.reason,
                defect=returns.is_defect(item.reason),
                resolution=item.resolution,
                refund_method=item.refund_method,
                exchange_variant_id=item.exchange_variant_id,
                paid_cents=money["paid"],
                to_pay_cents=money["to_pay"],
                to_refund_cents=money["to_refund"],
            )
        )
    session.flush()
    return request
