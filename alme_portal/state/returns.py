"""The return wizard (R1): find the order, choose items, reason and outcome, details, method.

The draft lives in this tab's state, so Back never loses a choice and a reload resumes it; the
service checks the whole draft again when she confirms.
"""

import asyncio
import dataclasses
import functools

import reflex as rx

from alme_portal.adapters.carriers.tracking import default_mondial_relay_client
from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock, db, routes, settings
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import RefundDestination, Resolution, ReturnMethod
from alme_portal.returns.rules import returns
from alme_portal.returns.services import declaration as return_declaration
from alme_portal.returns.services import options as return_options
from alme_portal.returns.services import relay_points
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.state.tracking import TrackState, lookup

MAX_TEXT = 160


@dataclasses.dataclass
class ItemRow:
    """One line of the order on the items step."""

    id: str = ""
    name: str = ""
    image: str = ""
    details: str = ""
    refusal: str = ""
    until: str = ""
    quantities: list[str] = dataclasses.field(default_factory=list)
    chosen: str = "0"


def _load(order_id: int) -> dict[str, dict]:
    with db.session_scope() as session:
        today = clock.today()
        products = return_options.exchange_products(session, settings.LANGUAGES)
        return {
            lang: {
                "options": return_options.return_options(session, order_id, lang, today),
                "products": products[lang],
            }
            for lang in settings.LANGUAGES
        }


def _declare(order_id: int, draft: dict, language: str):
    with db.session_scope(write=True) as session:
        return return_declaration.declare_return(
            session, order_id=order_id, draft_data=draft, language=language
        )


@functools.cache
def _relay_client():
    return default_mondial_relay_client()


def _search(country: str, postcode: str):
    with db.session_scope(write=True) as session:
        return relay_points.find_relay_points(
            session, _relay_client(), country=country, postcode=postcode
        )


def _cap(language: str) -> str:
    """Rule R5: the self-ship reimbursement cap, written in `language`."""
    return format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, language)


def _text(value: object) -> str:
    return value.strip()[:MAX_TEXT] if isinstance(value, str) else ""


