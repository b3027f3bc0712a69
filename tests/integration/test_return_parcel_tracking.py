"""R3: prepaid returns followed back with `WSI2_TracingColisDetaille` (real HTTP, real database)."""

import pytest
from carrier_sim import arm
from conftest import NOW
from sqlmodel import select
from test_return_label_booking import client, declare, fresh

from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.tracking import TrackingService
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import ReturnStatus
from alme_portal.refunds.services import staff_console
from alme_portal.refunds.views import build_queue
from alme_portal.returns.models import ReturnBooking, ReturnRequest
from alme_portal.returns.rules.parcel import ParcelStage
from alme_portal.returns.services import booking, parcel_tracking
from alme_portal.returns.services.status import return_view
from alme_portal.returns.views.return_page import build_return_page
from alme_portal.simulator import scenarios as sc


@pytest.fixture(autouse=True)
def _only_the_returns_declared_here(no_demo_returns):
    """These tests follow the returns they declare: the demo's own are set aside."""


def tracking(url):
    laposte = LaPosteClient(f"{url}/laposte/suivi/v2", "K" * 64, sleep=lambda _: None)
    return TrackingService(laposte, client(url), cache_seconds=0)


def on_its_way(session, expedition):
    """A declared prepaid return whose parcel is the simulator's story `expedition`."""
    declare(session)
    request = session.exec(select(ReturnRequest)).one()
    request.parcel_reference = expedition
    session.exec(select(ReturnBooking)).one().status = "ready"
    session.commit()
    return request


def the_return(session):
    fresh(session)
    return session.exec(select(ReturnRequest)).one()


@pytest.mark.parametrize(
    ("expedition", "stage", "status"),
    [
        (sc.MR_RETURN_DROPPED, ParcelStage.DROPPED_OFF, ReturnStatus.DROPPED_OFF),
        (sc.MR_RETURN_ON_ITS_WAY, ParcelStage.ON_ITS_WAY, ReturnStatus.DROPPED_OFF),
        (sc.MR_RETURN_AT_ATELIER, ParcelStage.AT_ATELIER, ReturnStatus.DROPPED_OFF),
        (sc.MR_ANOMALY_NUMBER, ParcelStage.PROBLEM, ReturnStatus.DROPPED_OFF),
    ],
)
def test_r3_the_worker_records_where_each_return_parcel_is(
    demo_session, simulator_url, expedition, stage, status
):
    on_its_way(demo_session, expedition)
    with clock.use_clock(NOW):
        counts = parcel_tracking.follow_returns(tracking(simulator_url))
    assert counts == {"asked": 1, stage: 1}
    request = the_return(demo_session)
    assert (request.parcel_stage, request.status) == (stage, status)
    assert request.parcel_stage_at is not None
    # The Atelier's console says where it is, without asking the carrier.
    [row] = build_queue(staff_console.queue(demo_session, "to_receive"), "en")
    assert row["parcel"].startswith(f"Mondial Relay {expedition} · ")


def test_r3_a_label_just_booked_reads_booked_and_the_return_stays_declared(
    demo_session, simulator_url
):
    number = declare(demo_session)
    with clock.use_clock(NOW):
        assert booking.book(client(simulator_url), number) == "ready"
        assert parcel_tracking.follow_returns(tracking(simulator_url)) == {
            "asked": 1, ParcelStage.BOOKED: 1,
        }  # fmt: skip
    assert the_return(demo_session).status == ReturnStatus.DECLARED


def test_r3_the_status_page_shows_the_parcels_way_in_both_languages(demo_session, simulator_url):
    request = on_its_way(demo_session, sc.MR_RETURN_ON_ITS_WAY)
    with clock.use_clock(NOW):
        progress = parcel_tracking.live_progress(tracking(simulator_url), request)
        english = build_return_page(return_view(demo_session, request, "en", progress=progress),
                                    "en")  # fmt: skip
        french = build_return_page(return_view(demo_session, request, "fr", progress=progress),
                                   "fr")  # fmt: skip
    assert [step["state"] for step in english["parcel_steps"]] == ["done", "done", "done", ""]
    assert english["parcel_steps"][1]["label"] == "Handed in at a relay point"
    assert french["parcel_steps"][3]["label"] == "Livré à notre Atelier"
    assert english["parcel_steps"][1]["date"] == "Monday 23 November"  # NOW less 2 days
    assert english["steps"][1]["state"] == "current"  # dropped off before the Atelier says so


def test_r3_carrier_down_or_an_unknown_number_hides_the_way_and_changes_nothing(
    demo_session, simulator_url
):
    request = on_its_way(demo_session, sc.MR_RETURN_DROPPED)
    arm(simulator_url, "mondialrelay", "503", count=6)  # each read is tried 3 times
    with clock.use_clock(NOW):
        assert parcel_tracking.live_progress(tracking(simulator_url), request) is None
        assert parcel_tracking.follow_returns(tracking(simulator_url))["unanswered"] == 1
    assert the_return(demo_session).status == ReturnStatus.DECLARED
    request.parcel_reference = "12345678"  # the carrier never heard of it: STAT 94 or 99
    demo_session.commit()
    with clock.use_clock(NOW):  # issue 22: not scanned yet, nothing to show (not a failure)
        assert parcel_tracking.live_progress(tracking(simulator_url), request) == {}
    assert the_return(demo_session).status == ReturnStatus.DECLARED


def test_r3_the_console_says_when_a_label_is_not_booked_and_why(demo_session, simulator_url):
    number = declare(demo_session)
    with clock.use_clock(NOW):
        booking.book(client(simulator_url, key="WRONGKEY"), number)
    [row] = build_queue(staff_console.queue(demo_session, "to_receive"), "en")
    assert "1 attempt(s), last answer STAT 97" in row["parcel"]
