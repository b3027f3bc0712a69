"""The demo keeps every promise of `demo list` whatever day it is loaded on.

`alme-portal demo load` dates each record relative to the load day, so a person trying the
portal on a Sunday or on Christmas Day must see what the listing says. The demo is loaded on
each of seven days in a row, Monday 21 to Sunday 27 December 2026 (Christmas is the Friday),
and what the customer sees is read the way the pages read it: order pages built from the
carrier simulator over HTTP, the return wizard's options and the Almé Lovers dashboard.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from carrier_sim import MR_KEY, OKAPI_KEY, serve
from conftest import _copy
from sqlmodel import Session, select
from test_demo import CHECKS, ORDER_CHECKS, Snapshot

from alme_portal.accounts.models.customers import Customer
from alme_portal.adapters.carriers.laposte import LaPosteClient
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.tracking import TrackingService
from alme_portal.demo import loader as demo
from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.orders.views import build_order_page
from alme_portal.platform import clock, db, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.returns.services import options as return_options
from alme_portal.simulator import create_simulator_app
from alme_portal.simulator import scenarios as sc

LOAD_DAYS = [date(2026, 12, 21) + timedelta(days=offset) for offset in range(7)]
SILENT = translate("en", "guide.silent")


@pytest.fixture(scope="module")
def tracking():
    """Tracking through the carrier simulator over real HTTP, never cached."""
    with serve(create_simulator_app(mondial_relay_key=MR_KEY)) as url:
        laposte = LaPosteClient(f"{url}/laposte/suivi/v2", OKAPI_KEY)
        relay = MondialRelayClient(
            f"{url}/mondialrelay/Web_Services.asmx", settings.DEFAULT_MONDIAL_RELAY_ENSEIGNE, MR_KEY
        )
        yield TrackingService(laposte, relay, cache_seconds=0)


class LoadedDay:
    """The demo loaded on one day, and what its pages show that day."""

    def __init__(self, session: Session, now: datetime, tracking: TrackingService):
        self.session, self.now, self.tracking = session, now, tracking
        self.today = clock.in_paris(now).date()
        self.snapshot = Snapshot(session, now)
        self.listing = demo.demo_listing()

    def orders(self, tag: str) -> list[str]:
        return [o["number"] for o in self.listing["orders"] if tag in o["tags"]]

    def order_id(self, number: str) -> int:
        return self.session.exec(select(Order.id).where(Order.number == number)).one()

    def order_page(self, number: str, replace_tracking: dict | None = None) -> dict:
        view = order_lookup.order_view(self.session, self.order_id(number), "en")
        results = {
            shipment["id"]: self.tracking.track(shipment["carrier"], shipment["tracking_number"])
            for shipment in view["shipments"]
            if shipment["tracking_number"]
        }
        return build_order_page(view, results | (replace_tracking or {}), "en")

    def window_open(self, number: str) -> bool:
        """Whether the wizard still takes a return of the order's lines (one declared counts)."""
        options = return_options.return_options(
            self.session, self.order_id(number), "en", self.today
        )
        refusals = {line["refusal"] for line in options["lines"]}
        return "returns.refused.window_closed" not in refusals and all(
            line["deadline"] >= self.today for line in options["lines"]
        )


@pytest.fixture(scope="module", params=LOAD_DAYS, ids=lambda day: f"{day:%a-%d-%b}")
def loaded(request, templates, tmp_path_factory, tracking):
    """The demo loaded at 10:00 (Paris) on the day; the clock stays there while tests read it."""
    path = Path(tmp_path_factory.mktemp("week")) / "portal.db"
    _copy(templates["empty"], path)
    now = datetime.combine(request.param, time(10), clock.PARIS)
    engine = db.engine_for(f"sqlite:///{path}")
    with clock.use_clock(now), Session(engine, expire_on_commit=False) as session:
        demo.load_demo(session)
        session.commit()
        yield LoadedDay(session, now, tracking)
    engine.dispose()


def test_every_tag_holds_its_promise_in_the_database(loaded):
    for check in ORDER_CHECKS:
        check(loaded.snapshot)
    for tag, check in CHECKS.items():
        for order in loaded.snapshot.tagged(tag):
            check(loaded.snapshot, order)


def test_parcels_on_their_way_show_a_window_ahead_and_no_silence(loaded):  # rules O4, O7
    for number in loaded.orders("in-transit"):
        for parcel in loaded.order_page(number)["parcels"]:
            assert parcel["status_code"] in ("label_created", "in_transit"), number
            assert parcel["headline"].startswith("Expected between"), number
            assert SILENT not in parcel["guidance"], number


def test_the_silent_parcel_shows_the_o7_guidance(loaded):  # rule O7
    number = loaded.orders("in-transit")[0]
    shipment = order_lookup.order_view(loaded.session, loaded.order_id(number), "en")["shipments"][
        0
    ]
    silent = loaded.tracking.track("colissimo", sc.LP_SILENT)
    page = loaded.order_page(number, replace_tracking={shipment["id"]: silent})
    assert SILENT in page["parcels"][0]["guidance"]


def test_relay_parcels_wait_until_a_day_still_ahead(loaded):
    for number in loaded.orders("relay-pickup-waiting"):
        order = loaded.snapshot.orders[number]
        for shipment, parcel in zip(
            loaded.snapshot.shipments[order.id], loaded.order_page(number)["parcels"], strict=True
        ):
            ready = clock.in_paris(shipment.ready_for_pickup_at).date()
            until = add_working_days(ready, settings.RELAY_PICKUP_HOLD_WORKING_DAYS)
            assert until > loaded.today
            assert parcel["headline"].endswith(f"until {format_date(until, 'en')}."), number


def test_returned_parcels_promise_the_o9_refund(loaded):  # rule O9
    for number in loaded.orders("returned-to-sender"):
        guidance = loaded.order_page(number)["parcels"][0]["guidance"]
        assert any("refund" in text for text in guidance), number


def test_the_return_window_is_open_or_closed_as_listed(loaded):  # rule R2
    for number in loaded.orders("delivered-returnable"):
        assert loaded.window_open(number), number
    for number in loaded.orders("outside-return-window"):
        assert not loaded.window_open(number), number


def test_orders_not_dispatched_can_still_be_changed(loaded):  # rules O1, O3
    for number in loaded.orders("not-dispatched"):
        page = loaded.order_page(number)
        view = order_lookup.order_view(loaded.session, loaded.order_id(number), "en")
        assert view["can_request_change"], number
        assert all(p["status_code"] == "planned" for p in page["parcels"]), number


def test_each_members_loves_are_as_listed(loaded):  # rules L3, L7, L11
    members = {c.email: c.id for c in loaded.session.exec(select(Customer))}
    for account in loaded.listing["accounts"]:
        if account["role"] != "customer":
            continue
        view = loyalty.dashboard(loaded.session, members[account["email"]], loaded.today)
        note = account["loyalty"]
        assert view["tier"] == account["tier"], account["email"]
        assert ("pending loves" in note) == bool(view["pending"]), account["email"]
        assert ("to spend" in note) == (view["available"] > 0), account["email"]
