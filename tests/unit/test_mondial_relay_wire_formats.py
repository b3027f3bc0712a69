"""Issue 22: the Mondial Relay client on answers shaped like the real API's (SOAP fixtures).

Each test names the numbered case of the issue it proves.
"""

import gzip
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from alme_portal.adapters.carriers.mondial_relay import (
    NAMESPACE,
    MondialRelayClient,
    parse_paris_time,
    parse_relay_points,
    parse_tracing,
)
from alme_portal.adapters.carriers.statuses import TrackingStatus as S
from alme_portal.platform import settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "carriers"


def _xml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _result(body: bytes, method: str) -> ET.Element:
    return ET.fromstring(body).find(f".//{{{NAMESPACE}}}{method}Result")


def _tracing(name: str):
    return parse_tracing(_result(_xml(name), "WSI2_TracingColisDetaille"), "50554860")


def _client(answer: bytes, requests: list, encoding: str | None = None) -> MondialRelayClient:
    """A client whose every request (kept in `requests`) gets `answer`, gzipped when asked."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        headers = {"Content-Type": "text/xml; charset=utf-8"}
        if encoding == "gzip":
            return httpx.Response(200, content=gzip.compress(answer),
                                  headers=headers | {"Content-Encoding": "gzip"})  # fmt: skip
        return httpx.Response(200, content=answer, headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(handle))
    return MondialRelayClient(
        "https://api.mondialrelay.com/Web_Services.asmx", "BDTEST13", "PRIVATEK", http
    )


def test_case_2_mondial_relay_stat_99_is_a_parcel_not_known_yet_not_a_carrier_down():
    requests = []
    result = _client(_xml("mondial_relay_tracing_stat99.xml"), requests).track("12345678")
    assert (result.status, result.events, result.delivered_at) == (S.LABEL_CREATED, (), None)
    assert len(requests) == 1  # an answer, not a failure to retry
    documented = _xml("mondial_relay_tracing_stat99.xml").replace(b">99<", b">94<")
    assert parse_tracing(_result(documented, "WSI2_TracingColisDetaille"), "1").events == ()


@pytest.mark.parametrize(
    "fixture", ["mondial_relay_tracing_delivered_es.xml", "mondial_relay_tracing_delivered_en.xml"]
)
def test_case_3_a_delivered_parcel_in_unknown_wordings_gets_its_delivery_date(fixture):
    result = _tracing(fixture)
    assert result.status == S.DELIVERED
    assert result.delivered_at == datetime(2026, 7, 20, 15, 4, tzinfo=UTC)  # 17:04 in Paris
    assert result.events[-1].at == datetime(2026, 7, 15, 16, 40, tzinfo=UTC)  # padding dropped
    assert result.relay_point_code == "FR-044105"


def test_case_3_the_headline_libelle01_is_not_an_event():
    result = _tracing("mondial_relay_tracing_delivered_es.xml")
    assert [e.label for e in result.events][0] == "PAQUETE ENTREGADO"
    assert len(result.events) == 5


def test_case_4_dates_with_a_four_digit_year():
    assert parse_paris_time("20/07/2026", "17:04") == datetime(2026, 7, 20, 15, 4, tzinfo=UTC)
    assert parse_paris_time("20/07/26", "17:04") == datetime(2026, 7, 20, 15, 4, tzinfo=UTC)
    assert len(_tracing("mondial_relay_tracing_delivered_es.xml").events) == 5


LYON = "mondial_relay_search_lyon.xml"


def test_case_5_the_real_lyon_answer_is_read_whole_lockers_closures_and_hours():
    points = parse_relay_points(_result(_xml(LYON), "WSI4_PointRelais_Recherche"))
    assert len(points) == 18
    lockers = [p for p in points if p.locker]
    assert len(lockers) == 12
    assert all(p.opening_hours == ((("00:01", "23:59"),),) * 7 for p in lockers)
    by_name = {p.name: p for p in points}
    assert "LOCKER 24/7 INTERMARCHE EXPRESS" in by_name  # 31 characters, none lost
    florist = by_name["FLEURISTE SAINT JEAN"]
    assert florist.opening_hours[0] == (("14:00", "19:00"),)
    assert florist.opening_hours[1] == (("08:30", "12:30"), ("14:30", "19:00"))
    assert florist.closures == ((date(2026, 8, 3), date(2026, 8, 23)),)
    bakery = by_name["BOULANGERIE DES CELESTINS"]
    assert bakery.closed_on(date(2026, 7, 13)) and bakery.closed_on(date(2026, 8, 16))
    assert not bakery.closed_on(date(2026, 8, 17)) and not bakery.closed_on(date(2026, 7, 12))


def test_case_5_search_asks_for_10_and_offers_10_open_points_from_a_gzipped_answer():
    requests = []
    client = _client(_xml(LYON), requests, "gzip")
    points = client.search_relay_points("FR", "69002", open_on=date(2026, 7, 20))
    assert b"<NombreResultats>10</NombreResultats>" in requests[0].content
    assert len(points) == settings.RELAY_SEARCH_RESULTS == 10
    names = [p.name for p in points]
    assert "BOULANGERIE DES CELESTINS" not in names  # on holiday
    assert "LOCKER 24/7 CARREFOUR CITY" not in names  # out of order that day
    assert "FLEURISTE SAINT JEAN" in names  # its holidays come later
    assert [p.distance_m for p in points] == sorted(p.distance_m for p in points)
    assert sum(p.locker for p in points) == 6
    every = client.search_relay_points("FR", "69002")
    assert len(every) == 10 and "BOULANGERIE DES CELESTINS" in [p.name for p in every]
