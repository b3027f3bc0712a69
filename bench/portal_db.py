"""The database the portal is benchmarked on: the demo, plus copies of one returnable order.

Every confirmed return uses up what an order has left to return, so a benchmark that confirms
returns again and again needs many orders in the same state: `clone_order` copies a demo order
(lines, payment, parcels) under new numbers, keeping its e-mail and dates.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from alme_portal.demo import loader as demo
from alme_portal.orders.models.orders import Order, OrderLine, Payment, Shipment, ShipmentLine
from alme_portal.platform import db, schema

CLONE_PREFIX = "BR"
"""Numbers of the copies: `BR000001`, ... (the lookup accepts two letters and six digits)."""


def clone_number(index: int) -> str:
    """The number of the `index`-th copy (1-based)."""
    return f"{CLONE_PREFIX}{index:06d}"


def prepare(path: Path, *, template: str, copies: int) -> str:
    """Create the SQLite file `path` (which must not exist) as `prepare_url` fills it.

    Returns:
        The database URL.
    """
    url = f"sqlite:///{path}"
    prepare_url(url, template=template, copies=copies)
    return url


def prepare_url(url: str, *, template: str, copies: int) -> None:
    """Migrate the empty database `url`, load the demo now and add `copies` of `template`.

    Args:
        url: an empty database (SQLite or PostgreSQL).
        template: the number of the demo order to copy.
        copies: how many copies to add.
    """
    schema.upgrade(url)
    engine = db.engine_for(url)
    with Session(engine) as session:
        demo.load_demo(session)
        session.commit()
    with engine.begin() as connection:
        clone_order(connection, template, copies)
    engine.dispose()


def _rows(connection: sa.Connection, table: sa.Table, column: str, keys: list[int]) -> list[dict]:
    query = sa.select(table).where(table.c[column].in_(keys)).order_by(table.c.id)
    return [dict(row._mapping) for row in connection.execute(query)]


def _next_id(connection: sa.Connection, table: sa.Table) -> int:
    return (connection.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0) + 1


def clone_order(connection: sa.Connection, number: str, copies: int, first: int = 1) -> None:
    """Insert `copies` copies of order `number` with its lines, payment and parcels.

    Args:
        connection: a connection inside a transaction.
        number: the order to copy.
        copies: how many copies; they are numbered `clone_number(first..)`.
        first: the index of the first copy.
    """
    orders, lines, payments = Order.__table__, OrderLine.__table__, Payment.__table__
    shipments, carried = Shipment.__table__, ShipmentLine.__table__
    [order] = _rows(connection, orders, "number", [number])
    order_lines = _rows(connection, lines, "order_id", [order["id"]])
    order_payments = _rows(connection, payments, "order_id", [order["id"]])
    order_shipments = _rows(connection, shipments, "order_id", [order["id"]])
    shipment_lines = _rows(connection, carried, "shipment_id", [s["id"] for s in order_shipments])
    next_ids = {
        table.name: _next_id(connection, table)
        for table in (orders, lines, payments, shipments, carried)
    }
    batch: dict[str, list[dict]] = {name: [] for name in next_ids}

    def copy(table: sa.Table, row: dict, **changes) -> int:
        new_id = next_ids[table.name]
        next_ids[table.name] += 1
        batch[table.name].append({**row, **changes, "id": new_id})
        return new_id

    for index in range(first, first + copies):
        order_id = copy(orders, order, number=clone_number(index))
        line_ids = {line["id"]: copy(lines, line, order_id=order_id) for line in order_lines}
        for payment in order_payments:
            copy(payments, payment, order_id=order_id)
        for shipment in order_shipments:
            shipment_id = copy(shipments, shipment, order_id=order_id, tracking_number=None)
            for row in shipment_lines:
                if row["shipment_id"] == shipment["id"]:
                    copy(
                        carried,
                        row,
                        shipment_id=shipment_id,
                        order_line_id=line_ids[row["order_line_id"]],
                    )
    for table in (orders, lines, payments, shipments, carried):
        if batch[table.name]:
            connection.execute(sa.insert(table), batch[table.name])
            if connection.dialect.name == "postgresql":  # ids given: move the sequence past them
                connection.execute(
                    sa.text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
                    {"table": table.name, "last": next_ids[table.name] - 1},
                )
