"""Data-scale benchmark: guest order lookup plus the order page's data, at growing order counts.

A fresh, migrated SQLite file gets the demo (for its catalogue and relay points), then
deterministic synthetic orders (1-3 lines, a payment, 1-2 parcels with their lines) until it
holds the first requested number of orders; a copy of it is grown to the next size, and so on.
One visit is what the portal does for a guest: a fresh session, `find_order` with a real order
number and its e-mail, then the order page's data (`order_view` and the O1 change options, in
both languages, as `state.order` reads them), then commit. A wrong-e-mail lookup (not
found, one failure written) is measured on its own. Visits to the sizes are interleaved, so
that the load of a shared machine weighs on every size alike.

The figure that matters is p95(largest size) / p95(smallest size): the lookup and the page
data must cost the same whatever the number of orders (goal: under 1.5). The query plans of
every SELECT involved are kept, with any full scan of an order table.

Run: `.venv/bin/python -m bench.data_scale [--sizes 1000 100000] [--json PATH]`.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from alme_portal.demo import loader as demo
from alme_portal.orders.models.catalog import RelayPoint, Variant
from alme_portal.orders.models.feed import LookupFailure
from alme_portal.orders.models.orders import Order, OrderLine, Payment, Shipment, ShipmentLine
from alme_portal.orders.services.changes import change_options
from alme_portal.orders.services.lookup import find_order, order_view
from alme_portal.platform import clock, db, schema, settings
from alme_portal.platform.outcome import Status
from alme_portal.platform.vocabulary import (
    Carrier,
    OrderStatus,
    PaymentMethod,
    ShipmentStatus,
    ShippingMethod,
)

METRIC = "order lookup + page data p95"
DEFAULT_SIZES = (1_000, 100_000)
DEFAULT_ITERATIONS = 1_000
DEFAULT_WARMUP = 100
GOAL_RATIO = 1.5
SEED = 20261125
BATCH_ORDERS = 5_000
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
"""The frozen instant of the whole run (the demo is loaded at it, orders are placed before)."""
NUMBER_PREFIX = "BN"
"""Synthetic order numbers are `BN000001`...: two letters and six digits, like the shop's."""
MAX_SYNTHETIC = 999_999
ORDER_TABLES = ("customer_order", "order_line", "payment", "shipment", "shipment_line")
"""The tables that grow with the number of orders: a full scan of one is a scale bug."""
_FULL_SCAN = re.compile(rf"^SCAN ({'|'.join(ORDER_TABLES)}|lookup_failure)\b")

FIRST_NAMES = (
    "camille", "lea", "manon", "chloe", "ines", "sarah", "julie", "emma", "louise", "alice",
    "claire", "anna", "jade", "lucie", "marie", "pauline", "zoe", "elsa", "nina", "laura",
)  # fmt: skip
LAST_NAMES = (
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
    "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux",
    "vincent", "fournier",
)  # fmt: skip
HOMES = {
    "FR": (("75011", "Paris"), ("69002", "Lyon"), ("33000", "Bordeaux"), ("59000", "Lille")),
    "BE": (("1000", "Bruxelles"), ("4000", "Liège")),
    "DE": (("10115", "Berlin"),),
    "CH": (("1201", "Genève"),),
}
COUNTRY_OF_CUSTOMER = ("FR",) * 16 + ("BE", "BE", "DE", "CH")
"""Indexed by customer number: mostly France, some Belgium, a little Germany and Switzerland."""
CARRIER_OF = {
    ShippingMethod.COLISSIMO: Carrier.COLISSIMO,
    ShippingMethod.MONDIAL_RELAY: Carrier.MONDIAL_RELAY,
    ShippingMethod.CHRONOPOST: Carrier.CHRONOPOST,
}


def _log(message: str) -> None:
    sys.stderr.write(f"[bench.data_scale] {message}\n")
    sys.stderr.flush()


def order_number(index: int) -> str:
    """Return the number of the `index`-th synthetic order (1-based), e.g. `BN000001`."""
    return f"{NUMBER_PREFIX}{index:06d}"


