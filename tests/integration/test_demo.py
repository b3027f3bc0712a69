"""The demo data set, loaded into a migrated SQLite file: every scenario it claims is true."""

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer, StaffUser
from alme_portal.accounts.services.passwords import verify_password
from alme_portal.demo import loader as demo
from alme_portal.demo.data import ScenarioTag
from alme_portal.demo.rows import s10_check_digit
from alme_portal.orders.models.catalog import Product, RelayPoint, Salon, Variant
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.platform import clock, db, schema, settings
from alme_portal.platform.models import AppMeta

ROOT = Path(__file__).resolve().parents[2]
ASKED_TAGS = {
    "delivered-returnable", "outside-return-window", "in-transit", "relay-pickup-waiting",
    "not-dispatched", "cancelled", "split-preorder", "chronopost", "abroad",
    "abroad-no-mondial-relay", "gift-card-only", "gift-card-and-card", "instalments",
    "deferred-payment", "shoes", "exchange-order", "guest", "returned-to-sender",
}  # fmt: skip
TRACKING_FORMATS = {
    ("colissimo", "home"): r"\d[A-Z]\d{11}",
    ("colissimo", "abroad"): r"[A-Z]{2}\d{9}FR",
    ("chronopost", "home"): r"\d{14}|X[A-Z]\d{9}FR",
    ("mondial_relay", "home"): r"\d{8}",
}


class Snapshot:
    """Every demo row, read back from the database and indexed for the checks."""

    def __init__(self, session: Session, now: datetime):
        self.now = now
        self.today = clock.in_paris(now).date()
        self.orders = {o.number: o for o in session.exec(select(Order))}
        self.by_id = {o.id: o for o in self.orders.values()}
        self.variants = {v.id: v for v in session.exec(select(Variant))}
        self.products = {p.id: p for p in session.exec(select(Product))}
        self.relay_points = {r.id: r for r in session.exec(select(RelayPoint))}
        self.customers = {c.id: c for c in session.exec(select(Customer))}
        self.staff = list(session.exec(select(StaffUser)))
        self.salons = list(session.exec(select(Salon)))
        self.meta = {m.key: m.value for m in session.exec(select(AppMeta))}
        self.lines, self.payments, self.shipments = (defaultdict(list) for _ in range(3))
        self.instalments, self.shipment_lines = defaultdict(list), defaultdict(list)
        for line in session.exec(select(OrderLine)):
            self.lines[line.order_id].append(line)
        for payment in session.exec(select(Payment)):
            self.payments[payment.order_id].append(payment)
        for shipment in session.exec(select(Shipment).order_by(Shipment.id)):
            self.shipments[shipment.order_id].append(shipment)
        for instalment in session.exec(select(Instalment).order_by(Instalment.sequence)):
            self.instalments[instalment.payment_id].append(instalment)
        for carried in session.exec(select(ShipmentLine)):
            self.shipment_lines[carried.shipment_id].append(carried)
        self.tags = {o["number"]: set(o["tags"]) for o in demo.demo_listing()["orders"]}

    def tagged(self, tag: str) -> list[Order]:
        return [self.orders[number] for number, tags in self.tags.items() if tag in tags]

    def product_of(self, line: OrderLine) -> Product:
        return self.products[self.variants[line.variant_id].product_id]

    def days_ago(self, moment: datetime) -> int:
        return (self.today - clock.in_paris(moment).date()).days


def _load(url: str, now: datetime) -> Snapshot:
    with clock.use_clock(now), Session(db.engine_for(url), expire_on_commit=False) as session:
        assert demo.load_demo(session).action == "loaded"
        session.commit()
        return Snapshot(session, now)


@pytest.fixture(scope="module")
def snap(tmp_path_factory) -> Snapshot:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'portal.db'}"
    schema.upgrade(url)
    return _load(url, clock.now())


# --- What each scenario tag promises --------------------------------------------------------

CHECKS = {}


def promise(tag):
    def register(check):
        CHECKS[tag] = check
        return check

    return register


