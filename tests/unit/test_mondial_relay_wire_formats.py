"""Issue 22: the Mondial Relay client on answers shaped like the real API's (SOAP fixtures).

Each test names the numbered case of the issue it proves.
"""

import gzip
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from alme_portal.adapters.carriers.mondial_relay import (
    NAMESPACE,
    MondialRelayClient,
    parse_paris_time,
    parse_tracing,
)
from alme_portal.adapters.carriers.statuses import TrackingStatus as S

FIXTURES = Path(__file__).parents[1] / "fixtures" / "carriers"


def _xml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _result(body: bytes, method: str) -> ET.Element:
    return ET.fromstring(body).find(f".//{{{NAMESPACE}}}{method}Result")


def _tracing(name: str):
    return parse_tracing(_result(_xml(name), "WSI2_TracingColisDetaille"), "50554860")


def _carrier(answer: bytes, requests: list, encoding: str | None = None) -> httpx.Client:
    """An httpx client whose every request gets `answer` (gzip-encoded when asked)."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        headers = {"Content-Type": "text/xml; charset=utf-8"}
        if encoding == "gzip":
            return httpx.Response(200, content=gzip.compress(answer),
                                  headers=headers | {"Content-Encoding": "gzip"})  # fmt: skip
        return httpx.Response(200, content=answer, headers=headers)

    return httpx.Client(transport=httpx.MockTransport(handle))


def test_case_2_mondial_relay_stat_99_is_a_parcel_not_known_yet_not_a_carrier_down():
    requests = []
    client = MondialRelayClient("https://api.mondialrelay.com/Web_Services.asmx", "BDTEST13",
                                "PRIVATEK", _carrier(_xml("mondial_relay_tracing_stat99.xml"),
                                                     requests))  # fmt: skip
    result = client.track("12345678")
    assert (result.status, result.events, result.delivered_at) == (S.LABEL_CREATED, (), None)
    assert len(requests) == 1  # an answer, not a failure to retry
    no_longer = _xml("mondial_relay_tracing_stat99.xml").replace(b">99<", b">94<")
    assert parse_tracing(_result(no_longer, "WSI2_TracingColisDetaille"), "1").events == ()


@pytest.mark.parametrize(
    ("fixture", "delivered", "first"),
    [
        ("mondial_relay_tracing_delivered_es.xml", datetime(2026, 7, 20, 15, 4, tzinfo=UTC),
         datetime(2026, 7, 15, 16, 40, tzinfo=UTC)),
        ("mondial_relay_tracing_delivered_en.xml", datetime(2026, 7, 20, 15, 4, tzinfo=UTC),
         datetime(2026, 7, 15, 16, 40, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_case_3_a_delivered_parcel_in_unknown_wordings_gets_its_delivery_date(
    fixture, delivered, first
):
    result = _tracing(fixture)
    assert (result.status, result.delivered_at) == (S.DELIVERED, delivered)
    assert result.events[-1].at == first  # the 15 entries' padding is dropped
    assert result.relay_point_code == "FR-044105"


def test_case_3_the_headline_libelle01_is_not_an_event():
    result = _tracing("mondial_relay_tracing_delivered_es.xml")
    assert [e.label for e in result.events][0] == "PAQUETE ENTREGADO"
    assert len(result.events) == 5


def test_case_4_dates_with_a_four_digit_year():
    assert parse_paris_time("20/07/2026", "17:04") == datetime(2026, 7, 20, 15, 4, tzinfo=UTC)
    assert parse_paris_time("20/07/26", "17:04") == datetime(2026, 7, 20, 15, 4, tzinfo=UTC)
    assert len(_tracing("mondial_relay_tracing_delivered_es.xml").events) == 5
