"""Rule E8: back-in-stock alerts, created on a sold-out size and e-mailed by the order feed."""

import json

import pytest
from conftest import NOW
from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select
from starlette.testclient import TestClient

from alme_portal.api import create_api
from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.orders.models.feed import FeedEvent
from alme_portal.orders.services import feed as order_feed
from alme_portal.orders.services import feed_input, feed_signature
from alme_portal.platform import clock, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.platform.outcome import Outcome
from alme_portal.returns.models import StockAlert
from alme_portal.returns.services import stock_alerts

SECRET = "test-secret"


def sold_out(session, index=0):
    """A demo size with no stock (found by query, not by id)."""
    query = select(Variant).where(Variant.stock == 0).order_by(Variant.id)
    return session.exec(query).all()[index]


def in_stock(session):
    return session.exec(select(Variant).where(Variant.stock > 0).order_by(Variant.id)).first()


def alerts(session):
    return session.exec(select(StockAlert).order_by(StockAlert.id)).all()


def back_in_stock_emails(session):
    query = select(OutboxEmail).where(OutboxEmail.kind == stock_alerts.EMAIL_KIND)
    return session.exec(query.order_by(OutboxEmail.id)).all()


def counts(session):
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (StockAlert, OutboxEmail, FeedEvent)
    )


def create(session, variant, email="camille@example.fr", language="en"):
    with clock.use_clock(NOW):
        outcome = stock_alerts.create_alert(
            session, variant_id=variant.id, email=email, language=language
        )
    session.commit()
    return outcome


def stock_event(sku, stock, event_id="evt-stock-1"):
    data = {"sku": sku, "stock": stock}
    return {"id": event_id, "type": "stock.updated", "created_at": NOW.isoformat(), "data": data}


def apply(session, payload):
    with clock.use_clock(NOW):
        outcome = order_feed.apply_feed_event(session, payload)
    session.commit()
    return outcome


# --- creating an alert -------------------------------------------------------------------------


def test_e8_alert_on_sold_out_size_is_created_with_normalised_email(demo_session):
    variant = sold_out(demo_session)
    outcome = create(demo_session, variant, email="  Camille.Moreau@Example.FR ", language="fr")
    assert outcome == Outcome.done("alert.created")
    [alert] = alerts(demo_session)
    assert (alert.variant_id, alert.email, alert.language) == (
        variant.id,
        "camille.moreau@example.fr",
        "fr",
    )
    assert clock.as_utc(alert.created_at) == NOW
    assert alert.notified_at is None


def test_e8_unknown_language_falls_back_to_the_default(demo_session):
    create(demo_session, sold_out(demo_session), language="de")
    assert alerts(demo_session)[0].language == settings.DEFAULT_LANGUAGE


def test_e8_second_pending_alert_for_same_size_and_email_exists(demo_session):
    variant = sold_out(demo_session)
    create(demo_session, variant, email="camille@example.fr")
    outcome = create(demo_session, variant, email=" CAMILLE@example.fr")
    assert outcome == Outcome.already_done("alert.exists")
    assert len(alerts(demo_session)) == 1
    # Another e-mail, or another sold-out size, is a new alert.
    assert create(demo_session, variant, email="ines@example.fr").status == "done"
    assert create(demo_session, sold_out(demo_session, 1)).status == "done"
    assert len(alerts(demo_session)) == 3


def test_e8_two_tabs_creating_the_same_alert_at_once_store_one(demo_session, monkeypatch):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    # The second tab checked before the first one stored: the database still refuses a twin.
    monkeypatch.setattr(stock_alerts, "_pending", lambda *args, **kwargs: [])
    assert create(demo_session, variant).status == "already_done"
    assert len(alerts(demo_session)) == 1


def test_e8_database_refuses_a_second_pending_alert(demo_session):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    first = alerts(demo_session)[0]
    demo_session.add(
        StockAlert(variant_id=variant.id, email=first.email, language="fr", created_at=NOW)
    )
    with pytest.raises(IntegrityError):
        demo_session.flush()


def test_e8_alert_on_in_stock_size_is_invalid(demo_session):
    outcome = create(demo_session, in_stock(demo_session))
    assert outcome == Outcome.invalid("alert.invalid.in_stock")
    assert alerts(demo_session) == []


@pytest.mark.parametrize(
    "email",
    [
        "",
        "   ",
        "camille",
        "camille@example",
        "ca mille@example.fr",
        "a@b@c.fr",
        "x" * 250 + "@a.fr",
    ],
)
def test_e8_bad_email_is_invalid_and_stores_nothing(demo_session, email):
    before = counts(demo_session)
    outcome = create(demo_session, sold_out(demo_session), email=email)
    assert outcome == Outcome.invalid("alert.invalid.email")
    assert counts(demo_session) == before


def test_e8_unknown_variant_is_invalid_and_stores_nothing(demo_session):
    before = counts(demo_session)
    missing = demo_session.exec(select(func.max(Variant.id))).one() + 1
    outcome = create(demo_session, Variant(id=missing, product_id=1, sku="X", colour="", size=""))
    assert outcome == Outcome.invalid("alert.invalid.variant")
    assert counts(demo_session) == before


# --- restock through the order feed ------------------------------------------------------------