def prepare_database(folder: Path) -> sa.Engine:
    """Create, migrate and fill with the demo a new SQLite file `bench.db` in `folder`.

    Args:
        folder: an existing, writable folder.

    Returns:
        The portal engine of the new database.
    """
    url = f"sqlite:///{folder / 'bench.db'}"
    schema.upgrade(url)
    engine = db.engine_for(url)
    with clock.use_clock(NOW), Session(engine) as session:
        demo.load_demo(session)
        session.commit()
    return engine


def count_orders(engine: sa.Engine, *, synthetic_only: bool = False) -> int:
    """Return how many orders the database holds (only the synthetic ones if asked)."""
    query = sa.select(sa.func.count()).select_from(Order.__table__)
    if synthetic_only:
        query = query.where(Order.__table__.c.number.startswith(NUMBER_PREFIX))
    with engine.connect() as connection:
        return connection.execute(query).scalar_one()


def table_counts(engine: sa.Engine) -> dict[str, int]:
    """Return the number of rows of each table that grows with the orders."""
    with engine.connect() as connection:
        return {
            name: connection.execute(
                sa.select(sa.func.count()).select_from(sa.table(name))
            ).scalar_one()
            for name in ORDER_TABLES
        }


def synthetic_orders(engine: sa.Engine) -> list[tuple[str, str]]:
    """Return the (number, e-mail) of every synthetic order, by number."""
    table = Order.__table__
    query = (
        sa.select(table.c.number, table.c.email)
        .where(table.c.number.startswith(NUMBER_PREFIX))
        .order_by(table.c.number)
    )
    with engine.connect() as connection:
        return [(number, email) for number, email in connection.execute(query)]