@promise("delivered-returnable")
def _returnable(s: Snapshot, order: Order) -> None:  # rule R2
    assert order.status == "delivered" and s.shipments[order.id]
    for shipment in s.shipments[order.id]:
        assert shipment.status == "delivered"
        assert 0 <= s.days_ago(shipment.delivered_at) < settings.RETURN_WINDOW_DAYS


@promise("outside-return-window")
def _too_late(s: Snapshot, order: Order) -> None:  # rule R2
    assert order.status == "delivered" and s.shipments[order.id]
    for shipment in s.shipments[order.id]:
        assert s.days_ago(shipment.delivered_at) > settings.RETURN_WINDOW_DAYS


@promise("in-transit")
def _in_transit(s: Snapshot, order: Order) -> None:
    assert order.status == "dispatched"
    for shipment in s.shipments[order.id]:
        assert shipment.status in ("dispatched", "in_transit")
        assert shipment.tracking_number and shipment.dispatched_at <= s.now
        assert shipment.ready_for_pickup_at is None and shipment.delivered_at is None


@promise("relay-pickup-waiting")
def _at_relay(s: Snapshot, order: Order) -> None:
    assert order.shipping_method == "mondial_relay" and order.status == "dispatched"
    waiting = [x for x in s.shipments[order.id] if x.status == "ready_for_pickup"]
    assert waiting and all(x.ready_for_pickup_at <= s.now and not x.delivered_at for x in waiting)
    assert all(x.relay_point_id == order.relay_point_id is not None for x in waiting)


@promise("not-dispatched")
def _not_dispatched(s: Snapshot, order: Order) -> None:  # rule O1
    assert order.status == "confirmed"
    for shipment in s.shipments[order.id]:
        assert shipment.status == "planned" and shipment.tracking_number is None
        assert shipment.dispatched_at is None and shipment.planned_ship_date >= s.today


@promise("cancelled")
def _cancelled(s: Snapshot, order: Order) -> None:  # rule O2
    assert order.status == "cancelled"
    assert not any(x.dispatched_at for x in s.shipments[order.id])


@promise("split-preorder")
def _split(s: Snapshot, order: Order) -> None:  # rule O3
    shipments = s.shipments[order.id]
    assert len(shipments) >= 2 and order.status == "partially_dispatched"
    assert any(x.dispatched_at and x.tracking_number for x in shipments)
    later = [x for x in shipments if x.status == "planned" and x.planned_ship_date > s.today]
    assert later
    lines = {line.id: line for line in s.lines[order.id]}
    for shipment in later:
        for carried in s.shipment_lines[shipment.id]:
            variant = s.variants[lines[carried.order_line_id].variant_id]
            assert variant.preorder_ship_date == shipment.planned_ship_date


@promise("chronopost")
def _chronopost(s: Snapshot, order: Order) -> None:  # rule O4
    assert order.shipping_method == "chronopost" and order.ship_country == "FR"
    assert {x.carrier for x in s.shipments[order.id]} == {"chronopost"}


@promise("abroad")
def _abroad(s: Snapshot, order: Order) -> None:  # rule O5
    assert order.ship_country not in settings.EU_COUNTRIES
    assert order.shipping_method == "colissimo"
    for shipment in s.shipments[order.id]:
        assert re.fullmatch(TRACKING_FORMATS["colissimo", "abroad"], shipment.tracking_number)


@promise("abroad-no-mondial-relay")
def _no_relay_country(s: Snapshot, order: Order) -> None:  # rule R5
    assert order.ship_country not in settings.MONDIAL_RELAY_COUNTRIES
    assert order.shipping_method == "colissimo" and order.relay_point_id is None


@promise("gift-card-only")
def _gift_card_only(s: Snapshot, order: Order) -> None:  # rule R9
    [payment] = s.payments[order.id]
    assert payment.method == "gift_card" and payment.gift_card_code
    assert payment.amount_cents == order.total_cents


@promise("gift-card-and-card")
def _gift_card_and_card(s: Snapshot, order: Order) -> None:  # rule R10
    payments = {p.method: p for p in s.payments[order.id]}
    assert sorted(payments) == ["card", "gift_card"] and len(s.payments[order.id]) == 2
    assert payments["gift_card"].gift_card_code and payments["card"].card_last4
    assert sum(p.amount_cents for p in payments.values()) == order.total_cents


