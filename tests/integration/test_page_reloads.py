"""A page loaded again (a reconnect re-runs its on_load) keeps what she sees while it refreshes.

Reflex sends the page's on_load events again on every reconnect of the websocket: a phone
waking up, a proxy's idle timeout. The order and return status pages load in the background;
while the same page refreshes it stays on screen instead of flashing to "loading".
"""

import asyncio
import functools

import pytest
import reflex as rx
from conftest import NOW, order_id
from reflex.istate.data import RouterData
from test_return_status import declared

from alme_portal.platform import clock
from alme_portal.state import order as order_state
from alme_portal.state import return_status as status_state
from alme_portal.state.order import OrderState
from alme_portal.state.return_status import ReturnStatusState
from alme_portal.state.tracking import TrackState


def tab(cls, unlocked: list[int]):
    root = rx.State()
    track = root.get_substate(TrackState.get_full_name().split(".")[1:])
    track._unlocked_order_ids = unlocked
    return root.get_substate(cls.get_full_name().split(".")[1:])


def load(state, handler: str, **params):
    """Run the page's background on_load as Reflex would, for the address `params` names."""
    root = state._get_root_state()
    root.router = RouterData.from_router_data({"pathname": "/", "query": params})
    with clock.use_clock(NOW):
        asyncio.run(functools.partial(type(state).event_handlers[handler].fn, state)())


@pytest.fixture
def seen_while_loading(monkeypatch):
    """What the page showed while each load was under way (read when its data is fetched)."""
    seen = []

    def watching(module, loader, flag, state_holder):
        original = getattr(module, loader)

        def loading(*args):
            seen.append(getattr(state_holder[0], flag))
            return original(*args)

        monkeypatch.setattr(module, loader, loading)

    return seen, watching


def test_the_same_order_stays_on_screen_while_it_loads_again(demo_session, monkeypatch,
                                                             seen_while_loading):  # fmt: skip
    monkeypatch.setattr(order_state, "_track", lambda carrier, number: None)  # carrier down
    seen, watching = seen_while_loading
    found = [order_id(demo_session, number) for number in ("AL100103", "AL100101")]
    state = tab(OrderState, found)
    watching(order_state, "_load_views", "loaded", [state])
    load(state, "load_order", order_ref="AL100103")
    assert (state.loaded, state.denied, state.view.number) == (True, False, "AL100103")
    load(state, "load_order", order_ref="AL100103")  # a reconnect
    assert seen == [False, True] and state.view.number == "AL100103"
    load(state, "load_order", order_ref="AL100101")  # another order: that one is loading
    assert seen[-1] is False and state.view.number == "AL100101"
    load(state, "load_order", order_ref="AL100117")  # not found by this tab
    assert state.denied and state.view.number == ""
    load(state, "load_order", order_ref="AL100117")
    assert seen[-1] is False  # nothing was on screen to keep


def test_the_same_return_stays_on_screen_while_it_loads_again(demo_session, seen_while_loading):
    seen, watching = seen_while_loading
    request = declared(demo_session)
    demo_session.commit()
    state = tab(ReturnStatusState, [request.order_id])
    watching(status_state, "_views", "status_loaded", [state])
    load(state, "load_status", return_ref=request.number)
    assert state.status_loaded and not state.status_denied
    load(state, "load_status", return_ref=request.number)  # a reconnect
    assert seen == [False, True] and state.page.number == request.number
    load(state, "load_status", return_ref="RT-NOPE-1")
    assert seen[-1] is False and state.status_denied
