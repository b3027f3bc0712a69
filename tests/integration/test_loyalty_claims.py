"""Rule L9 on the real database: claiming the loves of an order placed logged out."""

from datetime import timedelta

from conftest import NOW, order_id
from sqlmodel import select
from test_loyalty import TODAY, demo_ledger_end, entries, member_id, place  # noqa: F401 (autouse)

from alme_portal.accounts.services import links as account_links
from alme_portal.loyalty.services import claims as loyalty_claims
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.orders.models.feed import LookupFailure
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import member_orders
from alme_portal.platform import clock, events, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.refunds.models.refunds import Refund

CAMILLE = "camille.moreau@example.fr"


def claim(session, member, number="AL100120", email=CAMILLE, client="5.6.7.8"):
    with clock.use_clock(NOW):
        outcome = loyalty_claims.claim_loves(
            session, member, order_number=number, email=email, client_address=client
        )
    session.commit()
    return outcome


def test_l9_a_member_claims_the_loves_of_her_logged_out_order_once(demo_session):
    camille = member_id(demo_session, CAMILLE)
    before = loyalty.balance(demo_session, camille, TODAY)
    done = claim(demo_session, camille, " al100120 ", "Camille.Moreau@example.fr ")
    assert (done.status, done.value.loves, done.value.code) == ("done", 709, "AL100120")
    [entry] = entries(demo_session, "claim")
    placed_on = clock.in_paris(
        demo_session.get(Order, order_id(demo_session, "AL100120")).placed_at
    )
    release = placed_on.date() + timedelta(days=settings.LOVES_PENDING_DAYS)
    assert (entry.customer_id, entry.available_on) == (camille, release)  # L3 still applies
    after = loyalty.balance(demo_session, camille, TODAY)
    assert after.pending_total == before.pending_total + 709
    assert after.available == before.available
    assert claim(demo_session, camille).message_key == "loyalty.claim.counted"
    assert len(entries(demo_session, "claim")) == 1
    numbers = [o["number"] for o in member_orders.member_orders(demo_session, camille)]
    assert "AL100120" in numbers  # the claimed order joins her account (and her tier, L7)
    assert (TODAY - timedelta(days=10), 7_090) in loyalty.member_purchases(demo_session, camille)


def test_l9_a_claim_is_checked_against_the_orders_email(demo_session):
    lea = member_id(demo_session)
    wrong = claim(demo_session, lea, email="lea.martin@example.fr")
    unknown = claim(demo_session, lea, number="AL999999")
    assert wrong.message_key == unknown.message_key == "loyalty.claim.not_found"
    assert entries(demo_session) == []
    assert demo_session.get(Order, order_id(demo_session, "AL100120")).customer_id is None


def test_l9_an_order_that_earned_loves_or_was_cancelled_cannot_be_claimed(demo_session):
    lea = member_id(demo_session)
    ines_order = claim(demo_session, lea, "AL100103", "ines.benali@example.fr")
    cancelled = claim(demo_session, lea, "AL100106", "manon.petit@example.fr")
    place(demo_session, "AL200009", "lea.martin@example.fr", "evt-lea")  # earned at once (L1)
    own = claim(demo_session, lea, "AL200009", "lea.martin@example.fr")
    assert ines_order.message_key == own.message_key == "loyalty.claim.counted"
    assert cancelled.message_key == "loyalty.claim.cancelled"
    assert [entry.kind for entry in entries(demo_session)] == ["purchase"]


def test_l9_claims_share_the_lookup_rate_limit(demo_session):
    lea = member_id(demo_session)
    for _ in range(settings.LOOKUP_MAX_FAILURES):
        assert claim(demo_session, lea, email="guess@example.fr").status == "invalid"
    blocked = claim(demo_session, lea, email=CAMILLE)  # even the right e-mail now
    assert blocked.message_key == "loyalty.claim.rate_limited"
    assert len(demo_session.exec(select(LookupFailure)).all()) == settings.LOOKUP_MAX_FAILURES
    assert entries(demo_session) == []


def test_l9_any_argument_shape_is_refused_without_a_change(demo_session):
    lea = member_id(demo_session)
    shapes = [
        ("1", "AL100120", CAMILLE),
        (lea, None, CAMILLE),
        (lea, "AL100120", ["x"]),
        (10**9, "AL100120", CAMILLE),
    ]
    for member, number, email in shapes:
        assert claim(demo_session, member, number, email).status == "invalid"
    assert entries(demo_session) == []


def test_l9_an_order_under_another_address_counts_once_its_owner_opens_the_link(demo_session):
    """Knowing AL100120's number and e-mail is not owning it: Camille's address decides."""
    lea = member_id(demo_session)
    asked = claim(demo_session, lea)  # Léa types the right pair for Camille's guest order
    assert (asked.status, asked.message_key) == ("done", "loyalty.claim.confirm_sent")
    assert entries(demo_session) == []
    assert demo_session.get(Order, order_id(demo_session, "AL100120")).customer_id is None
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "loyalty_claim_confirm")
    ).one()
    assert mail.recipient == CAMILLE and "AL100120" in mail.body
    token = mail.body.split("token=")[1].split()[0]
    with clock.use_clock(NOW):
        confirmed = account_links.confirm_email(demo_session, token)
        again = account_links.confirm_email(demo_session, token)
    demo_session.commit()
    assert (confirmed.status, again.status) == ("done", "invalid")
    [entry] = entries(demo_session, "claim")
    assert (entry.customer_id, entry.loves) == (lea, 709)


def test_l4_l9_an_order_refunded_in_full_has_no_loves_left_to_claim(demo_session):
    with clock.use_clock(NOW):
        order = demo_session.get(Order, order_id(demo_session, "AL100120"))
        demo_session.add(
            Refund(
                order_id=order.id,
                kind="credit_back",
                amount_cents=order.total_cents,
                expected_on=TODAY,
                created_at=NOW,
            )
        )
        events.publish(demo_session, events.OrderRefunded(order.id, order.total_cents))
    demo_session.commit()
    refused = claim(demo_session, member_id(demo_session, CAMILLE))
    assert refused.message_key == "loyalty.claim.cancelled"