@promise("instalments")
def _instalments(s: Snapshot, order: Order) -> None:  # rule R11
    [payment] = [p for p in s.payments[order.id] if p.method == "instalments_3"]
    parts = s.instalments[payment.id]
    assert [i.sequence for i in parts] == [1, 2, 3]
    assert sum(i.amount_cents for i in parts) == payment.amount_cents
    assert max(i.amount_cents for i in parts) - min(i.amount_cents for i in parts) <= 1
    for earlier, later in zip(parts, parts[1:], strict=False):
        months = (later.due_date.year - earlier.due_date.year) * 12
        assert months + later.due_date.month - earlier.due_date.month == 1
    for part in parts:
        assert part.status == ("paid" if part.due_date <= s.today else "scheduled")
    assert {i.status for i in parts} == {"paid", "scheduled"}


@promise("deferred-payment")
def _deferred(s: Snapshot, order: Order) -> None:  # rule R12
    [payment] = [p for p in s.payments[order.id] if p.method.startswith("deferred_")]
    days = {"deferred_15": 15, "deferred_30": 30}[payment.method]
    placed_on = clock.in_paris(order.placed_at).date()
    assert payment.deferred_due_date == placed_on + timedelta(days=days)
    assert payment.deferred_due_date > s.today and payment.captured is False


@promise("shoes")
def _shoes(s: Snapshot, order: Order) -> None:  # rule R6
    shoes = [line for line in s.lines[order.id] if s.product_of(line).category == "shoes"]
    assert shoes and all(36 <= int(line.size) <= 41 for line in shoes)


@promise("exchange-order")
def _exchange(s: Snapshot, order: Order) -> None:  # rules E6, R13
    origin = s.by_id[order.origin_order_id]
    assert order.kind == "exchange" and origin.kind == "standard" and origin.id != order.id
    assert order.shipping_cents == 0 and (order.email, order.customer_id) == (
        origin.email,
        origin.customer_id,
    )
    where = ("shipping_method", "relay_point_id", "ship_address", "ship_postcode", "ship_country")
    assert [getattr(order, f) for f in where] == [getattr(origin, f) for f in where]
    origin_products = {s.product_of(line).id for line in s.lines[origin.id]}
    assert {s.product_of(line).id for line in s.lines[order.id]} <= origin_products
    delivered = max(x.delivered_at for x in s.shipments[origin.id])
    assert delivered < order.placed_at


@promise("guest")
def _guest(s: Snapshot, order: Order) -> None:
    assert order.customer_id is None and order.placed_logged_in is False


@promise("returned-to-sender")
def _returned(s: Snapshot, order: Order) -> None:  # rule O9
    assert order.status == "returned_to_sender"
    back = [x for x in s.shipments[order.id] if x.status == "returned_to_sender"]
    assert back and all(x.returned_to_sender_at <= s.now and not x.delivered_at for x in back)


@promise("email-unreachable")
def _unreachable(s: Snapshot, order: Order) -> None:  # rule C2
    assert order.email.rsplit("@", 1)[1] in settings.UNREACHABLE_EMAIL_DOMAINS


@promise("logged-out-member")
def _logged_out_member(s: Snapshot, order: Order) -> None:  # rule L9
    assert order.customer_id is None and not order.placed_logged_in
    assert order.email in {c.email for c in s.customers.values()}


def test_every_asked_tag_is_a_scenario_tag_with_a_check():
    assert ASKED_TAGS <= {tag.value for tag in ScenarioTag}
    assert set(CHECKS) == {tag.value for tag in ScenarioTag}


@pytest.mark.parametrize("tag", sorted(tag.value for tag in ScenarioTag))
def test_every_tag_has_orders_that_really_match_it(snap, tag):
    orders = snap.tagged(tag)
    assert orders, f"no demo order tagged {tag}"
    for order in orders:
        CHECKS[tag](snap, order)


# --- What holds for every order ---------------------------------------------------------------


