"""EU withdrawal function (Directive 2023/2673): period, statement, e-mail, idempotency."""

from datetime import timedelta

import pytest
from conftest import NOW, order_id
from sqlmodel import func, select

from alme_portal.orders.models.catalog import Product, Variant
from alme_portal.orders.models.orders import Order, OrderLine, Shipment
from alme_portal.platform import clock
from alme_portal.platform.models import OutboxEmail
from alme_portal.returns.models import Withdrawal
from alme_portal.returns.rules import returns
from alme_portal.returns.services import withdrawals

DELIVERED = "AL100101"  # delivered a few days ago
IN_TRANSIT = "AL100103"
WINDOW_CLOSED = "AL100102"  # delivered a month ago
CANCELLED = "AL100106"


def order(session, number):
    return session.get(Order, order_id(session, number))


def withdraw(session, number, *, name="Camille Moreau", email=None, language="en", at=NOW):
    target = order(session, number)
    with clock.use_clock(at):
        outcome = withdrawals.record_withdrawal(
            session,
            order_id=target.id,
            name=name,
            email=target.email if email is None else email,
            language=language,
        )
    session.commit()
    return outcome


def counts(session):
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Withdrawal, OutboxEmail)
    )


def items(session, number, language):
    rows = session.exec(
        select(OrderLine, Product)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(OrderLine.order_id == order_id(session, number))
    ).all()
    size = "taille" if language == "fr" else "size"
    return [
        f"{product.name_fr if language == 'fr' else product.name_en}, {line.colour},"
        f" {size} {line.size} × {line.quantity}"
        for line, product in rows
    ]


# --- period --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [(DELIVERED, True), (IN_TRANSIT, True), (WINDOW_CLOSED, False), (CANCELLED, False),
     ("AL100119", False)],  # returned to sender: refunded automatically (O9)
)  # fmt: skip
def test_withdrawal_period_of_demo_orders(demo_session, number, expected):
    today = clock.in_paris(NOW).date()
    target = order_id(demo_session, number)
    assert withdrawals.withdrawal_open_for(demo_session, target, today) is expected


def test_withdrawal_period_ends_14_days_after_the_last_delivery(demo_session):
    target = order(demo_session, DELIVERED)
    delivered = demo_session.exec(
        select(func.max(Shipment.delivered_at)).where(Shipment.order_id == target.id)
    ).one()
    last_day = returns.return_deadline(delivered)
    assert withdrawals.withdrawal_open_for(demo_session, target.id, last_day)
    assert not withdrawals.withdrawal_open_for(demo_session, target.id, last_day + timedelta(1))


def test_unknown_order_is_never_open(demo_session):
    missing = demo_session.exec(select(func.max(Order.id))).one() + 1
    assert not withdrawals.withdrawal_open_for(demo_session, missing, NOW.date())


# --- recording -----------------------------------------------------------------------------------


def test_withdrawal_records_statement_with_order_items_date_and_time(demo_session):
    outcome = withdraw(demo_session, DELIVERED, name="  Camille Moreau ")
    assert (outcome.status, outcome.message_key) == ("done", "withdrawal.recorded")
    assert outcome.value.made_at == NOW
    statement = outcome.value.statement
    assert "Camille Moreau withdraws from the contract for order AL100101" in statement
    placed = clock.in_paris(order(demo_session, DELIVERED).placed_at)
    assert f"{placed.day} November {placed.year}" in statement
    assert "Wednesday 25 November 2026 at 10:00 (Paris time)" in statement
    for item in items(demo_session, DELIVERED, "en"):
        assert item in statement
    assert "within 14 days" in statement and "refund" in statement
    stored = demo_session.get(Withdrawal, outcome.value.withdrawal_id)
    assert (stored.name, stored.statement, stored.language) == ("Camille Moreau", statement, "en")
    assert stored.email == order(demo_session, DELIVERED).email
    assert clock.as_utc(stored.made_at) == NOW


