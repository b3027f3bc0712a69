"""Shipment notifications over real HTTP: the demo's parcels, asked of the carrier simulator.

The demo is loaded at `NOW`; the simulator tells each demo parcel's story relative to the clock.
"""

import threading
from collections import Counter
from datetime import timedelta

import httpx
import pytest
from carrier_sim import MR_KEY, OKAPI_KEY, arm
from conftest import NOW
from sqlmodel import select

from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.tracking import TrackingService
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import notifications
from alme_portal.platform import clock
from alme_portal.platform.models import OutboxEmail


@pytest.fixture
def tracking(simulator_url):
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()
    return TrackingService(
        LaPosteClient(f"{simulator_url}/laposte/suivi/v2", OKAPI_KEY, sleep=lambda _: None),
        MondialRelayClient(f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13", MR_KEY,
                           sleep=lambda _: None),
        cache_seconds=0,
    )  # fmt: skip


def parcel_emails(session):
    session.rollback()
    rows = session.exec(
        select(Order.number, OutboxEmail).join(Order, Order.id == OutboxEmail.order_id)
        .where(OutboxEmail.kind.startswith("parcel_"))
    ).all()  # fmt: skip
    return {(number, email.kind): email for number, email in rows}


def test_the_relay_parcel_is_announced_once_with_its_pickup_deadline(demo_session, tracking):
    with clock.use_clock(NOW + timedelta(minutes=5)):
        counts = notifications.poll(tracking)
    assert counts["asked"] >= 3 and counts["unanswered"] == 0
    emails = parcel_emails(demo_session)
    assert set(emails) == {("AL100104", "parcel_at_relay")}  # the others are on time
    email = emails["AL100104", "parcel_at_relay"]
    assert email.recipient == "ines.benali@example.fr" and email.language == "fr"
    assert email.subject.startswith("Votre colis Almé vous attend chez ")
    assert "Retirez-le avant le " in email.body and "AL100104" in email.body
    with clock.use_clock(NOW + timedelta(minutes=15)):
        assert notifications.poll(tracking)["at_relay"] == 0  # told once
    assert len(parcel_emails(demo_session)) == 1


def test_o4_parcels_past_their_window_are_announced_late(demo_session, tracking):
    two_weeks_on = NOW + timedelta(days=14)
    with clock.use_clock(two_weeks_on):
        counts = notifications.poll(tracking)
    emails = parcel_emails(demo_session)
    late = {number for number, kind in emails if kind == "parcel_late"}
    assert {"AL100103", "AL100111"} <= late and counts["late"] == len(late)
    body = emails["AL100103", "parcel_late"].body
    assert "Colissimo" in body and "https://" in body


def test_a_carrier_down_skips_its_parcels_until_it_answers(demo_session, tracking, simulator_url):
    arm(simulator_url, "mondialrelay", "503", count=50)
    with clock.use_clock(NOW + timedelta(minutes=5)):
        counts = notifications.poll(tracking)
    assert counts["unanswered"] >= 1 and parcel_emails(demo_session) == {}
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()
    with clock.use_clock(NOW + timedelta(minutes=15)):
        notifications.poll(tracking)
    assert set(parcel_emails(demo_session)) == {("AL100104", "parcel_at_relay")}


@pytest.mark.both_databases
def test_two_pollers_at_once_write_each_news_once(demo_session, tracking):
    results, start = [], threading.Barrier(2)

    def poll():
        start.wait()
        results.append(notifications.poll(tracking))

    with clock.use_clock(NOW + timedelta(days=14)):
        pollers = [threading.Thread(target=poll) for _ in range(2)]
        for thread in pollers:
            thread.start()
        for thread in pollers:
            thread.join()
    emails = parcel_emails(demo_session)
    written = Counter()
    for result in results:
        written.update({key: value for key, value in result.items()
                        if key not in ("asked", "unanswered")})  # fmt: skip
    assert sum(written.values()) == len(emails) > 0
