"""Carrier adapters against the simulator over real HTTP on loopback (rules O4, O6, O7)."""

import logging
import time
from datetime import timedelta

import httpx
import pytest
from carrier_sim import MR_KEY, OKAPI_KEY, arm, request_count
from sqlmodel import select

from alme_portal.adapters.carriers.http import (
    CarrierUnavailable,
    RetryPolicy,
    TrackingNumberInvalid,
)
from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.statuses import TrackingStatus as S
from alme_portal.adapters.carriers.tracking import TrackingService, default_tracking_service
from alme_portal.demo import loader as demo
from alme_portal.orders.models.catalog import RelayPoint
from alme_portal.orders.models.orders import Shipment
from alme_portal.orders.views import _carrier_note
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import working_days_between
from alme_portal.platform.vocabulary import ShipmentStatus
from alme_portal.simulator import scenarios as sc
from alme_portal.state.order import _track

DEMO_STATUS_TO_TRACKING = {
    ShipmentStatus.DISPATCHED: S.LABEL_CREATED,
    ShipmentStatus.IN_TRANSIT: S.IN_TRANSIT,
    ShipmentStatus.READY_FOR_PICKUP: S.AVAILABLE_FOR_PICKUP,
    ShipmentStatus.DELIVERED: S.DELIVERED,
    ShipmentStatus.RETURNED_TO_SENDER: S.RETURNED_TO_SENDER,
}


@pytest.fixture(autouse=True)
def fresh_simulator(simulator_url):
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()


