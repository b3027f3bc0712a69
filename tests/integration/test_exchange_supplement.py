"""Rule E4: a pricier exchange ships once its supplement is paid through Stripe Checkout."""

import re
import time
from datetime import timedelta

import httpx
import pytest
from conftest import order_id
from payments_sim import fresh, use_simulator
from sqlmodel import select
from test_refund_engine import LATER, declare, receive_and_inspect

from alme_portal.orders.models.catalog import Variant
from alme_portal.orders.models.orders import Order, OrderLine, Payment, Shipment
from alme_portal.platform import clock, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.refunds.models.settlements import SupplementPayment
from alme_portal.refunds.services import supplement
from alme_portal.returns.services import options as return_options


@pytest.fixture
def exchange(demo_session, sim_url, monkeypatch):
    """AL100101's second item exchanged for a pricier product, received and accepted."""
    use_simulator(monkeypatch, sim_url)
    line = return_options.return_options(
        demo_session, order_id(demo_session, "AL100101"), "en", clock.in_paris(LATER).date()
    )["lines"][1]
    pricier = demo_session.exec(
        select(Variant)
        .where(Variant.product_id != line["product_id"],
               Variant.price_cents > line["unit_prices_paid"][0], Variant.stock > 1)
        .order_by(Variant.price_cents)
    ).first()  # fmt: skip
    stock = pricier.stock
    request = declare(
        demo_session, "AL100101", "product_exchange", lines=[1], quantity=1, variant=pricier.id
    )
    receive_and_inspect(demo_session, request)
    order = demo_session.get(Order, request.exchange_order_id)
    return order, pricier, stock


def _supplement(session, order):
    fresh(session)
    return session.exec(
        select(SupplementPayment).where(SupplementPayment.order_id == order.id)
    ).one()


def _shipments(session, order):
    return session.exec(select(Shipment).where(Shipment.order_id == order.id)).all()


def test_e4_the_supplement_link_is_e_mailed_and_nothing_ships_before_it_is_paid(
    demo_session, exchange
):
    order, pricier, stock = exchange
    due = _supplement(demo_session, order)
    assert due.amount_cents == order.total_cents > 0 and due.state == "open"
    assert _shipments(demo_session, order) == []
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "exchange_supplement")
    ).one()
    assert f"/api/pay/{due.token}" in mail.body and "€" in mail.body
    assert demo_session.get(Variant, pricier.id).stock == stock - 1  # held for her


def test_e4_paying_on_stripe_checkout_ships_the_exchange(demo_session, exchange, api_url):
    order, _, _ = exchange
    token = _supplement(demo_session, order).token
    with httpx.Client() as browser:
        link = browser.get(f"{api_url}/api/pay/{token}")
        assert link.status_code == 303 and "/stripe/pay/cs_test_" in link.headers["location"]
        page = browser.get(link.headers["location"])
        amount = f"€{order.total_cents / 100:.2f}"
        assert page.status_code == 200 and f"Pay {amount}" in page.text
        paid = browser.post(link.headers["location"])
        assert paid.status_code == 303 and paid.headers["location"].endswith(
            f"/track/{order.number}?paid=1"
        )
    for _ in range(200):  # the webhook lands a moment later
        if _supplement(demo_session, order).state == "paid":
            break
        time.sleep(0.05)
    assert _supplement(demo_session, order).state == "paid"
    assert len(_shipments(demo_session, order)) >= 1
    [card] = demo_session.exec(select(Payment).where(Payment.order_id == order.id)).all()
    assert card.method == "card" and card.provider_reference.startswith("pi_")
    assert card.amount_cents == order.total_cents
    again = httpx.get(f"{api_url}/api/pay/{token}")
    assert again.status_code == 303 and re.search(
        f"/track/{order.number}$", again.headers["location"]
    )


def test_e4_an_unpaid_exchange_is_cancelled_and_its_items_go_back_in_stock(demo_session, exchange):
    order, pricier, _ = exchange
    held = demo_session.get(Variant, pricier.id).stock
    with clock.use_clock(
        LATER + timedelta(days=settings.SUPPLEMENT_PAYMENT_DAYS) - timedelta(minutes=1)
    ):
        assert supplement.cancel_unpaid(demo_session) == 0
    with clock.use_clock(LATER + timedelta(days=settings.SUPPLEMENT_PAYMENT_DAYS)):
        assert supplement.cancel_unpaid(demo_session) == 1
        demo_session.commit()
    fresh(demo_session)
    assert demo_session.get(Order, order.id).status == "cancelled"
    quantity = demo_session.exec(
        select(OrderLine.quantity).where(OrderLine.order_id == order.id)
    ).one()
    assert demo_session.get(Variant, pricier.id).stock == held + quantity
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "exchange_cancelled")
    ).one()
    assert order.number in mail.body


def test_a_payment_link_that_is_not_one_opens_nothing(demo_session, api_url):
    for token in ("x" * 24, "short", "../" * 10):
        assert httpx.get(f"{api_url}/api/pay/{token}").status_code == 404
