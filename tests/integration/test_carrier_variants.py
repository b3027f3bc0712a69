"""Issue 22: the carrier clients against the simulator's variants of the real formats, over HTTP.

Each test names the numbered case of the issue it proves, and the rule where one applies.
"""

import httpx
import pytest
from carrier_sim import MR_KEY, OKAPI_KEY, request_count
from sqlmodel import select

from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.statuses import TrackingStatus as S
from alme_portal.adapters.carriers.tracking import TrackingService
from alme_portal.orders.models.catalog import RelayPoint
from alme_portal.platform import clock, settings
from alme_portal.returns.services.relay_points import find_relay_points
from alme_portal.simulator import mondial_relay as mondial_relay_sim
from alme_portal.simulator import relay_network
from alme_portal.simulator import scenarios as sc


@pytest.fixture(autouse=True)
def fresh_simulator(simulator_url):
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()


@pytest.fixture
def service(simulator_url):
    laposte = LaPosteClient(f"{simulator_url}/laposte/suivi/v2", OKAPI_KEY, sleep=lambda _: None)
    relay = MondialRelayClient(f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13",
                               MR_KEY, sleep=lambda _: None)  # fmt: skip
    return TrackingService(laposte, relay, cache_seconds=0)


def test_case_1_la_poste_partner_delivery_scan_is_delivered_at_its_pickup_point(service):
    result = service.track("colissimo", sc.LP_PARTNER_DELIVERED)
    assert (result.status, result.events[0].code) == (S.DELIVERED, "LIVCFM")
    assert result.delivered_at == result.events[0].at
    assert result.relay_point_code == "691230"


def test_o4_la_poste_array_of_one_brings_its_estimated_window(service):
    result = service.track("colissimo", sc.LP_ESTIMATED)
    window = sc.named_scenarios(clock.now())[sc.LP_ESTIMATED].estimate
    assert (result.status, result.source) == (S.IN_TRANSIT, "live")
    assert (result.estimated_from, result.estimated_until) == window
    assert clock.in_paris(window[0]).date() > clock.today()


def test_case_2_an_unknown_mondial_relay_parcel_is_answered_not_a_carrier_down(
    service, simulator_url
):
    result = service.track("mondial_relay", "12345678")  # STAT 99
    assert (result.status, result.events, result.source) == (S.LABEL_CREATED, (), "live")
    assert request_count(simulator_url, "mondialrelay") == 1  # not retried as a failure


@pytest.mark.parametrize("number", [sc.MR_DELIVERED_SPANISH, sc.MR_DELIVERED_ENGLISH])
def test_cases_3_4_delivered_in_spanish_or_english_has_its_delivery_date(
    service, simulator_url, number
):
    result = service.track("mondial_relay", number)
    assert request_count(simulator_url, mondial_relay_sim.GZIPPED) == 1  # as Cloudflare sends it
    story = sc.named_scenarios(clock.now())[number]
    assert (result.status, result.delivered_at) == (S.DELIVERED, story.events[-1].at)
    assert [e.at for e in result.events] == [e.at for e in reversed(story.events)]


def test_r3_case_5_lyon_search_offers_ten_open_points_and_marks_the_lockers(session, service):
    relay = service.mondial_relay
    every = relay.search_relay_points("FR", "69002", limit=30)
    closed = {p.name for p in every if p.closed_on(clock.today())}
    assert closed == {relay_network.LYON_CLOSED_SHOP, relay_network.LYON_CLOSED_LOCKER}
    found = find_relay_points(session, relay, country="FR", postcode="69002")
    assert len(found) == settings.RELAY_SEARCH_RESULTS < len(every)
    assert not closed & {p["name"] for p in found}
    nearest_open = [p.code for p in every if p.name not in closed][: len(found)]
    assert [p["code"] for p in found] == nearest_open
    lockers = {p.code for p in every if p.locker}
    assert {p["code"] for p in found if p["locker"]} == lockers & set(nearest_open)
    assert any(p["locker"] for p in found) and not all(p["locker"] for p in found)
    names = {p["name"] for p in found}
    assert relay_network.LYON_LONGEST_NAME in names  # 31 characters, whole
    stored = session.exec(select(RelayPoint.code)).all()
    assert {p["code"] for p in found} <= set(stored)