class ReturnState(TrackState):
    """One tab's return draft, from "Find my order" to "Download your return label"."""

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
    step_error: str = ""
    return_number: str = ""
    sending: bool = False
    _order_id: int = 0
    _data: dict[str, dict] = {}
    _snapshot: dict[str, int] = {}

    # --- What the pages read -------------------------------------------------------------

    def _options(self) -> dict:
        return self._data.get(self.language, {}).get("options") or {"lines": [], "order": {}}

    def _products(self) -> list[dict]:
        return self._data.get(self.language, {}).get("products") or []

    def _chosen(self) -> list[dict]:
        return wizard.chosen_lines(self._options(), self.quantities)

    def _line(self) -> dict | None:
        chosen = self._chosen()
        return chosen[self.current] if 0 <= self.current < len(chosen) else None

    @rx.var
    def progress_index(self) -> int:
        """Which numbered step she is on (1-5), 0 before and after."""
        return wizard.PROGRESS.index(self.step) + 1 if self.step in wizard.PROGRESS else 0

    @rx.var
    def return_order(self) -> str:
        """The order being returned."""
        return self._options()["order"].get("number", "")

    @rx.var
    def item_rows(self) -> list[ItemRow]:
        """Every line with its quantity choices or refusal (R2)."""
        rows = wizard.item_rows(self._options(), self.quantities, self.language)
        return [ItemRow(**row) for row in rows]

    @rx.var
    def any_returnable(self) -> bool:
        """Whether anything on the order can be returned today."""
        return any(line["returnable"] for line in self._options()["lines"])

    @rx.var
    def withdrawal_open(self) -> bool:
        """Whether the order is within its EU withdrawal period."""
        return bool(self._options().get("withdrawal_open"))

    @rx.var
    def item_title(self) -> str:
        """``Item 1 of 2``."""
        count = len(self._chosen())
        return translate(self.language, "returns.item_of", index=self.current + 1, count=count)

    @rx.var
    def item(self) -> dict[str, str]:
        """The item being resolved."""
        line = self._line()
        if line is None:
            return {}
        quantity = self.quantities.get(str(line["id"]), 0)
        return {
            "name": line["name"],
            "image": line["image"],
            "details": wizard.line_details(line, self.language)
            + " · "
            + translate(self.language, "order.quantity", quantity=quantity),
        }

    @rx.var
    def reasons(self) -> list[dict[str, str]]:
        """Rule R7: every reason."""
        return wizard.reason_choices(self.language)

    @rx.var
    def is_defect(self) -> bool:
        """Rule R7: whether the chosen reason is a defect."""
        return returns.is_defect(self.reason)

    @rx.var
    def sizes(self) -> list[dict[str, str]]:
        """Rule E3: the other sizes of the item."""
        line = self._line()
        return wizard.size_choices(line, self.language) if line else []

    @rx.var
    def products(self) -> list[dict[str, str]]:
        """Rule E2: the products one can exchange for."""
        return wizard.product_choices(self._products())

    @rx.var
    def colours(self) -> list[str]:
        """The colours of the chosen product."""
        return wizard.colour_choices(self._products(), self.wanted_product)

    @rx.var
    def variants(self) -> list[dict[str, str]]:
        """The sizes and prices of the chosen product and colour."""
        return wizard.variant_choices(
            self._products(), self.wanted_product, self.wanted_colour, self.language
        )

    @rx.var
    def wanted_out_of_stock(self) -> bool:
        """Rule E5: the chosen exchange item is sold out."""
        wanted = wizard.find_variant(self._products(), self.wanted_variant)
        return (
            self.resolution != Resolution.REFUND and wanted is not None and not wanted["in_stock"]
        )

    @rx.var
    def price_difference(self) -> str:
        """Rule E4: what a product exchange costs or gives back."""
        line = self._line()
        if line is None or self.resolution != Resolution.PRODUCT_EXCHANGE:
            return ""
        wanted = wizard.find_variant(self._products(), self.wanted_variant)
        quantity = self.quantities.get(str(line["id"]), 0)
        return wizard.price_difference_text(line, quantity, wanted, self.language)

    @rx.var
    def methods(self) -> list[str]:
        """Rules R3-R5: how the parcel may travel from her country."""
        return list(self._options().get("methods", []))

    @rx.var
    def salons(self) -> list[dict[str, str]]:
        """Rule R4: the salons that take returns, as select options."""
        return [
            {"value": salon["code"], "label": f"{salon['name']} · {salon['address']}"}
            for salon in self._options().get("salons", [])
        ]

    @rx.var
    def method_choices(self) -> list[dict[str, str]]:
        """Rules R3-R5: the methods offered, in words."""
        cap = _cap(self.language)
        return [
            {"value": m, "label": translate(self.language, f"returns.method.{m}", cap=cap)}
            for m in self.methods
        ]

    @rx.var
    def relay_choices(self) -> list[dict[str, str]]:
        """The relay points found, as radio options."""
        return [
            {"value": p["code"], "label": f"{p['name']} · {p['address']} · {p['distance']}"}
            for p in self.relay_results
        ]

    @rx.var
    def sender_summary(self) -> str:
        """The sender as printed on the label."""
        parts = [f"{self.sender.get('first_name', '')} {self.sender.get('last_name', '')}"]
        parts += [self.sender.get("address", ""),
                  f"{self.sender.get('postcode', '')} {self.sender.get('city', '')}"]  # fmt: skip
        return ", ".join(part.strip() for part in parts if part.strip())

    @rx.var
    def review(self) -> list[dict[str, str]]:
        """The chosen items and what she asked for each."""
        if self.step not in ("review", "done"):
            return []
        return wizard.review_rows(
            self._options(), self._products(), self.quantities, self.choices, self.language
        )

    @rx.var
    def method_summary(self) -> str:
        """The chosen return method in words."""
        if self.method not in tuple(ReturnMethod):
            return ""
        cap = _cap(self.language)
        text = translate(self.language, f"returns.method.{self.method}", cap=cap)
        salon = next((s["label"] for s in self.salons if s["value"] == self.salon_code), "")
        relay = next(
            (f"{p['name']}, {p['address']}" for p in self.relay_results
             if p["code"] == self.relay_point_code), "",
        )  # fmt: skip
        extra = salon if self.method == ReturnMethod.STORE else relay
        return f"{text} · {extra}" if extra else text

    @rx.var
    def self_ship_note(self) -> str:
        """Rule R5: the self-ship explanation with the cap."""
        return translate(self.language, "returns.method.self_ship_note", cap=_cap(self.language))

    @rx.var
    def wizard_error(self) -> str:
        """The current step's problem in the visitor's language."""
        return translate(self.language, self.step_error) if self.step_error else ""

    @rx.var
    def done_title(self) -> str:
        """Your return RT-… is recorded."""
        return translate(self.language, "returns.done.title", number=self.return_number)

    @rx.var
    def done_instructions(self) -> str:
        """What to do with the parcel now (R3-R5)."""
        if self.step != "done" or self.method not in tuple(ReturnMethod):
            return ""
        expires = returns.label_expires_on(clock.now())
        salon = next((s["label"] for s in self.salons if s["value"] == self.salon_code), "")
        return translate(
            self.language,
            f"returns.done.{self.method}",
            date=format_date(expires, self.language),
            salon=salon,
        )

    # --- Events ---------------------------------------------------------------------------

    @rx.event
    def load_returns(self):
        """Open the wizard; a tab that already found an order named in `?order=` starts there."""
        self.error_key, self.step_error = "", ""
        number = self.router.page.params.get("order", "")
        if self.step == "done":
            self._reset_draft()
        if isinstance(number, str) and number:
            return ReturnState.open_unlocked(number)

    @rx.event
    async def open_unlocked(self, number: str):
        """Start a return on an order this tab already found (from its order page)."""
        if not isinstance(number, str) or len(number) > 20:
            return
        with db.session_scope() as session:
            order_id = order_lookup.order_id_for_number(session, number)
        if order_id is not None and order_id in self._unlocked_order_ids:
            if order_id != self._order_id:
                await self._start(order_id)

    @rx.event
    async def find_for_return(self, form_data: dict):
        """Find my order, then go to the items."""
        data = form_data if isinstance(form_data, dict) else {}
        result = await lookup(self, data)
        if result is not None:
            await self._start(result)

    async def _start(self, order_id: int):
        self._reset_draft()
        self._order_id = order_id
        self._data = await asyncio.to_thread(_load, order_id)
        options = self._options()
        order = options["order"]
        self.sender = {name: order.get(name, "") for name in wizard.SENDER_FIELDS}
        self.relay_postcode = order.get("postcode", "")
        self._snapshot = {
            str(line["id"]): line["quantity"] - line["returnable"] for line in options["lines"]
        }
        self.step = "items"

    def _reset_draft(self):
        self.step, self.quantities, self.choices, self.current = "find", {}, {}, 0
        self._clear_item()
        self.method, self.relay_results, self.relay_point_code, self.salon_code = "", [], "", ""
        self.step_error, self.return_number, self._order_id, self._data = "", "", 0, {}

    def _clear_item(self):
        self.reason, self.resolution, self.refund_method = "", "", ""
        self.wanted_variant, self.wanted_product, self.wanted_colour = "", "", ""

    def _ready(self, *steps: str) -> bool:
        return bool(self._order_id) and self.step in steps

    @rx.event
    def set_quantity(self, line_id: str, quantity: str):
        """Choose how many of a line to return (0 removes it)."""
        if not self._ready("items") or not isinstance(line_id, str):
            return
        line = next((x for x in self._options()["lines"] if str(x["id"]) == line_id), None)
        if line is None or not isinstance(quantity, str) or not quantity.isdigit():
            return
        wanted = min(int(quantity), line["returnable"])
        self.quantities = {**self.quantities, line_id: wanted}
        self.step_error = ""

    @rx.event
    def items_done(self):
        """Continue from the items: resolve each chosen item in turn."""
        if not self._ready("items"):
            return
        if not self._chosen():
            self.step_error = "returns.items.none"
            return
        self.step, self.current, self.step_error = "resolve", 0, ""
        self._restore_item()

    def _restore_item(self):
        line = self._line()
        saved = self.choices.get(str(line["id"]), {}) if line else {}
        self.reason = saved.get("reason", "")
        self.resolution = saved.get("resolution", "")
        self.refund_method = saved.get("refund_method", "")
        self.wanted_variant = saved.get("variant_id", "")
        wanted = wizard.find_variant(self._products(), self.wanted_variant)
        self.wanted_product = str(wanted["product_id"]) if wanted else ""
        self.wanted_colour = wanted["colour"] if wanted else ""

    @rx.event
    def choose(self, field: str, value: str):
        """Pick a reason, an outcome, a refund method or an exchange item for this item."""
        if not self._ready("resolve") or not isinstance(value, str):
            return
        allowed = {
            "reason": returns.REASONS,
            "resolution": tuple(Resolution),
            "refund_method": tuple(RefundDestination),
        }
        if field in allowed and value in allowed[field]:
            setattr(self, field, value)
            if field == "resolution":
                self.wanted_variant = self.wanted_product = self.wanted_colour = ""
        elif field == "wanted_variant" and value.isdigit():
            self.wanted_variant = value
        elif field == "wanted_product" and value.isdigit():
            self.wanted_product, self.wanted_colour, self.wanted_variant = value, "", ""
        elif field == "wanted_colour" and value in self.colours:
            self.wanted_colour, self.wanted_variant = value, ""
        self.step_error = ""

    @rx.event
    def confirm_item(self):
        """Confirm refund or the exchange of this item, then go to the next one."""
        line = self._line()
        if not self._ready("resolve") or line is None:
            return
        problem = self._item_problem(line)
        if problem:
            self.step_error = problem
            return
        self.choices = {
            **self.choices,
            str(line["id"]): {
                "reason": self.reason,
                "resolution": self.resolution,
                "refund_method": self.refund_method if self.resolution == Resolution.REFUND else "",
                "variant_id": self.wanted_variant if self.resolution != Resolution.REFUND else "",
            },
        }
        self.step_error = ""
        if self.current + 1 < len(self._chosen()):
            self.current += 1
            self._restore_item()
        else:
            self.step = "details"

    def _item_problem(self, line: dict) -> str | None:
        if self.reason not in returns.REASONS:
            return "returns.invalid.reason"
        if self.resolution not in tuple(Resolution):
            return "returns.invalid.resolution"
        if self.resolution == Resolution.REFUND:
            ok = self.refund_method in tuple(RefundDestination)
            return None if ok else "returns.invalid.refund_method"
        wanted = wizard.find_variant(self._products(), self.wanted_variant)
        quantity = self.quantities.get(str(line["id"]), 0)
        return wizard.exchange_check(line, quantity, wanted, self.resolution)

    @rx.event
    def return_instead(self):
        """Rule E5: the wanted size is sold out: refund this item instead."""
        if self._ready("resolve"):
            self.resolution, self.wanted_variant = Resolution.REFUND, ""
            self.step_error = ""

    @rx.event
    def save_details(self, form_data: dict):
        """Check your details, then continue to the return method."""
        if not self._ready("details"):
            return
        data = form_data if isinstance(form_data, dict) else {}
        sender = {name: _text(data.get(name)) for name in wizard.SENDER_FIELDS}
        self.sender = sender
        if not all(sender.values()):
            self.step_error = "returns.invalid.details"
            return
        self.step, self.step_error = "method", ""
        if not self.method and self.methods:
            self.method = self.methods[0]

    @rx.event
    def choose_method(self, method: str):
        """Mondial Relay, salon or self-ship, among what her country allows."""
        if self._ready("method") and method in self.methods:
            self.method, self.step_error = method, ""

    @rx.event
    def choose_place(self, field: str, value: str):
        """Pick a salon (R4) or a relay point from the search results (R3)."""
        if not self._ready("method") or not isinstance(value, str):
            return
        if field == "salon_code" and value in [salon["value"] for salon in self.salons]:
            self.salon_code = value
        elif field == "relay_point_code" and value in [p["code"] for p in self.relay_results]:
            self.relay_point_code = value

    @rx.event
    async def search_relay(self, form_data: dict):
        """Find Mondial Relay points near a postcode (France and Belgium)."""
        if not self._ready("method"):
            return
        data = form_data if isinstance(form_data, dict) else {}
        self.relay_postcode = _text(data.get("postcode"))[:12]
        found = await asyncio.to_thread(
            _search, self._options()["order"].get("country", ""), self.relay_postcode
        )
        if isinstance(found, str):
            self.step_error, self.relay_results = found, []
            return
        self.relay_results, self.relay_point_code, self.step_error = found, "", ""

    @rx.event
    def method_done(self):
        """Continue from the return method to the summary."""
        if not self._ready("method"):
            return
        if self.method not in self.methods:
            self.step_error = "returns.invalid.method"
        elif self.method == ReturnMethod.STORE and not self.salon_code:
            self.step_error = "returns.invalid.salon"
        else:
            self.step, self.step_error = "review", ""

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
    def add_items(self):
        """Add other items: back to the list, keeping every choice made so far."""
        if self._order_id and self.step in ("resolve", "details", "method", "review"):
            self.step, self.step_error = "items", ""

    @rx.event
    async def confirm_return(self):
        """Confirm my return: stored once, however many clicks or tabs."""
        if not self._ready("review") or self.sending:
            return
        if self._order_id not in self._unlocked_order_ids:
            self.step_error = "returns.invalid.order"
            return
        salon = self.salon_code if self.method == ReturnMethod.STORE else ""
        place = {"method": self.method, "relay_point_code": self.relay_point_code,
                 "salon_code": salon}  # fmt: skip
        snapshot = {key: self._snapshot.get(key, 0) for key in self.quantities}
        draft = wizard.build_draft(
            self._options(), self.quantities, self.choices, place, self.sender, snapshot
        )
        self.sending = True
        try:
            outcome = await asyncio.to_thread(_declare, self._order_id, draft, self.language)
        finally:
            self.sending = False
        if not outcome.ok:
            self.step_error = outcome.message_key
            return
        self.return_number, self.step, self.step_error = outcome.value, "done", ""

    @rx.event
    def open_status(self):
        """Go to the status page of the return just declared."""
        if self.return_number:
            return rx.redirect(routes.return_page(self.return_number))