def test_withdrawal_records_the_acknowledgement_email(demo_session):
    outcome = withdraw(demo_session, IN_TRANSIT, language="fr")
    target = order(demo_session, IN_TRANSIT)
    [email] = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == withdrawals.EMAIL_KIND)
    ).all()
    assert (email.recipient, email.language, email.order_id) == (target.email, "fr", target.id)
    assert "AL100103" in email.subject
    assert outcome.value.statement in email.body
    assert "mercredi 25 novembre 2026 à 10:00 (heure de Paris)" in outcome.value.statement
    assert "se rétracte du contrat de la commande AL100103" in outcome.value.statement
    for item in items(demo_session, IN_TRANSIT, "fr"):
        assert item in outcome.value.statement


def test_order_email_is_compared_case_insensitively(demo_session):
    email = f"  {order(demo_session, DELIVERED).email.upper()} "
    assert withdraw(demo_session, DELIVERED, email=email).status == "done"


def test_unknown_language_falls_back_to_english(demo_session):
    outcome = withdraw(demo_session, DELIVERED, language="de")
    assert "(Paris time)" in outcome.value.statement


@pytest.mark.parametrize(
    ("number", "fields", "key"),
    [
        (DELIVERED, {"email": "someone.else@example.fr"}, "withdrawal.invalid.email"),
        (DELIVERED, {"email": ""}, "withdrawal.invalid.email"),
        (DELIVERED, {"name": ""}, "withdrawal.invalid.name"),
        (DELIVERED, {"name": "   "}, "withdrawal.invalid.name"),
        (DELIVERED, {"name": "C" * 121}, "withdrawal.invalid.name"),
        (DELIVERED, {"name": "Camille\x00Moreau"}, "withdrawal.invalid.name"),
        (DELIVERED, {"name": "Camille\nMoreau"}, "withdrawal.invalid.name"),
        (DELIVERED, {"name": "Camille\u202eMoreau"}, "withdrawal.invalid.name"),
        (WINDOW_CLOSED, {}, "withdrawal.invalid.closed"),
        (CANCELLED, {}, "withdrawal.invalid.closed"),
    ],
)
def test_invalid_withdrawal_stores_nothing(demo_session, number, fields, key):
    before = counts(demo_session)
    outcome = withdraw(demo_session, number, **fields)
    assert (outcome.status, outcome.message_key) == ("invalid", key)
    assert outcome.value is None
    assert counts(demo_session) == before


def test_unknown_order_is_invalid(demo_session):
    missing = demo_session.exec(select(func.max(Order.id))).one() + 1
    before = counts(demo_session)
    with clock.use_clock(NOW):
        outcome = withdrawals.record_withdrawal(
            demo_session, order_id=missing, name="A", email="a@example.fr", language="en"
        )
    assert (outcome.status, outcome.message_key) == ("invalid", "withdrawal.invalid.order")
    assert counts(demo_session) == before


def test_name_at_the_length_limit_is_accepted(demo_session):
    assert withdraw(demo_session, DELIVERED, name="C" * 120).status == "done"


def test_second_withdrawal_is_idempotent(demo_session):
    first = withdraw(demo_session, DELIVERED)
    before = counts(demo_session)
    later = NOW + timedelta(minutes=3)
    second = withdraw(demo_session, DELIVERED, name="Camille M.", language="fr", at=later)
    assert (second.status, second.value) == ("already_done", first.value)
    assert counts(demo_session) == before


def test_two_tabs_withdrawing_at_once_store_one_statement(demo_session, monkeypatch):
    first = withdraw(demo_session, DELIVERED)
    before = counts(demo_session)
    # The second tab looked before the first one stored: the database refuses a second one.
    real_existing = withdrawals._existing
    looks = iter([None])
    monkeypatch.setattr(
        withdrawals, "_existing", lambda session, order: next(looks, real_existing(session, order))
    )
    second = withdraw(demo_session, DELIVERED, at=NOW + timedelta(seconds=1))
    assert (second.status, second.value) == ("already_done", first.value)
    assert counts(demo_session) == before
