"""Issue 20.2: with several workers the tracking cache lives in Redis, not in each worker.

Two tracking services stand for two workers (each its own carrier clients, as each process
has); the carrier is the simulator over real HTTP, Redis a real server on loopback.
"""

import json
from datetime import timedelta

import httpx
import pytest
from carrier_sim import MR_KEY, OKAPI_KEY, arm, request_count
from test_carriers import MovableClock

from alme_portal.adapters.carriers.http import CarrierUnavailable
from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.statuses import TrackingResult
from alme_portal.adapters.carriers.statuses import TrackingStatus as S
from alme_portal.adapters.carriers.tracking import TrackingService, default_tracking_service
from alme_portal.adapters.carriers.tracking_cache import (
    MemoryTrackingCache,
    RedisTrackingCache,
    result_from_json,
    result_to_json,
)
from alme_portal.platform import clock, settings
from alme_portal.simulator import scenarios as sc


@pytest.fixture(autouse=True)
def fresh_simulator(simulator_url):
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()


def worker(simulator_url, cache, cache_seconds=120) -> TrackingService:
    laposte = LaPosteClient(f"{simulator_url}/laposte/suivi/v2", OKAPI_KEY, sleep=lambda _: None)
    relay = MondialRelayClient(f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13",
                               MR_KEY, sleep=lambda _: None)  # fmt: skip
    return TrackingService(laposte, relay, cache_seconds=cache_seconds, cache=cache)


def test_a_fresh_answer_fetched_by_one_worker_serves_the_other(simulator_url, redis_url):
    first, second = (worker(simulator_url, RedisTrackingCache(redis_url)) for _ in range(2))
    moving = MovableClock()
    with clock.use_clock(moving):
        live = first.track("colissimo", sc.LP_NEIGHBOUR)
        moving.now += timedelta(seconds=60)
        cached = second.track("colissimo", sc.LP_NEIGHBOUR)
    assert (live.source, cached.source) == ("live", "cache")
    assert cached.events == live.events and cached.delivered_at == live.delivered_at
    assert request_count(simulator_url, "laposte") == 1  # one carrier call for both workers


def test_carrier_down_every_worker_shows_the_last_known_events(simulator_url, redis_url):
    """Per-worker memory alternated between 5 events and "The carrier is not answering"."""
    first, second = (worker(simulator_url, RedisTrackingCache(redis_url), 0) for _ in range(2))
    live = first.track("mondial_relay", sc.MR_IN_TRANSIT)
    arm(simulator_url, "mondialrelay", "503", count=12)
    stale = [w.track("mondial_relay", sc.MR_IN_TRANSIT) for w in (second, first, second)]
    assert {(s.source, s.status, s.events) for s in stale} == {("stale", live.status, live.events)}


def test_in_memory_each_worker_has_its_own_cache(simulator_url):
    """The single-process default: what the Redis cache fixes when there are several workers."""
    first, second = (worker(simulator_url, MemoryTrackingCache(), 0) for _ in range(2))
    first.track("colissimo", sc.LP_OUT_FOR_DELIVERY)
    arm(simulator_url, "laposte", "503", count=6)
    with pytest.raises(CarrierUnavailable):
        second.track("colissimo", sc.LP_OUT_FOR_DELIVERY)


def test_a_result_survives_the_round_trip_through_json(simulator_url):
    result = worker(simulator_url, MemoryTrackingCache()).track("colissimo", sc.LP_NEIGHBOUR)
    assert result.delivered_at is not None
    assert result_from_json(result_to_json(result)) == result
    estimated = worker(simulator_url, MemoryTrackingCache()).track("colissimo", sc.LP_ESTIMATED)
    assert estimated.estimated_until is not None  # issue 22: La Poste's window (O4)
    assert result_from_json(result_to_json(estimated)) == estimated


def test_an_answer_cached_before_the_estimate_existed_still_reads():
    """Issue 22: Redis keeps answers 30 days; those written before carry no estimate."""
    old = json.loads(result_to_json(TrackingResult(
        "colissimo", "6A00000000027", S.IN_TRANSIT, (), None, None, clock.now())))  # fmt: skip
    del old["estimated_from"], old["estimated_until"]
    read = result_from_json(json.dumps(old))
    assert (read.status, read.estimated_from, read.estimated_until) == (S.IN_TRANSIT, None, None)


def test_the_configured_service_uses_redis_when_the_deployment_has_one(monkeypatch, redis_url):
    monkeypatch.setenv(settings.REDIS_URL_ENV, redis_url)
    assert isinstance(default_tracking_service().cache, RedisTrackingCache)
    monkeypatch.delenv(settings.REDIS_URL_ENV)
    monkeypatch.delenv("REFLEX_REDIS_URL", raising=False)
    assert isinstance(default_tracking_service().cache, MemoryTrackingCache)