class Sleeps(list):
    """An injectable sleep that records its delays instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def laposte(simulator_url, sleeps):
    return LaPosteClient(f"{simulator_url}/laposte/suivi/v2", OKAPI_KEY, sleep=sleeps)


@pytest.fixture
def mondial_relay(simulator_url, sleeps):
    return MondialRelayClient(
        f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13", MR_KEY, sleep=sleeps
    )


@pytest.mark.parametrize(
    ("number", "status"),
    [
        (sc.LP_LABEL_ONLY, S.LABEL_CREATED),
        (sc.LP_OUT_FOR_DELIVERY, S.OUT_FOR_DELIVERY),
        (sc.LP_DELIVERY_FAILED, S.DELIVERY_FAILED),
        (sc.LP_AT_POST_OFFICE, S.AVAILABLE_FOR_PICKUP),
        (sc.LP_PROBLEM, S.EXCEPTION),
        (sc.LP_RETURNING, S.RETURNING_TO_SENDER),
        (sc.LP_RETURNED, S.RETURNED_TO_SENDER),
        (sc.LP_NEIGHBOUR, S.DELIVERED),
        (sc.LP_SILENT, S.IN_TRANSIT),
        (sc.LP_CUSTOMS_HOLD, S.EXCEPTION),
    ],
)
def test_o6_laposte_client_reads_every_status_family(laposte, number, status):
    result = laposte.track(number)
    assert (result.status, result.source, result.tracking_number) == (status, "live", number)
    assert [e.at for e in result.events] == sorted((e.at for e in result.events), reverse=True)
    assert all(e.at.tzinfo is not None and e.at.utcoffset() == timedelta(0) for e in result.events)
    assert (result.delivered_at is not None) == (status == S.DELIVERED)


@pytest.mark.parametrize(
    ("number", "status"),
    [
        (sc.MR_IN_TRANSIT, S.IN_TRANSIT),
        (sc.MR_OUT_FOR_DELIVERY, S.OUT_FOR_DELIVERY),
        (sc.MR_ANOMALY_NUMBER, S.EXCEPTION),
        (sc.MR_RETURNING_NUMBER, S.RETURNING_TO_SENDER),
    ],
)
def test_o6_mondial_relay_client_reads_every_status_family(mondial_relay, number, status):
    result = mondial_relay.track(number)
    assert (result.status, result.carrier) == (status, "mondial_relay")
    assert [e.at for e in result.events] == sorted((e.at for e in result.events), reverse=True)
    assert result.events[-1].status == S.LABEL_CREATED  # oldest: RÉCEPTION DES DONNÉES


def test_o4_pickup_points_reach_the_portal(laposte, mondial_relay):
    assert laposte.track(sc.LP_AT_POST_OFFICE).relay_point_code == "752210"  # its idPoint
    assert mondial_relay.track(sc.MR_RETURNING_NUMBER).relay_point_code == "FR-012744"


def test_o8_delivered_to_a_neighbour_is_delivered_with_the_carrier_label(laposte):
    result = laposte.track(sc.LP_NEIGHBOUR)
    assert (result.status, result.events[0].code) == (S.DELIVERED, "DI1")
    assert "voisin" in result.events[0].label
    assert result.delivered_at == result.events[0].at


def test_o9_parcels_back_at_the_atelier_are_returned_to_sender(laposte):
    returned = laposte.track(sc.LP_RETURNED)
    assert [e.status for e in returned.events[:2]] == [S.RETURNED_TO_SENDER, S.RETURNING_TO_SENDER]
    assert returned.delivered_at is None


def test_o7_silent_parcel_last_event_six_working_days_ago(laposte):
    result = laposte.track(sc.LP_SILENT)
    last_day = clock.in_paris(result.events[0].at).date()
    assert working_days_between(last_day, clock.today()) == 6
    assert (
        working_days_between(last_day, clock.today()) > settings.TRACKING_SILENT_AFTER_WORKING_DAYS
    )


def test_o6_laposte_several_ids_answer_207_with_per_item_codes(simulator_url, laposte):
    ids = [sc.LP_NEIGHBOUR, "6A99999999999", "1234"]
    raw = httpx.get(
        f"{simulator_url}/laposte/suivi/v2/idships/{','.join(ids)}",
        params={"lang": "fr_FR"},
        headers={"X-Okapi-Key": OKAPI_KEY, "Accept": "application/json"},
    )
    assert raw.status_code == 207
    assert [item["returnCode"] for item in raw.json()] == [200, 104, 400]
    results = laposte.track_many(ids)
    assert set(results) == {sc.LP_NEIGHBOUR, "6A99999999999"}  # the malformed one is left out
    assert results[sc.LP_NEIGHBOUR].status == S.DELIVERED
    assert results["6A99999999999"].status == S.LABEL_CREATED
    with pytest.raises(ValueError):
        laposte.track_many([sc.LP_NEIGHBOUR] * 11)


def test_o6_laposte_not_yet_available_is_label_created_and_bad_number_is_invalid(laposte):
    result = laposte.track("6A99999999999")
    assert (result.status, result.events) == (S.LABEL_CREATED, ())
    with pytest.raises(TrackingNumberInvalid):
        laposte.track("12AB")


def test_o6_mondial_relay_unknown_number_is_not_known_yet_and_a_malformed_one_invalid(
    mondial_relay,
):
    unknown = mondial_relay.track("12345678")  # issue 22: STAT 99, as production answers
    assert (unknown.status, unknown.events) == (S.LABEL_CREATED, ())
    with pytest.raises(TrackingNumberInvalid, match="STAT 24"):
        mondial_relay.track("ABC")


def test_unknown_codes_keep_the_previous_status_and_are_logged(laposte, mondial_relay, caplog):
    with caplog.at_level(logging.WARNING, logger="alme_portal.adapters.carriers.statuses"):
        lp = laposte.track(sc.LP_UNKNOWN_CODE)
        mr = mondial_relay.track(sc.MR_UNKNOWN_LABEL)
    assert (lp.events[0].code, lp.status) == ("ZZ9", S.OUT_FOR_DELIVERY)
    assert mr.status == S.AVAILABLE_FOR_PICKUP
    assert "ZZ9" in caplog.text and "CONTRÔLE" in caplog.text


def test_429_with_retry_after_is_retried_after_the_header_delay(simulator_url, laposte, sleeps):
    arm(simulator_url, "laposte", "429", retry_after=2)
    assert laposte.track(sc.LP_NEIGHBOUR).status == S.DELIVERED
    assert sleeps == [2.0]
    assert request_count(simulator_url, "laposte") == 2


def test_retry_after_is_capped(simulator_url, mondial_relay, sleeps):
    arm(simulator_url, "mondialrelay", "429", retry_after=600)
    assert mondial_relay.track(sc.MR_IN_TRANSIT).status == S.IN_TRANSIT
    assert sleeps == [settings.CARRIER_MAX_RETRY_AFTER_SECONDS]


def test_503_on_every_attempt_gives_up_with_exponential_backoff(simulator_url, laposte, sleeps):
    arm(simulator_url, "laposte", "503", count=3)
    with pytest.raises(CarrierUnavailable):
        laposte.track(sc.LP_NEIGHBOUR)
    assert request_count(simulator_url, "laposte") == settings.CARRIER_MAX_ATTEMPTS == 3
    backoff = settings.CARRIER_BACKOFF_SECONDS
    assert sleeps == pytest.approx([backoff, backoff * 2])


def test_mondial_relay_soap_fault_500_is_retried_then_unavailable(simulator_url, mondial_relay):
    arm(simulator_url, "mondialrelay", "500", count=3)
    with pytest.raises(CarrierUnavailable, match="HTTP 500"):
        mondial_relay.track(sc.MR_IN_TRANSIT)
    assert request_count(simulator_url, "mondialrelay") == 3


@pytest.mark.parametrize("route", ["laposte", "mondialrelay"])
def test_malformed_bodies_are_carrier_unavailable(simulator_url, laposte, mondial_relay, route):
    arm(simulator_url, route, "malformed")
    with pytest.raises(CarrierUnavailable, match="malformed|not JSON"):
        if route == "laposte":
            laposte.track(sc.LP_NEIGHBOUR)
        else:
            mondial_relay.track(sc.MR_IN_TRANSIT)
    assert request_count(simulator_url, route) == 1  # a bad body is not retried


def test_slow_answers_beyond_the_timeout_are_carrier_unavailable(simulator_url, sleeps):
    client = LaPosteClient(
        f"{simulator_url}/laposte/suivi/v2",
        OKAPI_KEY,
        httpx.Client(timeout=0.2),
        policy=RetryPolicy(max_attempts=2),
        sleep=sleeps,
    )
    arm(simulator_url, "laposte", "slow", count=2, delay=1.0)
    started = time.monotonic()
    with pytest.raises(CarrierUnavailable, match="Timeout"):
        client.track(sc.LP_NEIGHBOUR)
    assert time.monotonic() - started < 0.9
    assert len(sleeps) == 1


def test_a_slow_answer_within_the_timeout_is_fine(simulator_url, laposte):
    arm(simulator_url, "laposte", "slow", delay=0.05)
    assert laposte.track(sc.LP_NEIGHBOUR).status == S.DELIVERED


def test_mondial_relay_wrong_private_key_is_rejected_with_stat_97(simulator_url):
    wrong = MondialRelayClient(
        f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13", "WRONGKEY"
    )
    with pytest.raises(CarrierUnavailable, match="STAT 97"):
        wrong.track(sc.MR_IN_TRANSIT)
    with pytest.raises(CarrierUnavailable, match="STAT 97"):
        wrong.search_relay_points("FR", "75011")


class MovableClock:
    def __init__(self):
        self.now = clock.now()

    def __call__(self):
        return self.now


def test_o7_tracking_service_serves_the_cache_within_its_time(
    simulator_url, laposte, mondial_relay
):
    service = TrackingService(laposte, mondial_relay, cache_seconds=120)
    moving = MovableClock()
    with clock.use_clock(moving):
        first = service.track("colissimo", sc.LP_NEIGHBOUR)
        moving.now += timedelta(seconds=119)
        second = service.track("colissimo", sc.LP_NEIGHBOUR)
        assert request_count(simulator_url, "laposte") == 1
        moving.now += timedelta(seconds=2)
        third = service.track("colissimo", sc.LP_NEIGHBOUR)
    assert (first.source, second.source, third.source) == ("live", "cache", "live")
    assert request_count(simulator_url, "laposte") == 2
    service.track("mondial_relay", sc.MR_IN_TRANSIT)
    assert request_count(simulator_url, "mondialrelay") == 1


def test_o7_tracking_service_falls_back_to_stale_when_the_carrier_is_down(
    simulator_url, laposte, mondial_relay
):
    service = TrackingService(laposte, mondial_relay, cache_seconds=0)
    live = service.track("chronopost", sc.LP_OUT_FOR_DELIVERY)
    arm(simulator_url, "laposte", "503", count=6)
    stale = service.track("chronopost", sc.LP_OUT_FOR_DELIVERY)
    assert (stale.source, stale.status, stale.events) == ("stale", live.status, live.events)
    assert stale.carrier == "chronopost"
    with pytest.raises(CarrierUnavailable):
        service.track("colissimo", sc.LP_PROBLEM)  # never tracked: nothing to fall back on
    with pytest.raises(ValueError):
        service.track("dhl", "123")


def test_o4_relay_search_in_paris_and_brussels_parses_points_and_hours(mondial_relay):
    paris = mondial_relay.search_relay_points("FR", "75011", limit=3)
    assert [p.code for p in paris][0] == "FR-012744"
    assert len(paris) == 3 and all(p.country == "FR" for p in paris)
    assert [p.distance_m for p in paris] == sorted(p.distance_m for p in paris)
    assert paris[0].name == "Cordonnerie Oberkampf" and paris[0].latitude == pytest.approx(48.86573)
    assert paris[0].opening_hours[0] == (("09:00", "12:30"), ("14:00", "19:00"))
    assert paris[0].opening_hours[6] == ()
    brussels = mondial_relay.search_relay_points("be", "1000")
    assert [p.code for p in brussels] == ["BE-008214", "BE-009467"]
    assert brussels[1].distance_m > 3000 and brussels[1].longitude == pytest.approx(4.36004)
    with pytest.raises(ValueError):
        mondial_relay.search_relay_points("DE", "10115")


def test_o6_every_demo_shipment_tracks_to_its_demo_status(session, simulator_url, monkeypatch):
    monkeypatch.setenv(settings.SIMULATOR_URL_ENV, simulator_url)
    monkeypatch.setenv(settings.MONDIAL_RELAY_KEY_ENV, MR_KEY)
    service = default_tracking_service()
    with clock.use_clock(clock.now()):  # the load and the simulator see the same day
        demo.load_demo(session)
        shipments = session.exec(select(Shipment).where(Shipment.tracking_number.is_not(None)))
        shipments = shipments.all()
        relay_codes = {p.id: p.code for p in session.exec(select(RelayPoint)).all()}
        assert len(shipments) >= 18
        for shipment in shipments:
            result = service.track(shipment.carrier, shipment.tracking_number)
            expected = DEMO_STATUS_TO_TRACKING[ShipmentStatus(shipment.status)]
            assert result.status == expected, shipment.tracking_number
            if shipment.delivered_at:
                assert result.delivered_at == clock.as_utc(shipment.delivered_at)
            if shipment.ready_for_pickup_at:
                ready = [e.at for e in result.events if e.status == S.AVAILABLE_FOR_PICKUP]
                assert ready == [clock.as_utc(shipment.ready_for_pickup_at)]
            if shipment.carrier == "mondial_relay" and shipment.ready_for_pickup_at:
                assert result.relay_point_code == relay_codes[shipment.relay_point_id]
            if shipment.returned_to_sender_at:  # O9
                assert result.events[0].at == clock.as_utc(shipment.returned_to_sender_at)
            if shipment.dispatched_at and result.events:
                assert result.events[-1].at < clock.as_utc(shipment.dispatched_at)
    assert {s.status for s in shipments} == set(DEMO_STATUS_TO_TRACKING)


def test_simulator_named_numbers_do_not_collide_with_demo_numbers():
    now = clock.now()
    assert not set(sc.demo_scenarios(now)) & set(sc.named_scenarios(now))


@pytest.mark.parametrize(("carrier", "number"), [("colissimo", "12AB"), ("mondial_relay", "ABC")])
def test_o6_a_number_the_carrier_refuses_is_an_answer_not_an_outage(
    simulator_url, monkeypatch, carrier, number
):
    """Issue 22: a refused number shows the parcel without events, never "not answering"."""
    monkeypatch.setenv(settings.SIMULATOR_URL_ENV, simulator_url)
    monkeypatch.setenv(settings.MONDIAL_RELAY_KEY_ENV, MR_KEY)  # this simulator's key
    result = _track(carrier, number)
    assert (result.status, result.events) == (S.LABEL_CREATED, ())
    assert _carrier_note(number, result, "en") == ""
