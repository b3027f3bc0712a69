"""The portal under the same load client as the blank app: lookup, order page, return wizard.

`portal_server` serves the production portal (`reflex run --env prod --single-port`) on a
benchmark database: the demo plus copies of the demo order "delivered-returnable", so that every
confirmed return finds an order with something left to return. The carriers are the simulator in
a process of its own, as real carriers are other machines: its work is not the portal's.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import portal_db
from bench.harness.load import closed_loop, paced, run_load
from bench.harness.server import Server, free_port, serve
from bench.harness.wsclient import AppInfo
from bench.portal_scenarios import (
    LOYALTY_PATH,
    RETURNS_PATH,
    TRACK_PATH,
    DashboardLoad,
    OrderLookup,
    ReturnWizard,
)
from bench.portal_scenarios import numbered_orders as _numbered

ROOT = Path(__file__).resolve().parents[1]
SIMULATOR_FACTORY = "alme_portal.simulator.app:create_simulator_app"
TEMPLATE_TAG = "delivered-returnable"


def template_order() -> tuple[str, str]:
    """(number, e-mail) of the demo order the benchmark database copies."""
    from alme_portal.demo.loader import demo_listing

    order = next(o for o in demo_listing()["orders"] if TEMPLATE_TAG in o["tags"])
    return order["number"], order["email"]


def prepare_database(folder: Path, copies: int) -> str:
    """A new benchmark database in `folder` with `copies` returnable orders; its URL."""
    number, _ = template_order()
    return portal_db.prepare(folder / "portal.db", template=number, copies=copies)


@contextlib.contextmanager
def carrier_simulator() -> Iterator[str]:
    """Serve the carrier simulator with uvicorn on a loopback port; yield its URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", SIMULATOR_FACTORY,
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not _answers(f"{url}/_control/requests"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the carrier simulator did not start")
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def portal_server(database_url: str, *, cpus: str | None, env: dict | None = None
                  ) -> Iterator[Server]:  # fmt: skip
    """Serve the production portal on `database_url` for the duration of the block."""
    with carrier_simulator() as carriers:
        portal_env = {
            "ALME_DATABASE_URL": database_url,
            "ALME_CARRIER_SIMULATOR_URL": carriers,
            "ALME_SERVE_CARRIER_SIMULATOR": "0",
            **(env or {}),
        }
        with serve(ROOT, env=portal_env, cpus=cpus) as server:
            yield server


def app_info() -> AppInfo:
    """Hydrate info of the built portal."""
    return AppInfo.from_app_dir(ROOT)


class OrderSupply:
    """Hands out copies of the template order: each confirmed return takes a new one."""

    def __init__(self, copies: int) -> None:
        _, self.email = template_order()
        self.copies = copies
        self._orders = _numbered(portal_db.clone_number, self.email)
        self.used = 0

    def __iter__(self) -> OrderSupply:
        return self

    def __next__(self) -> tuple[str, str]:
        self.used += 1
        if self.used > self.copies:
            raise StopIteration  # the next journey fails and is counted as an error
        return next(self._orders)


async def closed_wizard(
    server: Server, app: AppInfo, supply: OrderSupply, *, journeys: int, warmup: int = 2
) -> dict[str, Any]:
    """One customer going through the wizard again and again, confirming each time."""
    wizard = ReturnWizard(supply, confirm=True)
    connect = {"pathname": RETURNS_PATH}
    return await closed_loop(
        app,
        server,
        wizard,
        iterations=journeys,
        warmup=warmup,
        connect=connect,
        settle_s=1.0,
        close_wait_s=0.5,
        label="wizard closed N=1",
    )


async def closed_lookup(server: Server, app: AppInfo, *, lookups: int, warmup: int = 5
                        ) -> dict[str, Any]:  # fmt: skip
    """One customer finding her order and opening its page again and again."""
    journey = OrderLookup(template_order())
    return await closed_loop(
        app,
        server,
        journey,
        iterations=lookups,
        warmup=warmup,
        connect={"pathname": TRACK_PATH},
        settle_s=1.0,
        close_wait_s=0.5,
        label="lookup closed N=1",
    )


def demo_member() -> tuple[str, str]:
    """(e-mail, password) of the demo member with the longest history."""
    from alme_portal.demo.loader import demo_listing

    account = next(a for a in demo_listing()["accounts"] if a["email"].startswith("camille"))
    return account["email"], account["password"]


async def closed_dashboard(server: Server, app: AppInfo, *, loads: int, warmup: int = 3
                           ) -> dict[str, Any]:  # fmt: skip
    """One member opening her Almé Lovers dashboard again and again (logged in once)."""
    journey = DashboardLoad(demo_member())
    return await closed_loop(app, server, journey, iterations=loads, warmup=warmup,
                             connect={"pathname": LOYALTY_PATH}, settle_s=1.0, close_wait_s=0.5,
                             label="dashboard closed N=1")  # fmt: skip


def order_count(database_url: str) -> int:
    """How many orders the benchmark database holds (the I/O floor's table gets as many)."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SELECT count(*) FROM customer_order")).scalar()
    finally:
        engine.dispose()


def login_token(database_url: str) -> str:
    """A login session of the demo member, opened in the database (no password hashing)."""
    import secrets

    from sqlmodel import Session, select

    from alme_portal.accounts.models.accounts import LoginSession
    from alme_portal.accounts.models.customers import Customer
    from alme_portal.accounts.services.auth import token_hash
    from alme_portal.platform import clock, db

    token = secrets.token_urlsafe(32)
    with Session(db.engine_for(database_url)) as session:
        email, _ = demo_member()
        member = session.exec(select(Customer.id).where(Customer.email == email)).one()
        session.add(LoginSession(customer_id=member, token_hash=token_hash(token),
                                 created_at=clock.now(), last_seen_at=clock.now()))  # fmt: skip
        session.commit()
    return token


async def paced_dashboard(
    server: Server, app: AppInfo, token: str, *, sessions: int, seconds: float = 20.0
) -> dict[str, Any]:
    """`sessions` tabs of a logged-in member, each reloading her dashboard once a second."""
    from alme_portal.platform.cookies import SESSION

    connect = {"pathname": LOYALTY_PATH, "cookies": {SESSION: token}}
    return await paced(app, server, DashboardLoad(demo_member()), sessions=sessions,
                       interval_s=1.0, seconds=seconds, warmup=1, ramp_s=sessions / 100,
                       connect=connect, label=f"dashboard paced N={sessions}")  # fmt: skip


async def paced_wizard(
    server: Server,
    app: AppInfo,
    supply: OrderSupply,
    *,
    sessions: int,
    think_s: float = 1.0,
    spread_s: float = 15.0,
    gc_log: Path | None = None,
) -> dict[str, Any]:
    """`sessions` customers at once, each doing the whole wizard at one event per `think_s`.

    Each customer starts at a random moment within `spread_s` (like the blank app's paced
    clicks), so the offered load is about `sessions / think_s` events per second.
    """
    wizard = ReturnWizard(supply, confirm=True, think_s=think_s)
    return await run_load(
        app,
        server,
        wizard,
        sessions=sessions,
        iterations=1,
        interval_s=spread_s,
        max_seconds=spread_s + 1,
        ramp_s=sessions / 100,
        connect={"pathname": RETURNS_PATH},
        gc_log=gc_log,
        label=f"wizard paced N={sessions}",
    )