class _Batch:
    """The rows of a run of synthetic orders, one list per table, with explicit ids."""

    def __init__(self, factory: SyntheticOrders) -> None:
        self.factory = factory
        self.rng = factory.rng
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ORDER_TABLES}

    def _next_id(self, table: str) -> int:
        self.factory.next_ids[table] += 1
        return self.factory.next_ids[table]

    def add_order(self, index: int) -> None:
        """Add the order `index` with its lines, payment, parcels and parcel lines."""
        rng = self.rng
        customer = index if index == 1 or rng.random() < 0.8 else rng.randrange(1, index)
        order_id = self._next_id("customer_order")
        placed_at = NOW - timedelta(minutes=rng.randrange(60, 400 * 24 * 60))
        lines = self._lines(order_id)
        method, relay = self._delivery(customer)
        statuses = self._shipments(order_id, method, relay, placed_at, lines)
        subtotal = sum(line["unit_price_cents"] * line["quantity"] for line in lines)
        shipping = 0 if subtotal >= 15_000 else 690
        order = self._order_row(order_id, index, customer, placed_at, method, relay)
        order.update(
            status=_order_status(statuses),
            subtotal_cents=subtotal,
            shipping_cents=shipping,
            total_cents=subtotal + shipping,
        )
        self.rows["customer_order"].append(order)
        self._payment(order_id, order["email"], subtotal + shipping, placed_at)

    def _order_row(self, order_id, index, customer, placed_at, method, relay) -> dict[str, Any]:
        first = FIRST_NAMES[customer % len(FIRST_NAMES)]
        last = LAST_NAMES[customer // len(FIRST_NAMES) % len(LAST_NAMES)]
        country = COUNTRY_OF_CUSTOMER[customer % len(COUNTRY_OF_CUSTOMER)]
        postcode, city = HOMES[country][customer % len(HOMES[country])]
        destination = {
            "ship_address": f"{customer % 180 + 1} rue des Lilas",
            "ship_postcode": postcode,
            "ship_city": city,
            "ship_country": country,
        }
        if relay is not None:
            destination = dict(zip(destination, relay[1:], strict=True))
        return {
            "id": order_id,
            "number": order_number(index),
            "email": f"{first}.{last}.{customer}@example.{country.lower()}",
            "customer_id": None,
            "placed_logged_in": False,
            "kind": "standard",
            "placed_at": placed_at,
            "language": "fr" if country in ("FR", "BE", "CH") else "en",
            "shipping_method": method.value,
            "ship_first_name": first.title(),
            "ship_last_name": last.title(),
            "relay_point_id": relay[0] if relay else None,
            "discount_cents": 0,
            **destination,
        }

    def _delivery(self, customer: int) -> tuple[ShippingMethod, sa.Row | None]:
        country = COUNTRY_OF_CUSTOMER[customer % len(COUNTRY_OF_CUSTOMER)]
        draw = self.rng.random()
        if country in self.factory.relay_points and draw < 0.35:
            return ShippingMethod.MONDIAL_RELAY, self.rng.choice(self.factory.relay_points[country])
        if country == "FR" and draw > 0.85:
            return ShippingMethod.CHRONOPOST, None
        return ShippingMethod.COLISSIMO, None

    def _lines(self, order_id: int) -> list[dict[str, Any]]:
        lines = []
        for _ in range(self.rng.choice((1, 1, 2, 2, 3))):
            variant_id, sku, colour, size, price = self.rng.choice(self.factory.variants)
            lines.append(
                {
                    "id": self._next_id("order_line"),
                    "order_id": order_id,
                    "variant_id": variant_id,
                    "sku": sku,
                    "colour": colour,
                    "size": size,
                    "unit_price_cents": price,
                    "quantity": 2 if self.rng.random() < 0.15 else 1,
                    "discount_cents": 0,
                }
            )
        self.rows["order_line"].extend(lines)
        return lines

    def _shipments(self, order_id, method, relay, placed_at, lines) -> list[ShipmentStatus]:
        """Add 1-2 parcels carrying every line; return their statuses."""
        splittable = len(lines) > 1 or lines[0]["quantity"] > 1
        parcels = 2 if splittable and self.rng.random() < 0.25 else 1
        # 0: nothing left, 1: on its way, 2: delivered (a second parcel may lag behind).
        progress = self.rng.choice((0, 1, 2, 2, 2, 2))
        statuses = []
        for parcel in range(parcels):
            reached = progress if parcel == 0 else self.rng.randrange(progress + 1)
            shipment_id = self._next_id("shipment")
            row = self._shipment_row(shipment_id, order_id, method, relay, placed_at, reached)
            self.rows["shipment"].append(row)
            statuses.append(ShipmentStatus(row["status"]))
            self._carried(shipment_id, parcel, parcels, lines)
        return statuses

    def _shipment_row(self, shipment_id, order_id, method, relay, placed_at, reached):
        carrier = CARRIER_OF[method]
        dispatched = placed_at + timedelta(days=1) if reached else None
        delivered = placed_at + timedelta(days=3) if reached == 2 else None
        status = (ShipmentStatus.PLANNED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED)
        return {
            "id": shipment_id,
            "order_id": order_id,
            "carrier": carrier.value,
            "tracking_number": _tracking_number(carrier, shipment_id) if reached else None,
            "status": status[reached].value,
            "planned_ship_date": (placed_at + timedelta(days=1)).date(),
            "dispatched_at": dispatched,
            "ready_for_pickup_at": delivered if relay else None,
            "delivered_at": delivered,
            "returned_to_sender_at": None,
            "relay_point_id": relay[0] if relay else None,
        }

    def _carried(self, shipment_id, parcel, parcels, lines) -> None:
        """Parcel lines: one parcel carries everything; two split the lines (or one line's 2)."""
        if parcels == 1:
            carried = [(line, line["quantity"]) for line in lines]
        elif len(lines) == 1:
            carried = [(lines[0], 1)]
        else:
            carried = [(line, line["quantity"]) for line in (lines[:1], lines[1:])[parcel]]
        self.rows["shipment_line"].extend(
            {
                "id": self._next_id("shipment_line"),
                "shipment_id": shipment_id,
                "order_line_id": line["id"],
                "quantity": quantity,
            }
            for line, quantity in carried
        )

    def _payment(self, order_id: int, email: str, amount: int, placed_at: datetime) -> None:
        paypal = self.rng.random() < 0.2
        self.rows["payment"].append(
            {
                "id": self._next_id("payment"),
                "order_id": order_id,
                "method": (PaymentMethod.PAYPAL if paypal else PaymentMethod.CARD).value,
                "amount_cents": amount,
                "card_brand": None if paypal else self.rng.choice(("visa", "mastercard", "cb")),
                "card_last4": None if paypal else f"{self.rng.randrange(10_000):04d}",
                "paypal_email": email if paypal else None,
                "gift_card_code": None,
                "credit_note_code": None,
                "deferred_due_date": None,
                "captured": True,
                "created_at": placed_at,
            }
        )


def _order_status(statuses: list[ShipmentStatus]) -> str:
    """The shop's order status from its parcels (as `demo_rows.order_status` does)."""
    distinct = set(statuses)
    if distinct == {ShipmentStatus.PLANNED}:
        return OrderStatus.CONFIRMED.value
    if distinct == {ShipmentStatus.DELIVERED}:
        return OrderStatus.DELIVERED.value
    if ShipmentStatus.PLANNED in distinct:
        return OrderStatus.PARTIALLY_DISPATCHED.value
    return OrderStatus.DISPATCHED.value


def _tracking_number(carrier: Carrier, shipment_id: int) -> str:
    """A tracking number in the carrier's format, unique by shipment id."""
    if carrier == Carrier.MONDIAL_RELAY:
        return str(10_000_000 + shipment_id)
    if carrier == Carrier.CHRONOPOST:
        return str(10**13 + shipment_id)
    return f"6A{10**10 + shipment_id}"


class SyntheticOrders:
    """Writes deterministic synthetic orders in bulk (SQLAlchemy Core executemany)."""

    def __init__(self, engine: sa.Engine, seed: int = SEED) -> None:
        """Read the catalogue and relay points the orders will use.

        Args:
            engine: a migrated database holding the demo catalogue.
            seed: the seed of the generator; the same seed and sizes give the same orders.
        """
        self.engine = engine
        self.rng = random.Random(seed)
        variant = Variant.__table__.c
        point = RelayPoint.__table__.c
        with engine.connect() as connection:
            self.variants = connection.execute(
                sa.select(
                    variant.id, variant.sku, variant.colour, variant.size, variant.price_cents
                )
                .where(variant.preorder_ship_date.is_(None))
                .order_by(variant.id)
            ).all()
            points = connection.execute(
                sa.select(
                    point.id, point.address, point.postcode, point.city, point.country
                ).order_by(point.id)
            ).all()
        self.relay_points: dict[str, list[sa.Row]] = {}
        for row in points:
            self.relay_points.setdefault(row.country, []).append(row)
        self.next_ids: dict[str, int] = {}

    def grow_to(self, total: int, batch_orders: int = BATCH_ORDERS) -> int:
        """Add synthetic orders until the database holds `total` orders in all.

        Args:
            total: the wanted number of orders, demo orders included.
            batch_orders: orders written per transaction.

        Returns:
            How many orders were added.

        Raises:
            ValueError: `total` is below the current count or beyond the number format.
        """
        present = count_orders(self.engine)
        done = count_orders(self.engine, synthetic_only=True)
        wanted = total - present
        if wanted < 0 or done + wanted > MAX_SYNTHETIC:
            raise ValueError(f"cannot grow from {present} to {total} orders")
        self._read_next_ids()
        for start in range(done + 1, done + wanted + 1, batch_orders):
            stop = min(start + batch_orders, done + wanted + 1)
            self._write_batch(range(start, stop))
        return wanted

    def _read_next_ids(self) -> None:
        with self.engine.connect() as connection:
            for name in ORDER_TABLES:
                table = sa.table(name, sa.column("id"))
                query = sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))
                self.next_ids[name] = connection.execute(query).scalar_one()

    def _write_batch(self, indexes: range) -> None:
        batch = _Batch(self)
        for index in indexes:
            batch.add_order(index)
        tables = {
            "customer_order": Order.__table__,
            "order_line": OrderLine.__table__,
            "payment": Payment.__table__,
            "shipment": Shipment.__table__,
            "shipment_line": ShipmentLine.__table__,
        }
        with self.engine.begin() as connection:
            for name in ORDER_TABLES:
                connection.execute(sa.insert(tables[name]), batch.rows[name])


