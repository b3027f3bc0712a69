"""Page-load figures of a Reflex page in headless Chromium (Playwright, sync API).

Each iteration opens a new browser context (cold HTTP cache, no cookies or storage) and loads the
URL; the first iteration is a discarded warm-up. Figures per iteration, medians over the rest:

- bytes on the wire: the sum of CDP `Network.loadingFinished.encodedDataLength` (plus redirect
  responses), websocket traffic excluded; requests: `Network.requestWillBeSent` (redirect hops
  included, `data:` URLs and the websocket excluded), also broken down by resource type;
- timings from the page's own clock (`performance.now()`, ms from navigation start) recorded by
  an init script: first-contentful-paint and largest-contentful-paint (PerformanceObserver),
  DOMContentLoaded and load (navigation timing), the Reflex websocket's `open`, and
  "interactive" = the arrival of the websocket frame carrying `"is_hydrated_rx_state_":true`
  (the init script wraps `window.WebSocket` before any page script runs; the frame is seen
  before React applies it, so add one render), and optionally the first time a caller's CSS
  selector matches (`marker`);
- optionally click -> DOM: click a selector and wait for another one's text to change.

The Sync API cannot run inside a running asyncio loop: call it from plain code.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import Counter
from typing import Any

CHROMIUM = os.environ.get("ALME_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [  # what this sandbox needs; the browser tests use the same list
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: DevTools' "mobile" profile used by the reference: 4x CPU, 150 ms RTT, 1.6 Mbit/s down.
MOBILE_THROTTLE = {"cpu": 4.0, "latency_ms": 150, "down_kbps": 1600, "up_kbps": 750}
TIMINGS = ("fcp", "lcp", "dcl", "load", "ws_open", "interactive", "marker", "click")

_INIT_SCRIPT = """
(() => {
  const perf = (window.__perf = {});
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({type, buffered: true});
    } catch (e) {}
  };
  observe("paint", (e) => { if (e.name === "first-contentful-paint") perf.fcp = e.startTime; });
  observe("largest-contentful-paint", (e) => { perf.lcp = e.startTime; });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { perf.ws_open ??= performance.now(); });
      this.addEventListener("message", (ev) => {
        const hydrated = typeof ev.data === "string"
          && ev.data.includes('"is_hydrated_rx_state_":true');
        if (hydrated && perf.interactive === undefined) perf.interactive = performance.now();
      });
    }
  };
  const marker = __MARKER__;
  if (marker) {
    const check = () => {
      if (perf.marker === undefined && document.querySelector(marker)) {
        perf.marker = performance.now();
      }
    };
    const all = {subtree: true, childList: true, attributes: true};
    new MutationObserver(check).observe(document, all);
    document.addEventListener("DOMContentLoaded", check);
  }
})();
"""

_CLICK_JS = """
async ([button, target, timeoutMs]) => {
  const el = document.querySelector(target);
  const before = el ? el.textContent : null;
  return await new Promise((resolve) => {
    const t0 = performance.now();
    const done = () => {
      const now = document.querySelector(target);
      if (now && now.textContent !== before) { obs.disconnect(); resolve(performance.now() - t0); }
    };
    const obs = new MutationObserver(done);
    obs.observe(document.body, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { obs.disconnect(); resolve(null); }, timeoutMs);
    document.querySelector(button).click();
  });
}
"""


class _Wire:
    """CDP network accounting of one page."""

    def __init__(self) -> None:
        self.bytes = 0
        self.requests = 0
        self.by_type: Counter[str] = Counter()
        self.bytes_by_type: Counter[str] = Counter()
        self.pending: dict[str, str] = {}
        self.websockets: set[str] = set()

    def on_request(self, ev: dict) -> None:
        if ev["request"]["url"].startswith("data:"):
            return
        kind = ev.get("type", "Other")
        if redirect := ev.get("redirectResponse"):
            self.bytes += int(redirect.get("encodedDataLength", 0))
            self.bytes_by_type[kind] += int(redirect.get("encodedDataLength", 0))
        self.requests += 1
        self.by_type[kind] += 1
        self.pending[ev["requestId"]] = kind

    def on_finished(self, ev: dict) -> None:
        kind = self.pending.pop(ev["requestId"], None)
        if kind is None or ev["requestId"] in self.websockets:
            return
        self.bytes += int(ev.get("encodedDataLength", 0))
        self.bytes_by_type[kind] += int(ev.get("encodedDataLength", 0))

    def on_failed(self, ev: dict) -> None:
        self.pending.pop(ev["requestId"], None)


def _spread(values: list[float | None]) -> dict[str, float] | None:
    xs = [v for v in values if v is not None]
    if not xs:
        return None
    return {
        "median": round(statistics.median(xs), 1),
        "min": round(min(xs), 1),
        "max": round(max(xs), 1),
    }


def _one_load(
    browser: Any,
    url: str,
    *,
    marker: str | None,
    click: tuple[str, str] | None,
    throttle: dict[str, float] | None,
    timeout_s: float,
) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(_INIT_SCRIPT.replace("__MARKER__", json.dumps(marker)))
        cdp = context.new_cdp_session(page)
        wire = _Wire()
        cdp.on("Network.requestWillBeSent", wire.on_request)
        cdp.on("Network.loadingFinished", wire.on_finished)
        cdp.on("Network.loadingFailed", wire.on_failed)
        cdp.on("Network.webSocketCreated", lambda ev: wire.websockets.add(ev["requestId"]))
        cdp.send("Network.enable")
        if throttle:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle["cpu"]})
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": throttle["latency_ms"],
                    "downloadThroughput": throttle["down_kbps"] * 1000 / 8,
                    "uploadThroughput": throttle["up_kbps"] * 1000 / 8,
                },
            )
        page.goto(url, wait_until="load", timeout=timeout_s * 1e3)
        ready = "() => window.__perf.interactive !== undefined"
        if marker:
            ready += " && window.__perf.marker !== undefined"
        page.wait_for_function(ready, timeout=timeout_s * 1e3)
        deadline = time.monotonic() + 5
        while wire.pending and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        perf = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType("navigation")[0];
              return {...window.__perf, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
            }"""
        )
        if click:
            perf["click"] = page.evaluate(_CLICK_JS, [click[0], click[1], timeout_s * 1e3])
        return {
            **{k: perf.get(k) for k in TIMINGS},
            "bytes": wire.bytes,
            "requests": wire.requests,
            "websockets": len(wire.websockets),
            "requests_by_type": dict(wire.by_type),
            "bytes_by_type": dict(wire.bytes_by_type),
        }
    finally:
        context.close()


