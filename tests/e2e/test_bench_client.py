"""The benchmark's load client drives the real portal over its websocket, as a browser tab does."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from test_tracking import _order

from bench.harness.load import closed_loop
from bench.harness.wsclient import AppInfo
from bench.portal_scenarios import (
    LOYALTY_PATH,
    RETURNS_PATH,
    TRACK_PATH,
    DashboardLoad,
    OrderLookup,
    ReturnWizard,
)

ROOT = Path(__file__).resolve().parents[2]


def _in_own_loop(coroutine):
    """Run the load client in a thread of its own: Playwright's sync API may hold this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def _run(portal, journey, pathname, iterations=2):
    app = AppInfo.from_app_dir(ROOT)  # the build the browser tests serve
    return _in_own_loop(
        closed_loop(app, None, journey, base_url=portal["url"], iterations=iterations,
                    connect={"pathname": pathname}, settle_s=0, close_wait_s=0)
    )  # fmt: skip


def test_load_client_walks_the_return_wizard_up_to_confirmation(portal):
    order = _order(portal, "deferred-payment")  # no browser test returns its items
    wizard = ReturnWizard(iter([(order["number"], order["email"])]), confirm=False)
    result = _run(portal, wizard, RETURNS_PATH)
    assert result["errors"] == 0, result["error_samples"]
    assert result["iterations_run"] == 2
    assert result["steps"]["find"]["count"] == 2
    assert result["steps"]["choose"]["count"] == 6  # reason, outcome, refund method, twice
    assert "confirm_return" not in result["steps"]  # nothing stored: the draft stops at review


def test_load_client_finds_an_order_and_opens_its_page(portal):
    order = _order(portal, "in-transit")
    result = _run(portal, OrderLookup((order["number"], order["email"])), TRACK_PATH)
    assert result["errors"] == 0, result["error_samples"]
    assert result["steps"]["lookup"]["count"] == result["steps"]["order_page"]["count"] == 2


def test_load_client_counts_a_refused_lookup_as_an_error(portal):
    order = _order(portal, "in-transit")
    result = _run(portal, OrderLookup((order["number"], "someone.else@example.fr")), TRACK_PATH, 1)
    assert result["errors"] == 1
    assert "Find my order refused" in result["error_samples"][0]


def test_load_client_logs_a_member_in_and_opens_her_dashboard(portal):
    member = next(a for a in portal["demo"]["accounts"] if a["email"].startswith("ines"))
    journey = DashboardLoad((member["email"], member["password"]))
    result = _run(portal, journey, LOYALTY_PATH, iterations=3)
    assert result["errors"] == 0, result["error_samples"]
    assert result["steps"]["log_in"]["count"] == 1  # once; then her session stays open
    assert result["steps"]["dashboard"]["count"] == 3


def test_load_client_opens_the_dashboard_of_a_member_whose_cookie_it_holds(portal):
    from alme_portal.platform.cookies import SESSION
    from bench.portal import demo_member, login_token

    token = login_token(f"sqlite:///{portal['database']}")
    app = AppInfo.from_app_dir(ROOT)
    result = _in_own_loop(
        closed_loop(app, None, DashboardLoad(demo_member()), base_url=portal["url"], iterations=2,
                    connect={"pathname": LOYALTY_PATH, "cookies": {SESSION: token}}, settle_s=0,
                    close_wait_s=0)
    )  # fmt: skip
    assert result["errors"] == 0, result["error_samples"]
    assert "log_in" not in result["steps"]  # the HttpOnly cookie of the handshake was enough
    assert result["steps"]["dashboard"]["count"] == 2
