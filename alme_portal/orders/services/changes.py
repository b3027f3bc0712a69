"""Rule O1: requests to modify or cancel an order before any of it is dispatched.

A request is only recorded (with an e-mail saying so); it is never guaranteed, since the
order may ship meanwhile. Once a parcel has left, the request is refused and the customer is
pointed to returns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session, select

from alme_portal.mail.services import recipients
from alme_portal.orders.models.catalog import Product, RelayPoint, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Shipment
from alme_portal.orders.models.requests import OrderChangeRequest
from alme_portal.orders.rules.sizes import size_order
from alme_portal.orders.services import emails as email_texts
from alme_portal.platform import clock, outbox, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import OrderStatus, ShipmentStatus

KINDS = ("modify", "cancel")
CHANGE_EMAIL_KIND = "order_change_recorded"
RECORDED = "recorded"


@dataclass(frozen=True)
class ChangeRecorded:
    """A change request just recorded.

    Attributes:
        request_id: the recorded `OrderChangeRequest`.
        email_unreachable: rule C2: the confirmation e-mail will not arrive; show the phone.
    """

    request_id: int
    email_unreachable: bool


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class NewAddress(_Strict):
    """A home address the customer wants instead."""

    first_name: Annotated[str, Field(min_length=1, max_length=80)]
    last_name: Annotated[str, Field(min_length=1, max_length=80)]
    address: Annotated[str, Field(min_length=1, max_length=160)]
    postcode: Annotated[str, Field(min_length=1, max_length=12)]
    city: Annotated[str, Field(min_length=1, max_length=80)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class ModifyDetails(_Strict):
    """What a "modify" request may carry: a line's size/colour, or a new destination."""

    line_id: Annotated[int, Field(ge=1)] | None = None
    size: Annotated[str, Field(min_length=1, max_length=8)] | None = None
    colour: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    address: NewAddress | None = None
    relay_point_code: Annotated[str, Field(pattern=r"^[A-Z]{2}-\d{6}$")] | None = None


def nothing_dispatched(shipment_statuses: Iterable[str]) -> bool:
    """Rule O1: whether every parcel of an order is still only planned."""
    return all(status == ShipmentStatus.PLANNED for status in shipment_statuses)


def can_request_change(order_status: str, shipment_statuses: Iterable[str]) -> bool:
    """Rule O1: an order can be modified or cancelled while not cancelled and nothing shipped."""
    return order_status != OrderStatus.CANCELLED and nothing_dispatched(shipment_statuses)


def _refusal(session: Session, order: Order | None) -> str | None:
    if order is None:
        return "change.refused.not_found"
    if order.status == OrderStatus.CANCELLED:
        return "change.refused.cancelled"
    statuses = session.exec(select(Shipment.status).where(Shipment.order_id == order.id)).all()
    if not nothing_dispatched(statuses):
        return "change.refused.dispatched"
    return None


def _validate_modify(session: Session, order: Order, details: Any) -> dict | str:
    """Return the normalised details, or the message key of what is wrong."""
    if isinstance(details, dict) and isinstance(details.get("address"), dict):
        # The page only changes the address within the order's country (shipping costs differ).
        details = {**details, "address": {"country": order.ship_country, **details["address"]}}
    try:
        wanted = ModifyDetails.model_validate(details)
    except ValidationError:
        return "change.invalid.details"
    wants_variant = wanted.size is not None or wanted.colour is not None
    wants_place = wanted.address is not None or wanted.relay_point_code is not None
    if wanted.address is not None and wanted.relay_point_code is not None:
        return "change.invalid.details"
    if not wants_variant and not wants_place:
        return "change.invalid.details"
    if wants_variant != (wanted.line_id is not None):
        return "change.invalid.details"
    if wants_variant:
        error = _check_variant(session, order, wanted)
        if error:
            return error
    if wanted.relay_point_code is not None:
        found = session.exec(
            select(RelayPoint.id).where(RelayPoint.code == wanted.relay_point_code)
        ).first()
        if found is None:
            return "change.invalid.relay_point"
    return wanted.model_dump(exclude_none=True)


def _check_variant(session: Session, order: Order, wanted: ModifyDetails) -> str | None:
    row = session.exec(
        select(OrderLine, Variant)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .where(OrderLine.id == wanted.line_id, OrderLine.order_id == order.id)
    ).first()
    if row is None:
        return "change.invalid.line"
    line, current = row
    colour = wanted.colour or line.colour
    size = wanted.size or line.size
    if (colour, size) == (line.colour, line.size):
        return "change.invalid.same_item"
    exists = session.exec(
        select(Variant.id).where(
            Variant.product_id == current.product_id,
            Variant.colour == colour,
            Variant.size == size,
        )
    ).first()
    return None if exists is not None else "change.invalid.variant"