def check_identity(s: Snapshot) -> None:
    assert 18 <= len(s.orders) <= 25 and set(s.orders) == set(s.tags)
    for order in s.orders.values():
        assert re.fullmatch(r"[A-Z]{2}\d{6}", order.number)
        assert order.email == order.email.lower()
        if order.customer_id is not None:
            assert order.email == s.customers[order.customer_id].email
        if order.placed_logged_in:
            assert order.customer_id is not None
    assert any(o.placed_logged_in for o in s.orders.values())


def check_money(s: Snapshot) -> None:
    for order in s.orders.values():
        lines = s.lines[order.id]
        assert lines
        assert order.subtotal_cents == sum(x.unit_price_cents * x.quantity for x in lines)
        assert order.discount_cents == sum(x.discount_cents for x in lines)
        assert order.total_cents == order.subtotal_cents + order.shipping_cents - (
            order.discount_cents
        )
        for line in lines:
            assert line.unit_price_cents == s.variants[line.variant_id].price_cents
        payments = s.payments[order.id]
        assert sum(p.amount_cents for p in payments) == order.total_cents
        assert len(payments) == 1 or sorted(p.method for p in payments)[1] == "gift_card"
        for payment in payments:
            if payment.method in ("card", "instalments_3", "deferred_15", "deferred_30"):
                assert payment.card_brand in ("Visa", "Mastercard")
                assert re.fullmatch(r"\d{4}", payment.card_last4)
            if payment.method == "paypal":
                assert payment.paypal_email == order.email


def check_shipments(s: Snapshot) -> None:
    for order in s.orders.values():
        relay = s.relay_points.get(order.relay_point_id)
        if order.shipping_method == "mondial_relay":
            assert relay and relay.country == order.ship_country in ("FR", "BE")
        else:
            assert relay is None
        if order.shipping_method == "chronopost":
            assert order.ship_country == "FR"
        for shipment in s.shipments[order.id]:
            assert shipment.carrier == order.shipping_method
            assert shipment.relay_point_id == order.relay_point_id


def check_tracking_numbers(s: Snapshot) -> None:
    numbers = []
    for order in s.orders.values():
        abroad = order.ship_country != "FR" and order.shipping_method == "colissimo"
        zone = "abroad" if abroad else "home"
        for shipment in s.shipments[order.id]:
            assert (shipment.tracking_number is None) == (shipment.dispatched_at is None)
            if shipment.tracking_number:
                pattern = TRACKING_FORMATS[shipment.carrier, zone]
                assert re.fullmatch(pattern, shipment.tracking_number), shipment.tracking_number
                numbers.append(shipment.tracking_number)
                if zone == "abroad":
                    serial, check = shipment.tracking_number[2:10], shipment.tracking_number[10]
                    assert s10_check_digit(serial) == int(check)
    assert len(numbers) == len(set(numbers)) > 15


def check_lines_travel(s: Snapshot) -> None:
    for order in s.orders.values():
        lines = {line.id: line for line in s.lines[order.id]}
        shipped = defaultdict(int)
        for shipment in s.shipments[order.id]:
            for carried in s.shipment_lines[shipment.id]:
                assert carried.order_line_id in lines
                shipped[carried.order_line_id] += carried.quantity
        if s.shipments[order.id]:
            assert shipped == {line.id: line.quantity for line in lines.values()}


def order_statuses_allowed(shipment_statuses: set[str]) -> set[str]:
    if shipment_statuses <= {"planned"}:
        return {"confirmed", "cancelled"}
    if "returned_to_sender" in shipment_statuses:
        return {"returned_to_sender"}
    if shipment_statuses == {"delivered"}:
        return {"delivered"}
    if "planned" in shipment_statuses:
        return {"partially_dispatched"}
    return {"dispatched"}


def check_status(s: Snapshot) -> None:
    for order in s.orders.values():
        statuses = {x.status for x in s.shipments[order.id]}
        assert order.status in order_statuses_allowed(statuses), (order.number, statuses)
    assert {o.status for o in s.orders.values()} == {
        "confirmed", "partially_dispatched", "dispatched", "delivered", "cancelled",
        "returned_to_sender",
    }  # fmt: skip


