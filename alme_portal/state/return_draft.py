"""The return wizard (R1): one tab's draft, from "Find my order" to the return number.

The draft lives in this tab's state, so Back never loses a choice and a reload resumes it; the
service checks the whole draft again when she confirms. Each step has a state of its own under
this one (`return_items`, `return_item`, `return_place`, `return_review`): a step's event only
recomputes that step's view.
"""

import asyncio

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.loyalty.services import take_back
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock, db, routes, settings
from alme_portal.returns.services import exchange_catalogue
from alme_portal.returns.services import options as return_options
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.state.browser import connection
from alme_portal.state.spinner import spins
from alme_portal.state.tracking import TrackState, lookup, unlocked_orders
from alme_portal.state.ui import UiState

MAX_TEXT = 160


def _load(order_id: int) -> dict[str, dict]:
    with db.session_scope() as session:
        today = clock.today()
        loves = take_back.return_preview(session, order_id)
        options = return_options.return_options_in(session, order_id, settings.LANGUAGES, today)
    exchange_catalogue.shared_catalogue()  # loaded here, in a thread, when too old
    return {lang: {"options": options.get(lang), "loves": loves} for lang in settings.LANGUAGES}


def text_field(value: object) -> str:
    """A typed text, trimmed and cut to a sane length ("" when not text)."""
    return value.strip()[:MAX_TEXT] if isinstance(value, str) else ""


