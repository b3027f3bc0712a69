"""The signed order feed: validation, idempotency, dispatch and e-mail (rules O3, O6, O10)."""

import copy
import json
from datetime import UTC, datetime

import pytest
from conftest import NOW
from sqlmodel import func, select
from starlette.testclient import TestClient

from alme_portal.api import create_api
from alme_portal.orders.models.feed import FeedEvent
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.orders.services import feed as order_feed
from alme_portal.orders.services import feed_signature
from alme_portal.platform import clock, events, settings
from alme_portal.platform.models import OutboxEmail

TEE = "ALM-TS-LEON-ECR-M"
PREORDER_JUMPER = "ALM-KN-ANNA-CAR-M"
SECRET = "test-secret"


def order_data(**overrides):
    data = {
        "number": "AL200001",
        "email": "  Alice.Martin@Example.FR ",
        "language": "en",
        "placed_at": "2026-11-25T08:30:00+00:00",
        "shipping_method": "colissimo",
        "destination": {
            "first_name": "Alice",
            "last_name": "Martin",
            "address": "1 rue de Rivoli",
            "postcode": "75001",
            "city": "Paris",
            "country": "FR",
        },
        "lines": [
            {"sku": TEE, "quantity": 2, "unit_price_cents": 5500},
            {"sku": PREORDER_JUMPER, "quantity": 1, "unit_price_cents": 18900},
        ],
        "shipping_cents": 590,
        "total_cents": 2 * 5500 + 18900 + 590,
        "payments": [
            {"method": "gift_card", "amount_cents": 5000, "gift_card_code": "GIFT-ABCD-1234"},
            {
                "method": "card",
                "amount_cents": 2 * 5500 + 18900 + 590 - 5000,
                "card_brand": "Visa",
                "card_last4": "4242",
            },
        ],
    }
    data.update(overrides)
    return data


def event(kind, data, event_id="evt-1", created_at=NOW):
    return {"id": event_id, "type": kind, "created_at": created_at.isoformat(), "data": data}


def dispatch_data(**overrides):
    data = {
        "number": "AL200001",
        "carrier": "colissimo",
        "tracking_number": "6A12345678901",
        "dispatched_at": "2026-11-25T14:00:00+00:00",
        "lines": [{"sku": TEE, "quantity": 2}],
    }
    data.update(overrides)
    return data


def counts(session):
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Order, OrderLine, Payment, Shipment, ShipmentLine, OutboxEmail, FeedEvent)
    )


def create(session, **overrides):
    outcome = order_feed.apply_feed_event(
        session, event("order.created", order_data(**overrides), "evt-create")
    )
    session.commit()
    return outcome


# --- signature -------------------------------------------------------------------------------


def test_signature_good_forged_and_missing():
    body = b'{"id": "evt-1"}'
    header = feed_signature.sign(body, SECRET)
    assert header.startswith("sha256=")
    assert feed_signature.verify_signature(body, header, SECRET)
    assert feed_signature.verify_signature(
        body, header.upper().replace("SHA256=", "sha256="), SECRET
    )
    assert not feed_signature.verify_signature(body + b" ", header, SECRET)
    assert not feed_signature.verify_signature(body, feed_signature.sign(body, "other"), SECRET)
    assert not feed_signature.verify_signature(body, header.removeprefix("sha256="), SECRET)
    assert not feed_signature.verify_signature(body, "", SECRET)
    assert not feed_signature.verify_signature(body, None, SECRET)
    assert not feed_signature.verify_signature(body, "sha256=é", SECRET)


# --- creation --------------------------------------------------------------------------------


def test_created_order_has_lines_payments_and_planned_parcels_rule_o3(demo_session):
    outcome = create(demo_session)
    assert outcome.status == "done"
    order = demo_session.get(Order, outcome.value)
    assert order.email == "alice.martin@example.fr"
    assert order.status == "confirmed"
    assert order.subtotal_cents == 29900
    lines = demo_session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    assert [(line.sku, line.quantity) for line in lines] == [(TEE, 2), (PREORDER_JUMPER, 1)]
    payments = demo_session.exec(select(Payment).where(Payment.order_id == order.id)).all()
    assert sorted(p.method for p in payments) == ["card", "gift_card"]
    planned = demo_session.exec(select(Shipment).where(Shipment.order_id == order.id)).all()
    assert len(planned) == 2  # rule O3: the pre-ordered jumper ships on its own date
    assert all(shipment.status == "planned" for shipment in planned)


