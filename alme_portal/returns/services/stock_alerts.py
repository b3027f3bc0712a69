"""Rule E8: back-in-stock alerts on a sold-out size, and their e-mail once it is back.

An alert is created only for a size that is out of stock, at most one pending alert per size
and e-mail. When the order feed reports stock for a size ("stock.updated"), every pending alert
of that size gets one e-mail in its own language and is marked notified, so a second restock
sends nothing. Functions write through the caller's session and never commit.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.platform import clock, events, outbox, settings
from alme_portal.platform.contact import normalise_email
from alme_portal.platform.outcome import Outcome
from alme_portal.returns.models import StockAlert
from alme_portal.returns.services import emails as return_emails

EMAIL_KIND = "back_in_stock"


def _pending(session: Session, variant_id: int, email: str | None = None) -> list[StockAlert]:
    query = select(StockAlert).where(
        StockAlert.variant_id == variant_id, StockAlert.notified_at.is_(None)
    )
    if email is not None:
        query = query.where(StockAlert.email == email)
    return list(session.exec(query.order_by(StockAlert.id)).all())


def create_alert(session: Session, *, variant_id: int, email: str, language: str) -> Outcome:
    """Rule E8: remember to tell `email` when this sold-out size is back ("CREATE ALERT").

    Args:
        session: the caller's session; it is flushed, not committed.
        variant_id: the size (variant) she waits for; it must be out of stock.
        email: the address typed in; stored trimmed and lower-cased.
        language: "en" or "fr" for the e-mail; anything else falls back to the default.

    Returns:
        Done ("alert.created"), already done ("alert.exists", nothing stored) or invalid
        with "alert.invalid.variant", "alert.invalid.in_stock" or "alert.invalid.email".
    """
    variant = session.get(Variant, variant_id) if isinstance(variant_id, int) else None
    if variant is None:
        return Outcome.invalid("alert.invalid.variant")
    if variant.stock > 0:
        return Outcome.invalid("alert.invalid.in_stock")
    address = normalise_email(email)
    if address is None:
        return Outcome.invalid("alert.invalid.email")
    if _pending(session, variant.id, address):
        return Outcome.already_done("alert.exists")
    alert = StockAlert(
        variant_id=variant.id,
        email=address,
        language=settings.supported_language(language),
        created_at=clock.now(),
    )
    try:
        with session.begin_nested():
            session.add(alert)
    except IntegrityError:  # the same alert created at the same moment from another tab
        return Outcome.already_done("alert.exists")
    return Outcome.done("alert.created")


def notify_back_in_stock(session: Session, variant_id: int) -> int:
    """Rule E8: e-mail every pending alert of a size that is in stock, and mark it notified.

    Args:
        session: the caller's session; it is flushed, not committed.
        variant_id: the size whose stock may have come back.

    Returns:
        How many e-mails were recorded (0 when out of stock or nothing is pending).
    """
    variant = session.get(Variant, variant_id)
    if variant is None or variant.stock <= 0:
        return 0
    product = session.get(Product, variant.product_id)
    alerts = _pending(session, variant.id)
    for alert in alerts:
        name = product.name_fr if alert.language == "fr" else product.name_en
        email = return_emails.back_in_stock_email(
            name=name, colour=variant.colour, size=variant.size, language=alert.language
        )
        outbox.record_email(
            session, recipient=alert.email, kind=EMAIL_KIND, language=alert.language, **email
        )
        alert.notified_at = clock.now()
        session.add(alert)
    session.flush()
    return len(alerts)


def on_stock_changed(session: Session, event: events.StockChanged) -> None:
    """Rule E8: a size whose stock was set sends its pending back-in-stock alerts."""
    notify_back_in_stock(session, event.variant_id)
