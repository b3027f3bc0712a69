"""The portal's HTTP endpoints and the payments simulator on loopback, wired to each other."""

import time

import httpx
from sqlmodel import select

from alme_portal.adapters.payments import providers as payment_providers
from alme_portal.platform import settings
from alme_portal.refunds.models.settlements import RefundSettlement, SettlementEvent

PROVIDER_PATHS = {
    settings.STRIPE_URL_ENV: "/stripe",
    settings.PAYPAL_URL_ENV: "/paypal",
    settings.ALMA_URL_ENV: "/alma",
}


def use_simulator(monkeypatch, simulator_url):
    """Point the three providers at the simulator; return fresh clients (1 s time-out)."""
    for env, path in PROVIDER_PATHS.items():
        monkeypatch.setenv(env, simulator_url + path)
    monkeypatch.setattr(settings, "PAYMENT_TIMEOUT_SECONDS", 1.0)
    payment_providers.shared_providers.cache_clear()
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()
    return payment_providers.default_providers()


def fresh(session):
    """End the session's read transaction: what other connections wrote becomes visible."""
    session.commit()
    session.expire_all()


def settlements_of(session, request):
    """The provider refunds of a return, oldest first."""
    fresh(session)
    query = select(RefundSettlement).where(RefundSettlement.return_id == request.id)
    return session.exec(query.order_by(RefundSettlement.id)).all()


def wait_for_state(session, settlement_id, state, timeout=8.0):
    """Wait until a webhook (or anything) moves a settlement to `state`; return it."""
    deadline = time.monotonic() + timeout
    while True:
        fresh(session)
        found = session.get(RefundSettlement, settlement_id)
        if found.state == state or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def history(session, settlement_id):
    """The states a settlement went through, in order."""
    fresh(session)
    query = select(SettlementEvent.state).where(SettlementEvent.settlement_id == settlement_id)
    return list(session.exec(query.order_by(SettlementEvent.id)))


def webhook_answers(simulator_url, provider, expected=1, timeout=5.0):
    """What the portal answered the webhooks of `provider` (waits for `expected` of them)."""
    deadline = time.monotonic() + timeout
    while True:
        deliveries = httpx.get(f"{simulator_url}/_control/webhooks").json()
        answers = [d["status"] for d in deliveries if d["provider"] == provider]
        if len(answers) >= expected or time.monotonic() > deadline:
            return answers
        time.sleep(0.05)