def percentiles(samples_ns: Sequence[int]) -> dict[str, float]:
    """Return p50, p95, p99 (nearest rank) and the mean of durations, in milliseconds.

    Args:
        samples_ns: durations in nanoseconds (at least one).
    """
    ordered = sorted(samples_ns)

    def rank(fraction: float) -> float:
        return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)] / 1e6

    return {
        "p50_ms": round(rank(0.50), 3),
        "p95_ms": round(rank(0.95), 3),
        "p99_ms": round(rank(0.99), 3),
        "mean_ms": round(sum(ordered) / len(ordered) / 1e6, 3),
        "n": len(ordered),
    }


def page_data(session: Session, order_id: int) -> bool:
    """Read what the order page reads (`state.order._load_views`), both languages."""
    views = [order_view(session, order_id, language) for language in settings.LANGUAGES]
    for language in settings.LANGUAGES:
        change_options(session, order_id, language)
    return all(view is not None for view in views)


def visit(engine: sa.Engine, number: str, email: str, client_address: str) -> str:
    """Do what the portal does for one guest lookup, in a fresh session, then commit.

    Args:
        engine: the database.
        number: the order number as typed.
        email: the e-mail as typed.
        client_address: the visitor's address (for the rate limits).

    Returns:
        "found", "not_found" or "rate_limited"; "found_without_page" if the order page data
        was missing.
    """
    with Session(engine, expire_on_commit=False) as session:
        result = find_order(
            session, order_number=number, email=email, client_address=client_address
        )
        status = {Status.DONE: "found", Status.INVALID: "not_found"}.get(
            result.status, str(result.status)
        )
        if result.ok and not page_data(session, result.value):
            status = "found_without_page"
        session.commit()
    return status