def check_dates(s: Snapshot) -> None:
    for order in s.orders.values():
        assert order.placed_at.tzinfo == UTC and order.placed_at < s.now
        for shipment in s.shipments[order.id]:
            steps = [order.placed_at, shipment.dispatched_at, shipment.ready_for_pickup_at]
            steps += [shipment.delivered_at or shipment.returned_to_sender_at]
            known = [moment for moment in steps if moment is not None]
            assert all(moment.tzinfo == UTC for moment in known)
            assert known == sorted(known) and known[-1] <= s.now


ORDER_CHECKS = [check_identity, check_money, check_shipments, check_tracking_numbers]
ORDER_CHECKS += [check_lines_travel, check_status, check_dates]


@pytest.mark.parametrize("check", ORDER_CHECKS, ids=lambda check: check.__name__)
def test_every_order_is_consistent(snap, check):
    check(snap)


@pytest.mark.parametrize(
    "moment",
    [
        "2027-01-31T18:00:00+01:00",  # instalments due on the 31st
        "2026-03-29T01:30:00+01:00",  # the night clocks go forward in Paris
        "2026-12-31T23:30:00+00:00",  # already New Year's Day in Paris
    ],
)
def test_scenarios_hold_whatever_the_load_day(tmp_path, moment):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    schema.upgrade(url)
    snapshot = _load(url, datetime.fromisoformat(moment).astimezone(UTC))
    for check in ORDER_CHECKS:
        check(snapshot)
    for tag, check in CHECKS.items():
        for order in snapshot.tagged(tag):
            check(snapshot, order)


# --- Catalogue, places, accounts --------------------------------------------------------------

PRICE_RANGES = {"TS": (4_500, 6_500), "KN": (12_000, 19_000), "TR": (11_000, 15_000)}
CLOTHING_SIZES, SHOE_SIZES = {"XS", "S", "M", "L", "XL"}, {"36", "37", "38", "39", "40", "41"}
PRICE_RANGES |= {"DR": (15_000, 22_000), "SO": (18_000, 26_000), "SH": (8_000, 12_000)}


def test_catalogue_is_varied_and_realistic(snap):
    variants = list(snap.variants.values())
    assert len({v.sku for v in variants}) == len(variants)
    assert any(v.stock == 0 for v in variants) and any(v.stock > 0 for v in variants)
    preorders = [v for v in variants if v.preorder_ship_date]
    assert preorders and all(v.preorder_ship_date > snap.today for v in preorders)
    for product in snap.products.values():
        own = [v for v in variants if v.product_id == product.id]
        assert len({v.colour for v in own}) >= 2 and product.name_en != product.name_fr
        sizes = {v.size for v in own}
        assert sizes == (SHOE_SIZES if product.category == "shoes" else CLOTHING_SIZES)
        low, high = PRICE_RANGES[product.reference.split("-")[1]]
        assert all(low <= v.price_cents <= high for v in own)
        assert product.image == f"/products/{product.reference}.svg"
        picture = ROOT / "assets" / product.image.lstrip("/")
        assert picture.is_file() and picture.stat().st_size < 2_048
        assert picture.read_text().startswith("<svg")
    assert {"clothing", "shoes"} == {p.category for p in snap.products.values()}


def test_salons_and_relay_points(snap):
    assert len(snap.salons) == 3
    assert all(s.city == "Paris" and s.postcode.startswith("750") for s in snap.salons)
    assert all(s.opening_hours and s.accepts_returns for s in snap.salons)
    points = list(snap.relay_points.values())
    assert 10 <= len(points) <= 14
    for point in points:
        assert re.fullmatch(r"(FR|BE)-\d{6}", point.code) and point.code[:2] == point.country
        assert 42 < point.latitude < 51.5 and -2 < point.longitude < 8
    assert {"Paris", "Lyon", "Bordeaux", "Lille", "Bruxelles"} <= {p.city for p in points}


def test_accounts_log_in_with_the_listed_passwords(snap):
    accounts = demo.demo_listing()["accounts"]
    customers = {c.email: c for c in snap.customers.values()}
    staff = {s.email: s for s in snap.staff}
    for account in accounts:
        assert len(account["password"]) == settings.DEMO_PASSWORD_LENGTH
        assert account["purpose"]
        row = (staff if account["role"] == "staff" else customers)[account["email"]]
        assert row.password_hash.startswith("$argon2id$")
        assert verify_password(row.password_hash, account["password"])
        assert not verify_password(row.password_hash, account["password"] + "x")
    assert staff and not set(staff) & set(customers)
    assert any(e.endswith("@orange.fr") for e in customers)  # rule C2