@pytest.fixture
def client(demo_session, monkeypatch):
    monkeypatch.setenv(settings.ORDER_FEED_SECRET_ENV, SECRET)
    with clock.use_clock(NOW), TestClient(create_api()) as test_client:
        yield test_client


def post(client, payload):
    raw = json.dumps(payload).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Alme-Signature": feed_signature.sign(raw, SECRET),
    }
    return client.post("/api/order-feed", content=raw, headers=headers)


def test_e8_restock_by_signed_feed_emails_each_pending_alert_in_its_language(client, demo_session):
    variant, other = sold_out(demo_session), sold_out(demo_session, 1)
    create(demo_session, variant, email="camille@example.fr", language="fr")
    create(demo_session, variant, email="ines@example.fr", language="en")
    create(demo_session, other, email="manon@example.fr")

    response = post(client, stock_event(variant.sku, 4))
    assert (response.status_code, response.json()) == (200, {"outcome": "applied"})

    demo_session.expire_all()
    assert demo_session.get(Variant, variant.id).stock == 4
    product = demo_session.get(Product, variant.product_id)
    emails = back_in_stock_emails(demo_session)
    assert [(e.recipient, e.language) for e in emails] == [
        ("camille@example.fr", "fr"),
        ("ines@example.fr", "en"),
    ]
    assert product.name_fr in emails[0].subject and variant.size in emails[0].subject
    assert f"{product.name_fr}, {variant.colour}, taille {variant.size}" in emails[0].body
    assert f"{product.name_en}, {variant.colour}, size {variant.size}" in emails[1].body
    notified = {alert.email: alert.notified_at for alert in alerts(demo_session)}
    assert clock.as_utc(notified["camille@example.fr"]) == NOW
    assert clock.as_utc(notified["ines@example.fr"]) == NOW
    assert notified["manon@example.fr"] is None  # another size, still sold out


def test_e8_second_restock_sends_nothing(demo_session):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    assert apply(demo_session, stock_event(variant.sku, 3, "evt-a")).status == "done"
    assert apply(demo_session, stock_event(variant.sku, 0, "evt-b")).status == "done"
    assert apply(demo_session, stock_event(variant.sku, 6, "evt-c")).status == "done"
    assert len(back_in_stock_emails(demo_session)) == 1
    assert demo_session.get(Variant, variant.id).stock == 6


def test_e8_notify_is_idempotent_and_waits_for_stock(demo_session):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    with clock.use_clock(NOW):
        assert stock_alerts.notify_back_in_stock(demo_session, variant.id) == 0  # still sold out
        variant.stock = 2
        demo_session.add(variant)
        assert stock_alerts.notify_back_in_stock(demo_session, variant.id) == 1
        assert stock_alerts.notify_back_in_stock(demo_session, variant.id) == 0
    assert len(back_in_stock_emails(demo_session)) == 1


def test_e8_stock_update_to_zero_sends_nothing_and_a_new_alert_can_follow(demo_session):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    assert apply(demo_session, stock_event(variant.sku, 0)).status == "done"
    assert back_in_stock_emails(demo_session) == []
    apply(demo_session, stock_event(variant.sku, 1, "evt-2"))
    apply(demo_session, stock_event(variant.sku, 0, "evt-3"))
    assert create(demo_session, variant).status == "done"  # the first one was notified


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sku": "ALM-NOPE-XX", "stock": 3}, "unknown SKU"),
        ({"stock": -1}, "stock"),
        ({"stock": "3"}, "stock"),
        ({"stock": 3.0}, "stock"),
        ({"stock": True}, "stock"),
        ({"stock": feed_input.MAX_STOCK + 1}, "stock"),
        ({"stock": 3, "price_cents": 100}, "price_cents"),
        ({"sku": ""}, "sku"),
    ],
)
def test_e8_invalid_stock_event_is_refused_and_changes_nothing(demo_session, data, message):
    variant = sold_out(demo_session)
    create(demo_session, variant)
    before = counts(demo_session)
    outcome = apply(
        demo_session, stock_event(variant.sku, 3) | {"data": {"sku": variant.sku} | data}
    )
    assert outcome.status == "invalid"
    assert message in outcome.detail
    demo_session.expire_all()
    assert demo_session.get(Variant, variant.id).stock == 0
    assert counts(demo_session) == before
    assert alerts(demo_session)[0].notified_at is None


def test_e8_invalid_stock_event_over_http_is_a_400(client, demo_session):
    variant = sold_out(demo_session)
    response = post(client, stock_event("ALM-NOPE-XX", 3))
    assert response.status_code == 400 and "unknown SKU" in response.json()["error"]
    assert post(client, stock_event(variant.sku, -2, "evt-neg")).status_code == 400
    demo_session.expire_all()
    assert demo_session.get(Variant, variant.id).stock == 0


def test_e8_replayed_stock_event_is_a_duplicate(demo_session):
    variant = sold_out(demo_session)
    assert apply(demo_session, stock_event(variant.sku, 2)).status == "done"
    assert apply(demo_session, stock_event(variant.sku, 2)).status == "already_done"
    assert apply(demo_session, stock_event(variant.sku, 5)).status == "conflict"
    assert demo_session.get(Variant, variant.id).stock == 2
