"""`make bench`: the portal against a blank Reflex app, measured in the same run.

Serves the production portal and the blank app of `bench/blank_app` side by side (servers
pinned to CPU 0, this load client on CPU 1, loopback only), then measures, each figure next to
the blank app's:

1. event round trip, 1 session in a closed loop: "Find my order" + the order page it opens,
   every step of the return wizard ending with "Confirm my return", and the Almé Lovers
   dashboard, against the counter;
2. 100 and 500 concurrent paced sessions (one event per second each) on fresh servers:
   latency, worker CPU per event, memory per connected session and after they leave; then the
   same sessions on two workers sharing PostgreSQL and Redis (`bench.scaled`), to say what one
   more core buys; and each app's capacity, the most paced sessions it holds at p95 <= 100 ms
   (`bench.capacity`);
3. page weight and load of each main page in Chromium (cold cache), and Lighthouse's
   performance audit of /track, /returns and /loyalty (a member's), mobile and desktop
   (`bench.lighthouse`);
4. data scale: lookup + order page at 1,000 and 100,000 orders (`bench.data_scale`), and the
   loyalty dashboard of a member with 10,000 ledger entries against 10 (`bench.dashboard_scale`);
5. labels: PNG and PDF rendered per second;
6. "Confirm my return" in process, stored alone and with its label booked with the simulator
   (`bench.confirm_cost`), and e-mails sent per second (`bench.outbox_rate`).

Writes `bench/report.md` and `bench/results/bench.json` and prints the table. Exit 0 when it
ran without load-client errors (goals missed are reported, not fatal).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import (
    blank,
    capacity,
    confirm_cost,
    dashboard_scale,
    data_scale,
    io_floor,
    labels_rate,
    lighthouse,
    outbox_rate,
    portal,
    profile,
    report,
    scaled,
)
from bench.harness.pageload import measure_pageload
from bench.harness.server import serve

ROOT = Path(__file__).resolve().parents[1]
SERVER_CPUS, CLIENT_CPUS = "0", {1}
SCALED_CPUS = "0-1"
"""The workers of the scaled configuration get both cores (the load client keeps CPU 1)."""
PORTAL_PAGES = ("/", "/track/", "/returns/", "/withdraw/", "/loyalty/", "/help/")
DEFAULTS = {
    "repeats": 2,  # interleaved A/B closed-loop repetitions
    "blank_events": 1000,
    "lookups": 200,  # and as many dashboard loads: 200 samples of each event a run
    "journeys": 200,
    "paced": (100, 500),
    "paced_seconds": 20.0,
    "page_loads": 5,
    "lighthouse_runs": 3,
    "labels": 30,
    "emails": 500,
    "confirms": 200,
    "profile_iterations": 100,  # lookups and dashboard loads; a fifth as many wizard journeys
    "capacity": {"blank": {"start": 200, "most": 1600}, "wizard": {"start": 40, "most": 640}},
    "capacity_trials": 6,
}


def _log(message: str) -> None:
    sys.stderr.write(f"[bench] {time.strftime('%H:%M:%S')} {message}\n")
    sys.stderr.flush()


def _pin_client() -> None:
    if len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, CLIENT_CPUS)


WARMUP_EVENTS = 100
"""Events each closed loop sends before it measures, the same number for every app."""
CLOSED_RUNS = ("blank", "io_floor", "lookup", "dashboard", "wizard")


async def _closed(servers, apps, supply, options) -> dict[str, list[dict]]:
    """A/B interleaved closed-loop runs: blank, I/O floor, portal lookup, dashboard, wizard."""
    runs: dict[str, list[dict]] = {name: [] for name in CLOSED_RUNS}
    blank_server, blank_app = servers["blank"], apps["blank"]
    portal_server, portal_app = servers["portal"], apps["portal"]
    for repeat in range(options["repeats"]):
        _log(f"closed loop, repetition {repeat + 1}")
        runs["blank"].append(
            await blank.measure_closed(
                blank_server, blank_app, events=options["blank_events"], warmup=WARMUP_EVENTS
            )
        )
        runs["io_floor"].append(
            await io_floor.measure_closed(
                blank_server,
                blank_app,
                options["io_rows"],
                events=options["blank_events"],
                warmup=WARMUP_EVENTS,
            )
        )
        runs["lookup"].append(
            await portal.closed_lookup(  # two events each
                portal_server, portal_app, lookups=options["lookups"], warmup=WARMUP_EVENTS // 2
            )
        )
        runs["dashboard"].append(
            await portal.closed_dashboard(
                portal_server, portal_app, loads=options["lookups"], warmup=WARMUP_EVENTS
            )
        )
        runs["wizard"].append(
            await portal.closed_wizard(  # 13 events each
                portal_server,
                portal_app,
                supply,
                journeys=options["journeys"],
                warmup=WARMUP_EVENTS // 13,
            )
        )
    return runs


def _pages(servers, loads: int) -> dict[str, dict]:
    _log("page loads in Chromium")
    pages = {"blank /": measure_pageload(f"{servers['blank'].url}/", loads)}
    for path in PORTAL_PAGES:
        pages[f"portal {path}"] = measure_pageload(f"{servers['portal'].url}{path}", loads)
    for figures in pages.values():
        figures.pop("runs", None)
    return pages


def _paced(database_url: str, supply, token: str, sessions: int, seconds: float
           ) -> dict[str, dict]:  # fmt: skip
    """Fresh servers for one paced point (memory figures need them)."""
    _log(f"paced load, {sessions} sessions")
    with (
        serve(blank.BLANK_APP_DIR, cpus=SERVER_CPUS) as blank_server,
        portal.portal_server(database_url, cpus=SERVER_CPUS) as portal_server,
    ):
        blank_app, portal_app = blank.app_info(), portal.app_info()
        # One customer first, so that what a worker loads on first use (modules, fonts,
        # connection pools) is not counted as the memory of the sessions measured next.
        asyncio.run(blank.measure_closed(blank_server, blank_app, events=50, warmup=0))
        asyncio.run(portal.closed_wizard(portal_server, portal_app, supply, journeys=3))
        blank_run = asyncio.run(
            blank.measure_paced(blank_server, blank_app, sessions, seconds=seconds)
        )
        portal_run = asyncio.run(
            portal.paced_wizard(portal_server, portal_app, supply, sessions=sessions)
        )
        dashboard_run = asyncio.run(
            portal.paced_dashboard(portal_server, portal_app, token, sessions=sessions,
                                   seconds=seconds)
        )  # fmt: skip
    return {"blank": blank_run, "wizard": portal_run, "dashboard": dashboard_run}


def _capacity(database_url: str, supply, options: dict[str, Any]) -> dict[str, dict]:
    """The most paced sessions each app holds at p95 <= 100 ms (`bench.capacity`)."""
    bounds, trials, found = options["capacity"], options["capacity_trials"], {}
    with serve(blank.BLANK_APP_DIR, cpus=SERVER_CPUS) as server:
        app = blank.app_info()
        asyncio.run(blank.measure_closed(server, app, events=50, warmup=0))

        def clicks(sessions: int) -> dict:
            _log(f"capacity: blank app, {sessions} paced sessions")
            return asyncio.run(blank.measure_paced(server, app, sessions,
                                                   seconds=options["paced_seconds"]))  # fmt: skip

        found["blank"] = capacity.search(clicks, **bounds["blank"], max_trials=trials)
    with portal.portal_server(database_url, cpus=SERVER_CPUS) as server:
        app = portal.app_info()
        asyncio.run(portal.closed_wizard(server, app, supply, journeys=3))

        def journeys(sessions: int) -> dict:
            _log(f"capacity: return wizard, {sessions} paced sessions")
            return asyncio.run(portal.paced_wizard(server, app, supply, sessions=sessions))

        found["wizard"] = capacity.search(journeys, **bounds["wizard"], max_trials=trials)
    return found


def _scaled(folder: Path, options: dict[str, Any]) -> dict[str, dict]:
    """The paced workload again, on `scaled.WORKERS` workers sharing PostgreSQL and Redis."""
    warmup = 3
    copies = sum(options["paced"]) + warmup * len(options["paced"]) + 10
    results = {}
    with scaled.redis_server(folder) as redis_url, scaled.database(folder / "pg", copies) as url:
        supply, token = portal.OrderSupply(copies), portal.login_token(url)
        for sessions in options["paced"]:
            _log(f"paced load, {sessions} sessions, {scaled.WORKERS} workers on PostgreSQL + Redis")
            with scaled.server(url, redis_url, cpus=SCALED_CPUS) as server:
                app = portal.app_info()
                asyncio.run(portal.closed_wizard(server, app, supply, journeys=warmup))
                wizard = asyncio.run(portal.paced_wizard(server, app, supply, sessions=sessions))
                dashboard = asyncio.run(
                    portal.paced_dashboard(server, app, token, sessions=sessions,
                                           seconds=options["paced_seconds"])
                )  # fmt: skip
            results[str(sessions)] = {"wizard": wizard, "dashboard": dashboard}
    return results


def _profiles(server, app, supply, options: dict[str, Any], folder: Path) -> dict[str, dict]:
    """`--profile`: py-spy on the portal's worker while one session runs each workload."""
    iterations = options["profile_iterations"]
    workloads = {
        "Find my order + the order page": lambda: portal.closed_lookup(
            server, app, lookups=iterations),
        "Almé Lovers dashboard load": lambda: portal.closed_dashboard(
            server, app, loads=iterations),
        "the return wizard, 13 events to Confirm my return": lambda: portal.closed_wizard(
            server, app, supply, journeys=max(1, iterations // 5)),
    }  # fmt: skip
    found = {}
    for index, (name, workload) in enumerate(workloads.items()):
        _log(f"profile: {name}")
        output = folder / f"profile-{index}.txt"
        with profile.recording(server.worker_pid(), output):
            asyncio.run(workload())
        found[name] = profile.top_functions(output.read_text())
    return found


def measure(options: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Run every measurement; the figures, ready for `report.build`."""
    started = time.perf_counter()
    copies = (options["journeys"] + WARMUP_EVENTS // 13) * options["repeats"]
    copies += sum(options["paced"]) + 100
    copies += options["capacity_trials"] * options["capacity"]["wizard"]["most"] + 3
    copies += options["profile_iterations"] // 5 + 2 if options.get("profile") else 0
    _log(f"benchmark database with {copies} returnable orders")
    database_url = portal.prepare_database(folder, copies)
    options["io_rows"] = portal.order_count(database_url)
    blank_env = {io_floor.ENV: str(io_floor.prepare(folder / "io_floor.db", options["io_rows"]))}
    supply = portal.OrderSupply(copies)
    token = portal.login_token(database_url)
    _pin_client()
    results: dict[str, Any] = {"options": {**options, "paced": list(options["paced"])}}
    _log("building and serving the blank app and the portal")
    with (
        serve(blank.BLANK_APP_DIR, env=blank_env, cpus=SERVER_CPUS) as blank_server,
        portal.portal_server(database_url, cpus=SERVER_CPUS) as portal_server,
    ):
        servers = {"blank": blank_server, "portal": portal_server}
        apps = {"blank": blank.app_info(), "portal": portal.app_info()}
        results["closed"] = asyncio.run(_closed(servers, apps, supply, options))
        results["pages"] = _pages(servers, options["page_loads"])
        _log("Lighthouse, mobile and desktop")
        results["lighthouse"] = lighthouse.run(portal_server.url, blank_server.url, token,
                                               options["lighthouse_runs"])  # fmt: skip
        if options.get("profile"):
            results["profile"] = _profiles(portal_server, apps["portal"], supply, options, folder)
    results["paced"] = {
        str(n): _paced(database_url, supply, token, n, options["paced_seconds"])
        for n in options["paced"]
    }
    results["capacity"] = _capacity(database_url, supply, options)
    results["scaled"] = _scaled(folder, options)
    _log("data scale: 1,000 and 100,000 orders")
    results["data_scale"] = data_scale.run(log=_log, iterations=options.get("scale_visits", 500))
    _log("data scale: dashboard of 10 vs 10,000 ledger entries")
    results["dashboard_scale"] = dashboard_scale.run(iterations=options.get("scale_visits", 500))
    _log("labels")
    results["labels"] = labels_rate.measure(options["labels"])
    _log("Confirm my return, stored alone and with its label booked (simulator)")
    results["confirm"] = confirm_cost.run(options["confirms"])
    _log("outbox to a loopback SMTP sink, one and two workers")
    results["outbox"] = outbox_rate.measure(options["emails"])
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of `make bench`; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--report", type=Path, default=ROOT / "bench" / "report.md")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "bench.json")
    parser.add_argument("--quick", action="store_true", help="small counts, to try the harness")
    parser.add_argument(
        "--profile", action="store_true", help="also profile the portal's worker with py-spy"
    )
    args = parser.parse_args(argv)
    options = {**DEFAULTS, "profile": args.profile}
    if args.quick:
        options.update(
            repeats=1,
            blank_events=200,
            lookups=10,
            journeys=3,
            paced=(20,),
            paced_seconds=5.0,
            page_loads=1,
            lighthouse_runs=1,
            labels=3,
            emails=50,
            scale_visits=50,
            confirms=20,
            profile_iterations=20,
            capacity={"blank": {"start": 10, "most": 20}, "wizard": {"start": 10, "most": 20}},
            capacity_trials=2,
        )
    with tempfile.TemporaryDirectory(prefix="alme-bench-") as folder:
        results = measure(options, Path(folder))
    rows = report.rows(results)
    text = report.markdown(rows, results)
    args.report.write_text(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"rows": rows, "results": results}, indent=1, default=str))
    sys.stdout.write(text)
    return 1 if report.load_errors(results) else 0


if __name__ == "__main__":
    sys.exit(main())
