"""Guest order lookup (order number + order e-mail) and the order page's data.

An unknown order and a wrong e-mail give the same answer. Failed lookups are counted per
client (by the SHA-256 of its address, never the raw address) and per order number within
`LOOKUP_WINDOW_MINUTES`; at `LOOKUP_MAX_FAILURES` further lookups are refused without even
checking the credentials, until the oldest counted failure leaves the window.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.mail.services import recipients
from alme_portal.orders.models.catalog import Product, RelayPoint, Variant
from alme_portal.orders.models.feed import LookupFailure
from alme_portal.orders.models.orders import Order, OrderLine, Payment, Shipment, ShipmentLine
from alme_portal.orders.rules.delivery import customs_may_apply
from alme_portal.orders.services.changes import can_request_change
from alme_portal.orders.services.pictures import variant_picture
from alme_portal.platform import clock, settings
from alme_portal.platform.money import mask_card, mask_email
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import OrderStatus, PaymentMethod

ORDER_NUMBER_PATTERN = re.compile(r"^[A-Z]{2}\d{6}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+$")
MAX_ORDER_NUMBER_INPUT = 64
MAX_EMAIL_INPUT = 254
_KEY_LENGTH = 64
_NO_EMAIL = "\x00"
"""Compared against when the order is unknown, so both paths do the same work."""


def client_key(client_address: str) -> str:
    """Return the stored key of a client address: the hex SHA-256 of the trimmed address."""
    return hashlib.sha256(f"lookup-client:{client_address.strip()}".encode()).hexdigest()


def normalise_order_number(order_number: str) -> str:
    """Trim and upper-case an order number as typed (no other change)."""
    return order_number.strip().upper()


def _window_start() -> datetime:
    return clock.now() - timedelta(minutes=settings.LOOKUP_WINDOW_MINUTES)


_RECENT_FAILURES = {
    column.key: select(LookupFailure.at)
    .where(column == sa.bindparam("key"), LookupFailure.at > sa.bindparam("since"))
    .order_by(LookupFailure.at.desc())
    .limit(settings.LOOKUP_MAX_FAILURES)
    for column in (LookupFailure.client_key, LookupFailure.order_number_key)
}
"""The latest failures from one client address, or on one order number (built once)."""


def _retry_at(session: Session, column, key: str) -> datetime | None:
    """When `key` may try again, or None if it is below the limit."""
    bounds = {"key": key, "since": _window_start()}
    recent = session.exec(_RECENT_FAILURES[column.key], params=bounds).all()
    if len(recent) < settings.LOOKUP_MAX_FAILURES:
        return None
    return clock.as_utc(recent[-1]) + timedelta(minutes=settings.LOOKUP_WINDOW_MINUTES)


def _failed_here(session: Session, client: str, number_key: str) -> bool:
    """Whether this client already failed on this order number within the window."""
    query = select(LookupFailure.id).where(
        LookupFailure.client_key == client,
        LookupFailure.order_number_key == number_key,
        LookupFailure.at > _window_start(),
    )
    return session.exec(query).first() is not None


def _record_failure(session: Session, client: str, number_key: str) -> None:
    session.add(LookupFailure(client_key=client, order_number_key=number_key, at=clock.now()))
    session.flush()


def find_order(
    session: Session,
    *,
    order_number: str,
    email: str,
    client_address: str,
    record_failure: bool = True,
) -> Outcome[int]:
    """Find a guest's order from its number and e-mail, with rate limiting (the caller commits).

    Args:
        session: the caller's session.
        order_number: as typed; trimmed and upper-cased, must then be two letters and six digits.
        email: as typed; trimmed and compared case-insensitively with the order e-mail.
        client_address: the trusted client address (from the server, never from the client).
        record_failure: count a failure against the rate limits (False: a read-only first try,
            which the caller repeats in a session that writes when it fails).

    Returns:
        Done with the order id, invalid, or rate-limited with `retry_at`.
    """
    raw_number = order_number if isinstance(order_number, str) else ""
    raw_email = email if isinstance(email, str) else ""
    client = client_key(client_address if isinstance(client_address, str) else "")
    number_key = normalise_order_number(raw_number)[:_KEY_LENGTH]
    limits = [_retry_at(session, LookupFailure.client_key, client)]
    # An order number many addresses failed on is closed to those addresses only: its owner,
    # typing it for the first time from her own address, still gets in.
    number_limit = _retry_at(session, LookupFailure.order_number_key, number_key)
    if number_limit is not None and _failed_here(session, client, number_key):
        limits.append(number_limit)
    blocked = [moment for moment in limits if moment is not None]
    if blocked:
        return Outcome.rate_limited("track.rate_limited", max(blocked))
    wanted_email = raw_email.strip().lower()
    well_formed = (
        len(raw_number) <= MAX_ORDER_NUMBER_INPUT
        and len(raw_email) <= MAX_EMAIL_INPUT
        and ORDER_NUMBER_PATTERN.fullmatch(number_key) is not None
        and EMAIL_PATTERN.fullmatch(wanted_email) is not None
    )
    if well_formed:
        row = session.exec(select(Order.id, Order.email).where(Order.number == number_key)).first()
        order_id, order_email = row if row is not None else (None, _NO_EMAIL)
        matches = hmac.compare_digest(order_email.encode(), wanted_email.encode())
        if order_id is not None and matches:
            return Outcome.done(value=order_id)
    if record_failure:
        _record_failure(session, client, number_key)
    return Outcome.invalid("track.not_found")


def payment_view(payment: Payment) -> dict[str, Any]:
    """A payment as pages show it: method, amount and a masked card, code or e-mail."""
    masked = None
    if payment.method == PaymentMethod.GIFT_CARD:
        masked = mask_card(payment.gift_card_code)
    elif payment.method == PaymentMethod.CREDIT_NOTE:
        masked = mask_card(payment.credit_note_code)
    elif payment.method == PaymentMethod.PAYPAL and payment.paypal_email:
        masked = mask_email(payment.paypal_email)
    elif payment.card_last4:
        masked = mask_card(payment.card_last4)
    return {
        "method": payment.method,
        "amount_cents": payment.amount_cents,
        "card_brand": payment.card_brand,
        "masked": masked,
        "deferred_due_date": payment.deferred_due_date,
    }


def _relay_view(point: RelayPoint | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {
        "code": point.code,
        "name": point.name,
        "address": point.address,
        "postcode": point.postcode,
        "city": point.city,
        "country": point.country,
    }


def order_view(session: Session, order_id: int, language: str) -> dict[str, Any] | None:
    """Everything the order page shows, in five queries whatever the number of lines.

    Args:
        session: a session on the portal database.
        order_id: an order the caller may see (found by `find_order` or owned by the account).
        language: "fr" gives French product names; anything else English.

    Returns:
        A plain dict (see `order_views`), or None for an unknown order.
    """
    return order_views(session, order_id, (language,)).get(language)


_ORDER_ID = sa.bindparam("order_id")
"""The order the statements below read: built once, as building one costs more than running it."""
_ORDER_AND_RELAY = (
    select(Order, RelayPoint)
    .outerjoin(RelayPoint, RelayPoint.id == Order.relay_point_id)
    .where(Order.id == _ORDER_ID)
)
_LINES = (
    select(OrderLine, Product, Variant.preorder_ship_date)
    .join(Variant, Variant.id == OrderLine.variant_id)
    .join(Product, Product.id == Variant.product_id)
    .where(OrderLine.order_id == _ORDER_ID)
    .order_by(OrderLine.id)
)
_PAYMENTS = select(Payment).where(Payment.order_id == _ORDER_ID).order_by(Payment.id)
_SHIPMENTS = (
    select(Shipment, RelayPoint)
    .outerjoin(RelayPoint, RelayPoint.id == Shipment.relay_point_id)
    .where(Shipment.order_id == _ORDER_ID)
    .order_by(Shipment.planned_ship_date, Shipment.id)
)
_CARRIED = (
    select(ShipmentLine)
    .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
    .where(Shipment.order_id == _ORDER_ID)
    .order_by(ShipmentLine.id)
)


def order_views(
    session: Session, order_id: int, languages: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """The order page's data in each of `languages`, read from the database once.

    Only the product names differ between languages: a page that keeps both (to switch
    language without a round trip) costs the same five queries as one.

    Args:
        session: a session on the portal database.
        order_id: an order the caller may see (found by `find_order` or owned by the account).
        languages: "fr" gives French product names; anything else English.

    Returns:
        {language: the order's data as a plain dict}, {} for an unknown order.
    """
    mine = {"order_id": order_id}
    row = session.exec(_ORDER_AND_RELAY, params=mine).first()
    if row is None:
        return {}
    order, relay = row
    line_rows = session.exec(_LINES, params=mine).all()
    payments = session.exec(_PAYMENTS, params=mine).all()
    shipment_rows = session.exec(_SHIPMENTS, params=mine).all()
    carried = session.exec(_CARRIED, params=mine).all()
    statuses = [shipment.status for shipment, _ in shipment_rows]
    unreachable = recipients.undeliverable(session, order.email)
    common = {
        "id": order.id,
        "number": order.number,
        "status": order.status,
        "placed_at": order.placed_at,
        "email_masked": mask_email(order.email),
        "payments": [payment_view(payment) for payment in payments],
        "totals": {
            "subtotal_cents": order.subtotal_cents,
            "shipping_cents": order.shipping_cents,
            "discount_cents": order.discount_cents,
            "total_cents": order.total_cents,
        },
        "destination": {
            "shipping_method": order.shipping_method,
            "first_name": order.ship_first_name,
            "last_name": order.ship_last_name,
            "address": order.ship_address,
            "postcode": order.ship_postcode,
            "city": order.ship_city,
            "country": order.ship_country,
            "relay_point": _relay_view(relay),
        },
        "customs_may_apply": customs_may_apply(order.ship_country),
        "email_undeliverable": unreachable,
        "can_request_change": can_request_change(order.status, statuses),
        "contact_guidance": order.status == OrderStatus.CANCELLED or bool(unreachable),
    }
    views = {}
    for language in languages:
        lines = [_line_view(line, product, language, preorder)
                 for line, product, preorder in line_rows]  # fmt: skip
        lines_by_id = {line["id"]: line for line in lines}
        shipments = [_shipment_view(shipment, point, carried, lines_by_id)
                     for shipment, point in shipment_rows]  # fmt: skip
        views[language] = {**common, "lines": lines, "shipments": shipments}
    return views


def _line_view(
    line: OrderLine, product: Product, language: str, preorder: date | None = None
) -> dict[str, Any]:
    return {
        "id": line.id,
        "sku": line.sku,
        "product_name": product.name_fr if language == "fr" else product.name_en,
        "image": variant_picture(product.image, line.sku),
        "colour": line.colour,
        "size": line.size,
        "quantity": line.quantity,
        "unit_price_cents": line.unit_price_cents,
        "line_total_cents": line.unit_price_cents * line.quantity,
        "line_discount_cents": line.discount_cents,
        "preorder_ship_date": preorder,
    }


def _shipment_view(
    shipment: Shipment,
    point: RelayPoint | None,
    carried: list[ShipmentLine],
    lines_by_id: dict[int, dict[str, Any]],
) -> dict[str, Any]:
    return {
        "id": shipment.id,
        "carrier": shipment.carrier,
        "tracking_number": shipment.tracking_number,
        "status": shipment.status,
        "planned_ship_date": shipment.planned_ship_date,
        "dispatched_at": shipment.dispatched_at,
        "ready_for_pickup_at": shipment.ready_for_pickup_at,
        "delivered_at": shipment.delivered_at,
        "returned_to_sender_at": shipment.returned_to_sender_at,
        "relay_point": _relay_view(point),
        "lines": [
            {**lines_by_id[item.order_line_id], "quantity": item.quantity}
            for item in carried
            if item.shipment_id == shipment.id and item.order_line_id in lines_by_id
        ],
    }


def order_id_for_number(session: Session, order_number: str) -> int | None:
    """The id of the order with this number (normalised), or None."""
    return session.exec(
        select(Order.id).where(Order.number == normalise_order_number(order_number))
    ).first()