class ReturnState(UiState):
    """One tab's return draft; the steps' states read and change it."""

    step: str = "find"
    quantities: dict[str, int] = {}
    choices: dict[str, dict[str, str]] = {}
    current: int = 0
    reason: str = ""
    resolution: str = ""
    refund_method: str = ""
    wanted_variant: str = ""
    wanted_product: str = ""
    wanted_colour: str = ""
    sender: dict[str, str] = {}
    method: str = ""
    relay_postcode: str = ""
    relay_results: list[dict[str, str]] = []
    relay_point_code: str = ""
    salon_code: str = ""
    paperless: bool = False
    """R3: no printer; the carrier's QR code instead of a label to print."""
    step_error: str = ""
    return_number: str = ""
    sending: bool = False
    searching: bool = False
    """A relay search is with the carrier (its button spins)."""
    _order_id: int = 0
    _loaded_on: str = ""
    """The websocket connection of the tab's last wizard page load."""
    _data: dict[str, dict] = {}
    _snapshot: dict[str, int] = {}

    # --- What every step reads -----------------------------------------------------------

    def _options(self) -> dict:
        return self._data.get(self.language, {}).get("options") or {"lines": [], "order": {}}

    def _products(self) -> list[dict]:
        if not self._data:
            return []
        return exchange_catalogue.shared_catalogue().products[
            settings.supported_language(self.language)
        ]

    def _variant(self, variant_id: str) -> dict | None:
        """The exchange entry of a variant id as the page sends it."""
        if not self._data or not isinstance(variant_id, str):
            return None
        catalogue = exchange_catalogue.shared_catalogue()
        return catalogue.by_variant[settings.supported_language(self.language)].get(variant_id)

    def _chosen(self) -> list[dict]:
        return wizard.chosen_lines(self._options(), self.quantities)

    def _line(self) -> dict | None:
        chosen = self._chosen()
        return chosen[self.current] if 0 <= self.current < len(chosen) else None

    def _salon_choices(self) -> list[dict[str, str]]:
        return [
            {"value": salon["code"], "label": f"{salon['name']} · {salon['address']}"}
            for salon in self._options().get("salons", [])
        ]

    def _salon_label(self) -> str:
        chosen = (s["label"] for s in self._salon_choices() if s["value"] == self.salon_code)
        return next(chosen, "")

    @rx.var
    def progress_index(self) -> int:
        """Which numbered step she is on (1-5), 0 before and after."""
        return wizard.PROGRESS.index(self.step) + 1 if self.step in wizard.PROGRESS else 0

    @rx.var
    def return_order(self) -> str:
        """The order being returned."""
        return self._options()["order"].get("number", "")

    @rx.var
    def wizard_error(self) -> str:
        """The current step's problem in the visitor's language."""
        return translate(self.language, self.step_error) if self.step_error else ""

    # --- Events ---------------------------------------------------------------------------

    @rx.event
    async def load_returns(self):
        """Open the wizard; a tab that already found an order named in `?order=` starts there."""
        (await self.get_state(TrackState)).error_key = ""
        self.step_error = ""
        number = self.router.page.params.get("order", "")
        here = connection(self)
        if self.step == "done" and here == self._loaded_on:
            self._reset_draft()  # back to the wizard from her confirmation: a new return
        self._loaded_on = here  # a new connection (reload, reconnect) keeps her confirmation
        if isinstance(number, str) and number:
            return ReturnState.open_unlocked(number)

    @rx.event
    async def open_unlocked(self, number: str):
        """Start a return on an order this tab already found (from its order page)."""
        if not isinstance(number, str) or len(number) > 20:
            return
        with db.session_scope() as session:
            order_id = order_lookup.order_id_for_number(session, number)
        if order_id is not None and order_id in await unlocked_orders(self):
            if order_id != self._order_id:
                await self._start(order_id)

    @rx.event
    @spins("sending")
    async def find_for_return(self, form_data: dict):
        """Find my order, then go to the items."""
        data = form_data if isinstance(form_data, dict) else {}
        result = await lookup(await self.get_state(TrackState), data)
        if result is not None:
            await self._start(result)

    async def _start(self, order_id: int):
        self._reset_draft()
        self._order_id = order_id
        self._data = await asyncio.to_thread(_load, order_id)
        options = self._options()
        order = options["order"]
        self.sender = {name: order.get(name, "") for name in wizard.SENDER_FIELDS}
        self.sender[wizard.SENDER_PHONE] = ""
        self.relay_postcode = order.get("postcode", "")
        self._snapshot = {
            str(line["id"]): line["quantity"] - line["returnable"] for line in options["lines"]
        }
        self.step = "items"

    def _reset_draft(self):
        self.step, self.quantities, self.choices, self.current = "find", {}, {}, 0
        self._clear_item()
        self.method, self.relay_results, self.relay_point_code, self.salon_code = "", [], "", ""
        self.paperless = False
        self.step_error, self.return_number, self._order_id, self._data = "", "", 0, {}

    def _clear_item(self):
        self.reason, self.resolution, self.refund_method = "", "", ""
        self.wanted_variant, self.wanted_product, self.wanted_colour = "", "", ""

    def _ready(self, *steps: str) -> bool:
        return bool(self._order_id) and self.step in steps

    def _restore_item(self):
        line = self._line()
        saved = self.choices.get(str(line["id"]), {}) if line else {}
        self.reason = saved.get("reason", "")
        self.resolution = saved.get("resolution", "")
        self.refund_method = saved.get("refund_method", "")
        self.wanted_variant = saved.get("variant_id", "")
        wanted = self._variant(self.wanted_variant)
        self.wanted_product = str(wanted["product_id"]) if wanted else ""
        self.wanted_colour = wanted["colour"] if wanted else ""

    @rx.event
    def back(self):
        """Go one step back; nothing chosen is lost."""
        if not self._order_id:
            return
        self.step_error = ""
        if self.step == "resolve" and self.current > 0:
            self.current -= 1
            self._restore_item()
            return
        previous = {"resolve": "items", "details": "resolve", "method": "details",
                    "review": "method"}  # fmt: skip
        if self.step in previous:
            self.step = previous[self.step]
            if self.step == "resolve":
                self.current = max(0, len(self._chosen()) - 1)
                self._restore_item()

    @rx.event
    def find_another_order(self):
        """Leave this order's return (nothing is kept) to look up another order."""
        if self.step != "done":
            self._reset_draft()

    @rx.event
    def add_items(self):
        """Add other items: back to the list, keeping every choice made so far."""
        if self._order_id and self.step in ("resolve", "details", "method", "review"):
            self.step, self.step_error = "items", ""

    @rx.event
    def open_status(self):
        """Go to the status page of the return just declared."""
        if self.return_number:
            return rx.redirect(routes.return_page(self.return_number))
