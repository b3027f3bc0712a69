"""Rule O1 through the order page's state: options offered, requests recorded, forgeries refused."""

import reflex as rx
from conftest import order_id, run
from sqlmodel import func, select

from alme_portal.orders.models.requests import OrderChangeRequest
from alme_portal.orders.services.changes import change_options
from alme_portal.platform.models import OutboxEmail
from alme_portal.state.order import _load_views
from alme_portal.state.order_change import OrderChangeState
from alme_portal.state.tracking import TrackState


def change_state(session, number, unlocked=True):
    root = rx.State()
    state = root.get_substate(OrderChangeState.get_full_name().split(".")[1:])
    target = order_id(session, number)
    if unlocked:
        root.get_substate(TrackState.get_full_name().split(".")[1:])._unlocked_order_ids = [target]
        state._order_id, state._views = _load_views(number, [target])
    return state


def recorded(session):
    return session.exec(select(func.count()).select_from(OrderChangeRequest)).one()


def test_o1_options_list_sizes_colours_and_nearby_relay_points(demo_session):
    options = change_options(demo_session, order_id(demo_session, "AL100105"), "fr")
    line = options["lines"][0]
    assert line["size"] in line["sizes"] and len(line["sizes"]) > 1
    assert line["colour"] in line["colours"]
    codes = [point["code"] for point in options["relay_points"]]
    assert codes and all(code.startswith("FR-") for code in codes)


def test_o1_no_relay_point_choice_where_mondial_relay_does_not_go(demo_session):
    options = change_options(demo_session, order_id(demo_session, "AL100110"), "en")  # DE
    assert options["relay_points"] == []


def test_o1_page_offers_change_only_before_dispatch(demo_session):
    waiting = change_state(demo_session, "AL100105").view
    assert waiting.can_change and not waiting.after_dispatch and waiting.change_lines
    moving = change_state(demo_session, "AL100103").view
    assert not moving.can_change and moving.after_dispatch.startswith("Your order has left")
    cancelled = change_state(demo_session, "AL100106").view
    assert not cancelled.can_change and not cancelled.after_dispatch


def test_o1_modify_size_from_the_page_is_recorded(demo_session):
    state = change_state(demo_session, "AL100105")
    line = state.selected_line
    other = next(size for size in line.sizes if size != line.size)
    state.open_panel("modify")
    run(state.send_modification({"line_id": line.id, "colour": line.colour, "size": other}))
    assert (state.outcome_ok, state.mode) == (True, "")
    assert "not guaranteed" in state.outcome
    demo_session.commit()  # a new snapshot: what the page's own session committed
    assert recorded(demo_session) == 1
    assert demo_session.exec(select(OutboxEmail)).one().kind == "order_change_recorded"


def test_o1_address_change_keeps_the_orders_country(demo_session):
    state = change_state(demo_session, "AL100105")
    state.choose_topic("address")
    fields = {"first_name": "Camille", "last_name": "Moreau", "address": "3 place des Vosges",
              "postcode": "75004", "city": "Paris", "country": "US"}  # fmt: skip
    run(state.send_modification(fields))
    assert state.outcome_ok
    demo_session.commit()  # a new snapshot: what the page's own session committed
    request = demo_session.exec(select(OrderChangeRequest)).one()
    assert '"country": "FR"' in request.details


def test_o1_cancel_is_recorded_and_dispatched_order_is_refused(demo_session):
    state = change_state(demo_session, "AL100105")
    run(state.confirm_cancellation())
    assert state.outcome_ok
    moving = change_state(demo_session, "AL100103")
    run(moving.confirm_cancellation())
    assert moving.outcome_key == "change.refused.dispatched"
    demo_session.commit()  # a new snapshot: what the page's own session committed
    assert recorded(demo_session) == 1


def test_o1_forged_calls_change_nothing(demo_session):
    locked = change_state(demo_session, "AL100105", unlocked=False)
    run(locked.confirm_cancellation())
    assert locked.outcome_key == "change.refused.not_found"
    state = change_state(demo_session, "AL100105")
    for forged in (None, "x", 3, [], {"line_id": "1 or 1=1"}, {"line_id": 99999999, "size": "M"}):
        run(state.send_modification(forged))
        assert not state.outcome_ok
    for forged in ("delete", None, 7):
        state.open_panel(forged)
        state.choose_topic(forged)
        state.choose_line(forged)
    assert (state.mode, state.topic) == ("", "item")
    state.choose_topic("relay")
    run(state.send_modification({"relay_point_code": "FR-999999"}))
    assert state.outcome_key == "change.invalid.relay_point"
    demo_session.commit()  # a new snapshot: what the page's own session committed
    assert recorded(demo_session) == 0
