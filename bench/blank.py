"""Floor benchmark: the blank Reflex app's counter under closed-loop and paced load.

Builds and serves `bench/blank_app` (`reflex run --env prod --single-port`), then measures:
1 session in a closed loop (a warm-up run discarded, then `--events` increments), and
`--paced` concurrent sessions each clicking once per second for `--seconds` (staggered, with a
connection ramp), with the worker's memory per connected session. Every reply's counter value
is checked (a wrong value counts as an error). By default the server is pinned to CPU 0 and
this client to CPU 1, and every paced point gets a fresh server (memory needs one).

Run: `.venv/bin/python -m bench.blank [--json out.json] [--manager memory] [--pageload 15]`
(`--pageload N`: N cold loads of `/` and `/counter/` in Chromium, on an unpinned server).
The floor (shared/reference/performance-floor.md): N=1 p50 0.37 ms, ≈200 KiB per session.
To compare another app, call `measure_blank(server)` between its own measurements (A/B).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.harness.load import Record, closed_loop, paced
from bench.harness.server import Server, serve
from bench.harness.wsclient import AppInfo, Session

BLANK_APP_DIR = Path(__file__).resolve().parent / "blank_app"
COUNTER_STATE = "reflex___state____state.blank_app___blank_app____counter_state"
INCREMENT = f"{COUNTER_STATE}.increment"
COUNTER_PAGE = "/counter/"


class CounterMismatchError(AssertionError):
    """The counter in the reply is not the value before the click plus one."""


def _has_counter(delta: dict[str, dict[str, Any]]) -> bool:
    return COUNTER_STATE in delta


async def increment(session: Session, record: Record) -> None:
    """One click on the counter: send `increment`, check the new value, record the round trip.

    Args:
        session: A session hydrated on the counter page.
        record: Collects the latency under the step name "increment".

    Raises:
        CounterMismatchError: If the reply's count is not the previous count plus one.
    """
    expected = session.get(COUNTER_STATE, "count", 0) + 1
    ms, delta = await session.event(INCREMENT, until=_has_counter)
    got = delta[COUNTER_STATE].get("count_rx_state_")
    if got != expected:
        msg = f"count {got!r}, expected {expected}"
        raise CounterMismatchError(msg)
    record("increment", ms)


def app_info(app_dir: Path = BLANK_APP_DIR) -> AppInfo:
    """Hydrate info of the built blank app, checked to hold the counter state.

    Args:
        app_dir: The blank app directory (built).

    Returns:
        The app info.

    Raises:
        RuntimeError: If the compiled state has no counter state.
    """
    info = AppInfo.from_app_dir(app_dir)
    if COUNTER_STATE not in info.initial_state:
        msg = f"{COUNTER_STATE} not in the compiled state of {app_dir}"
        raise RuntimeError(msg)
    return info


async def measure_closed(
    server: Server, app: AppInfo, *, sessions: int = 1, events: int = 2000, warmup: int = 300
) -> dict[str, Any]:
    """Closed loop of increments: a discarded warm-up run, then the measured run.

    Args:
        server: The running blank app.
        app: Its hydrate info.
        sessions: Concurrent sessions.
        events: Increments per session in the measured run.
        warmup: Increments per session of the discarded warm-up run.

    Returns:
        The measured run's figures (`run_load`).
    """
    common = {"connect": {"pathname": COUNTER_PAGE}, "settle_s": 2.0, "close_wait_s": 0.5}
    if warmup:
        await closed_loop(app, server, increment, sessions=sessions, iterations=warmup, **common)
    return await closed_loop(app, server, increment, sessions=sessions, iterations=events, **common)


async def measure_paced(
    server: Server,
    app: AppInfo,
    sessions: int,
    *,
    seconds: float = 20.0,
    interval_s: float = 1.0,
    ramp_s: float | None = None,
    gc_log: Path | None = None,
) -> dict[str, Any]:
    """Paced increments: each session clicks every `interval_s`, staggered; memory per session.

    Args:
        server: The running blank app (fresh, for the memory figure).
        app: Its hydrate info.
        sessions: Concurrent sessions.
        seconds: Length of the measured phase.
        interval_s: Think time between a session's clicks (start to start).
        ramp_s: Connection ramp; default 1 s per 100 sessions.
        gc_log: The server's `PERF_GC_LOG` prefix, if set.

    Returns:
        The figures (`run_load`).
    """
    return await paced(
        app,
        server,
        increment,
        sessions=sessions,
        interval_s=interval_s,
        seconds=seconds,
        warmup=1,
        ramp_s=sessions / 100 if ramp_s is None else ramp_s,
        connect={"pathname": COUNTER_PAGE},
        gc_log=gc_log,
    )


async def measure_blank(
    server: Server,
    app: AppInfo | None = None,
    *,
    closed_events: int = 2000,
    paced_sessions: Sequence[int] = (100, 500),
    paced_seconds: float = 20.0,
    gc_log: Path | None = None,
) -> dict[str, dict[str, Any]]:
    """All blank-app points on one server: N=1 closed loop, then each paced point.

    Args:
        server: The running blank app.
        app: Its hydrate info; read from the build when None.
        closed_events: Measured increments of the N=1 closed loop (0 skips it).
        paced_sessions: Session counts of the paced points.
        paced_seconds: Measured phase of each paced point.
        gc_log: The server's `PERF_GC_LOG` prefix, if set.

    Returns:
        Figures by point name ("closed_1", "paced_100"...).
    """
    app = app or app_info(server.app_dir)
    results: dict[str, dict[str, Any]] = {}
    if closed_events:
        results["closed_1"] = await measure_closed(server, app, events=closed_events)
    for n in paced_sessions:
        results[f"paced_{n}"] = await measure_paced(
            server, app, n, seconds=paced_seconds, gc_log=gc_log
        )
    return results


def table(results: dict[str, dict[str, Any]]) -> str:
    """Markdown table of the figures.

    Args:
        results: Figures by point name.

    Returns:
        The table.
    """
    head = (
        "| point | N | events | ev/s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| worker cores | client cores | hydrate p50 ms | KiB/session RSS / USS |"
    )
    lines = [head, "|" + "---|" * 13]
    for name, r in results.items():
        if "overall" not in r:
            continue
        o = r["overall"]
        per = r.get("per_session_kib", {})
        lines.append(
            f"| {name} | {r['sessions']} | {o.get('count', 0)} | {r['throughput_eps']} "
            f"| {o.get('p50', '-')} | {o.get('p95', '-')} | {o.get('p99', '-')} "
            f"| {o.get('max', '-')} | {r['errors']} | {r.get('worker_cores', '-')} "
            f"| {r['client_cores']} | {r['hydrate'].get('p50', '-')} "
            f"| {per.get('rss', '-')} / {per.get('uss', '-')} |"
        )
    return "\n".join(lines) + "\n"


def pageload_table(results: dict[str, dict[str, Any]]) -> str:
    """Markdown table of the page-load figures (medians, ms from navigation start).

    Args:
        results: Figures by point name; those of `measure_pageload` are shown.

    Returns:
        The table, or "" when there are none.
    """
    keys = ("fcp", "lcp", "dcl", "load", "ws_open", "interactive", "click")
    lines = []
    for name, r in results.items():
        if "bytes" not in r:
            continue
        timings = " | ".join(str((r.get(k) or {}).get("median", "-")) for k in keys)
        lines.append(f"| {name} | {r['n']} | {r['bytes']:.0f} | {r['requests']:.0f} | {timings} |")
    if not lines:
        return ""
    head = "| page | n | bytes | requests | " + " | ".join(keys) + " |"
    return "\n".join([head, "|" + "---|" * (4 + len(keys)), *lines]) + "\n"


def measure_pages(server: Server, n: int = 15) -> dict[str, dict[str, Any]]:
    """Cold page loads of `/` and `/counter/` (with a click on #inc timed until #count changes).

    Args:
        server: The running blank app (unpinned, as in the reference).
        n: Measured loads per page, after one warm-up.

    Returns:
        Figures by point name ("pageload_root", "pageload_counter").
    """
    from bench.harness.pageload import measure_pageload

    return {
        "pageload_root": measure_pageload(f"{server.url}/", n),
        "pageload_counter": measure_pageload(
            f"{server.url}{COUNTER_PAGE}", n, marker="#count", click=("#inc", "#count")
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: serve the blank app, measure it, print the table, optionally write JSON.

    Args:
        argv: Arguments (default: sys.argv).

    Returns:
        0 when no error occurred, 1 otherwise.
    """
    parser = argparse.ArgumentParser(prog="python -m bench.blank", description=__doc__)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--events", type=int, default=2000, help="N=1 closed-loop increments")
    parser.add_argument("--paced", type=int, nargs="*", default=[100, 500], help="paced N")
    parser.add_argument("--seconds", type=float, default=20.0, help="paced measured phase")
    parser.add_argument("--manager", choices=["disk", "memory"], help="state manager mode")
    parser.add_argument("--server-cpus", default="0", help="taskset list, '' to not pin")
    parser.add_argument("--client-cpus", default="1", help="CPU list of this process, ''")
    parser.add_argument("--no-fresh", action="store_true", help="one server for all points")
    parser.add_argument("--gc-log", action="store_true", help="count gen-2 GC pauses")
    parser.add_argument("--pageload", type=int, default=0, metavar="N", help="N cold loads")
    args = parser.parse_args(argv)

    all_cpus = os.sched_getaffinity(0)
    if args.client_cpus:
        os.sched_setaffinity(0, {int(c) for c in args.client_cpus.split(",")})
    env = {"REFLEX_STATE_MANAGER_MODE": args.manager} if args.manager else {}
    gc_dir = tempfile.TemporaryDirectory(prefix="bench-gc-")
    gc_log = Path(gc_dir.name) / "gc" if args.gc_log else None
    if gc_log:
        env["PERF_GC_LOG"] = str(gc_log)
    groups: list[tuple[int, list[int]]] = [(args.events, list(args.paced))]
    if not args.no_fresh and args.paced:
        groups = [(args.events, args.paced[:1])] + [(0, [n]) for n in args.paced[1:]]
    results: dict[str, dict[str, Any]] = {}
    for events, sizes in groups:
        with serve(BLANK_APP_DIR, env=env, cpus=args.server_cpus or None) as server:
            results.update(
                asyncio.run(
                    measure_blank(
                        server,
                        closed_events=events,
                        paced_sessions=sizes,
                        paced_seconds=args.seconds,
                        gc_log=gc_log,
                    )
                )
            )
    if args.pageload:
        os.sched_setaffinity(0, all_cpus)
        with serve(BLANK_APP_DIR, env=env) as server:
            results.update(measure_pages(server, args.pageload))
    gc_dir.cleanup()
    sys.stdout.write(table(results) + pageload_table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if any(r.get("errors") for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
