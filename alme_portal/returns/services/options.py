"""What the return wizard offers for an order: lines, exchanges, methods, salons (R1-R5, E2-E5)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from alme_portal.orders.models.catalog import Product, Salon, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Shipment, ShipmentLine
from alme_portal.orders.rules.sizes import size_order
from alme_portal.orders.services.pictures import variant_picture
from alme_portal.platform.vocabulary import OrderStatus, ReturnStatus
from alme_portal.returns.models import ReturnLine, ReturnRequest
from alme_portal.returns.rules import returns
from alme_portal.returns.rules.exchange import unit_prices_paid

_ORDER = sa.bindparam("order_id")
"""The order a prebuilt statement reads (built once: building one costs more than running it)."""
_ALREADY_RETURNED = (
    select(ReturnLine.order_line_id, func.sum(ReturnLine.quantity))
    .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
    .where(ReturnRequest.order_id == _ORDER, ReturnRequest.status != ReturnStatus.REFUSED)
    .group_by(ReturnLine.order_line_id)
)


def already_returned(session: Session, order_id: int) -> dict[int, int]:
    """Units of each line of the order declared in returns that were not refused."""
    rows = session.exec(_ALREADY_RETURNED, params={"order_id": order_id}).all()
    return {line_id: int(total) for line_id, total in rows}


_DELIVERED_UNITS = (
    select(ShipmentLine.order_line_id, ShipmentLine.quantity, Shipment.delivered_at)
    .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
    .where(Shipment.order_id == _ORDER)
)


def _deliveries(session: Session, order_id: int) -> dict[int, tuple[int, datetime | None]]:
    """Per line: units in delivered parcels and the latest delivery instant."""
    rows = session.exec(_DELIVERED_UNITS, params={"order_id": order_id}).all()
    delivered: dict[int, tuple[int, datetime | None]] = {}
    for line_id, quantity, at in rows:
        units, latest = delivered.get(line_id, (0, None))
        if at is not None:
            units, latest = units + quantity, max(filter(None, (latest, at)))
        delivered[line_id] = (units, latest)
    return delivered


_PARCELS_DELIVERED = select(Shipment.delivered_at).where(Shipment.order_id == _ORDER)


def shipment_deliveries(session: Session, order_id: int) -> list[datetime | None]:
    """Each parcel's delivery instant (None while on its way or not dispatched)."""
    return list(session.exec(_PARCELS_DELIVERED, params={"order_id": order_id}))


def line_options(session: Session, order: Order, language: str, today: date) -> list[dict]:
    """Each line with what can be returned of it, why not, and its exchange sizes (R2, E3)."""
    return _named(_unnamed_lines(session, order, today), language)


def _named(lines: list[tuple[dict, Product]], language: str) -> list[dict]:
    return [{**line, "name": _name(product, language)} for line, product in lines]


_LINES = (
    select(OrderLine, Variant, Product)
    .join(Variant, Variant.id == OrderLine.variant_id)
    .join(Product, Product.id == Variant.product_id)
    .where(OrderLine.order_id == _ORDER)
    .order_by(OrderLine.id)
)


def _unnamed_lines(session: Session, order: Order, today: date) -> list[tuple[dict, Product]]:
    rows = session.exec(_LINES, params={"order_id": order.id}).all()
    deliveries = _deliveries(session, order.id)
    returned = already_returned(session, order.id)
    siblings = _variants_of(session, {product.id for _, _, product in rows})
    lines = []
    for line, variant, product in rows:
        units, delivered_at = deliveries.get(line.id, (0, None))
        verdict = returns.line_eligibility(
            delivered_at=delivered_at,
            ordered=units,
            already_returned=returned.get(line.id, 0),
            today=today,
        )
        row = {
            "id": line.id,
            "image": variant_picture(product.image, line.sku),
            "category": product.category,
            "product_id": product.id,
            "colour": line.colour,
            "size": line.size,
            "quantity": line.quantity,
            "returnable": verdict.returnable_quantity,
            "refusal": verdict.refusal,
            "deadline": verdict.deadline,
            "unit_prices_paid": unit_prices_paid(
                line.unit_price_cents, line.discount_cents, line.quantity
            ),
            "sizes": [
                {"variant_id": other.id, "size": other.size, "in_stock": other.stock > 0}
                for other in siblings[product.id]
                if other.colour == variant.colour and other.id != variant.id
            ],
        }
        lines.append((row, product))
    return lines