def test_database_is_marked_as_the_demo_of_the_load_day(snap):
    assert snap.meta == {"dataset": "demo", "demo_loaded_on": snap.today.isoformat()}


# --- Loading twice, refreshing, refusing ------------------------------------------------------


def _fingerprint(session: Session) -> tuple:
    counts = tuple(
        session.exec(select(sa.func.count()).select_from(model)).one()
        for model in (Order, Customer, Product, Variant, Shipment, Payment)
    )
    hashes = tuple(session.exec(select(Customer.password_hash).order_by(Customer.id)))
    return counts, hashes


def test_loading_again_the_same_day_changes_nothing(session):
    demo.load_demo(session)
    session.commit()
    before = _fingerprint(session)
    result = demo.load_demo(session)
    session.commit()
    assert result.action == "kept" and "already loaded" in result.message
    assert _fingerprint(session) == before


def test_refresh_reloads_everything_once(session):
    demo.load_demo(session)
    session.commit()
    (counts, hashes) = _fingerprint(session)
    result = demo.load_demo(session, refresh=True)
    session.commit()
    assert result.action == "reloaded"
    new_counts, new_hashes = _fingerprint(session)
    assert new_counts == counts  # rewritten, not duplicated
    assert set(new_hashes).isdisjoint(hashes)  # every account was hashed afresh


def test_a_demo_loaded_on_an_earlier_day_is_reloaded_with_fresh_dates(session):
    now = clock.now()
    delivered = select(Shipment.delivered_at).join(Order).where(Order.number == "AL100101")
    with clock.use_clock(now - timedelta(days=1)):
        demo.load_demo(session)
    session.commit()
    yesterday_delivery = session.exec(delivered).one()
    with clock.use_clock(now):
        result = demo.load_demo(session)
    session.commit()
    assert result.action == "reloaded" and "loaded on" in result.message
    assert session.exec(delivered).one() - yesterday_delivery == timedelta(days=1)
    assert session.get(AppMeta, "demo_loaded_on").value == clock.in_paris(now).date().isoformat()


def test_a_database_holding_other_data_is_refused_and_untouched(session):
    session.add(
        Customer(email="real@customer.fr", first_name="Real", last_name="Customer",
                 password_hash="x", created_at=clock.now())
    )  # fmt: skip
    session.commit()
    with pytest.raises(demo.DemoRefused, match="not the demo"):
        demo.load_demo(session)
    session.rollback()
    assert [c.email for c in session.exec(select(Customer))] == ["real@customer.fr"]
    assert session.exec(select(Product)).first() is None
    assert session.exec(select(AppMeta)).first() is None


def test_a_database_marked_as_another_dataset_is_refused(session):
    session.add(AppMeta(key="dataset", value="production"))
    session.commit()
    with pytest.raises(demo.DemoRefused, match="production"):
        demo.load_demo(session)
    assert session.exec(select(Order)).first() is None


def test_an_unmigrated_database_is_refused_with_the_command_to_run(tmp_path):
    with Session(db.engine_for(f"sqlite:///{tmp_path / 'empty.db'}")) as session:
        with pytest.raises(demo.SchemaMissing, match="alme-portal db upgrade"):
            demo.load_demo(session)


# --- The console command ----------------------------------------------------------------------


@pytest.fixture
def cli_env(tmp_path) -> dict:
    """Environment of a console run whose database is a file in tmp_path."""
    return {**os.environ, "ALME_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}"}


def run_cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "alme_portal.cli", *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)


def test_demo_list_json_prints_every_tag_and_account(cli_env):
    listed = run_cli(cli_env, "demo", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    listing = json.loads(listed.stdout)
    numbers = [order["number"] for order in listing["orders"]]
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers))
    assert {tag for order in listing["orders"] for tag in order["tags"]} >= ASKED_TAGS
    assert all(order["summary"] and order["email"] for order in listing["orders"])
    assert {"customer", "staff"} == {account["role"] for account in listing["accounts"]}
    fields = {"email", "password", "role", "purpose", "tier", "loyalty"}
    assert all(set(account) == fields for account in listing["accounts"])
    assert listing == demo.demo_listing()