def settle(engine: sa.Engine) -> None:
    """Start a measurement from the same state: write-ahead log folded back, garbage collected."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    gc.collect()


def forget_failures(engine: sa.Engine) -> None:
    """Delete every recorded lookup failure, so each size starts with the same rate limits."""
    with engine.begin() as connection:
        connection.execute(sa.delete(LookupFailure.__table__))


def _targets(engine: sa.Engine, visits: int, rng: random.Random) -> dict[str, list]:
    """The (number, typed e-mail) of each visit: real pairs, and the same with a wrong e-mail."""
    known = synthetic_orders(engine)
    # Distinct numbers where possible: 5 failures on one number would rate-limit it.
    wrong = (rng.sample(known, len(known)) * math.ceil(visits / len(known)))[:visits]
    return {
        "found": rng.choices(known, k=visits),
        "not_found": [(number, f"not.{email}") for number, email in wrong],
    }


def measure(
    engines: dict[int, sa.Engine], iterations: int, warmup: int, rng: random.Random
) -> dict[str, dict[str, Any]]:
    """Time the found and wrong-e-mail visits on every database, interleaved.

    Each round visits every (size, path) once, in an order that rotates from round to round,
    so that a burst of load on the machine slows every size alike instead of one of them.

    Args:
        engines: one database per size.
        iterations: measured rounds.
        warmup: rounds before them that are not counted.
        rng: picks the orders looked up.

    Returns:
        Per size: `{"orders", "rows": {table: count}, "found": {p50_ms, p95_ms, p99_ms,
        mean_ms, n, statuses}, "not_found": {...}}`.
    """
    visits = warmup + iterations
    targets = {
        (size, path): pairs
        for size, engine in engines.items()
        for path, pairs in _targets(engine, visits, rng).items()
    }
    for engine in engines.values():
        forget_failures(engine)
        settle(engine)
    samples = {key: [] for key in targets}
    statuses = {key: Counter() for key in targets}
    keys = list(targets)
    for position in range(visits):
        for size, path in keys[position % len(keys) :] + keys[: position % len(keys)]:
            number, email = targets[size, path][position]
            started = time.perf_counter_ns()
            status = visit(engines[size], number, email, f"2001:db8::{position:x}")
            elapsed = time.perf_counter_ns() - started
            if position >= warmup:
                samples[size, path].append(elapsed)
                statuses[size, path][status] += 1
    return {
        str(size): {
            "orders": count_orders(engine),
            "rows": table_counts(engine),
            **{
                path: {**percentiles(samples[size, path]), "statuses": dict(statuses[size, path])}
                for path in ("found", "not_found")
            },
        }
        for size, engine in engines.items()
    }


def query_plans(engine: sa.Engine, number: str, email: str) -> list[dict[str, Any]]:
    """Capture every SELECT of a found and a not-found visit and return its query plan.

    Args:
        engine: the database.
        number: an existing order number.
        email: its e-mail.

    Returns:
        One `{"sql", "plan": [lines], "full_scan": bool}` per distinct statement.
    """
    seen: dict[str, tuple] = {}

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.setdefault(statement, parameters)

    sa.event.listen(engine, "before_cursor_execute", remember)
    try:
        visit(engine, number, email, "2001:db8::plan")
        visit(engine, number, f"not.{email}", "2001:db8::plan")
    finally:
        sa.event.remove(engine, "before_cursor_execute", remember)
    forget_failures(engine)
    with engine.connect() as connection:
        return [_plan(connection, statement, parameters) for statement, parameters in seen.items()]


def _plan(connection: sa.Connection, statement: str, parameters: tuple) -> dict[str, Any]:
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    plan = [row[-1] for row in rows]
    return {
        "sql": " ".join(statement.split()),
        "plan": plan,
        "full_scan": any(_FULL_SCAN.match(line) for line in plan),
    }


def _check_sizes(sizes: Sequence[int], iterations: int, warmup: int) -> None:
    if len(sizes) < 2 or list(sizes) != sorted(set(sizes)):
        raise ValueError("give at least two different sizes, smallest first")
    if sizes[0] <= len(demo.ORDERS) or iterations < 1 or warmup < 0:
        raise ValueError(f"sizes must exceed the {len(demo.ORDERS)} demo orders; iterations >= 1")


def copy_database(engine: sa.Engine, folder: Path) -> sa.Engine:
    """Copy a SQLite database into `folder/bench.db` (SQLite backup API) and open it."""
    source = engine.raw_connection()
    try:
        with contextlib.closing(sqlite3.connect(folder / "bench.db")) as target:
            source.driver_connection.backup(target)
    finally:
        source.close()
    return db.engine_for(f"sqlite:///{folder / 'bench.db'}")


def build_databases(
    folder: Path, sizes: Sequence[int], seed: int, log: Callable[[str], None]
) -> tuple[dict[int, sa.Engine], dict[int, float]]:
    """Build one database per size, each a copy of the previous one grown with more orders.

    Args:
        folder: where to create one sub-folder per size.
        sizes: total order counts, smallest first.
        seed: seed of the synthetic orders.
        log: receives progress messages.

    Returns:
        The engine of each size, and the seconds each took to load.
    """
    engines: dict[int, sa.Engine] = {}
    seconds: dict[int, float] = {}
    orders: SyntheticOrders | None = None
    for size in sizes:
        target = folder / f"orders-{size}"
        target.mkdir()
        started = time.perf_counter()
        if orders is None:
            orders = SyntheticOrders(prepare_database(target), seed)
        else:
            orders.engine = copy_database(orders.engine, target)
        orders.grow_to(size)
        engines[size], seconds[size] = orders.engine, round(time.perf_counter() - started, 2)
        log(f"{size:,} orders loaded in {seconds[size]} s")
    return engines, seconds


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    iterations: int = DEFAULT_ITERATIONS,
    warmup: int = DEFAULT_WARMUP,
    *,
    seed: int = SEED,
    directory: Path | None = None,
    log: Callable[[str], None] = _log,
) -> dict[str, Any]:
    """Run the benchmark and return its figures.

    Args:
        sizes: total order counts to measure at, smallest first.
        iterations: measured visits per path and size.
        warmup: uncounted visits before them.
        seed: seed of the synthetic orders and of the picks.
        directory: where to create the databases (kept); a temporary folder when omitted.
        log: receives progress messages.

    Returns:
        `{"metric", "unit", "sizes": {size: figures}, "ratio", "not_found_ratio", "goal",
        "pass", "query_plans", "full_scans", "seconds"}`; `pass` needs the ratio under the
        goal and every found-path visit to have found its order.

    Raises:
        ValueError: sizes not increasing, not above the demo's order count, or iterations < 1.
    """
    _check_sizes(sizes, iterations, warmup)
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        if directory is None:
            directory = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="alme-")))
        stack.enter_context(clock.use_clock(NOW))
        engines, load_seconds = build_databases(directory, sizes, seed, log)
        for engine in engines.values():
            stack.callback(engine.dispose)
        log(f"measuring {warmup} + {iterations} visits per path and size, interleaved")
        figures = measure(engines, iterations, warmup, random.Random(seed + 1))
        for size, seconds in load_seconds.items():
            figures[str(size)]["load_s"] = seconds
        largest = engines[max(sizes)]
        plans = query_plans(largest, *synthetic_orders(largest)[-1])
    return _summary(figures, plans, round(time.perf_counter() - started, 1))


def _summary(figures: dict[str, Any], plans: list[dict], seconds: float) -> dict[str, Any]:
    first, last = figures[min(figures, key=int)], figures[max(figures, key=int)]
    ratio = round(last["found"]["p95_ms"] / first["found"]["p95_ms"], 3)
    all_found = all(set(size["found"]["statuses"]) == {"found"} for size in figures.values())
    return {
        "metric": METRIC,
        "unit": "ms",
        "sizes": figures,
        "ratio": ratio,
        "not_found_ratio": round(last["not_found"]["p95_ms"] / first["not_found"]["p95_ms"], 3),
        "goal": GOAL_RATIO,
        "pass": ratio < GOAL_RATIO and all_found,
        "query_plans": plans,
        "full_scans": [plan["sql"] for plan in plans if plan["full_scan"]],
        "seconds": seconds,
    }


def _short_sql(sql: str) -> str:
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql)


def markdown(result: dict[str, Any]) -> str:
    """Render a result of `run` as a short Markdown report (table, ratio, query plans)."""
    rows = [
        "## Guest order lookup + order-page data at scale",
        "",
        "| orders | p50 ms | p95 ms | p99 ms | not found p95 ms | load s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for figures in result["sizes"].values():
        found = figures["found"]
        rows.append(
            f"| {figures['orders']:,} | {found['p50_ms']:.3f} | {found['p95_ms']:.3f} | "
            f"{found['p99_ms']:.3f} | {figures['not_found']['p95_ms']:.3f} | {figures['load_s']} |"
        )
    verdict = "PASS" if result["pass"] else "FAIL"
    largest, smallest = max(result["sizes"], key=int), min(result["sizes"], key=int)
    rows += [
        "",
        f"p95 ratio {int(largest):,} / {int(smallest):,} orders: **{result['ratio']}** "
        f"(goal < {result['goal']}): **{verdict}**; not-found ratio {result['not_found_ratio']}.",
        f"Full scans of order tables: {len(result['full_scans'])}. Run time {result['seconds']} s.",
        "",
        f"### Query plans at {int(largest):,} orders",
        "",
    ]
    for plan in result["query_plans"]:
        rows.append(f"- `{_short_sql(plan['sql'])}`")
        rows += [f"  - {line}" for line in plan["plan"]]
    return "\n".join(rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run the benchmark, print the Markdown report, optionally write JSON.

    Args:
        argv: the arguments (the process's when omitted).

    Returns:
        0, or 1 with `--check` when the goal is missed.
    """
    parser = argparse.ArgumentParser(prog="python -m bench.data_scale", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    parser.add_argument("--warmup", type=int, default=DEFAULT_WARMUP)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--check", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)
    try:
        result = run(args.sizes, args.iterations, args.warmup, seed=args.seed)
    except ValueError as error:
        parser.error(str(error))
    sys.stdout.write(markdown(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 1 if args.check and not result["pass"] else 0


if __name__ == "__main__":
    sys.exit(main())
