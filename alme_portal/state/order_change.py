"""Rule O1: "Modify my order" and "Cancel my order" on the order page, before dispatch."""

import asyncio

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.orders.services import changes as order_changes
from alme_portal.platform import db
from alme_portal.platform.inputs import whole_number
from alme_portal.state.order import ChangeLine, OrderState
from alme_portal.state.spinner import spins
from alme_portal.state.tracking import unlocked_orders

MODES = ("", "modify", "cancel")
TOPICS = ("item", "address", "relay")
ADDRESS_FIELDS = ("first_name", "last_name", "address", "postcode", "city")
MAX_FIELD_LENGTH = 160


def _record(order_id: int, kind: str, details: dict, language: str):
    with db.session_scope(write=True) as session:
        return order_changes.request_change(
            session, order_id=order_id, kind=kind, details=details, language=language
        )


def _text(form_data: dict, name: str) -> str:
    value = form_data.get(name)
    return value.strip()[:MAX_FIELD_LENGTH] if isinstance(value, str) else ""


def _details(topic: str, form_data: dict) -> dict | None:
    """The service's details for what the form asks, or None when the form is incomplete."""
    if topic == "item":
        line_id = whole_number(_text(form_data, "line_id"))
        if line_id is None:
            return None
        return {
            "line_id": line_id,
            "colour": _text(form_data, "colour") or None,
            "size": _text(form_data, "size") or None,
        }
    if topic == "address":
        address = {name: _text(form_data, name) for name in ADDRESS_FIELDS}
        return {"address": address} if all(address.values()) else None
    code = _text(form_data, "relay_point_code")
    return {"relay_point_code": code} if code else None


class OrderChangeState(OrderState):
    """The change panel of the order page: which form is open and what became of a request."""

    mode: str = ""
    topic: str = "item"
    line_id: str = ""
    outcome_ok: bool = False
    outcome_key: str = ""
    sending: bool = False

    @rx.var
    def selected_line(self) -> ChangeLine:
        """The item whose colour or size the customer wants to change."""
        lines = self.view.change_lines
        chosen = [line for line in lines if line.id == self.line_id]
        return chosen[0] if chosen else (lines[0] if lines else ChangeLine())

    @rx.var
    def outcome(self) -> str:
        """What became of the last request, in the visitor's language."""
        return translate(self.language, self.outcome_key) if self.outcome_key else ""

    @rx.event
    def reset_change(self):
        """Start every order page with the panel closed."""
        self.mode, self.topic, self.line_id = "", "item", ""
        self.outcome_ok, self.outcome_key, self.sending = False, "", False

    @rx.event
    def open_panel(self, mode: str):
        """Open the "modify" or "cancel" form, or close both with ""."""
        if mode in MODES:
            self.mode = mode
            self.outcome_ok, self.outcome_key = False, ""

    @rx.event
    def choose_topic(self, topic: str):
        """Choose what to modify: an item, the address or the relay point."""
        if topic in TOPICS:
            self.topic = topic

    @rx.event
    def choose_line(self, line_id: str):
        """Choose the item whose size or colour changes."""
        if whole_number(line_id) is not None:
            self.line_id = line_id

    @rx.event
    @spins("sending")
    async def send_modification(self, form_data: dict):
        """Record the modification the form describes (rule O1)."""
        data = form_data if isinstance(form_data, dict) else {}
        details = _details(self.topic, data)
        if details is None:
            self._show(False, "change.invalid.details")
            return
        await self._send("modify", details)

    @rx.event
    @spins("sending")
    async def confirm_cancellation(self):
        """Record the request to cancel the whole order (rule O1)."""
        await self._send("cancel", {})

    async def _send(self, kind: str, details: dict):
        if not self._order_id or self._order_id not in await unlocked_orders(self):
            self._show(False, "change.refused.not_found")
            return
        outcome = await asyncio.to_thread(_record, self._order_id, kind, details, self.language)
        self._show(outcome.ok, outcome.message_key)
        if outcome.ok:
            self.mode = ""

    def _show(self, ok: bool, key: str):
        self.outcome_ok, self.outcome_key = ok, key
