"""Hostile calls of the page states (issue 15, items 8 and 12), as a forged client sends them."""

import pytest
import reflex as rx
from conftest import order_id, run
from reflex.istate.data import RouterData
from test_loyalty import logged_in_state
from test_order_change_state import change_state
from test_return_state import started
from test_staff_state import staff_state, staff_token

from alme_portal.platform import cookies
from alme_portal.platform.inputs import whole_number
from alme_portal.state.tracking import TrackState, unlock, unlocked_orders

HOSTILE_DIGITS = ["²", "٣", "9" * 5000, "-1", "1e3", " 7", ""]
"""What a forged client sends where a page sends digits: "²".isdigit() is True."""


@pytest.mark.parametrize("value", HOSTILE_DIGITS)
def test_8_whole_numbers_are_ascii_digits_within_bounds(value):
    assert whole_number(value, most=99) is None


def test_8_whole_numbers_read_what_pages_send():
    assert [whole_number("0"), whole_number("42", most=99), whole_number("100", most=99)] == [
        0, 42, None
    ]  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE_DIGITS)
def test_8_a_forged_quantity_changes_nothing(demo_session, value):
    state = started(demo_session)
    line = state.item_rows[0].id
    state.set_quantity(line, value)
    assert state.quantities == {}


@pytest.mark.parametrize("value", HOSTILE_DIGITS[:3])
def test_8_forged_ids_and_loves_answer_calmly(demo_session, value):
    loyalty = logged_in_state(demo_session)
    run(loyalty.redeem(value))
    assert loyalty.loyalty_message and not loyalty.loyalty_message_ok
    change = change_state(demo_session, "AL100105")
    run(change.send_modification({"topic": "item", "line_id": value, "size": "S"}))
    assert not change.outcome_ok
    staff = staff_state(staff_token(demo_session))
    run(staff.load_staff())
    run(staff.inspect({"line_id": value, "worn": "on"}))
    assert not staff.staff_ok


def connected(state, connection, cookie_header=""):
    root = state._get_root_state()
    root.router = RouterData.from_router_data(
        {"sid": connection, "headers": {"cookie": cookie_header}}
    )
    return state


def test_12_a_copied_client_token_opens_no_order_in_another_browser(demo_session):
    track = rx.State().get_substate(TrackState.get_full_name().split(".")[1:])
    target = order_id(demo_session, "AL100101")
    run(unlock(connected(track, "socket-1"), target))
    key = track._unlock_key
    assert run(unlocked_orders(track)) == [target]
    assert run(unlocked_orders(connected(track, "socket-2", f"{cookies.UNLOCK}={key}"))) == [
        target
    ]  # a reload of the same browser keeps its order
    assert run(unlocked_orders(connected(track, "socket-3", "other=1"))) == []
    assert run(unlocked_orders(connected(track, "socket-4", f"{cookies.UNLOCK}={key}"))) == []


def test_12_a_copied_client_token_opens_no_login_in_another_browser(demo_session):
    state = logged_in_state(demo_session)
    assert state.signed_in
    run(connected(state, "socket-elsewhere").load_loyalty())
    assert not state.signed_in and state._member_id == 0
