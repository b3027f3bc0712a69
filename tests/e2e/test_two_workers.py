"""Issue 20: two web workers behind a balancer, on PostgreSQL and Redis, the carrier failing.

Every step of a customer's journey is served by the other worker than the step before (the
balancer closes her connection, the page reconnects to the other one): the tab's state lives
in Redis, the orders in PostgreSQL, the carrier's last answers in Redis, so nothing she sees
may depend on which worker answers.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import subprocess
import time
from datetime import datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from pdf_image import page_image
from playwright.sync_api import expect
from scaled import ScaledPortal, two_workers, wait_until_let_go
from servers import BIN, ROOT, stop
from test_bench_client import _in_own_loop
from test_returns import (
    CREDIT_NOTE,
    choose_items,
    details_then,
    download,
    expedition_number,
    qr_codes,
    refund,
)
from test_tracking import _order

from alme_portal.api import COOKIE_PATH
from alme_portal.platform import settings
from alme_portal.state.return_status import ReturnStatusState
from alme_portal.state.ui import UiState
from bench.harness.wsclient import AppInfo, Session
from bench.portal_scenarios import ReturnWizard

PARIS_GUEST_ORDER = "AL100118"
"""Lucie's delivered order to Paris: the load client's relay search asks around 75011."""
LATER = timedelta(hours=2)
"""When the background worker tries a label again: past every retry wait of R3."""


@pytest.fixture(scope="session")
def scaled(portal, tmp_path_factory):
    """The browser tests' build served by two workers on PostgreSQL and Redis.

    Session-scoped: pytest runs the Chromium tests and the websocket one apart (by their
    parameters), and a module fixture would start the servers twice (17 s each).
    """
    port = int(portal["url"].rsplit(":", 1)[1])
    with two_workers(tmp_path_factory.mktemp("scaled"), port) as deployment:
        yield deployment


@pytest.fixture
def tab(browser, scaled):
    """A tab of an English browser on the balancer's address."""
    context = browser.new_context(base_url=scaled.url, locale="en-GB", accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def faults(scaled):
    """Arm faults on the carrier simulator both workers share; cleared afterwards."""

    def arm(route: str, count: int) -> None:
        answer = httpx.post(
            f"{scaled.simulator}/_control/faults",
            json={"route": route, "kind": "503", "count": count},
        )
        answer.raise_for_status()

    yield arm
    httpx.post(f"{scaled.simulator}/_control/reset").raise_for_status()


def on_the_other_worker(scaled: ScaledPortal) -> int:
    """Move the tab to the other worker and wait until its page has reconnected there."""
    proxy = scaled.proxy
    worker = (proxy.current + 1) % len(proxy.workers)
    seen = proxy.websockets[worker]
    proxy.switch(drained=lambda: wait_until_let_go(scaled.redis_url))
    proxy.wait_for_websocket(worker, seen + 1)
    return worker


def book_later(scaled: ScaledPortal, return_number: str) -> None:
    """The demo's background worker, two hours on, books the label the carrier could not (R3)."""
    now = datetime.fromisoformat(os.environ[settings.FROZEN_NOW_ENV])
    env = {
        **scaled.env,
        settings.FROZEN_NOW_ENV: (now + LATER).isoformat(),
        # Its own tracking cache: answers dated two hours on would look fresh to the workers.
        settings.REDIS_URL_ENV: scaled.redis_url.rsplit("/", 1)[0] + "/1",
    }
    with (scaled.logs / "later-worker.log").open("w") as out:
        worker = subprocess.Popen(
            [str(BIN / "alme-portal"), "demo", "mail"], cwd=ROOT, env=env, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    engine = sa.create_engine(scaled.database_url, poolclass=sa.pool.NullPool)
    query = sa.text(
        "SELECT b.status FROM return_booking b JOIN return_request r ON r.id = b.return_id"
        " WHERE r.number = :number"
    )
    try:
        for _ in range(300):
            with engine.connect() as connection:
                if connection.execute(query, {"number": return_number}).scalar() == "ready":
                    return
            time.sleep(0.1)
        pytest.fail(f"the label of {return_number} was never booked; see {scaled.logs}")
    finally:
        stop(worker)
        engine.dispose()


def test_r1_a_whole_return_with_each_step_on_the_other_worker(tab, scaled, faults):
    page, proxy = tab, scaled.proxy
    order = _order({"demo": scaled.demo}, "delivered-returnable")
    page.goto("/returns")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Find my order").click()
    expect(page.locator(".return-item").first).to_be_visible()
    on_the_other_worker(scaled)
    choose_items(page, (0, 1))
    on_the_other_worker(scaled)
    refund(page, "Too small", CREDIT_NOTE)
    on_the_other_worker(scaled)
    details_then(page)
    on_the_other_worker(scaled)
    faults("mondialrelay", settings.CARRIER_MAX_ATTEMPTS)  # the carrier fails mid-way: a search
    page.locator("#relay-search").click()
    expect(page.locator("#wizard-error")).to_contain_text("Mondial Relay is not answering")
    on_the_other_worker(scaled)
    page.locator("#relay-search").click()  # and answers again, to the other worker
    page.locator("#relay-results .choice").first.click()
    on_the_other_worker(scaled)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Check and confirm")).to_be_visible()
    faults("mondialrelay", 1)  # and fails again: the label booking (never retried)
    on_the_other_worker(scaled)
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#label-pending")).to_contain_text("we e-mail it within the hour")
    number = re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)
    on_the_other_worker(scaled)  # a phone waking up: the confirmation is still hers
    expect(page.locator("#return-done")).to_contain_text(number)
    book_later(scaled, number)
    on_the_other_worker(scaled)
    page.locator("#status-link").click()
    expect(page.locator("#return-page")).to_contain_text(number)
    on_the_other_worker(scaled)
    page.reload()
    expedition = expedition_number(page)
    pdf = download(page, "download-pdf")
    assert qr_codes(None, page_image(open(pdf.path(), "rb").read())) == {expedition}
    assert min(proxy.websockets) >= 5  # each worker served her half of the steps


def test_o6_the_carrier_down_both_workers_show_the_same_last_known_events(tab, scaled, faults):
    page = tab
    order = _order({"demo": scaled.demo}, "in-transit")
    page.goto("/track")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Find my order").click()
    card = page.locator(".parcel-card").first
    expect(card.locator(".parcel-headline")).to_contain_text("Expected between")
    events = card.locator(".tracking-event").count()
    assert events > 0
    faults("laposte", 50)
    for _ in range(2):  # each worker in turn, the carrier still down
        on_the_other_worker(scaled)
        page.reload()
        expect(card.locator("#carrier-note")).to_contain_text("these are the last known events")
        expect(card.locator(".tracking-event")).to_have_count(events)


class AlternatingTab(Session):
    """A raw websocket tab whose every event goes to the next worker, with the same token.

    It keeps the HttpOnly cookies the portal hands it (as the page's cookie pixels fetch
    them) and presents them at each handshake, as a browser does.
    """

    def __init__(self, app: AppInfo, workers: list[str], origin: str, redis_url: str) -> None:
        super().__init__(app)
        self.workers, self.origin, self.redis_url = workers, origin, redis_url
        self.served_by: list[int] = []
        self.cookies: dict[str, str] = {}
        self._collected: set[str] = set()

    async def event(self, name, payload=None, **route):
        """Reconnect to the next worker (hydrating as the browser does), then send the event."""
        worker = (self.served_by[-1] + 1) % len(self.workers) if self.served_by else 0
        if self.served_by:
            await self._settled()  # what the last event chained has run before she leaves
            await self._collect_cookies(self.workers[self.served_by[-1]])
            await self.close()
            await asyncio.to_thread(wait_until_let_go, self.redis_url)
            self._frames, self._error = asyncio.Queue(), None
        await self.connect(
            self.workers[worker], route.get("pathname") or "/", route.get("query"),
            headers={"Origin": self.origin}, cookies=self.cookies,
        )  # fmt: skip
        await self._settled()  # and the page's loaders on this worker
        self.served_by.append(worker)
        return await super().event(name, payload, **route)

    async def _settled(self) -> None:
        """`fence()` on this connection (it must not reconnect, as `event()` here does)."""
        root = self.app.state_name
        await super().event(
            f"{root}.set_is_hydrated", {"value": True},
            until=lambda delta: "is_hydrated_rx_state_" in delta.get(root, {}),
        )  # fmt: skip

    async def _collect_cookies(self, base: str) -> None:
        codes = set(self.get(UiState.get_full_name(), "cookie_codes") or []) - self._collected
        async with httpx.AsyncClient(base_url=base) as client:
            for code in codes:
                answer = await client.get(COOKIE_PATH, params={"code": code})
                self.cookies.update(answer.cookies)
                self._collected.add(code)


def test_r1_the_wizard_over_websockets_every_event_on_the_other_worker(scaled, faults):
    order = next(o for o in scaled.demo["orders"] if o["number"] == PARIS_GUEST_ORDER)
    workers = [f"http://{host}:{port}" for host, port in scaled.proxy.workers]
    app = AppInfo.from_app_dir(ROOT)
    tab = AlternatingTab(app, workers, scaled.url, scaled.redis_url)
    steps: list[str] = []
    journey = ReturnWizard(
        iter([(order["number"], order["email"])]),
        confirm=True,
        before_confirm=lambda: faults("mondialrelay", 1),  # the carrier fails mid-way
    )
    status = ReturnStatusState.get_full_name()

    async def walk() -> dict:
        await journey(tab, lambda step, _ms: steps.append(step))
        number = tab.get(journey.states["returns"], "return_number")
        assert tab.get(journey.states["return_review"], "label_pending") is True
        await asyncio.to_thread(book_later, scaled, number)
        route = {"pathname": f"/returns/{number}/", "query": {"return_ref": number}}
        payload = {"number": number, "file_format": "pdf"}  # from her status page

        def downloaded(_delta: dict) -> bool:
            return any(event.get("name") == "_download" for event in tab.last_events)

        await tab.event(f"{status}.download_label", payload, until=downloaded, **route)
        await tab.close()
        return next(event for event in tab.last_events if event["name"] == "_download")

    label = _in_own_loop(walk())
    assert steps[0] == "find" and steps[-1] == "confirm_return"
    assert tab.served_by == [index % 2 for index in range(len(steps) + 1)]
    pdf = base64.b64decode(label["payload"]["url"].split(",", 1)[1])
    [code] = qr_codes(None, page_image(pdf))
    assert re.fullmatch(r"\d{8}", code)  # R3: Mondial Relay's parcel number, on her label
