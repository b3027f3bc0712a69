"""Rule E4: the supplement of an exchange for a pricier product, paid by card before it ships.

Settling the return creates the exchange order unshipped and a `SupplementPayment` with a secret
token; she is e-mailed the link `/api/pay/<token>`. Each visit opens a Stripe Checkout Session
for the amount (sessions expire within a day, the link does not). Stripe's
`checkout.session.completed` webhook marks it paid: the exchange order gets its card payment
(refundable later like any other) and its parcels are planned. Unpaid after
`SUPPLEMENT_PAYMENT_DAYS`, the exchange is cancelled and its items go back in stock.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from alme_portal.adapters.payments.stripe import CheckoutSession, StripeClient
from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.orders.models.catalog import Variant
from alme_portal.orders.models.orders import Order, OrderLine, Payment
from alme_portal.orders.services.exchange_orders import hold_units
from alme_portal.orders.services.shipments import plan_shipments
from alme_portal.platform import clock, routes, settings
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import OrderStatus, PaymentMethod
from alme_portal.refunds.models.settlements import SupplementPayment
from alme_portal.refunds.services.texts import record_order_email

PAY_PATH = "/api/pay"
EMAIL_KIND = "exchange_supplement"
CANCELLED_EMAIL_KIND = "exchange_cancelled"


def pay_link(token: str) -> str:
    """The e-mailed link that opens the payment page."""
    return f"{settings.portal_url()}{PAY_PATH}/{token}"


def open_supplement(session: Session, exchange: Order) -> SupplementPayment:
    """Ask for an exchange order's supplement: the payment row and its e-mail."""
    now = clock.now()
    supplement = SupplementPayment(
        order_id=exchange.id,
        amount_cents=exchange.total_cents,
        token=secrets.token_urlsafe(24),
        created_at=now,
        due_by=now + timedelta(days=settings.SUPPLEMENT_PAYMENT_DAYS),
    )
    session.add(supplement)
    session.flush()
    language = settings.supported_language(exchange.language)
    record_order_email(
        session, exchange, language, EMAIL_KIND, "supplement.email.subject",
        "supplement.email.body", amount=format_cents(supplement.amount_cents, language),
        link=pay_link(supplement.token),
        date=format_date(clock.in_paris(supplement.due_by).date(), language),
    )  # fmt: skip
    return supplement


def checkout(session: Session, stripe: StripeClient, token: Any) -> str:
    """Where the pay link sends her: a fresh Stripe Checkout page, or her order's page.

    Raises:
        LookupError: no supplement has this token.
        ProviderUnavailable: Stripe could not be reached (the caller says "try again").
    """
    supplement = _by_token(session, token)
    if supplement is None:
        raise LookupError("unknown payment link")
    order = session.get(Order, supplement.order_id)
    back = f"{settings.portal_url()}{routes.order_page(order.number)}"
    if supplement.state != "open":
        return back
    name = translate(
        settings.supported_language(order.language), "supplement.item", number=order.number
    )
    page: CheckoutSession = stripe.checkout_session(
        amount_cents=supplement.amount_cents,
        name=name,
        reference=order.number,
        metadata={"supplement": str(supplement.id), "order": order.number},
        success_url=f"{back}?paid=1",
        cancel_url=back,
        idempotency_key=f"alme-supplement-{uuid.uuid4()}",
        language=settings.supported_language(order.language),
    )
    supplement.checkout_session_id = page.id
    return page.url


def _by_token(session: Session, token: Any) -> SupplementPayment | None:
    if not isinstance(token, str) or not 16 <= len(token) <= 48:
        return None
    return session.exec(select(SupplementPayment).where(SupplementPayment.token == token)).first()


def on_checkout_completed(session: Session, checkout_session: dict[str, Any]) -> bool:
    """Stripe says a Checkout Session is complete: if paid, the exchange order ships.

    Returns:
        Whether a supplement became paid now (False for a repeat or an unpaid session).
    """
    metadata = checkout_session.get("metadata") or {}
    supplement_id = str(metadata.get("supplement", ""))
    if checkout_session.get("payment_status") != "paid" or not supplement_id.isdigit():
        return False
    supplement = session.exec(
        select(SupplementPayment)
        .where(SupplementPayment.id == int(supplement_id))
        .with_for_update()
    ).first()
    if supplement is None or supplement.state == "paid":
        return False
    order = session.get(Order, supplement.order_id)
    if checkout_session.get("amount_total") != supplement.amount_cents:
        return False
    # Paid after the deadline: she paid, so the exchange goes ahead if it was cancelled.
    supplement.state, supplement.paid_at = "paid", clock.now()
    supplement.payment_intent = checkout_session.get("payment_intent")
    session.add(
        Payment(
            order_id=order.id,
            method=PaymentMethod.CARD.value,
            amount_cents=supplement.amount_cents,
            provider_reference=supplement.payment_intent,
            created_at=clock.now(),
        )
    )
    if order.status == OrderStatus.CANCELLED:
        order.status = OrderStatus.CONFIRMED.value
        hold_units(session, order, -1)
    lines = list(session.exec(select(OrderLine).where(OrderLine.order_id == order.id)))
    variants = {
        v.sku: v
        for v in session.exec(select(Variant).where(Variant.sku.in_([line.sku for line in lines])))
    }
    plan_shipments(session, order, lines, variants)
    session.flush()
    return True


def cancel_unpaid(session: Session) -> int:
    """Cancel the exchanges whose supplement is unpaid past its day; their items go back.

    Returns:
        How many exchanges were cancelled.
    """
    due = session.exec(
        select(SupplementPayment)
        .where(SupplementPayment.state == "open", SupplementPayment.due_by <= clock.now())
        .with_for_update()
    ).all()
    for supplement in due:
        supplement.state = "cancelled"
        order = session.get(Order, supplement.order_id)
        order.status = OrderStatus.CANCELLED.value
        hold_units(session, order, +1)
        record_order_email(
            session, order, settings.supported_language(order.language), CANCELLED_EMAIL_KIND,
            "supplement.cancelled.subject", "supplement.cancelled.body",
        )  # fmt: skip
    session.flush()
    return len(due)