def test_demo_list_prints_a_readable_table(cli_env):
    listed = run_cli(cli_env, "demo", "list")
    assert listed.returncode == 0
    assert "AL100101" in listed.stdout and "Lovers-Paris-26!" in listed.stdout
    assert not listed.stdout.lstrip().startswith("{")


def test_demo_load_fills_once_then_keeps_the_demo(cli_env):
    assert run_cli(cli_env, "db", "upgrade").returncode == 0
    first = run_cli(cli_env, "demo", "load")
    assert first.returncode == 0 and "loaded" in first.stdout, first.stderr
    second = run_cli(cli_env, "demo", "load")
    assert second.returncode == 0 and "already loaded" in second.stdout
    with Session(db.engine_for(cli_env["ALME_DATABASE_URL"])) as session:
        assert session.exec(select(sa.func.count()).select_from(Order)).one() == len(
            demo.demo_listing()["orders"]
        )


def test_demo_load_refuses_a_database_with_other_data(cli_env):
    url = cli_env["ALME_DATABASE_URL"]
    schema.upgrade(url)
    with Session(db.engine_for(url)) as session:
        session.add(Salon(code="LYON", name="Almé Lyon", address="1 rue X", postcode="69002",
                          city="Lyon", country="FR", opening_hours="10:00–19:00"))  # fmt: skip
        session.commit()
    refused = run_cli(cli_env, "demo", "load")
    assert refused.returncode == 2
    assert "not the demo" in refused.stderr and "Traceback" not in refused.stderr
    with Session(db.engine_for(url)) as session:
        assert [s.code for s in session.exec(select(Salon))] == ["LYON"]


def test_demo_load_before_the_schema_says_to_upgrade(cli_env, tmp_path):
    refused = run_cli(cli_env, "demo", "load")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "alme-portal db upgrade" in refused.stderr
    assert not (tmp_path / "portal.db").exists()


def test_missing_database_folder_exits_2_with_a_readable_message(cli_env, tmp_path):
    env = {**cli_env, "ALME_DATABASE_URL": f"sqlite:///{tmp_path / 'absent' / 'portal.db'}"}
    failed = run_cli(env, "demo", "load")
    assert failed.returncode == 2
    assert "does not exist" in failed.stderr and "Traceback" not in failed.stderr


def test_order_replay_creates_a_missed_order_once(cli_env, tmp_path):
    from test_order_feed import order_data

    assert run_cli(cli_env, "db", "upgrade").returncode == 0
    assert run_cli(cli_env, "demo", "load").returncode == 0
    source = tmp_path / "order.json"
    source.write_text(json.dumps(order_data()))
    first = run_cli(cli_env, "order", "replay", str(source))
    assert first.returncode == 0 and "replayed" in first.stdout, first.stderr
    again = run_cli(cli_env, "order", "replay", str(source))
    assert again.returncode == 0 and "already" in again.stdout
    with Session(db.engine_for(cli_env["ALME_DATABASE_URL"])) as session:
        orders = session.exec(select(Order).where(Order.number == "AL200001")).all()
        assert len(orders) == 1 and orders[0].email == "alice.martin@example.fr"


def test_order_replay_refuses_bad_files_and_changes_nothing(cli_env, tmp_path):
    from test_order_feed import order_data

    assert run_cli(cli_env, "db", "upgrade").returncode == 0
    assert run_cli(cli_env, "demo", "load").returncode == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps(order_data(total_cents=1)))
    for path in (broken, invalid, tmp_path / "missing.json"):
        refused = run_cli(cli_env, "order", "replay", str(path))
        assert refused.returncode == 1 and refused.stderr.startswith("alme-portal:")
    with Session(db.engine_for(cli_env["ALME_DATABASE_URL"])) as session:
        assert session.exec(select(Order).where(Order.number == "AL200001")).first() is None
