"""The `reflex init` blank template at `/`, plus a `/counter` page, the floor for benchmarks.

`ReadState.read_one` is the floor of an event that reads the database: one indexed read on
the SQLite file `BLANK_IO_DATABASE` names (`bench.io_floor` fills it with as many orders as the
portal's benchmark database), through SQLAlchemy in a worker thread as the portal does.

The opt-in gen-2 GC pause logger writes `<epoch> gen2 <ms>` lines to `$PERF_GC_LOG.<pid>`; it is
inert unless `PERF_GC_LOG` is set.
"""

import asyncio
import functools
import gc
import os
import time

import reflex as rx
import sqlalchemy as sa

from rxconfig import config

if _gc_log := os.environ.get("PERF_GC_LOG"):
    _gc_start = [0.0]

    def _gc_pause(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            _gc_start[0] = time.perf_counter()
        else:
            pause_ms = (time.perf_counter() - _gc_start[0]) * 1e3
            with open(f"{_gc_log}.{os.getpid()}", "a") as f:
                f.write(f"{time.time():.3f} gen2 {pause_ms:.1f}\n")

    gc.callbacks.append(_gc_pause)


class State(rx.State):
    """The app state."""


class CounterState(rx.State):
    """A counter: the smallest event with a state change."""

    count: int = 0

    @rx.event
    def increment(self):
        """Add one to the counter."""
        self.count += 1


@functools.cache
def _engine() -> sa.Engine:
    return sa.create_engine(f"sqlite:///{os.environ['BLANK_IO_DATABASE']}")


def _read(number: str) -> str:
    with _engine().connect() as connection:
        query = sa.text("SELECT email FROM customer_order WHERE number = :number")
        return connection.execute(query, {"number": number}).scalar() or ""


class ReadState(rx.State):
    """The I/O floor: one indexed read, its answer sent back."""

    found: str = ""

    @rx.event
    async def read_one(self, number: str):
        """Read the e-mail of order `number`."""
        self.found = await asyncio.to_thread(_read, number)


def index() -> rx.Component:
    """Welcome page of the blank template, unchanged.

    Returns:
        The page.
    """
    return rx.container(
        rx.color_mode.button(position="top-right"),
        rx.vstack(
            rx.heading("Welcome to Reflex!", size="9"),
            rx.text(
                "Get started by editing ",
                rx.code(f"{config.app_name}/{config.app_name}.py"),
                size="5",
            ),
            rx.link(
                rx.button("Check out our docs!"),
                href="https://reflex.dev/docs/getting-started/introduction/",
                is_external=True,
            ),
            spacing="5",
            justify="center",
            min_height="85vh",
        ),
    )


def counter() -> rx.Component:
    """Counter page: a button that increments and the value.

    Returns:
        The page.
    """
    return rx.container(
        rx.vstack(
            rx.heading("Counter"),
            rx.text(CounterState.count, id="count"),
            rx.button("Increment", id="inc", on_click=CounterState.increment),
        ),
    )


app = rx.App()
app.add_page(index)
app.add_page(counter, route="/counter")
