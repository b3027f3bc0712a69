"""A worker killed between the provider's refund and the database write: exactly once after.

The worker runs as its own process against the payments simulator over real HTTP. The
simulator takes the refund and holds its answer (`timeout` fault); the test kills the worker
(SIGKILL: no clean-up of any kind) while it waits, then starts another one later.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
from carrier_sim import arm, request_count, serve
from payments_sim import fresh, settlements_of, use_simulator
from sqlmodel import select
from test_refund_engine import LATER, declare, receive_and_inspect

from alme_portal.orders.models.orders import Payment
from alme_portal.platform import settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.refunds.models.settlements import RefundSettlement
from alme_portal.simulator import create_simulator_app

WORKER = "from alme_portal import cli; cli.main(['mail', 'worker'])"


@pytest.fixture(scope="module")
def quiet_sim_url():
    with serve(create_simulator_app()) as url:  # no webhooks: only the worker settles
        yield url


def _start_worker(at):
    env = dict(os.environ, ALME_FROZEN_NOW=at.isoformat(), ALME_ENV="development")
    env[settings.SIMULATOR_URL_ENV] = os.environ[settings.STRIPE_URL_ENV].rsplit("/", 1)[0]
    return subprocess.Popen([sys.executable, "-c", WORKER], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def _until(check, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.mark.parametrize(
    "provider,number",
    [("paypal", "AL100109"), ("alma", "AL100114"), ("stripe", "AL100101")],
)
def test_r8_a_worker_killed_after_the_provider_refunded_completes_it_once_on_restart(
    demo_session, quiet_sim_url, monkeypatch, sink, provider, number
):
    use_simulator(monkeypatch, quiet_sim_url)
    method = "self_ship" if number == "AL100109" else "mondial_relay"
    request = declare(demo_session, number, lines=[0], quantity=1, method=method,
                      refund_method="original")  # fmt: skip
    receive_and_inspect(demo_session, request)
    [due] = settlements_of(demo_session, request)
    reference = demo_session.get(Payment, due.payment_id).provider_reference
    body = {"reference": reference, "amount_cents": due.amount_cents}
    httpx.post(f"{quiet_sim_url}/_control/payments", json=body).raise_for_status()  # room for one
    arm(quiet_sim_url, provider, "timeout", delay=60.0)

    first = _start_worker(LATER)
    try:
        _until(lambda: request_count(quiet_sim_url, provider) == 1)  # the provider has refunded
        time.sleep(0.3)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    [crashed] = settlements_of(demo_session, request)
    assert (crashed.state, crashed.attempts, crashed.provider_refund_id) == ("sent", 1, None)

    after_claim = LATER + timedelta(seconds=settings.PAYMENT_CLAIM_SECONDS + 1)
    second = _start_worker(after_claim)
    try:

        def answered():
            fresh(demo_session)
            return demo_session.get(RefundSettlement, due.id).provider_refund_id is not None

        _until(answered)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    [done] = settlements_of(demo_session, request)
    expected = "sent" if provider == "stripe" else "succeeded"  # Stripe: pending, then webhook
    assert done.state == expected and done.attempts == 2
    paid = demo_session.exec(select(OutboxEmail).where(OutboxEmail.kind == "refund_paid")).all()
    assert len(paid) == (0 if provider == "stripe" else 1)
    refunds = httpx.get(f"{quiet_sim_url}/_control/refunds", params={"reference": reference}).json()
    assert refunds == {"count": 1, "cents": due.amount_cents}  # exactly once