def measure_pageload(
    url: str,
    n: int = 15,
    *,
    marker: str | None = None,
    click: tuple[str, str] | None = None,
    throttle: dict[str, float] | None = None,
    executable_path: str = CHROMIUM,
    timeout_s: float = 60.0,
) -> dict[str, Any]:
    """Load `url` cold `n` times (after 1 discarded warm-up) and return the medians.

    Args:
        url: The page (e.g. `http://127.0.0.1:PORT/counter/`).
        n: Measured iterations.
        marker: CSS selector whose first match is timed as "marker" and awaited.
        click: (button selector, target selector): after hydration, click the button and time
            until the target's text changes ("click", ms; None if it did not change in time).
        throttle: CPU/network throttling, e.g. `MOBILE_THROTTLE`; None for none.
        executable_path: The Chromium binary.
        timeout_s: Limit of each navigation and wait.

    Returns:
        {"url", "n", "bytes", "requests" (medians), "websockets", "<timing>": {"median", "min",
        "max"} in ms for fcp, lcp, dcl, load, ws_open, interactive, marker, click,
        "bytes_by_type"/"requests_by_type" of the last run, "runs": every measured run}.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable_path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            kw = {"marker": marker, "click": click, "throttle": throttle, "timeout_s": timeout_s}
            _one_load(browser, url, **kw)  # warm-up, discarded
            runs = [_one_load(browser, url, **kw) for _ in range(n)]
        finally:
            browser.close()
    result: dict[str, Any] = {"url": url, "n": n}
    result["bytes"] = statistics.median(r["bytes"] for r in runs)
    result["requests"] = statistics.median(r["requests"] for r in runs)
    result["websockets"] = runs[-1]["websockets"]
    for key in TIMINGS:
        result[key] = _spread([r[key] for r in runs])
    result["bytes_by_type"] = runs[-1]["bytes_by_type"]
    result["requests_by_type"] = runs[-1]["requests_by_type"]
    result["runs"] = runs
    return result
