"""Browser tests: one production build of the portal per run, on a fresh demo database.

The server is `reflex run --env prod` on one free port (frontend and backend together), against
a temporary SQLite file migrated and seeded through the `alme-portal` command, exactly as
`make run` does. Chromium is Debian's when `ALME_CHROMIUM` names it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect
from servers import (
    ARTIFACTS,
    BIN,
    LOOPBACK,
    ROOT,
    free_port,
    server_env,
    simulator_process,
    stop,
    wait_until_served,
)
from sqlmodel import Session, select

from alme_portal.orders.models.orders import Order, Shipment
from alme_portal.platform import db
from alme_portal.simulator import scenarios
from bench import portal_db
from bench.harness.pageload import CHROMIUM_ARGS

expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def carrier_simulator() -> Iterator[str]:
    """The carrier simulator the portal talks to, whose faults the tests arm.

    The one the portal mounts for the demo has no controls (no web page may make the carriers
    look down); the browser tests point the portal at this one.
    """
    with simulator_process() as url:
        yield url


@pytest.fixture(scope="session")
def portal(tmp_path_factory, carrier_simulator) -> dict:
    """Build and serve the production portal once; yield its URL and demo listing."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    folder = tmp_path_factory.mktemp("portal")
    database = folder / "portal.db"
    port = free_port()
    env = server_env(f"sqlite:///{database}", port, carrier_simulator, free_port(), folder / "mail")
    cli = str(BIN / "alme-portal")
    subprocess.run([cli, "db", "upgrade"], env=env, check=True, cwd=ROOT)
    subprocess.run([cli, "demo", "load"], env=env, check=True, cwd=ROOT)
    demo = json.loads(
        subprocess.run(
            [cli, "demo", "list", "--json"], env=env, check=True, capture_output=True, cwd=ROOT
        ).stdout
    )
    log = ARTIFACTS / "server.log"
    with log.open("w") as log_file:
        mail = subprocess.Popen(
            [cli, "demo", "mail"], cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        process = subprocess.Popen(
            [str(BIN / "reflex"), "run", "--env", "prod", "--frontend-port", str(port),
             "--backend-port", str(port), "--backend-host", LOOPBACK],
            cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base_url = f"http://{LOOPBACK}:{port}"
    httpx.post(f"{carrier_simulator}/_control/webhooks", json={"base": base_url}).raise_for_status()
    try:
        wait_until_served(process, base_url, log)
        yield {"url": base_url, "demo": demo, "database": database,
               "simulator": carrier_simulator}  # fmt: skip
    finally:
        stop(process)
        stop(mail)


@pytest.fixture(scope="session")
def base_url(portal) -> str:
    """Let `page.goto("/help")` resolve against the running portal."""
    return portal["url"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive the system Chromium when one was found, with the flags this sandbox needs."""
    args = {
        **browser_type_launch_args,
        "args": CHROMIUM_ARGS,
    }
    if os.environ.get("ALME_CHROMIUM"):
        args["executable_path"] = os.environ["ALME_CHROMIUM"]
    return args


@pytest.fixture
def page(page):
    """The test's tab, whose `goto` returns once the portal page holds its state.

    A person sees the page fill in before she types; a test typing at once races the state's
    own values (an e-mail kept from the last lookup landed in the middle of a typed one).
    """
    navigate = page.goto

    def goto(url: str, **kwargs):
        response = navigate(url, **kwargs)
        main = page.locator("#main")
        if main.count():
            expect(main).to_have_attribute("data-hydrated", "true")
        return response

    page.goto = goto
    return page


@pytest.fixture(scope="session")
def french_browser(playwright, browser_type_launch_args):
    """Chromium whose every request says French first, the websocket's included.

    A context's `locale` reaches the page's requests, not the websocket handshake whose
    Accept-Language the portal reads: Chromium takes that one from the browser's own setting,
    as it does for a person whose browser is in French.
    """
    args = [*browser_type_launch_args["args"], "--accept-lang=fr-FR,fr"]
    browser = playwright.chromium.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture
def french_context(french_browser, base_url):
    """A French visitor's browser tab context (fr-FR), against the running portal."""
    context = french_browser.new_context(base_url=base_url, locale="fr-FR", accept_downloads=True)
    yield context
    context.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """English browser by default; downloads and clipboard allowed."""
    return {
        **browser_context_args,
        "locale": "en-GB",
        "accept_downloads": True,
        "permissions": ["clipboard-read", "clipboard-write"],
    }


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under tests/e2e/artifacts/screens for a person to look at."""
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = folder / f"{name}.png"
        page.evaluate("window.scrollTo(0, 0)")  # the sticky header would cover the content
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def forget_rate_limits(portal):
    """All browser tests share one client address (and one frozen instant): each starts below
    the rate limits of lookups, log-ins and sign-ups."""
    with sqlite3.connect(portal["database"]) as connection:
        for table in ("lookup_failure", "login_failure", "rate_event"):
            connection.execute(f"DELETE FROM {table}")


@pytest.fixture
def carrier_faults(portal):
    """Arm faults on the carrier simulator the portal talks to; reset them afterwards."""
    control = f"{portal['simulator']}/_control"

    def arm(route, kind, count, **details):  # details: delay, retry_after, stat
        answer = httpx.post(
            f"{control}/faults", json={"route": route, "kind": kind, "count": count, **details}
        )
        answer.raise_for_status()

    yield arm
    httpx.post(f"{control}/reset").raise_for_status()


SPARE_TEMPLATE = "AL100118"
"""Lucie's delivered guest order (Paris, deferred payment): copies of it are spare returnable
orders. A guest's: copies of a member's order would add to her spend, and so to her tier."""
SPARE_USES = ("axe-en", "axe-fr", "keyboard", "slow-carrier")
RELAY_TEMPLATE = "AL100104"
"""A guest's order collected at its Mondial Relay point: copies of it carry the parcels whose
tracing comes in the API's other shapes (issue 22)."""
RELAY_PARCELS = {
    "spanish": scenarios.MR_DELIVERED_SPANISH,
    "english": scenarios.MR_DELIVERED_ENGLISH,
    "unknown": "12345678",  # the simulator answers STAT 99, as production does
}
RELAY_GUEST = "relay.guest@example.fr"


def _copies(portal, template: str, uses, first: int) -> dict[str, dict]:
    """Copies of demo order `template` numbered from `first`, one per use."""
    engine = db.engine_for(f"sqlite:///{portal['database']}")
    with Session(db.for_writing(engine)) as session:
        portal_db.clone_order(session.connection(), template, len(uses), first=first)
        session.commit()
    engine.dispose()
    source = next(o for o in portal["demo"]["orders"] if o["number"] == template)
    return {
        use: {**source, "number": portal_db.clone_number(index)}
        for index, use in enumerate(uses, start=first)
    }


@pytest.fixture(scope="session")
def spare_orders(portal) -> dict[str, dict]:
    """Copies of one returnable demo order, for tests that walk a whole return of their own.

    Each confirmed return uses up what an order has left to return; these copies (same
    customer, lines, payment and parcel) leave the demo orders to the tests that name them.
    """
    return _copies(portal, SPARE_TEMPLATE, SPARE_USES, first=1)


@pytest.fixture(scope="session")
def relay_variant_orders(portal) -> dict[str, dict]:
    """Guest copies of a Mondial Relay order whose parcels' tracing answers in Spanish, in
    English and with STAT 99 (a parcel the carrier does not know yet), by `RELAY_PARCELS` key.

    A stranger's: copies of Inès' order would add to her spend and to her account's orders.
    """
    copies = _copies(portal, RELAY_TEMPLATE, tuple(RELAY_PARCELS), first=len(SPARE_USES) + 1)
    engine = db.engine_for(f"sqlite:///{portal['database']}")
    with Session(db.for_writing(engine)) as session:
        for use, copy in copies.items():
            order = session.exec(select(Order).where(Order.number == copy["number"])).one()
            order.email, order.customer_id = RELAY_GUEST, None
            [parcel] = session.exec(select(Shipment).where(Shipment.order_id == order.id))
            parcel.tracking_number = RELAY_PARCELS[use]
            copy["email"] = RELAY_GUEST
        session.commit()
    engine.dispose()
    return copies
