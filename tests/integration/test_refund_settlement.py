"""Refunds paid by Stripe, PayPal and Alma over real HTTP, webhooks back (R8-R12, R13)."""

from datetime import timedelta

import httpx
import pytest
from carrier_sim import arm, request_count
from conftest import order_id
from payments_sim import PROVIDER_PATHS as PROVIDER_ENVS
from payments_sim import (
    fresh,
    history,
    settlements_of,
    use_simulator,
    wait_for_state,
    webhook_answers,
)
from sqlmodel import select
from test_refund_engine import LATER, declare, receive_and_inspect, refunds_of

from alme_portal.adapters.payments.common import RefundAnswer
from alme_portal.orders.models.orders import Order, Payment
from alme_portal.platform import clock, db, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.refunds.models.refunds import StoredValue
from alme_portal.refunds.services import progress, settlement

ABROAD = ("AL100109",)
"""Orders delivered where Mondial Relay does not collect returns: she ships them herself."""


@pytest.fixture
def providers(sim_url, monkeypatch):
    return use_simulator(monkeypatch, sim_url)


def settle(session, number, **choices):
    method = "self_ship" if number in ABROAD else "mondial_relay"
    request = declare(session, number, method=method, refund_method="original", **choices)
    receive_and_inspect(session, request)
    return request


def send(providers, minutes=0):
    with clock.use_clock(LATER + timedelta(minutes=minutes)):
        return settlement.send_due(providers)


def paid_emails(session):
    fresh(session)
    query = select(OutboxEmail).where(OutboxEmail.kind == "refund_paid")
    return session.exec(query).all()


def test_r8_a_card_refund_is_sent_to_stripe_and_settled_by_its_webhook(demo_session, providers):
    request = settle(demo_session, "AL100101", lines=[0])
    [sent] = settlements_of(demo_session, request)
    assert (sent.provider, sent.state) == ("stripe", "pending")
    assert sent.amount_cents == sum(r.amount_cents for r in refunds_of(demo_session, request))
    assert send(providers) == {"pending": 1}  # a card refund starts pending at Stripe
    done = wait_for_state(demo_session, sent.id, "succeeded")
    assert done.state == "succeeded" and done.provider_refund_id.startswith("re_")
    assert history(demo_session, sent.id) == ["pending", "sent", "pending", "succeeded"]
    [mail] = paid_emails(demo_session)
    assert "Visa" in mail.body and "on your statement by" in mail.body
    [part] = progress.return_refund_parts(demo_session, request.id, "en")
    assert part["state"] == "done" and part["status"].startswith("Sent to your bank on")
    assert part["statement"].startswith("On your statement by")


def test_r10_gift_card_and_card_only_the_card_part_goes_to_stripe(demo_session, providers):
    request = settle(demo_session, "AL100113")
    [sent] = settlements_of(demo_session, request)
    card = demo_session.get(Payment, sent.payment_id)
    assert card.method == "card"
    rows = refunds_of(demo_session, request)
    assert sent.amount_cents == sum(r.amount_cents for r in rows if r.payment_id == card.id)
    send(providers)
    wait_for_state(demo_session, sent.id, "succeeded")
    parts = progress.return_refund_parts(demo_session, request.id, "en")
    assert [p["status"] for p in parts][0] == "Back on it now"  # the gift card, at once
    assert parts[1]["state"] == "done"


def test_r11_instalments_are_one_alma_refund_of_every_move(demo_session, providers, sim_url):
    request = settle(demo_session, "AL100114", lines=[0], quantity=1)
    [sent] = settlements_of(demo_session, request)
    rows = refunds_of(demo_session, request)
    assert {r.kind for r in rows} >= {"instalment_reduced"}
    assert sent.provider == "alma" and sent.amount_cents == sum(r.amount_cents for r in rows)
    assert send(providers) == {"succeeded": 1}  # Alma refunds synchronously
    [part] = progress.return_refund_parts(demo_session, request.id, "en")
    assert any(d.startswith("Instalment 3:") for d in part["details"])
    assert webhook_answers(sim_url, "alma") == [200]
    assert settlements_of(demo_session, request)[0].state == "succeeded"
    assert len(paid_emails(demo_session)) == 1  # the IPN after the answer changes nothing


def test_r12_a_deferred_payment_not_charged_is_lowered_through_alma(demo_session, providers):
    request = settle(demo_session, "AL100115", lines=[0])
    [sent] = settlements_of(demo_session, request)
    assert sent.provider == "alma"
    assert send(providers) == {"succeeded": 1}
    [part] = progress.return_refund_parts(demo_session, request.id, "en")
    assert part["details"][0].endswith("less charged on the due date")
    assert part["statement"] == ""  # nothing was charged: nothing to see on a statement


