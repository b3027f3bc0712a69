"""The order page's words when the carrier answers late or not at all (issue 3, item 3)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from conftest import NOW, order_id

from alme_portal.adapters.carriers.statuses import TrackingEvent, TrackingResult, TrackingStatus
from alme_portal.orders.services.lookup import order_view
from alme_portal.orders.views import build_order_page
from alme_portal.platform import clock


def page_for(session, number, answer, language="en"):
    with clock.use_clock(NOW):
        order = order_view(session, order_id(session, number), language)
        tracking = {shipment["id"]: answer(shipment) for shipment in order["shipments"]}
        return build_order_page(order, tracking, language)


def known(shipment, source):
    event = TrackingEvent(
        NOW - timedelta(hours=5), TrackingStatus.IN_TRANSIT, "PC1", "Pris en charge"
    )
    return TrackingResult(
        "colissimo", shipment["tracking_number"], TrackingStatus.IN_TRANSIT, (event,), None, None,
        NOW - timedelta(hours=1), source,
    )  # fmt: skip


def test_carrier_down_with_last_known_events_says_so(demo_session):
    page = page_for(demo_session, "AL100103", lambda shipment: known(shipment, "stale"))
    parcel = page["parcels"][0]
    assert "last known events" in parcel["carrier_note"]
    assert [event["label"] for event in parcel["events"]] == [
        "Your parcel has been taken in charge by La Poste."
    ]  # issue 19.21: said in English on an English page (La Poste's code PC1)
    french = page_for(demo_session, "AL100103", lambda shipment: known(shipment, "stale"), "fr")
    assert [event["label"] for event in french["parcels"][0]["events"]] == ["Pris en charge"]


def test_carrier_down_never_tracked_says_tracking_is_unavailable(demo_session):
    page = page_for(demo_session, "AL100103", lambda shipment: None, language="fr")
    parcel = page["parcels"][0]
    assert parcel["carrier_note"].startswith("Le transporteur ne répond pas")
    assert parcel["events"] == []
    assert parcel["headline"]  # the promised window (O4) still shows from our own data


def test_live_answer_has_no_carrier_note(demo_session):
    page = page_for(demo_session, "AL100103", lambda shipment: known(shipment, "live"))
    assert page["parcels"][0]["carrier_note"] == ""


def test_parcel_not_dispatched_has_no_carrier_note(demo_session):
    page = page_for(demo_session, "AL100105", lambda shipment: None)
    assert page["parcels"][0]["carrier_note"] == ""


def test_o3_an_in_stock_parcel_planned_for_monday_is_not_called_a_pre_order(demo_session):
    """Issue 19.1: AL100105, in stock, placed late on a Friday, ships on Monday."""
    from sqlmodel import select

    from alme_portal.orders.models.orders import Shipment

    shipment = demo_session.exec(
        select(Shipment).where(Shipment.order_id == order_id(demo_session, "AL100105"))
    ).one()
    shipment.planned_ship_date = clock.in_paris(NOW).date() + timedelta(days=5)
    demo_session.commit()
    [parcel] = page_for(demo_session, "AL100105", lambda shipment: None)["parcels"]
    assert parcel["headline"].startswith("Ships on") and "pre-order" not in parcel["headline"]
    [first, later] = page_for(demo_session, "AL100107", lambda shipment: None)["parcels"]
    assert later["headline"].endswith("(pre-order)")  # O3: the pre-ordered jumper's own date


def estimated(shipment, start, end=None):
    """La Poste's answer for the parcel, with its estimated delivery (issue 22)."""
    return replace(known(shipment, "live"), estimated_from=start, estimated_until=end)


def test_o4_la_poste_estimated_window_is_said_in_both_languages(demo_session):
    """Issue 22: La Poste's estimDate, estimHourMin and estimHourMax, under the O4 window."""
    start = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)  # Thursday, 09:00 in Paris

    def answer(shipment):
        return estimated(shipment, start, start + timedelta(hours=4))

    parcel = page_for(demo_session, "AL100103", answer)["parcels"][0]
    assert parcel["headline"].startswith("Expected between")
    assert parcel["estimate"] == (
        "Colissimo expects to deliver it on Thursday 26 November, between 09:00 and 13:00."
    )
    french = page_for(demo_session, "AL100103", answer, "fr")["parcels"][0]
    assert french["estimate"] == (
        "Colissimo prévoit de le livrer le jeudi 26 novembre, entre 9h00 et 13h00."
    )


def test_o4_an_estimated_day_alone_is_said_and_a_past_one_is_not(demo_session):
    day = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)  # Friday, midnight in Paris
    parcel = page_for(demo_session, "AL100103", lambda s: estimated(s, day))["parcels"][0]
    assert parcel["estimate"] == "Colissimo expects to deliver it on Friday 27 November."
    past = NOW - timedelta(days=1)
    parcel = page_for(demo_session, "AL100103", lambda s: estimated(s, past))["parcels"][0]
    assert parcel["estimate"] == ""
    assert (
        page_for(demo_session, "AL100103", lambda s: known(s, "live"))["parcels"][0]["estimate"]
        == ""
    )