def test_instalment_payment_creates_three_instalments_rule_o10(demo_session):
    total = 2 * 5500 + 18900 + 590
    outcome = create(demo_session, payments=[{"method": "instalments_3", "amount_cents": total}])
    payment = demo_session.exec(select(Payment).where(Payment.order_id == outcome.value)).one()
    parts = demo_session.exec(select(Instalment).where(Instalment.payment_id == payment.id)).all()
    assert sorted(part.amount_cents for part in parts) == sorted([10164, 10163, 10163])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"lines": [{"sku": "NOPE", "quantity": 1, "unit_price_cents": 100}]}, "unknown SKU"),
        ({"lines": [{"sku": TEE, "quantity": 0, "unit_price_cents": 5500}]}, "quantity"),
        ({"lines": [{"sku": TEE, "quantity": "2", "unit_price_cents": 5500}]}, "quantity"),
        ({"total_cents": 1}, "total_cents"),
        ({"payments": [{"method": "bitcoin", "amount_cents": 30490}]}, "method"),
        ({"payments": [{"method": "paypal", "amount_cents": 30000}]}, "add up"),
        (
            {
                "payments": [
                    {"method": "paypal", "amount_cents": 30000},
                    {"method": "deferred_15", "amount_cents": 490},
                ]
            },
            "one gift card and one other",
        ),
        (
            {
                "payments": [
                    {"method": "gift_card", "amount_cents": 30000, "gift_card_code": "G1"},
                    {"method": "gift_card", "amount_cents": 490, "gift_card_code": "G2"},
                ]
            },
            "one gift card and one other",
        ),
        ({"number": "al-1"}, "number"),
        ({"shipping_method": "mondial_relay"}, "relay_point_code"),
        ({"customer_id": 1}, "customer_id"),
        ({"email": "not an e-mail"}, "email"),
    ],
)
def test_invalid_creation_is_refused_and_changes_nothing_rule_o10(demo_session, overrides, message):
    before = counts(demo_session)
    outcome = create(demo_session, **overrides)
    assert outcome.status == "invalid"
    assert message in outcome.detail
    assert counts(demo_session) == before


def test_existing_order_number_is_refused(demo_session):
    outcome = create(demo_session, number="AL100101")
    assert outcome.status == "invalid"
    assert "already exists" in outcome.detail


def test_malformed_envelopes_are_invalid(demo_session):
    for bad in ([], {"id": "x"}, event("order.deleted", {}), event("order.created", "text")):
        assert order_feed.apply_feed_event(demo_session, bad).status == "invalid"


# --- idempotency -------------------------------------------------------------------------------


def test_replay_is_a_duplicate_and_changes_nothing(demo_session):
    first = event("order.created", order_data(), "evt-42")
    assert order_feed.apply_feed_event(demo_session, first).status == "done"
    demo_session.commit()
    before = counts(demo_session)
    again = order_feed.apply_feed_event(demo_session, copy.deepcopy(first))
    assert again.status == "already_done"
    assert counts(demo_session) == before


def test_same_id_with_another_payload_is_a_conflict(demo_session):
    first = event("order.created", order_data(), "evt-42")
    order_feed.apply_feed_event(demo_session, first)
    demo_session.commit()
    before = counts(demo_session)
    other = event("order.created", order_data(number="AL200002"), "evt-42")
    outcome = order_feed.apply_feed_event(demo_session, other)
    assert outcome.status == "conflict"
    assert counts(demo_session) == before


def test_replay_order_helper_is_idempotent(demo_session):
    assert order_feed.replay_order(demo_session, order_data()).status == "done"
    demo_session.commit()
    assert order_feed.replay_order(demo_session, order_data()).status == "already_done"
    assert order_feed.replay_order(demo_session, {"number": "x"}).status == "invalid"


# --- dispatch, rule O6 -------------------------------------------------------------------------


