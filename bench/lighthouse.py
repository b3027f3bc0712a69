"""Lighthouse on the portal's main pages, mobile and desktop, next to the blank Reflex app.

Runs the `lighthouse` npm package (the Makefile installs it under `.venv/lighthouse`) against
Debian's Chromium, headless, a new profile for each audit, with Lighthouse's own throttling
(mobile: simulated slow 4G and a 4x slower CPU). /loyalty is audited as a member sees it: the
browser holds her login cookie, so her dashboard replaces the prerendered forms once the page
has loaded, as it does for her (where its 0.61 layout shift was).

Figures per page and form factor: the performance score (0-100), cumulative layout shift,
largest contentful paint and total blocking time; the median of `runs` audits.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from alme_portal.platform.cookies import SESSION as SESSION_COOKIE
from bench.harness.pageload import CHROMIUM
from bench.harness.server import free_port

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = Path(
    os.environ.get("ALME_LIGHTHOUSE", ROOT / ".venv/lighthouse/node_modules/.bin/lighthouse")
)
PAGES = ("/track/", "/returns/", "/loyalty/")
"""The pages issue 21 holds to mobile >= 95 and CLS < 0.1."""
FORM_FACTORS = ("mobile", "desktop")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
AUDITS = {"cls": "cumulative-layout-shift", "lcp_ms": "largest-contentful-paint",
          "tbt_ms": "total-blocking-time"}  # fmt: skip


@contextlib.contextmanager
def _chromium(cookies: list[dict]) -> Iterator[int]:
    """A headless Chromium with a new profile (a cold cache) holding `cookies`; its CDP port.

    Lighthouse drives it through the port, so that a member's HttpOnly login cookie reaches
    the websocket handshake too (an extra Cookie header does not).
    """
    port = free_port()
    folder = tempfile.TemporaryDirectory(prefix="alme-lighthouse-", ignore_cleanup_errors=True)
    with folder as profile:
        browser = subprocess.Popen(
            [CHROMIUM, *CHROME_FLAGS.split(), f"--remote-debugging-port={port}",
             f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            with sync_playwright() as playwright:  # waits for the port, then adds the cookies
                for _ in range(100):
                    try:
                        cdp = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
                        break
                    except PlaywrightError:
                        time.sleep(0.1)
                else:
                    raise RuntimeError("Chromium did not open its debugging port")
                if cookies:
                    cdp.contexts[0].add_cookies(cookies)
                cdp.close()
            yield port
        finally:  # its renderers and crash handler too, before the profile is removed
            os.killpg(browser.pid, signal.SIGTERM)
            browser.wait(timeout=10)


def audit(url: str, form_factor: str, cookies: list[dict] | None = None) -> dict[str, float]:
    """One Lighthouse performance audit of `url`, in a new browser profile.

    Args:
        url: the page.
        form_factor: "mobile" (Lighthouse's default) or "desktop" (its desktop preset).
        cookies: cookies the browser holds before the page loads (Playwright's format).

    Returns:
        The performance score (0-100) and the figures of `AUDITS`.

    Raises:
        RuntimeError: when Lighthouse fails or the page could not be audited.
    """
    with _chromium(cookies or []) as port:
        command = [str(LIGHTHOUSE), url, f"--port={port}", "--disable-storage-reset",
                   "--output=json", "--output-path=stdout", "--quiet",
                   "--only-categories=performance"]  # fmt: skip
        if form_factor == "desktop":
            command.append("--preset=desktop")
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse {url} ({form_factor}) failed: {done.stderr[-2000:]}")
    found = json.loads(done.stdout)
    if found.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url} ({form_factor}): {found['runtimeError']}")
    score = found["categories"]["performance"]["score"]
    figures = {"performance": round(100 * score) if score is not None else 0}
    for name, key in AUDITS.items():
        figures[name] = round(found["audits"][key].get("numericValue") or 0.0, 3)
    return figures


def _audit_retried(url: str, form_factor: str, cookies: list[dict] | None,
                   attempts: int = 3) -> dict[str, float]:  # fmt: skip
    """An audit, tried again when Lighthouse fails to record it (its NO_NAVSTART, now and then)."""
    for attempt in range(1, attempts + 1):
        try:
            return audit(url, form_factor, cookies)
        except RuntimeError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


def median_audit(url: str, form_factor: str, runs: int, cookies: list[dict] | None = None
                 ) -> dict[str, float]:  # fmt: skip
    """The median of each figure over `runs` audits (Lighthouse's own advice: 3 or 5)."""
    audits = [_audit_retried(url, form_factor, cookies) for _ in range(runs)]
    return {name: statistics.median(a[name] for a in audits) for name in audits[0]}


def run(portal_url: str, blank_url: str, member_token: str, runs: int) -> dict[str, Any]:
    """Every page of `PAGES` at both form factors, and the blank app's page as the floor.

    Args:
        portal_url: the production portal.
        blank_url: the blank Reflex app.
        member_token: a member's login session (her cookie for /loyalty).
        runs: audits per page and form factor.

    Returns:
        {"portal /track/ mobile": figures, ..., "blank / mobile": figures, ...}.
    """
    member = [{"name": SESSION_COOKIE, "value": member_token, "url": portal_url,
               "httpOnly": True, "sameSite": "Lax"}]  # fmt: skip
    results = {}
    for form_factor in FORM_FACTORS:
        results[f"blank / {form_factor}"] = median_audit(f"{blank_url}/", form_factor, runs)
        for path in PAGES:
            cookies = member if path.startswith("/loyalty") else None
            results[f"portal {path} {form_factor}"] = median_audit(
                f"{portal_url}{path}", form_factor, runs, cookies
            )
    return results
