"""Issue 22: the La Poste client on answers shaped like the real API's (tests/fixtures/carriers).

Each test names the numbered case of the issue it proves, and the rule where one applies.
"""

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import httpx

from alme_portal.adapters.carriers.laposte import LaPosteClient, result_from_envelope
from alme_portal.adapters.carriers.statuses import TrackingStatus as S

FIXTURES = Path(__file__).parents[1] / "fixtures" / "carriers"


def _json(name: str):
    return json.loads((FIXTURES / name).read_text())


def test_case_1_la_poste_event_without_code_is_read_and_the_parcel_delivered_at_its_point():
    result = result_from_envelope(
        _json("laposte_partner_delivered.json"), "6A25118741263", "colissimo"
    )
    assert (result.status, result.events[0].code) == (S.DELIVERED, "LIVCFM")
    assert result.events[0].status == S.DELIVERED  # LIVCFM means DI1
    assert [e.code for e in result.events[1:]] == ["AG1", "ET1", "PC1", "DR1"]
    assert result.delivered_at == datetime(2026, 7, 20, 14, 41, tzinfo=UTC)
    assert result.relay_point_code == "691230"  # idPoint


def test_case_1_is_final_decides_the_status_whatever_the_newest_code():
    envelope = _json("laposte_partner_delivered.json")
    envelope["shipment"]["event"][0]["status"] = "XXXCFM"  # a partner code nobody maps
    final = result_from_envelope(envelope, "6A25118741263", "colissimo")
    assert (final.status, final.events[0].status) == (S.DELIVERED, S.AVAILABLE_FOR_PICKUP)
    assert final.delivered_at == datetime(2026, 7, 20, 14, 41, tzinfo=UTC)  # deliveryDate
    envelope["shipment"]["isFinal"] = False
    del envelope["shipment"]["deliveryDate"]
    waiting = result_from_envelope(envelope, "6A25118741263", "colissimo")
    assert (waiting.status, waiting.delivered_at) == (S.AVAILABLE_FOR_PICKUP, None)


def test_case_1_a_final_parcel_back_at_its_sender_stays_returned():
    envelope = _json("laposte_partner_delivered.json")
    shipment = envelope["shipment"]
    del shipment["deliveryDate"]
    shipment["event"][0] = {"order": 100, "code": "DI2", "date": "2026-07-28T10:00:00+02:00",
                            "label": "Votre colis a été livré à l'expéditeur."}  # fmt: skip
    result = result_from_envelope(envelope, "6A25118741263", "colissimo")
    assert (result.status, result.delivered_at) == (S.RETURNED_TO_SENDER, None)


def test_o4_la_poste_array_of_one_with_its_estimated_window_through_the_client():
    requests = []
    body = json.dumps(_json("laposte_array_of_one_estimated.json")).encode()

    def handle(request):
        requests.append(request)
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    client = LaPosteClient("https://api.laposte.fr/suivi/v2", "K" * 64,
                           httpx.Client(transport=httpx.MockTransport(handle)))  # fmt: skip
    result = client.track("6A25118741270")
    assert requests[0].url.path == "/suivi/v2/idships/6A25118741270"
    assert (result.status, [e.code for e in result.events]) == (S.IN_TRANSIT, ["ET1", "PC1", "DR1"])
    assert (result.estimated_from, result.estimated_until) == (
        datetime(2026, 7, 20, 7, 0, tzinfo=UTC),  # 09:00 in Paris
        datetime(2026, 7, 20, 11, 0, tzinfo=UTC),
    )


def test_o4_la_poste_estimate_without_hours_is_a_day_and_an_unreadable_one_is_dropped():
    envelope = _json("laposte_array_of_one_estimated.json")[0]
    day_only = copy.deepcopy(envelope)
    del day_only["shipment"]["estimHourMin"], day_only["shipment"]["estimHourMax"]
    result = result_from_envelope(day_only, "6A25118741270", "colissimo")
    assert (result.estimated_from, result.estimated_until) == (
        datetime(2026, 7, 19, 22, 0, tzinfo=UTC),  # midnight in Paris
        None,
    )
    envelope["shipment"]["estimHourMin"] = "entre 9h et 13h"
    unreadable = result_from_envelope(envelope, "6A25118741270", "colissimo")
    assert (unreadable.estimated_from, unreadable.status) == (None, S.IN_TRANSIT)
