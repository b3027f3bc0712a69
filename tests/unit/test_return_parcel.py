"""Rule R3: where a prepaid return's parcel stands, from the carrier's scans."""

from datetime import UTC, datetime, timedelta

from alme_portal.returns.rules.parcel import (
    ParcelStage,
    current_stage,
    parcel_progress,
    scan_stage,
)

T0 = datetime(2026, 11, 30, 9, tzinfo=UTC)
DATA = ("label_created", "RÉCEPTION DES DONNÉES")
DROP = ("in_transit", "PRISE EN CHARGE POINT RELAIS")
HUB = ("in_transit", "PRISE EN CHARGE EN AGENCE")
DELIVERED = ("delivered", "COLIS LIVRÉ")
ANOMALY = ("exception", "ANOMALIE")


def scans(*events):
    return [(T0 + timedelta(hours=10 * index), *event) for index, event in enumerate(events)]


def test_r3_each_scan_means_one_stage():
    assert scan_stage(*DATA) == ParcelStage.BOOKED
    assert scan_stage(*DROP) == ParcelStage.DROPPED_OFF
    assert scan_stage("in_transit", "prise en charge point relais ") == ParcelStage.DROPPED_OFF
    assert scan_stage(*HUB) == ParcelStage.ON_ITS_WAY
    assert scan_stage(*DELIVERED) == ParcelStage.AT_ATELIER
    assert scan_stage(*ANOMALY) == ParcelStage.PROBLEM


def test_r3_the_way_is_dated_by_the_first_scan_of_each_stage():
    progress = parcel_progress(scans(DATA, DROP, HUB, HUB, DELIVERED))
    assert progress == {
        ParcelStage.BOOKED: T0,
        ParcelStage.DROPPED_OFF: T0 + timedelta(hours=10),
        ParcelStage.ON_ITS_WAY: T0 + timedelta(hours=20),
        ParcelStage.AT_ATELIER: T0 + timedelta(hours=40),
    }
    assert current_stage(progress) == ParcelStage.AT_ATELIER


def test_r3_a_later_scan_implies_the_stages_the_carrier_did_not_scan():
    progress = parcel_progress(list(reversed(scans(DATA, HUB))))  # any order, no relay scan
    assert progress[ParcelStage.DROPPED_OFF] == progress[ParcelStage.ON_ITS_WAY]
    assert current_stage(progress) == ParcelStage.ON_ITS_WAY


def test_r3_a_problem_counts_only_while_it_is_the_last_news():
    assert current_stage(parcel_progress(scans(DATA, DROP, ANOMALY))) == ParcelStage.PROBLEM
    resumed = parcel_progress(scans(DATA, DROP, ANOMALY, HUB))
    assert ParcelStage.PROBLEM not in resumed and current_stage(resumed) == ParcelStage.ON_ITS_WAY


def test_r3_no_scan_yet_is_a_booked_label():
    assert parcel_progress([]) == {} and current_stage({}) == ParcelStage.BOOKED