_VARIANTS_OF = (
    select(Variant)
    .where(Variant.product_id.in_(sa.bindparam("products", expanding=True)))
    .order_by(Variant.id)
)


def _variants_of(session: Session, product_ids: set[int]) -> dict[int, list[Variant]]:
    found: dict[int, list[Variant]] = defaultdict(list)
    for variant in session.exec(_VARIANTS_OF, params={"products": list(product_ids)}):
        found[variant.product_id].append(variant)
    for variants in found.values():
        variants.sort(key=lambda variant: size_order(variant.size))
    return found


def _name(product: Product, language: str) -> str:
    return product.name_fr if language == "fr" else product.name_en


def exchange_products(session: Session, languages: Sequence[str]) -> dict[str, list[dict]]:
    """Rule E2: every product and colour one could exchange for, with sizes, price and stock.

    Args:
        session: any session.
        languages: the languages to name the products in.

    Returns:
        Per language, one entry per size (variant), by product then size (XS to XL).
    """
    rows = session.exec(
        select(
            Variant.id, Product.id, Product.name_en, Product.name_fr, Product.image,
            Variant.colour, Variant.size, Variant.price_cents, Variant.stock, Variant.sku,
        )
        .join(Product, Product.id == Variant.product_id)
        .order_by(Product.id, Variant.id)
    ).all()  # fmt: skip
    rows = sorted(rows, key=lambda row: (row[1], size_order(row[6])))  # product, then size
    return {language: [_exchange_entry(row, language) for row in rows] for language in languages}


def _exchange_entry(row: tuple, language: str) -> dict[str, Any]:
    variant_id, product_id, name_en, name_fr, image, colour, size, price_cents, stock, sku = row
    return {
        "variant_id": variant_id,
        "product_id": product_id,
        "name": name_fr if language == "fr" else name_en,
        "image": variant_picture(image, sku),
        "colour": colour,
        "size": size,
        "price_cents": price_cents,
        "in_stock": stock > 0,
    }


_SALONS = select(Salon).where(Salon.accepts_returns).order_by(Salon.id)


def salons(session: Session) -> list[dict[str, str]]:
    """Rule R4: the salons that take returns."""
    return [
        {
            "code": salon.code,
            "name": salon.name,
            "address": f"{salon.address}, {salon.postcode} {salon.city}",
            "hours": salon.opening_hours,
        }
        for salon in session.exec(_SALONS)
    ]


def return_options(
    session: Session, order_id: int, language: str, today: date
) -> dict[str, Any] | None:
    """Everything the wizard offers for an order the caller may see, or None if unknown.

    Returns:
        {"order": {...}, "lines": line_options, "methods": return methods (R3-R5),
        "salons": salons, "withdrawal_open": bool}.
    """
    return return_options_in(session, order_id, (language,), today).get(language)


def return_options_in(
    session: Session, order_id: int, languages: Iterable[str], today: date
) -> dict[str, dict[str, Any]]:
    """`return_options` in each of `languages`, read from the database once ({} if unknown)."""
    order = session.get(Order, order_id)
    if order is None:
        return {}
    common = {
        "order": {
            "id": order.id,
            "number": order.number,
            "kind": order.kind,
            "country": order.ship_country,
            "postcode": order.ship_postcode,
            "email": order.email,
            "first_name": order.ship_first_name,
            "last_name": order.ship_last_name,
            "address": order.ship_address,
            "city": order.ship_city,
        },
        "methods": list(returns.return_methods(order.ship_country)),
        "salons": salons(session),
        "withdrawal_open": returns.withdrawal_open(
            cancelled=order.status == OrderStatus.CANCELLED,
            delivered=shipment_deliveries(session, order.id),
            today=today,
        ),
    }
    lines = _unnamed_lines(session, order, today)
    return {language: {**common, "lines": _named(lines, language)} for language in languages}
