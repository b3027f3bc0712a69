"""Rule R3: the relay-point finder over real HTTP against the Mondial Relay simulator."""

import httpx
import pytest
from carrier_sim import MR_KEY, arm
from sqlmodel import select

from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.orders.models.catalog import RelayPoint
from alme_portal.platform import settings
from alme_portal.returns.services.relay_points import find_relay_points


@pytest.fixture
def client(simulator_url):
    return MondialRelayClient(
        f"{simulator_url}/mondialrelay/Web_Services.asmx", "BDTEST13", MR_KEY,
        sleep=lambda seconds: None,
    )  # fmt: skip


def test_r3_finder_lists_nearest_points_and_remembers_them(session, client):
    found = find_relay_points(session, client, country="FR", postcode="75011")
    assert found and found[0]["code"].startswith("FR-")
    assert found[0]["address"].endswith("Paris") or "750" in found[0]["address"]
    stored = session.exec(select(RelayPoint.code)).all()
    assert {point["code"] for point in found} <= set(stored)
    again = find_relay_points(session, client, country="FR", postcode="75011")
    assert [p["code"] for p in again] == [p["code"] for p in found]
    assert len(session.exec(select(RelayPoint.code)).all()) == len(stored)


def test_r3_a_point_the_carrier_renamed_is_updated(session, client):
    first = find_relay_points(session, client, country="FR", postcode="75011")[0]
    stored = session.exec(select(RelayPoint).where(RelayPoint.code == first["code"])).one()
    stored.name = "Old name"
    session.flush()
    assert find_relay_points(session, client, country="FR", postcode="75011")[0] == first
    session.refresh(stored)
    assert stored.name == first["name"]


def test_r3_finder_serves_belgium(session, client):
    found = find_relay_points(session, client, country="BE", postcode="1050")
    assert found and all(point["code"].startswith("BE-") for point in found)


@pytest.mark.parametrize(
    ("country", "postcode", "key"),
    [("DE", "10115", "relay.invalid.country"), ("FR", "7501", "relay.invalid.postcode"),
     ("BE", "75011", "relay.invalid.postcode"), ("FR", None, "relay.invalid.postcode"),
     (["FR"], "75011", "relay.invalid.country")],
)  # fmt: skip
def test_finder_refuses_bad_input(session, client, country, postcode, key):
    assert find_relay_points(session, client, country=country, postcode=postcode) == key


def test_finder_says_when_the_carrier_is_down(session, client, simulator_url):
    arm(simulator_url, "mondialrelay", "503", count=10)
    assert find_relay_points(session, client, country="FR", postcode="75011") == (
        "relay.unavailable"
    )


def test_r3_only_points_near_her_postcode_are_offered(session, client, simulator_url):
    """Issue 19.10: points in Lille and Lyon, 203-393 km from Paris 11e, were offered."""
    httpx.post(f"{simulator_url}/_control/reset").raise_for_status()
    found = find_relay_points(session, client, country="FR", postcode="75011")
    assert all(int(p["distance_m"]) <= settings.RELAY_SEARCH_RADIUS_KM * 1000 for p in found)
    assert all(p["address"].split(", ")[-1].startswith("750") for p in found)
    assert find_relay_points(session, client, country="FR", postcode="13001") == "relay.none_near"


def test_distances_are_written_as_each_language_writes_them():
    from alme_portal.returns.views.return_wizard import format_distance

    assert (format_distance(3249, "en"), format_distance(3249, "fr")) == ("3.2 km", "3,2 km")
    assert format_distance(850, "fr") == "850 m"
