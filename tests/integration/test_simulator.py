"""The carrier simulator's wire formats and control endpoints (reference §5)."""

import hashlib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import httpx
import pytest
from carrier_sim import serve

from alme_portal.adapters.carriers.mondial_relay import (
    NAMESPACE,
    SEARCH_FIELDS,
    security_hash,
    soap_envelope,
)
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
    assert len(entries) == 15  # issue 22: as real answers pad them
    dates = [e.findtext(f"{{{NAMESPACE}}}Date") for e in entries]
    assert dates[:2] == ["15/03/26", "15/03/26"] and dates[2:] == [""] * 13


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


# Issue 22: the variants of the real formats, each chosen by its scenario.


def _search(client, postcode, results="10", headers=None):
    fields = dict.fromkeys(SEARCH_FIELDS, "") | {
        "Enseigne": "BDTEST13", "Pays": "FR", "CP": postcode, "RayonRecherche": "20",
        "NombreResultats": results,
    }  # fmt: skip
    fields["Security"] = security_hash((fields[name] for name in SEARCH_FIELDS), KEY)
    action = '"http://www.mondialrelay.fr/webservice/WSI4_PointRelais_Recherche"'
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": action} | (headers or {})
    answer = client.post("/mondialrelay/Web_Services.asmx",
                         content=soap_envelope("WSI4_PointRelais_Recherche", fields),
                         headers=headers)  # fmt: skip
    return answer, ET.fromstring(answer.content).findall(f".//{{{NAMESPACE}}}PointRelais_Details")


def _text(element, name):
    return element.findtext(f"{{{NAMESPACE}}}{name}")


def test_laposte_timeline_labels_reached_steps_and_leaves_the_others_blank(client):
    timeline = _laposte(client, sc.LP_OUT_FOR_DELIVERY).json()["shipment"]["timeline"]
    assert [bool(step["shortLabel"]) for step in timeline] == [True] * 4 + [False]
    assert [step["status"] for step in timeline] == [True] * 4 + [False]


def test_laposte_partner_scan_has_a_status_and_no_code_and_its_point_an_id(client):
    shipment = _laposte(client, sc.LP_PARTNER_DELIVERED).json()["shipment"]
    newest = shipment["event"][0]
    assert (newest["status"], "code" in newest, "order" in newest) == ("LIVCFM", False, False)
    assert all("code" in event and "order" in event for event in shipment["event"][1:])
    assert shipment["isFinal"] is True and shipment["deliveryDate"] == newest["date"]
    assert shipment["contextData"]["removalPoint"]["idPoint"] == "691230"


def test_laposte_array_of_one_with_an_estimated_window(client):
    answer = _laposte(client, sc.LP_ESTIMATED)
    assert answer.status_code == 200 and isinstance(answer.json(), list)
    (envelope,) = answer.json()
    shipment = envelope["shipment"]
    assert shipment["estimDate"].endswith("T00:00:00+01:00")
    assert shipment["estimHourMin"].endswith("T09:00:00+01:00")
    assert shipment["estimHourMax"].endswith("T13:00:00+01:00")
    assert isinstance(_laposte(client, sc.LP_NEIGHBOUR).json(), dict)  # the others: bare


def test_mondial_relay_unknown_parcel_is_stat_99_as_in_production(client):
    assert b"<STAT>99</STAT>" in _tracing(client, "12345678").content


def test_mondial_relay_spanish_wordings_four_digit_years_and_a_headline_of_its_own(client):
    answer = _tracing(client, sc.MR_DELIVERED_SPANISH)
    result = ET.fromstring(answer.content).find(
        f".//{{{NAMESPACE}}}WSI2_TracingColisDetailleResult"
    )
    entries = result.findall(f"{{{NAMESPACE}}}Tracing/{{{NAMESPACE}}}*")
    labels = [_text(entry, "Libelle") for entry in entries if _text(entry, "Libelle")]
    assert labels[0] == "RECEPCIÓN DE DATOS" and labels[-1] == "PAQUETE ENTREGADO"
    assert _text(entries[0], "Date") == "15/03/2026"
    assert _text(result, "Libelle01") == "COLIS LIVRÉ"
    english = _tracing(client, sc.MR_DELIVERED_ENGLISH).content.decode()
    assert "<Libelle>Data reception</Libelle>" in english and "/03/26<" in english


def test_mondial_relay_headline_is_not_the_newest_wording(client):
    result = ET.fromstring(_tracing(client, sc.MR_OUT_FOR_DELIVERY).content)
    entries = result.findall(f".//{{{NAMESPACE}}}ret_WSI2_sub_TracingColisDetaille")
    newest = [_text(entry, "Libelle") for entry in entries if _text(entry, "Libelle")][-1]
    assert (newest, result.findtext(f".//{{{NAMESPACE}}}Libelle01")) == (
        "COLIS REMIS AU LIVREUR",
        "COLIS PRIS EN CHARGE",
    )


def test_mondial_relay_answers_are_gzipped_for_clients_that_accept_it(client):
    zipped, _ = _search(client, "75011", headers={"Accept-Encoding": "gzip"})
    plain, _ = _search(client, "75011", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.content == plain.content  # httpx undid the gzip


def test_relay_search_around_lyon_answers_like_the_real_one(client):
    _, points = _search(client, "69002", results="10")
    assert len(points) == 18  # more than asked, as the real answer
    assert sum(_text(p, "Information") == "LOCKER" for p in points) == 12
    closures = {
        _text(p, "LgAdr1").strip(): [
            (_text(period, "Debut"), _text(period, "Fin"))
            for period in p.iterfind(f"{{{NAMESPACE}}}Informations_Dispo/{{{NAMESPACE}}}Periode")
        ]
        for p in points
    }
    assert closures["Boulangerie des Célestins"] == [("2026-03-15T00:00:00", "2026-03-28T00:00:00")]
    assert closures["Carrefour City Bellecour"] == [("2026-03-18T00:00:00", "2026-03-19T00:00:00")]
    assert sum(bool(periods) for periods in closures.values()) == 3
    assert {len(_text(p, "LgAdr1")) for p in points} == {31}
    hours = {_text(p, "LgAdr1").strip(): p.find(f"{{{NAMESPACE}}}Horaires_Lundi") for p in points}
    assert [s.text for s in hours["Fleuriste Saint-Jean"]] == ["1400", "1900", "0000", "0000"]
    _, paris = _search(client, "75011", results="3")
    assert len(paris) == 3  # elsewhere it answers what it is asked for