def test_paypal_refund_completes_and_its_verified_webhook_is_a_no_op(
    demo_session, providers, sim_url
):
    request = settle(demo_session, "AL100109")
    [sent] = settlements_of(demo_session, request)
    assert sent.provider == "paypal"
    assert send(providers) == {"succeeded": 1}
    assert webhook_answers(sim_url, "paypal") == [200]
    assert history(demo_session, sent.id) == ["pending", "sent", "succeeded"]


def test_r13_a_credit_note_paid_exchange_is_refunded_to_the_first_orders_paypal(
    demo_session, providers
):
    request = settle(demo_session, "AL100117")
    [sent] = settlements_of(demo_session, request)
    paying = demo_session.get(Payment, sent.payment_id)
    assert paying.method == "paypal" and paying.order_id == order_id(demo_session, "AL100102")
    assert send(providers) == {"succeeded": 1}


PROVIDER_CASES = [
    ("stripe", "AL100101", "pending"),  # a card refund: pending, then Stripe's webhook
    ("paypal", "AL100109", "succeeded"),
    ("alma", "AL100114", "succeeded"),
]


@pytest.mark.parametrize("kind", ["500", "503", "409", "429"])
@pytest.mark.parametrize("provider,number,answer", PROVIDER_CASES)
def test_a_provider_error_is_retried_later_with_the_same_key(
    demo_session, providers, sim_url, kind, provider, number, answer
):
    request = settle(demo_session, number, lines=[0], quantity=1)
    [sent] = settlements_of(demo_session, request)
    arm(sim_url, provider, kind, count=1)
    assert send(providers) == {"retry": 1}
    assert send(providers, minutes=0) == {}  # not before its wait
    assert send(providers, minutes=settings.PAYMENT_RETRY_MINUTES[0]) == {answer: 1}
    assert wait_for_state(demo_session, sent.id, "succeeded").state == "succeeded"
    assert len(paid_emails(demo_session)) == 1


@pytest.mark.parametrize("provider,number,answer", PROVIDER_CASES)
def test_a_refund_the_provider_declines_fails_for_staff_to_decide(
    demo_session, providers, sim_url, provider, number, answer
):
    request = settle(demo_session, number, lines=[0], quantity=1)
    [sent] = settlements_of(demo_session, request)
    arm(sim_url, provider, "402")
    assert send(providers) == {"failed": 1}
    failed = wait_for_state(demo_session, sent.id, "failed")
    assert failed.last_error and not failed.last_error.startswith(settlement.UNREACHABLE)
    assert paid_emails(demo_session) == []


@pytest.mark.parametrize("provider,number,answer", PROVIDER_CASES)
def test_a_time_out_after_the_provider_refunded_never_refunds_twice(
    demo_session, providers, sim_url, provider, number, answer
):
    """The provider takes the refund and answers too late: the retry finds that one refund."""
    request = settle(demo_session, number, lines=[0], quantity=1)
    [sent] = settlements_of(demo_session, request)
    reference = demo_session.get(Payment, sent.payment_id).provider_reference
    body = {"reference": reference, "amount_cents": sent.amount_cents}
    httpx.post(f"{sim_url}/_control/payments", json=body).raise_for_status()  # no room for two
    httpx.post(f"{sim_url}/_control/webhooks", json={"deliver": False}).raise_for_status()
    arm(sim_url, provider, "timeout", delay=2.5)
    assert send(providers) == {"retry": 1}
    later = settings.PAYMENT_RETRY_MINUTES[0]
    assert send(providers, minutes=later) == {answer: 1}
    if answer == "pending":  # no webhook: the portal asks Stripe how it ended
        assert send(providers, minutes=later + settings.PAYMENT_PENDING_CHECK_MINUTES) == {
            "succeeded": 1
        }
    done = wait_for_state(demo_session, sent.id, "succeeded")
    assert done.state == "succeeded" and len(paid_emails(demo_session)) == 1
    expected_calls = {"stripe": 2, "paypal": 2, "alma": 1}  # Alma: read back, never sent again
    assert request_count(sim_url, provider) == expected_calls[provider]


