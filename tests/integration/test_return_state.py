"""The return wizard's state called as a browser, or a forged client, would call it (R1)."""

import functools

import pytest
import reflex as rx
from conftest import order_id, run
from reflex.istate.data import RouterData
from sqlmodel import func, select

from alme_portal.returns.models import ReturnRequest
from alme_portal.state.return_item import ReturnItemState
from alme_portal.state.return_items import ReturnItemsState
from alme_portal.state.return_place import ReturnPlaceState
from alme_portal.state.return_review import ReturnReviewState
from alme_portal.state.stock_alert import StockAlertState
from alme_portal.state.tracking import TrackState

STEP_STATES = (ReturnItemsState, ReturnItemState, ReturnPlaceState, ReturnReviewState,
               StockAlertState)  # fmt: skip


@pytest.fixture(autouse=True)
def _only_the_returns_declared_here(no_demo_returns):
    """These tests count the returns they declare: the demo's own are set aside."""


def substate(root, cls):
    return root.get_substate(cls.get_full_name().split(".")[1:])


class Wizard:
    """One tab's wizard: each name is read, set or called on the state that defines it."""

    def __init__(self):
        root = rx.State()
        object.__setattr__(self, "steps", [substate(root, cls) for cls in STEP_STATES])
        object.__setattr__(self, "draft", self.steps[0].parent_state)
        object.__setattr__(self, "track", substate(root, TrackState))

    def _owner(self, name):
        return next((s for s in self.steps if name in vars(type(s))), self.draft)

    def __getattr__(self, name):
        owner = self._owner(name)
        handler = type(owner).event_handlers.get(name)
        if handler is not None and handler.is_background:  # Reflex runs these itself
            return functools.partial(handler.fn, owner)
        return getattr(owner, name)

    def __setattr__(self, name, value):
        setattr(self.track if name == "_unlocked_order_ids" else self._owner(name), name, value)


def started(session, number="AL100101"):
    state = Wizard()
    target = order_id(session, number)
    state._unlocked_order_ids = [target]
    run(state._start(target))
    return state


def returns_stored(session):
    session.commit()  # a new snapshot: what the page's own session committed
    return session.exec(select(func.count()).select_from(ReturnRequest)).one()


def walk_to_review(state, quantity="1"):
    first = state.item_rows[0]
    state.set_quantity(first.id, quantity)
    state.items_done()
    state.choose("reason", "too_small")
    state.choose("resolution", "refund")
    state.choose("refund_method", "credit_note")
    state.confirm_item()
    state.save_details(dict(state.sender))
    state.method_done()
    assert (state.step, state.step_error) == ("method", "returns.invalid.phone")  # R3
    state.step = "details"
    state.save_details({**state.sender, "phone": "06 12 34 56 78"})
    state.method_done()
    assert state.step == "review", state.step_error


def test_r1_steps_in_order_and_a_double_confirmation_stores_one_return(demo_session):
    state = started(demo_session)
    assert state.step == "items" and state.progress_index == 1
    walk_to_review(state)
    run(state.confirm_return())
    first = state.return_number
    state.step = "review"  # a second click that raced the first answer
    run(state.confirm_return())
    assert state.return_number == first and returns_stored(demo_session) == 1


def test_back_keeps_every_choice(demo_session):
    state = started(demo_session)
    walk_to_review(state, quantity="2")
    for _ in range(3):
        state.back()
    assert state.step == "resolve"
    assert (state.reason, state.resolution, state.refund_method) == (
        "too_small", "refund", "credit_note",
    )  # fmt: skip
    state.back()
    assert state.step == "items" and state.item_rows[0].chosen == "2"


def test_steps_cannot_be_skipped_or_forged(demo_session):
    state = started(demo_session)
    state.items_done()
    assert state.step == "items" and state.step_error == "returns.items.none"
    state.set_quantity(state.item_rows[0].id, "99")  # more than received: capped
    assert state.quantities[state.item_rows[0].id] == 2
    for forged in (None, 7, "x", {"a": 1}):
        state.set_quantity(forged, "1")
        state.set_quantity(state.item_rows[0].id, forged)
        state.choose("reason", forged)
        state.choose_method(forged)
        state.choose_place("salon_code", forged)
    state.choose("reason", "bored")
    run(state.confirm_return())  # out of order: nothing happens
    state.save_details({"first_name": "x"})  # not on that step: ignored
    assert state.step == "items" and returns_stored(demo_session) == 0
    state.items_done()
    state.confirm_item()
    assert state.step_error == "returns.invalid.reason"


def test_a_locked_order_cannot_be_confirmed(demo_session):
    state = started(demo_session)
    walk_to_review(state)
    state._unlocked_order_ids = []
    run(state.confirm_return())
    assert state.step_error == "returns.invalid.order" and returns_stored(demo_session) == 0


def test_e8_alert_only_for_the_sold_out_size_chosen(demo_session):
    state = started(demo_session)
    run(state.create_alert({"alert_email": "x@example.fr"}))
    assert not state.alert_ok  # nothing sold out chosen
    cardigan = state.item_rows[1]
    state.set_quantity(cardigan.id, "1")
    state.items_done()
    state.choose("resolution", "size_exchange")
    sold_out = next(size for size in state.sizes if not size["in_stock"])
    state.choose("wanted_variant", sold_out["value"])
    assert state.wanted_out_of_stock
    run(state.create_alert({"alert_email": " Camille.Moreau@Example.FR "}))
    assert (state.alert_ok, state.alert_key) == (True, "alert.created")


def on_connection(state, connection):
    root = state.draft._get_root_state()
    root.router = RouterData.from_router_data({"sid": connection, "pathname": "/returns/"})
    return state


def test_r1_a_new_connection_keeps_her_confirmation_and_the_same_one_starts_anew(demo_session):
    """A phone waking up, a reload or another worker: the label stays in front of her."""
    state = on_connection(started(demo_session), "socket-1")
    state.track._unlock_connection = "socket-1"  # she found the order on this connection
    run(state.load_returns())  # the wizard's page, opened on this connection
    walk_to_review(state)
    run(state.confirm_return())
    number = state.return_number
    run(on_connection(state, "socket-2").load_returns())  # reconnected (or reloaded)
    assert (state.step, state.return_number) == ("done", number)
    run(state.load_returns())  # back to the wizard from a link, same connection
    assert (state.step, state.return_number) == ("find", "")