def test_dispatch_records_shipment_and_o6_email_with_tracking_link(demo_session):
    order_id = create(demo_session).value
    outcome = order_feed.apply_feed_event(
        demo_session, event("order.dispatched", dispatch_data(), "evt-dispatch")
    )
    demo_session.commit()
    assert outcome.status == "done"
    order = demo_session.get(Order, order_id)
    assert order.status == "partially_dispatched"  # the pre-order still waits (rule O3)
    shipments = demo_session.exec(select(Shipment).where(Shipment.order_id == order_id)).all()
    sent = [s for s in shipments if s.status == "dispatched"]
    assert len(sent) == 1 and len(shipments) == 2
    assert sent[0].tracking_number == "6A12345678901"
    assert sent[0].dispatched_at == datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
    carried = demo_session.exec(select(ShipmentLine).where(ShipmentLine.shipment_id == sent[0].id))
    assert [row.quantity for row in carried] == [2]
    mail = demo_session.exec(select(OutboxEmail).where(OutboxEmail.order_id == order_id)).one()
    assert mail.kind == "order_dispatched"
    assert mail.recipient == "alice.martin@example.fr"
    assert mail.language == "en"
    assert "6A12345678901" in mail.body
    assert "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" in mail.body
    assert "spam" in mail.body


def test_dispatch_email_follows_the_order_language_rule_o6(demo_session):
    create(demo_session, language="fr")
    order_feed.apply_feed_event(demo_session, event("order.dispatched", dispatch_data(), "evt-d"))
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert mail.language == "fr"
    assert "Numéro de suivi : 6A12345678901" in mail.body
    assert "spams" in mail.body


def test_dispatching_everything_marks_the_order_dispatched(demo_session):
    order_id = create(demo_session).value
    lines = [{"sku": TEE, "quantity": 2}, {"sku": PREORDER_JUMPER, "quantity": 1}]
    order_feed.apply_feed_event(
        demo_session, event("order.dispatched", dispatch_data(lines=lines), "evt-d")
    )
    assert demo_session.get(Order, order_id).status == "dispatched"
    shipments = demo_session.exec(select(Shipment).where(Shipment.order_id == order_id)).all()
    assert [s.status for s in shipments] == ["dispatched"]  # empty planned parcels are dropped


@pytest.mark.parametrize(
    "overrides",
    [
        {"lines": [{"sku": TEE, "quantity": 3}]},
        {"lines": [{"sku": "ALM-TS-LEON-ECR-S", "quantity": 1}]},
        {"number": "AL999999"},
        {"tracking_number": "6H52206953356"},  # already used by a demo parcel
        {"carrier": "ups"},
    ],
)
def test_invalid_dispatch_changes_nothing(demo_session, overrides):
    create(demo_session)
    before = counts(demo_session)
    outcome = order_feed.apply_feed_event(
        demo_session, event("order.dispatched", dispatch_data(**overrides), "evt-d")
    )
    assert outcome.status == "invalid"
    assert counts(demo_session) == before


def test_cancelled_event_and_update_event(demo_session):
    order_id = create(demo_session).value
    update = {"number": "AL200001", "email": "NEW@example.fr", "language": "fr"}
    assert (
        order_feed.apply_feed_event(demo_session, event("order.updated", update, "u1")).status
        == "done"
    )
    order = demo_session.get(Order, order_id)
    assert (order.email, order.language) == ("new@example.fr", "fr")
    cancel = {"number": "AL200001"}
    assert (
        order_feed.apply_feed_event(demo_session, event("order.cancelled", cancel, "c1")).status
        == "done"
    )
    assert demo_session.get(Order, order_id).status == "cancelled"
    refused = order_feed.apply_feed_event(
        demo_session, event("order.dispatched", dispatch_data(), "d1")
    )
    assert refused.status == "invalid"


def test_a_dispatched_order_cannot_be_cancelled_by_the_feed(demo_session):
    cancel = {"number": "AL100103"}
    outcome = order_feed.apply_feed_event(demo_session, event("order.cancelled", cancel, "c1"))
    assert outcome.status == "invalid"


# --- subscribers -------------------------------------------------------------------------------