def test_a_declined_refund_fails_then_staff_retry_pays_it(demo_session, providers, sim_url):
    request = settle(demo_session, "AL100101", lines=[0])
    [sent] = settlements_of(demo_session, request)
    arm(sim_url, "stripe", "402")
    assert send(providers) == {"failed": 1}
    failed = wait_for_state(demo_session, sent.id, "failed")
    assert "card_declined" in failed.last_error
    [part] = progress.return_refund_parts(demo_session, request.id, "en")
    assert part["state"] == "problem" and part["statement"] == ""
    staff_id = 1
    with clock.use_clock(LATER):
        assert (
            settlement.retry(demo_session, staff_id, sent.id).message_key == "staff.refund.retried"
        )
        demo_session.commit()
    # Stripe replays a declined key: a staff retry is a new decision, so a new key.
    assert send(providers) == {"pending": 1}
    assert wait_for_state(demo_session, sent.id, "succeeded").state == "succeeded"


def test_a_refund_stripe_fails_later_can_become_a_credit_note(demo_session, providers, sim_url):
    request = settle(demo_session, "AL100101", lines=[0])
    [sent] = settlements_of(demo_session, request)
    arm(sim_url, "stripe", "declined")
    assert send(providers) == {"pending": 1}
    assert wait_for_state(demo_session, sent.id, "failed").state == "failed"
    with clock.use_clock(LATER):
        done = settlement.credit_note_instead(demo_session, 1, sent.id)
        again = settlement.credit_note_instead(demo_session, 1, sent.id)
        demo_session.commit()
    assert done.ok and not again.ok
    note = demo_session.get(StoredValue, settlements_of(demo_session, request)[0].credit_note_id)
    assert (note.kind, note.balance_cents) == ("credit_note", sent.amount_cents)
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "refund_credit_note")
    ).one()
    assert note.code in mail.body
    [part] = progress.return_refund_parts(demo_session, request.id, "en")
    assert note.code in part["status"] and part["state"] == "done"


def test_a_provider_never_reached_fails_after_the_last_attempt(demo_session, providers, sim_url):
    request = settle(demo_session, "AL100109")
    [sent] = settlements_of(demo_session, request)
    arm(sim_url, "paypal", "503", count=settings.PAYMENT_MAX_ATTEMPTS)
    minutes = 0
    for wait in (0, *settings.PAYMENT_RETRY_MINUTES):
        minutes += wait
        send(providers, minutes=minutes)
    assert wait_for_state(demo_session, sent.id, "failed").attempts == settings.PAYMENT_MAX_ATTEMPTS


@pytest.mark.parametrize("header", [
    None, "t=1,v1=00", "v1=abc", "t=notanumber,v1=abc",
])  # fmt: skip
def test_a_forged_stripe_webhook_is_refused_and_changes_nothing(
    demo_session, providers, api_url, header
):
    request = settle(demo_session, "AL100101", lines=[0])
    send(providers)
    [sent] = settlements_of(demo_session, request)
    event = ('{"id": "evt_forged", "type": "refund.updated", "data": {"object": '
             f'{{"id": "{sent.provider_refund_id}", "status": "failed"}}}}}}')  # fmt: skip
    headers = {"Stripe-Signature": header} if header else {}
    answer = httpx.post(f"{api_url}/api/webhooks/stripe", content=event, headers=headers)
    assert answer.status_code == 400
    assert wait_for_state(demo_session, sent.id, "succeeded").state == "succeeded"


def test_a_stripe_webhook_signed_too_long_ago_is_refused(demo_session, api_url):
    from alme_portal.adapters.payments.stripe import sign

    body = b'{"id": "evt_old", "type": "refund.updated", "data": {"object": {}}}'
    stale = int(clock.now().timestamp()) - settings.WEBHOOK_TOLERANCE_SECONDS - 1
    headers = {"Stripe-Signature": sign(body, settings.DEFAULT_STRIPE_WEBHOOK_SECRET, stale)}
    assert (
        httpx.post(f"{api_url}/api/webhooks/stripe", content=body, headers=headers).status_code
        == 400
    )
    fresh = {"Stripe-Signature": sign(body, settings.DEFAULT_STRIPE_WEBHOOK_SECRET, stale + 2)}
    assert (
        httpx.post(f"{api_url}/api/webhooks/stripe", content=body, headers=fresh).status_code == 200
    )


