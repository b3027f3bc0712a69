"""The carrier simulator's wire formats and control endpoints (reference §5)."""

import hashlib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import httpx
import pytest
from carrier_sim import serve

from alme_portal.adapters.carriers.mondial_relay import NAMESPACE, security_hash, soap_envelope
from alme_portal.simulator import create_simulator_app
from alme_portal.simulator import scenarios as sc

NOW = datetime(2026, 3, 18, 15, 0, tzinfo=UTC)
KEY = "PRIVATEK"
SOAP_ACTION = '"http://www.mondialrelay.fr/webservice/WSI2_TracingColisDetaille"'


@pytest.fixture(scope="module")
def client():
    app = create_simulator_app(now=lambda: NOW, mondial_relay_key=KEY)
    with serve(app) as url, httpx.Client(base_url=url) as client:
        yield client


@pytest.fixture(autouse=True)
def fresh(client):
    client.post("/_control/reset").raise_for_status()


def _laposte(client, ids, key="S" * 64):
    headers = {"Accept": "application/json"} | ({"X-Okapi-Key": key} if key else {})
    return client.get(f"/laposte/suivi/v2/idships/{ids}?lang=fr_FR", headers=headers)


def _tracing(client, number, key=KEY, action=SOAP_ACTION):
    fields = {"Enseigne": "BDTEST13", "Expedition": number, "Langue": "FR"}
    fields["Security"] = security_hash(fields.values(), key)
    body = soap_envelope("WSI2_TracingColisDetaille", fields)
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": action}
    return client.post("/mondialrelay/Web_Services.asmx", content=body, headers=headers)


def test_laposte_key_is_required_with_the_gateway_body(client):
    for key in (None, "short"):
        answer = _laposte(client, sc.LP_NEIGHBOUR, key)
        assert answer.status_code == 401
        assert answer.json()["code"] == "UNAUTHORIZED"


def test_laposte_single_id_is_a_bare_object_with_newest_event_first(client):
    answer = _laposte(client, sc.LP_NEIGHBOUR)
    assert answer.status_code == 200
    shipment = answer.json()["shipment"]
    assert shipment["isFinal"] is True and shipment["deliveryDate"].endswith("+01:00")
    assert [e["code"] for e in shipment["event"]] == ["DI1", "MD2", "ET1", "PC1", "DR1"]
    assert len(shipment["timeline"]) == 5


def test_laposte_malformed_and_unknown_ids(client):
    bad = _laposte(client, "12-34")
    assert (bad.status_code, bad.json()["returnCode"]) == (400, 400)
    unknown = _laposte(client, "6A12345678901")
    assert (unknown.status_code, unknown.json()["returnCode"]) == (404, 104)
    assert _laposte(client, ",".join([sc.LP_NEIGHBOUR] * 11)).status_code == 400


def test_mondial_relay_tracing_is_padded_namespaced_and_dated_dd_mm_yy(client):
    answer = _tracing(client, sc.MR_IN_TRANSIT)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/xml")
    result = ET.fromstring(answer.content).find(
        f".//{{{NAMESPACE}}}WSI2_TracingColisDetailleResult"
    )
    assert result.findtext(f"{{{NAMESPACE}}}STAT") == "81"
    entries = result.findall(
        f"{{{NAMESPACE}}}Tracing/{{{NAMESPACE}}}ret_WSI2_sub_TracingColisDetaille"
    )
    assert len(entries) == 10
    dates = [e.findtext(f"{{{NAMESPACE}}}Date") for e in entries]
    assert dates[:2] == ["15/03/26", "15/03/26"] and dates[2:] == [""] * 8


def test_mondial_relay_wrong_hash_is_stat_97_and_unknown_action_a_soap_fault(client):
    assert b"<STAT>97</STAT>" in _tracing(client, sc.MR_IN_TRANSIT, key="OTHERKEY").content
    fault = _tracing(client, sc.MR_IN_TRANSIT, action='"http://www.mondialrelay.fr/webservice/X"')
    assert fault.status_code == 500 and b"soap:Fault" in fault.content


def test_hash_matches_the_worked_example():
    text = "BDTEST13" + "50554860" + "FR" + "SECRETKY"
    assert hashlib.md5(text.encode()).hexdigest().upper() == "E9C3E92606289B1E996CA3E55D85E6E8"


def test_faults_belong_to_one_app_instance(client):
    client.post("/_control/faults", json={"route": "laposte", "kind": "503", "count": 2})
    assert _laposte(client, sc.LP_NEIGHBOUR).status_code == 503
    with serve(create_simulator_app(now=lambda: NOW)) as url, httpx.Client(base_url=url) as other:
        assert _laposte(other, sc.LP_NEIGHBOUR).status_code == 200
    assert _laposte(client, sc.LP_NEIGHBOUR).status_code == 503
    assert _laposte(client, sc.LP_NEIGHBOUR).status_code == 200
    counts = client.get("/_control/requests").json()
    assert counts == {"laposte": 3} | {route: 0 for route in counts if route != "laposte"}
    client.post("/_control/reset")
    assert set(client.get("/_control/requests").json().values()) == {0}


def test_fault_control_rejects_unknown_routes_and_kinds(client):
    assert client.post("/_control/faults", json={"route": "dhl", "kind": "503"}).status_code == 400
    assert (
        client.post("/_control/faults", json={"route": "laposte", "kind": "x"}).status_code == 400
    )
    assert client.post("/_control/faults", content=b"not json").status_code == 400