def request_change(
    session: Session, *, order_id: int, kind: str, details: Any, language: str
) -> Outcome[ChangeRecorded]:
    """Rule O1: record a request to modify or cancel an order, if it may still change.

    Args:
        session: the caller's session (the caller commits).
        order_id: an order the caller has already verified access to (guest lookup or account).
        kind: "modify" or "cancel".
        details: for "modify", {"line_id", "size"?, "colour"?} or {"address": {...}} or
            {"relay_point_code"}; for "cancel", empty.
        language: language of the confirmation e-mail ("en" or "fr").

    Returns:
        Done with "change.recorded"; already done with "change.already_requested" when the same
        request waits already (nothing recorded or e-mailed again); refused with
        "change.refused.dispatched" (points to returns), "change.refused.cancelled" or
        "change.refused.not_found"; or invalid with a "change.invalid.*" key. Nothing is written
        unless recorded.
    """
    if kind not in KINDS:
        return Outcome.invalid("change.invalid.kind")
    valid_id = isinstance(order_id, int) and not isinstance(order_id, bool)
    # The order's row first: two tabs sending the same request record it once.
    order = (
        session.exec(select(Order).where(Order.id == order_id).with_for_update()).first()
        if valid_id
        else None
    )
    refusal = _refusal(session, order)
    if refusal:
        return Outcome.refused(refusal)
    if kind == "cancel":
        if details:
            return Outcome.invalid("change.invalid.details")
        normalised: dict | str = {}
    else:
        normalised = _validate_modify(session, order, details)
    if isinstance(normalised, str):
        return Outcome.invalid(normalised)
    details_json = json.dumps(normalised, sort_keys=True, ensure_ascii=False)
    same = session.exec(
        select(OrderChangeRequest.id).where(
            OrderChangeRequest.order_id == order.id, OrderChangeRequest.status == RECORDED,
            OrderChangeRequest.kind == kind, OrderChangeRequest.details == details_json,
        )
    ).first()  # fmt: skip
    if same is not None:  # sent again: nothing new to record or e-mail
        undeliverable = recipients.is_undeliverable(session, order.email)
        return Outcome.already_done("change.already_requested", ChangeRecorded(same, undeliverable))
    request = OrderChangeRequest(
        order_id=order.id,
        kind=kind,
        details=details_json,
        status=RECORDED,
        created_at=clock.now(),
    )
    session.add(request)
    session.flush()
    subject, body = email_texts.change_request_email(
        language=language, number=order.number, first_name=order.ship_first_name, kind=kind
    )
    outbox.record_email(
        session,
        recipient=order.email,
        kind=CHANGE_EMAIL_KIND,
        language=language,
        subject=subject,
        body=body,
        order_id=order.id,
    )
    recorded = ChangeRecorded(request.id, recipients.is_undeliverable(session, order.email))
    return Outcome.done("change.recorded", recorded)


def change_options(session: Session, order_id: int, language: str) -> dict[str, Any]:
    """What the "Modify my order" form may offer for this order (rule O1).

    Args:
        session: a session on the portal database.
        order_id: an order the caller may see.
        language: "fr" gives French product names; anything else English.

    Returns:
        {"lines": [{"id", "name", "colour", "size", "colours", "sizes"}], "relay_points":
        [{"code", "label"}]}: the colours and sizes each product exists in, and the relay
        points of the order's country (nearest postcodes first) when Mondial Relay serves it.
    """
    return change_options_in(session, order_id, (language,))[language]


_LINES = (
    select(OrderLine, Product)
    .join(Variant, Variant.id == OrderLine.variant_id)
    .join(Product, Product.id == Variant.product_id)
    .where(OrderLine.order_id == sa.bindparam("order_id"))
    .order_by(OrderLine.id)
)
"""The statements of `change_options_in`: built once (building one costs more than running it)."""
_VARIANTS = select(Variant.product_id, Variant.colour, Variant.size).where(
    Variant.product_id.in_(sa.bindparam("products", expanding=True))
)
_RELAY_POINTS = (
    select(RelayPoint)
    .where(RelayPoint.country == sa.bindparam("country"))
    .order_by(RelayPoint.postcode, RelayPoint.code)
)


def change_options_in(
    session: Session, order_id: int, languages: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """`change_options` in each of `languages`, read from the database once."""
    languages = tuple(languages)
    order = session.get(Order, order_id)
    if order is None:
        return {language: {"lines": [], "relay_points": []} for language in languages}
    rows = session.exec(_LINES, params={"order_id": order_id}).all()
    product_ids = [product.id for _, product in rows]
    variants = session.exec(_VARIANTS, params={"products": product_ids}).all()
    relay_points = _relay_choices(session, order)
    options = {}
    for language in languages:
        lines = []
        for line, product in rows:
            own = [(colour, size) for pid, colour, size in variants if pid == product.id]
            lines.append(
                {
                    "id": line.id,
                    "name": product.name_fr if language == "fr" else product.name_en,
                    "colour": line.colour,
                    "size": line.size,
                    "colours": _unique(colour for colour, _ in own),
                    "sizes": sorted(_unique(size for _, size in own), key=size_order),
                }
            )
        options[language] = {"lines": lines, "relay_points": relay_points}
    return options


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _relay_choices(session: Session, order: Order) -> list[dict[str, str]]:
    if order.ship_country not in settings.MONDIAL_RELAY_COUNTRIES:
        return []
    points = session.exec(_RELAY_POINTS, params={"country": order.ship_country}).all()
    department = order.ship_postcode[:2]
    nearest = sorted(points, key=lambda point: point.postcode[:2] != department)
    return [
        {"code": p.code, "label": f"{p.name}, {p.address}, {p.postcode} {p.city}"}
        for p in nearest[: settings.CHANGE_RELAY_POINT_CHOICES]
    ]


def pending_requests(session: Session, order_id: int) -> list[tuple[str, datetime]]:
    """Rule O1: the requests of an order the team has not handled yet: (kind, when)."""
    return list(
        session.exec(
            select(OrderChangeRequest.kind, OrderChangeRequest.created_at)
            .where(OrderChangeRequest.order_id == order_id, OrderChangeRequest.status == RECORDED)
            .order_by(OrderChangeRequest.id)
        ).all()
    )