def test_forged_paypal_and_alma_webhooks_are_refused(demo_session, providers, api_url):
    forged = {
        "PAYPAL-TRANSMISSION-ID": "b2a5", "PAYPAL-TRANSMISSION-TIME": "2026-11-27T10:00:00Z",
        "PAYPAL-TRANSMISSION-SIG": "Zm9yZ2Vk", "PAYPAL-AUTH-ALGO": "SHA256withRSA",
        "PAYPAL-CERT-URL": "https://api-m.paypal.com/v1/notifications/certs/CERT-1",
    }  # fmt: skip
    event = {"id": "WH-1", "event_type": "PAYMENT.CAPTURE.REFUNDED",
             "resource": {"id": "1", "status": "COMPLETED"}}  # fmt: skip
    paypal = httpx.post(f"{api_url}/api/webhooks/paypal", json=event, headers=forged)
    assert paypal.status_code == 400
    alma = httpx.get(f"{api_url}/api/webhooks/alma", params={"pid": "payment_x"},
                     headers={"X-Alma-Signature": "0" * 64})  # fmt: skip
    assert alma.status_code == 400


def test_alma_ipn_signature_matches_the_official_test_vector():
    from alme_portal.adapters.payments.alma import ipn_is_genuine, ipn_signature

    vector = "4545854d3b8704d4b21cf88bc8b5da5680c46b2ab9d45c8cffe6278d8a8b1860"
    assert ipn_signature("payment_id_test", "api_key_test") == vector
    assert ipn_is_genuine("payment_id_test", vector.upper(), "api_key_test")
    assert not ipn_is_genuine("payment_id_other", vector, "api_key_test")


def test_production_talks_to_the_real_providers_and_the_demo_to_the_simulator(monkeypatch):
    from alme_portal.adapters.payments.providers import default_providers
    from alme_portal.platform import deployment

    for env in PROVIDER_ENVS:
        monkeypatch.delenv(env, raising=False)
    demo = default_providers()
    assert demo.stripe.base_url.endswith("/_carrier-sim/stripe")
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)
    real = default_providers()
    assert (real.stripe.base_url, real.paypal.base_url, real.alma.base_url) == (
        "https://api.stripe.com", "https://api-m.paypal.com", "https://api.getalma.eu"
    )  # fmt: skip


def test_her_return_page_and_account_say_where_each_part_is(demo_session, providers):
    from alme_portal.accounts.views import build_account
    from alme_portal.orders.services import member_orders
    from alme_portal.returns.services import status as return_status

    request = settle(demo_session, "AL100113")
    [sent] = settlements_of(demo_session, request)
    view = return_status.return_view(demo_session, request, "fr")
    assert [p["status"] for p in view["refund_parts"]] == [
        "Recrédité dès maintenant", "En cours d’envoi à votre banque"
    ]  # fmt: skip
    send(providers)
    wait_for_state(demo_session, sent.id, "succeeded")
    with clock.use_clock(LATER):
        card = return_status.return_view(demo_session, request, "fr")["refund_parts"][1]
    assert card["status"].startswith("Envoyé à votre banque le")
    assert card["statement"].startswith("Sur votre relevé au plus tard le")
    order = demo_session.get(Order, request.order_id)
    overview = member_orders.account_overview(demo_session, order.customer_id)
    lines = progress.refund_lines_by_order(demo_session, [order.id], "en")
    page = build_account(overview, "en", lines)
    [row] = [o for o in page["orders"] if o["number"] == "AL100113"]
    assert len(row["refunds"]) == 2 and "Sent to your bank on" in row["refunds"][1]


@pytest.mark.both_databases
def test_one_caller_at_a_time_and_one_e_mail_whoever_settles_it(demo_session, providers, sim_url):
    """Two workers and a webhook on one refund: one provider call, one state change, one e-mail."""
    request = settle(demo_session, "AL100101", lines=[0])
    [due] = settlements_of(demo_session, request)
    with clock.use_clock(LATER), db.session_scope(write=True) as first:
        assert settlement._claim(first, due.id) is not None
    with clock.use_clock(LATER), db.session_scope(write=True) as second:
        assert settlement._claim(second, due.id) is None  # held by the first
    assert send(providers) == {} and request_count(sim_url, "stripe") == 0
    answer = RefundAnswer("succeeded", "re_1")
    with clock.use_clock(LATER), db.session_scope(write=True) as webhook:
        assert settlement.apply_answer(webhook, due.id, answer) == "succeeded"
    with clock.use_clock(LATER), db.session_scope(write=True) as late_answer:
        assert settlement.apply_answer(late_answer, due.id, answer) is None
    assert len(paid_emails(demo_session)) == 1
    assert history(demo_session, due.id) == ["pending", "sent", "succeeded"]
