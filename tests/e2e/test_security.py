"""The production build attacked from outside (issue 15, items 6, 7 and 13)."""

import asyncio
import concurrent.futures
import time

import httpx
import pytest
import websockets
from conftest import ROOT
from playwright.sync_api import expect
from test_loyalty import _member, log_in

from alme_portal.state.ui import UiState
from bench.harness.wsclient import AppInfo, BackendError, Session, handler_name

EVIL = "https://evil.example"
PAGES = ("/", "/track/", "/returns/", "/loyalty/")
NOT_PAGES = ("/api/cookie?code=nothing", "/ping", "/favicon.svg", "/styles.css")


@pytest.mark.parametrize("path", PAGES)
def test_6_every_page_carries_its_policy(portal, path):
    first = httpx.get(portal["url"] + path)
    revalidated = httpx.get(portal["url"] + path, headers={"If-None-Match": first.headers["etag"]})
    assert revalidated.status_code == 304  # a reload: the browser keeps the 304's policy
    for answer in (first, revalidated):
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert (
            "script-src 'self' 'sha256-" in policy
            and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        )


@pytest.mark.parametrize("path", PAGES + NOT_PAGES)
def test_6_every_answer_carries_the_security_headers(portal, path):
    headers = httpx.get(portal["url"] + path).headers
    if path in NOT_PAGES:  # nothing to run, nothing to frame
        assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]


def test_6_the_pages_run_under_their_policy(page):
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)  # fmt: skip
    for path in ("/", "/track", "/returns", "/loyalty", "/help"):
        page.goto(path)
    page.locator("#help-search").fill("colis")
    assert refused == []


def test_7_other_origins_get_no_cors_answer(portal):
    simple = httpx.get(portal["url"] + "/ping", headers={"Origin": EVIL})
    preflight = httpx.options(
        portal["url"] + "/api/order-feed",
        headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"},
    )
    for answer in (simple, preflight):
        assert answer.headers.get("access-control-allow-origin") not in (EVIL, "*")


def _handshake(url: str, origin: str) -> bool:
    async def attempt() -> bool:
        address = url.replace("http://", "ws://") + "/_event/?EIO=4&transport=websocket"
        try:
            async with websockets.connect(address, origin=origin, open_timeout=10):
                return True
        except websockets.InvalidStatus:
            return False

    with concurrent.futures.ThreadPoolExecutor(1) as worker:  # Playwright owns this thread's loop
        return worker.submit(asyncio.run, attempt()).result()


def test_7_the_websocket_refuses_another_origin(portal):
    assert _handshake(portal["url"], EVIL) is False
    assert _handshake(portal["url"], portal["url"]) is True


def _cookie(page, name: str) -> dict:
    """The cookie once the page's image request has set it (it follows the login at once)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [c for c in page.context.cookies() if c["name"] == name]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no {name} cookie")


def test_13_the_login_cookie_is_httponly_and_survives_a_reload(page, portal):
    member = _member(portal)
    log_in(page, member["email"], member["password"])
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Camille")
    cookie = _cookie(page, "alme_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "alme_session" not in page.evaluate("document.cookie")
    page.reload()
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Camille")
    page.get_by_role("button", name="Log out").click()
    expect(page.locator("#login-form")).to_be_visible()
    page.reload()
    expect(page.locator("#login-form")).to_be_visible()


def test_a_failing_handler_gets_a_clear_message_not_a_blocked_script(portal):
    """A handler that fails (here: called without its argument) sets the page's banner
    ("Something went wrong on our side"); a toast would be a script the policy blocks."""

    async def call_without_argument():
        async with Session(AppInfo.from_app_dir(ROOT)) as tab:
            await tab.connect(portal["url"], "/help")
            with pytest.raises(BackendError):
                await tab.event(handler_name(UiState, "choose_language"), {})
            failed = tab.get(UiState.get_full_name(), "backend_failed")
            calls = [event for event in tab.last_events if event["name"] == "_call_function"]
            await tab.event(handler_name(UiState, "dismiss_backend_error"))
            return failed, calls, tab.get(UiState.get_full_name(), "backend_failed")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
        failed, calls, after = thread.submit(asyncio.run, call_without_argument()).result()
    assert failed is True and calls == []
    assert after is False