def test_subscribers_receive_events_in_the_same_transaction(demo_session):
    received = []

    def handler(session, event):
        assert session is demo_session
        received.append(event)

    with (
        events.subscribed(events.OrderPlaced, handler),
        events.subscribed(events.OrderDispatched, handler),
    ):
        order_id = create(demo_session).value
        order_feed.apply_feed_event(
            demo_session, event("order.dispatched", dispatch_data(), "evt-d")
        )
    assert received[0] == events.OrderPlaced(order_id, "AL200001")
    assert isinstance(received[1], events.OrderDispatched) and received[1].order_id == order_id
    create(demo_session, number="AL200003")
    assert len(received) == 2  # unsubscribed after the block


def test_unknown_event_type_is_refused(demo_session):
    with pytest.raises(ValueError):
        events.subscribe(dict, lambda session, event: None)
    with pytest.raises(ValueError):
        events.publish(demo_session, {"order_id": 1})


# --- HTTP endpoint -----------------------------------------------------------------------------


@pytest.fixture
def client(demo_session, monkeypatch):
    monkeypatch.setenv(settings.ORDER_FEED_SECRET_ENV, SECRET)
    with clock.use_clock(NOW), TestClient(create_api()) as test_client:
        yield test_client


def post(client, payload, secret=SECRET, body=None):
    raw = body if body is not None else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Alme-Signature"] = feed_signature.sign(raw, secret)
    return client.post("/api/order-feed", content=raw, headers=headers)


def test_endpoint_applies_then_reports_duplicate(client, demo_session):
    payload = event("order.created", order_data(), "evt-http")
    first = post(client, payload)
    assert (first.status_code, first.json()) == (200, {"outcome": "applied"})
    second = post(client, payload)
    assert (second.status_code, second.json()) == (200, {"outcome": "duplicate"})
    assert demo_session.exec(select(Order).where(Order.number == "AL200001")).one()


def test_endpoint_status_codes(client, demo_session):
    payload = event("order.created", order_data(), "evt-http")
    assert post(client, payload, secret=None).status_code == 401
    assert post(client, payload, secret="forged").status_code == 401
    assert post(client, None, body=b"{not json").status_code == 400
    invalid = post(client, event("order.created", order_data(total_cents=1), "evt-bad"))
    assert invalid.status_code == 400 and "total_cents" in invalid.json()["error"]
    stale = event(
        "order.created", order_data(), "evt-old", created_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert post(client, stale).status_code == 400
    assert post(client, payload).status_code == 200
    other = event("order.created", order_data(number="AL200002"), "evt-http")
    assert post(client, other).status_code == 409
    assert client.get("/api/order-feed").status_code == 405
    assert demo_session.exec(select(func.count()).select_from(FeedEvent)).one() == 1


def test_endpoint_refuses_oversized_bodies(client):
    body = b" " * (settings.ORDER_FEED_MAX_BODY_BYTES + 1)
    assert post(client, None, body=body).status_code == 413


def test_refused_update_changes_nothing(demo_session):
    order_id = create(demo_session).value
    update = {"number": "AL200001", "email": "new@example.fr", "relay_point_code": "FR-005680"}
    outcome = order_feed.apply_feed_event(demo_session, event("order.updated", update, "u1"))
    assert outcome.status == "invalid"  # a Colissimo order has no relay point
    demo_session.commit()
    demo_session.expire_all()
    assert demo_session.get(Order, order_id).email == "alice.martin@example.fr"


def test_update_moves_a_relay_order_to_another_relay_point(demo_session):
    relay_order = order_data(
        shipping_method="mondial_relay", relay_point_code="FR-005680", number="AL200009"
    )
    order_feed.apply_feed_event(demo_session, event("order.created", relay_order, "c9"))
    update = {"number": "AL200009", "relay_point_code": "BE-008214"}
    outcome = order_feed.apply_feed_event(demo_session, event("order.updated", update, "u9"))
    assert outcome.status == "done"
    order = demo_session.get(Order, outcome.value)
    assert order.ship_country == "BE"
    shipments = demo_session.exec(select(Shipment).where(Shipment.order_id == order.id)).all()
    assert {s.relay_point_id for s in shipments} == {order.relay_point_id}
