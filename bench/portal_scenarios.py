"""What a customer does on the portal, as the websocket events of its real pages.

Each scenario is a load-client script `async (session, record)`: it sends the events the
browser sends for one journey, checks that each one did what the page expects (a wrong answer
is an error, not a fast sample), and records each step's round trip under its own name. With
`think_s`, the customer pauses that long before each event (paced load); pauses are not timed.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator
from typing import Any

from bench.harness.load import Record
from bench.harness.wsclient import Session

TRACK_PATH = "/track/"
LOYALTY_PATH = "/loyalty/"
RETURNS_PATH = "/returns/"
SENDER_PHONE = "06 12 34 56 78"
RELAY_POSTCODE = "75011"

Orders = Iterator[tuple[str, str]]


class StepFailed(AssertionError):
    """An event did not change the page the way the browser expects."""


def numbered_orders(numbers: Callable[[int], str], email: str) -> Orders:
    """(number, e-mail) of copies 1, 2, 3... of one order."""
    return ((numbers(index), email) for index in itertools.count(1))


def _state_names() -> dict[str, str]:
    # Imported here: it loads Reflex and every state of the portal.
    from alme_portal.state.account import AccountState
    from alme_portal.state.loyalty import LoyaltyState
    from alme_portal.state.order import OrderState
    from alme_portal.state.return_draft import ReturnState
    from alme_portal.state.return_item import ReturnItemState
    from alme_portal.state.return_items import ReturnItemsState
    from alme_portal.state.return_place import ReturnPlaceState
    from alme_portal.state.return_review import ReturnReviewState
    from alme_portal.state.tracking import TrackState

    return {
        "track": TrackState.get_full_name(),
        "order": OrderState.get_full_name(),
        "returns": ReturnState.get_full_name(),
        "return_items": ReturnItemsState.get_full_name(),
        "return_item": ReturnItemState.get_full_name(),
        "return_place": ReturnPlaceState.get_full_name(),
        "return_review": ReturnReviewState.get_full_name(),
        "loyalty": LoyaltyState.get_full_name(),
        "account": AccountState.get_full_name(),
    }


WIZARD_STEP_STATES = {
    "set_quantity": "return_items",
    "items_done": "return_items",
    "choose": "return_item",
    "confirm_item": "return_item",
    "save_details": "return_place",
    "search_relay": "return_place",
    "choose_place": "return_place",
    "method_done": "return_place",
    "confirm_return": "return_review",
}
"""The wizard's step states, by handler (the rest belongs to the draft's own state)."""


def _var_is(state: str, var: str, value: Any) -> Callable[[dict], bool]:
    return lambda delta: delta.get(state, {}).get(f"{var}_rx_state_") == value


class _Journey:
    """Shared plumbing: timed events with an optional pause before each."""

    def __init__(self, think_s: float) -> None:
        self.think_s = think_s
        self.states = _state_names()

    async def send(
        self,
        session: Session,
        record: Record,
        step: str,
        handler: str,
        payload: dict[str, Any] | None = None,
        until: Callable[[dict], bool] | None = None,
        **route: Any,
    ) -> dict:
        if self.think_s:
            await asyncio.sleep(self.think_s)
        ms, delta = await session.event(handler, payload or {}, until=until, **route)
        record(step, ms)
        return delta


class OrderLookup(_Journey):
    """The "Find my order" form of /track, then the order page it opens (carrier calls included).

    Args:
        order: (number, e-mail) of the order looked up every time.
        think_s: pause before each event.
    """

    def __init__(self, order: tuple[str, str], *, think_s: float = 0.0) -> None:
        super().__init__(think_s)
        self.order = order

    async def __call__(self, session: Session, record: Record) -> None:
        """One lookup and one order page; raises `StepFailed` when the page is refused."""
        number, email = self.order
        track, order = self.states["track"], self.states["order"]
        form = {"order_number": number, "email": email}

        def redirected(delta: dict) -> bool:  # the order page opens, or an error is shown
            events = [e.get("name") for e in session.last_events]
            return "_redirect" in events or bool(delta.get(track, {}).get("error_rx_state_"))

        await self.send(
            session,
            record,
            "lookup",
            f"{track}.find_order",
            {"form_data": form},
            redirected,
            pathname=TRACK_PATH,
            query={},
        )
        if session.get(track, "error"):
            raise StepFailed(f"Find my order refused: {session.get(track, 'error')!r}")
        await self.send(
            session,
            record,
            "order_page",
            f"{order}.load_order",
            {},
            _var_is(order, "loaded", True),
            pathname=f"/track/{number}/",
            query={"order_ref": number},
        )
        if session.get(order, "denied"):
            raise StepFailed(f"order page {number} denied after a successful lookup")


class ReturnWizard(_Journey):
    """The whole return wizard, from "Find my order" to "Confirm my return".

    Args:
        orders: (number, e-mail) of orders that each have an item left to return; each
            journey that confirms takes the next one, the others reuse the first.
        confirm: whether each journey ends with "Confirm my return" (it stores a return).
        think_s: pause before each event.
        before_confirm: called just before "Confirm my return" (a test arms a carrier fault).
    """

    def __init__(
        self,
        orders: Orders,
        *,
        confirm: bool,
        think_s: float = 0.0,
        before_confirm: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(think_s)
        self.orders = orders
        self.confirm = confirm
        self.before_confirm = before_confirm
        self.first = None if confirm else next(orders)

    def _var(self, session: Session, name: str) -> Any:
        return session.get(self.states["returns"], name)

    def _expect_step(self, session: Session, step: str, after: str) -> None:
        if self._var(session, "step") != step:
            shown = self._var(session, "step"), self._var(session, "step_error")
            raise StepFailed(f"after {after}: step {shown[0]!r}, error {shown[1]!r}")

    async def _wizard(self, session, record, step, handler, payload=None, until=None) -> None:
        name = f"{self.states[WIZARD_STEP_STATES.get(handler, 'returns')]}.{handler}"
        await self.send(
            session, record, step, name, payload, until, pathname=RETURNS_PATH, query={}
        )

    def _step_is(self, step: str) -> Callable[[dict], bool]:
        return _var_is(self.states["returns"], "step", step)

    async def __call__(self, session: Session, record: Record) -> None:
        """One journey; raises `StepFailed` when the page does not move on."""
        number, email = next(self.orders) if self.confirm else self.first
        form = {"order_number": number, "email": email}
        await self._wizard(
            session, record, "find", "find_for_return", {"form_data": form}, self._step_is("items")
        )
        self._expect_step(session, "items", "Find my order")
        rows = session.get(self.states["return_items"], "item_rows")
        line_id = next(row["id"] for row in rows if not row["refusal"])  # one left to return
        await self._wizard(
            session, record, "quantity", "set_quantity", {"line_id": line_id, "quantity": "1"}
        )
        await self._wizard(session, record, "items_done", "items_done")
        self._expect_step(session, "resolve", "Continue (items)")
        for field, value in (
            ("reason", "too_small"),
            ("resolution", "refund"),
            ("refund_method", "credit_note"),
        ):
            await self._wizard(
                session, record, "choose", "choose", {"field": field, "value": value}
            )
        await self._wizard(session, record, "confirm_refund", "confirm_item")
        self._expect_step(session, "details", "Confirm refund")
        sender = {**self._var(session, "sender"), "phone": SENDER_PHONE}  # R3: the carrier's
        await self._wizard(session, record, "details", "save_details", {"form_data": sender})
        self._expect_step(session, "method", "Continue (details)")

        def answered(delta: dict) -> bool:  # points found, or the page says why not
            changed = delta.get(self.states["returns"], {})
            return bool(
                changed.get("relay_results_rx_state_") or changed.get("step_error_rx_state_")
            )

        await self._wizard(
            session,
            record,
            "relay_search",
            "search_relay",
            {"form_data": {"postcode": RELAY_POSTCODE}},
            answered,
        )
        if not self._var(session, "relay_results"):
            raise StepFailed(f"relay search: {self._var(session, 'step_error')!r}")
        code = self._var(session, "relay_results")[0]["code"]
        await self._wizard(
            session,
            record,
            "relay_choice",
            "choose_place",
            {"field": "relay_point_code", "value": code},
        )
        await self._wizard(session, record, "method_done", "method_done")
        self._expect_step(session, "review", "Continue (method)")
        if self.confirm:
            if self.before_confirm:
                self.before_confirm()
            await self._wizard(
                session, record, "confirm_return", "confirm_return", {}, self._step_is("done")
            )
            self._expect_step(session, "done", "Confirm my return")


class DashboardLoad(_Journey):
    """A member opening her Almé Lovers dashboard (she logs in on the first visit).

    Args:
        member: (e-mail, password) of a demo member.
        think_s: pause before each event.
    """

    def __init__(self, member: tuple[str, str], *, think_s: float = 0.0) -> None:
        super().__init__(think_s)
        self.member = member

    async def __call__(self, session: Session, record: Record) -> None:
        """One dashboard load; raises `StepFailed` when the dashboard does not show."""
        state, account = self.states["loyalty"], self.states["account"]
        if not session.get(account, "signed_in"):
            email, password = self.member
            await self.send(
                session, record, "log_in", f"{state}.log_in_here",
                {"form_data": {"email": email, "password": password}},
                lambda delta: "signed_in_rx_state_" in delta.get(account, {})
                or "account_error_rx_state_" in delta.get(account, {}),
                pathname=LOYALTY_PATH, query={},
            )  # fmt: skip
        await self.send(
            session, record, "dashboard", f"{state}.load_loyalty", {},
            lambda delta: "dashboard_rx_state_" in delta.get(state, {}),
            pathname=LOYALTY_PATH, query={},
        )  # fmt: skip
        greeting = (session.get(state, "dashboard") or {}).get("greeting", "")
        if not session.get(account, "signed_in") or not greeting:
            raise StepFailed(f"no dashboard: {session.get(account, 'account_error')!r}")
