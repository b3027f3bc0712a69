"""Stock of each size, as the shop's feed sets it (E5, E8)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from alme_portal.orders.models.catalog import Variant
from alme_portal.orders.services.feed_input import FeedRejected, StockIn, parse
from alme_portal.platform import events


def set_stock(session: Session, data: Any) -> None:
    """Rule E8: set a size's stock, then e-mail its pending back-in-stock alerts if it is back."""
    spec: StockIn = parse(StockIn, data)
    variant = session.exec(select(Variant).where(Variant.sku == spec.sku)).first()
    if variant is None:
        raise FeedRejected(f"unknown SKU {spec.sku}")
    variant.stock = spec.stock
    session.add(variant)
    session.flush()
    events.publish(session, events.StockChanged(variant.id))
