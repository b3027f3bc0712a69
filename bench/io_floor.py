"""The I/O floor: the blank app answering an event with one indexed database read.

The blank counter is the floor of an event that only changes the state; an event that reads
the database is measured against this one too (issue 21): `ReadState.read_one` of the blank
app reads one row by its unique key from a SQLite table holding as many orders as the portal's
benchmark database, through SQLAlchemy in a worker thread, as the portal's handlers do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from bench.harness.load import Record, closed_loop
from bench.harness.server import Server
from bench.harness.wsclient import AppInfo, Session

READ_STATE = "reflex___state____state.blank_app___blank_app____read_state"
READ_ONE = f"{READ_STATE}.read_one"
ENV = "BLANK_IO_DATABASE"


def number(index: int) -> str:
    """The order number of row `index` (the portal's shape: AL and six digits)."""
    return f"AL{100000 + index:06d}"


def prepare(path: Path, rows: int) -> Path:
    """A SQLite file with `rows` orders, a unique index on their number; its path."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customer_order (id INTEGER PRIMARY KEY, "
                           "number TEXT NOT NULL UNIQUE, email TEXT NOT NULL)")  # fmt: skip
        connection.executemany(
            "INSERT INTO customer_order (number, email) VALUES (?, ?)",
            ((number(i), f"customer{i}@example.fr") for i in range(rows)),
        )
    return path


def reader(rows: int):
    """A closed-loop step reading the orders in turn, checking each answer."""
    sequence = iter(range(10**9))

    async def read_one(session: Session, record: Record) -> None:
        index = next(sequence) % rows
        ms, delta = await session.event(READ_ONE, {"number": number(index)},
                                        until=lambda delta: READ_STATE in delta)  # fmt: skip
        found = delta[READ_STATE].get("found_rx_state_")
        if found != f"customer{index}@example.fr":
            raise AssertionError(f"read {found!r} for {number(index)}")
        record("read_one", ms)

    return read_one


async def measure_closed(server: Server, app: AppInfo, rows: int, *, events: int,
                         warmup: int) -> dict[str, Any]:  # fmt: skip
    """One session reading in a closed loop: a discarded warm-up run, then the measured one."""
    common = {"connect": {"pathname": "/"}, "settle_s": 1.0, "close_wait_s": 0.5}
    if warmup:
        await closed_loop(app, server, reader(rows), iterations=warmup, **common)
    return await closed_loop(app, server, reader(rows), iterations=events, **common)
