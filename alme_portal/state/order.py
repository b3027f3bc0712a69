"""The order page: opens only for a tab that found the order, shows every parcel."""

import asyncio
import dataclasses
import logging
import re

import reflex as rx

from alme_portal.adapters.carriers.http import CarrierUnavailable, TrackingNumberInvalid
from alme_portal.adapters.carriers.statuses import TrackingResult, TrackingStatus
from alme_portal.adapters.carriers.tracking import shared_tracking_service
from alme_portal.i18n import colour_name
from alme_portal.orders.services import changes as order_changes
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.orders.views import after_dispatch, build_order_page
from alme_portal.platform import clock, db, settings
from alme_portal.refunds.services import texts as refund_texts
from alme_portal.returns.services import withdrawals
from alme_portal.state.tracking import unlocked_orders
from alme_portal.state.ui import UiState

ORDER_NUMBER = re.compile(r"^[A-Za-z]{2}\d{6}$")
logger = logging.getLogger(__name__)


@dataclasses.dataclass
class ParcelCard:
    """One parcel as the page shows it."""

    id: int = 0
    title: str = ""
    carrier: str = ""
    status: str = ""
    status_code: str = ""
    tracking_number: str = ""
    tracking_url: str = ""
    headline: str = ""
    estimate: str = ""
    """Rule O4: the carrier's estimated delivery, when it gives one."""
    guidance: list[str] = dataclasses.field(default_factory=list)
    carrier_note: str = ""
    contents: list[str] = dataclasses.field(default_factory=list)
    events: list[dict[str, str]] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ChangeLine:
    """An item of the order with the colours and sizes it could be changed to (rule O1)."""

    id: str = ""
    name: str = ""
    colour: str = ""
    size: str = ""
    colours: list[str] = dataclasses.field(default_factory=list)
    sizes: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class OrderPageView:
    """The whole order page in one language."""

    number: str = ""
    title: str = ""
    placed: str = ""
    status: str = ""
    lines: list[dict[str, str]] = dataclasses.field(default_factory=list)
    totals: list[dict[str, str]] = dataclasses.field(default_factory=list)
    payments: list[str] = dataclasses.field(default_factory=list)
    destination_title: str = ""
    destination: list[str] = dataclasses.field(default_factory=list)
    notices: list[str] = dataclasses.field(default_factory=list)
    email_undeliverable: str = ""
    parcels: list[ParcelCard] = dataclasses.field(default_factory=list)
    can_change: bool = False
    after_dispatch: str = ""
    """What she can still do once it can no longer change (return it, or why not)."""
    returns_open: bool = False
    change_lines: list[ChangeLine] = dataclasses.field(default_factory=list)
    line_choices: list[dict[str, str]] = dataclasses.field(default_factory=list)
    relay_points: list[dict[str, str]] = dataclasses.field(default_factory=list)
    withdrawal_open: bool = False


def _track(carrier: str, number: str):
    try:
        return shared_tracking_service().track(carrier, number)
    except TrackingNumberInvalid as error:  # an answer, not an outage: no "not answering"
        logger.error("tracking %s %s: the carrier refuses the number: %s", carrier, number, error)
        return TrackingResult(carrier, number, TrackingStatus.LABEL_CREATED, (), None, None,
                              clock.now())  # fmt: skip
    except (CarrierUnavailable, ValueError) as error:
        logger.warning("tracking %s %s unavailable: %s", carrier, number, error)
        return None


def _load_views(order_number: str, unlocked: list[int]) -> tuple[int, dict[str, dict]] | None:
    with db.session_scope() as session:
        order_id = order_lookup.order_id_for_number(session, order_number)
        if order_id is None or order_id not in unlocked:
            return None
        # Both languages from one read (only names differ): a switch needs no round trip.
        views = order_lookup.order_views(session, order_id, settings.LANGUAGES)
        pending = order_changes.pending_requests(session, order_id)
        orders = {
            lang: {**views[lang], "pending_requests": pending,
                   "parcel_refund": refund_texts.parcel_refund_lines(session, order_id, lang)}
            for lang in settings.LANGUAGES
        }  # fmt: skip
        options = order_changes.change_options_in(session, order_id, settings.LANGUAGES)
        can_withdraw = withdrawals.withdrawal_open_for(session, order_id, clock.today())
    tracking = {
        shipment["id"]: _track(shipment["carrier"], shipment["tracking_number"])
        for shipment in orders["en"]["shipments"]
        if shipment["tracking_number"]
    }
    views = {
        lang: {
            **build_order_page(order, tracking, lang),
            **_change_view(order, options[lang], lang),
            "withdrawal_open": can_withdraw,
        }
        for lang, order in orders.items()
    }
    return order_id, views


def _change_view(order: dict, options: dict, language: str) -> dict:
    """What the change panel offers (rule O1), shaped for the page's selects."""
    lines = [{**line, "id": str(line["id"])} for line in options["lines"]]
    after, returns_open = after_dispatch(order, language, clock.today())
    return {
        "can_change": order["can_request_change"],
        "after_dispatch": after,
        "returns_open": returns_open,
        "change_lines": lines,
        "line_choices": [
            {
                "value": line["id"],
                "label": " · ".join(
                    (line["name"], colour_name(line["colour"], language), line["size"])
                ),
            }
            for line in lines
        ],  # fmt: skip
        "relay_points": [
            {"value": point["code"], "label": point["label"]} for point in options["relay_points"]
        ],
    }


class OrderState(UiState):
    """The order this tab looked up, in both languages (the visible one follows the switch)."""

    loaded: bool = False
    denied: bool = False
    just_paid: bool = False
    """She comes back from paying an exchange's supplement (E4): say it was received."""
    _views: dict[str, dict] = {}
    _order_id: int = 0
    _loads: int = 0
    """Page loads started by this tab: only the latest one's answer is shown."""
    _shown: str = ""
    """The order number whose page is on screen (a reconnect loads it again, on_load)."""

    @rx.var
    def view(self) -> OrderPageView:
        """The order page in the visitor's language."""
        data = self._views.get(self.language)
        if not data:
            return OrderPageView()
        parcels = [ParcelCard(**parcel) for parcel in data["parcels"]]
        lines = [ChangeLine(**line) for line in data["change_lines"]]
        return OrderPageView(**{**data, "parcels": parcels, "change_lines": lines})

    @rx.event(background=True)
    async def load_order(self):
        """Show the order named in the address, if this tab found it with its e-mail.

        A background event: the carriers may take seconds to answer; meanwhile the page says
        it is loading and the tab's other events are served.
        """
        async with self:
            self._loads += 1
            load = self._loads
            self.just_paid = self.router.page.params.get("paid") == "1"
            reference = self.router.page.params.get("order_ref", "")
            if reference != self._shown:  # the same order stays on screen while it refreshes
                self.loaded, self.denied, self._views, self._order_id = False, False, {}, 0
            if not isinstance(reference, str) or not ORDER_NUMBER.match(reference):
                self.denied, self.loaded, self._views, self._shown = True, True, {}, ""
                return
            unlocked = await unlocked_orders(self)
        found = await asyncio.to_thread(_load_views, reference, unlocked)
        async with self:
            if load != self._loads:
                return  # she has opened another order since: that page is the one to show
            self.denied = found is None
            self._order_id, self._views = found or (0, {})
            self._shown = reference if found else ""
            self.loaded = True
