"""The `make bench` report: one row per metric with the portal, the blank app and their ratio."""

from __future__ import annotations

import math
import statistics
from pathlib import Path
from typing import Any

from bench import profile

WIZARD_STEPS = (
    ("find", "Find my order (returns)"),
    ("quantity", "choose a quantity"),
    ("items_done", "Continue (items)"),
    ("choose", "pick reason / outcome / method"),
    ("confirm_refund", "Confirm refund"),
    ("details", "Check your details, Continue"),
    ("relay_search", "relay-point search"),
    ("relay_choice", "choose a relay point"),
    ("method_done", "Continue (method)"),
    ("confirm_return", "Confirm my return (the label booked with the simulator)"),
)
GOALS = {
    "event_1": 3.0,
    "event_500_ms": 100.0,
    "memory": 1.5,
    "cpu_wizard": 2.0,
    "cpu_dashboard_ms": 3.0,
    "capacity": 0.5,
    "page_bytes": 1.5,
    "scale": 1.5,
    "lighthouse_mobile": 95,
    "cls": 0.1,
    "io_event_1": 1.5,
}
MAX_REQUESTS = 25
CHANGES = Path(__file__).with_name("changes.md")
"""What changed the figures, by hand, with what showed it (the report ends with it)."""
DB_EVENTS = (
    ("lookup", "lookup", "Find my order (track)"),
    ("lookup", "order_page", "order page load"),
    ("dashboard", "dashboard", "Almé Lovers dashboard load"),
    ("wizard", "find", "wizard, Find my order (returns)"),
    ("wizard", "confirm_return", "wizard, Confirm my return"),
)
"""The events that read the database: each is measured against the I/O floor too."""


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def _closed(results: dict, name: str, step: str | None, stat: str = "p95") -> float:
    """Median over the repetitions of one closed-loop figure (a step's, or all events')."""
    runs = results["closed"][name]
    return _median([(run["steps"][step] if step else run["overall"])[stat] for run in runs])


def _cpu_per_event_ms(runs: list[dict]) -> float:
    return _median([run["worker_cpu_s"] / run["overall"]["count"] * 1e3 for run in runs])


def _row(metric, portal, blank, goal=None, *, unit="", lower=True, absolute=False,
         strict=False) -> dict:  # fmt: skip
    """A row; `goal` is a ratio bound (or an absolute bound on the portal with `absolute`).

    `lower`: the figure must stay at or under the goal (else at or above it); `strict`: under
    it, not equal (Lighthouse's CLS < 0.1).
    """
    ratio = round(portal / blank, 2) if blank else None
    if goal is None:
        verdict = "—"
    else:
        value = portal if absolute else ratio
        if value is None:
            met = False
        elif lower:
            met = value < goal if strict else value <= goal
        else:
            met = value >= goal
        verdict = "pass" if met else "FAIL"
    sign = ("<" if strict else "≤") if lower else "≥"
    goal_text = "—" if goal is None else (f"{sign} {goal:g}" + ("" if absolute else "×"))
    return {
        "metric": metric,
        "unit": unit,
        "portal": portal,
        "blank": blank,
        "ratio": ratio,
        "goal": goal_text,
        "verdict": verdict,
    }


def _event_rows(results: dict) -> list[dict]:
    blank_p95 = _closed(results, "blank", None)
    goal = GOALS["event_1"]
    rows = [
        _row(
            "1 session: Find my order (track) p95",
            _closed(results, "lookup", "lookup"),
            blank_p95,
            goal,
            unit="ms",
        ),
        _row(
            "1 session: order page load p95",
            _closed(results, "lookup", "order_page"),
            blank_p95,
            goal,
            unit="ms",
        ),
        _row(
            "1 session: Almé Lovers dashboard load p95",
            _closed(results, "dashboard", "dashboard"),
            blank_p95,
            goal,
            unit="ms",
        ),
    ]
    for step, label in WIZARD_STEPS:
        rows.append(
            _row(
                f"1 session: wizard, {label} p95",
                _closed(results, "wizard", step),
                blank_p95,
                goal,
                unit="ms",
            )
        )
    for stat in ("p50", "p95", "p99"):
        rows.append(
            _row(
                f"1 session: wizard, all events {stat}",
                _closed(results, "wizard", None, stat),
                _closed(results, "blank", None, stat),
                goal if stat == "p95" else None,
                unit="ms",
            )
        )
    rows.append(
        _row(
            "1 session: server CPU per wizard event",
            _cpu_per_event_ms(results["closed"]["wizard"]),
            _cpu_per_event_ms(results["closed"]["blank"]),
            GOALS["cpu_wizard"],
            unit="ms",
        )
    )
    return rows


def _io_floor_rows(results: dict) -> list[dict]:
    """The database-backed events against the blank app's one indexed read (issue 21)."""
    if not results["closed"].get("io_floor"):
        return []
    floor = _closed(results, "io_floor", None)
    rows = [_row("1 session: I/O floor, the blank app's one indexed read p95 (blank column:"
                 " its counter)", floor, _closed(results, "blank", None), unit="ms")]  # fmt: skip
    for run, step, label in DB_EVENTS:
        portal = _closed(results, run, step)
        metric = f"1 session: {label} p95 against the I/O floor"
        rows.append(_row(metric, portal, floor, GOALS["io_event_1"], unit="ms"))
    return rows


def _paced_rows(results: dict) -> list[dict]:
    rows = []
    for sessions, point in results["paced"].items():
        wizard, blank = point["wizard"], point["blank"]
        for stat in ("p50", "p95", "p99"):
            goal = GOALS["event_500_ms"] if sessions == "500" and stat == "p95" else None
            rows.append(
                _row(
                    f"{sessions} paced sessions: wizard events {stat}",
                    wizard["overall"][stat],
                    blank["overall"][stat],
                    goal,
                    unit="ms",
                    absolute=True,
                )
            )
        rows.append(
            _row(
                f"{sessions} paced sessions: server CPU per wizard event",
                _cpu_ms(wizard),
                _cpu_ms(blank),
                GOALS["cpu_wizard"],
                unit="ms",
            )
        )
        if "dashboard" in point:
            rows += _paced_dashboard_rows(sessions, point["dashboard"], blank)
        per_session = {
            name: _per_session_after_events(run) for name, run in (("w", wizard), ("b", blank))
        }
        rows += [
            _row(
                f"{sessions} paced sessions: memory per connected session (hydrated)",
                wizard["per_session_kib"]["rss"],
                blank["per_session_kib"]["rss"],
                unit="KiB",
            ),
            _row(
                f"{sessions} paced sessions: memory per session after its events",
                per_session["w"],
                per_session["b"],
                GOALS["memory"],
                unit="KiB",
            ),
            _row(
                f"{sessions} paced sessions: worker RSS after the sessions left",
                wizard["memory_mib"]["after_close"]["rss"],
                blank["memory_mib"]["after_close"]["rss"],
                unit="MiB",
            ),
            _row(
                f"{sessions} paced sessions: load-client errors",
                wizard["errors"],
                blank["errors"],
                0,
                unit="",
                absolute=True,
            ),
        ]
    return rows


def _cpu_ms(run: dict) -> float:
    return round(run["worker_cpu_s"] / max(1, run["overall"]["count"]) * 1e3, 3)


def _paced_dashboard_rows(sessions: str, dashboard: dict, blank: dict) -> list[dict]:
    """The dashboard reloaded once a second by every session, on the wizard's server."""
    goal = GOALS["event_500_ms"] if sessions == "500" else None
    label = f"{sessions} paced sessions: dashboard loads"
    return [
        _row(f"{label} p95", dashboard["overall"]["p95"], blank["overall"]["p95"], goal,
             unit="ms", absolute=True),
        _row(f"{label}, server CPU per load", _cpu_ms(dashboard), _cpu_ms(blank),
             GOALS["cpu_dashboard_ms"], unit="ms", absolute=True),
        _row(f"{label}: load-client errors", dashboard["errors"], blank["errors"], 0,
             absolute=True),
    ]  # fmt: skip


def _per_session_after_events(run: dict) -> float:
    memory = run["memory_mib"]
    sessions = max(1, run["connected"])
    return round((memory["after_events"]["rss"] - memory["before"]["rss"]) * 1024 / sessions, 1)


def _page_rows(results: dict) -> list[dict]:
    pages = results["pages"]
    blank = pages["blank /"]
    portal_pages = {name: figures for name, figures in pages.items() if name != "blank /"}
    heaviest = max(portal_pages, key=lambda name: portal_pages[name]["bytes"])
    rows = [
        _row(
            f"heaviest page ({heaviest.removeprefix('portal ')}): bytes on the wire, cold",
            portal_pages[heaviest]["bytes"],
            blank["bytes"],
            GOALS["page_bytes"],
            unit="B",
        ),
        _row(
            f"heaviest page ({heaviest.removeprefix('portal ')}): requests",
            portal_pages[heaviest]["requests"],
            blank["requests"],
            MAX_REQUESTS,
            absolute=True,
        ),
    ]
    for name, figures in portal_pages.items():
        path = name.removeprefix("portal ")
        rows.append(
            _row(
                f"page {path}: bytes / requests {figures['requests']:.0f}",
                figures["bytes"],
                blank["bytes"],
                unit="B",
            )
        )
        for timing, label in (("fcp", "first paint"), ("interactive", "interactive")):
            portal_ms = (figures.get(timing) or {}).get("median")
            blank_ms = (blank.get(timing) or {}).get("median")
            if portal_ms is not None and blank_ms is not None:
                rows.append(_row(f"page {path}: {label}", portal_ms, blank_ms, unit="ms"))
    return rows


def _lighthouse_rows(results: dict) -> list[dict]:
    """Lighthouse per page and form factor, against the blank app's page (issue 21's goals)."""
    audits = results.get("lighthouse", {})
    rows = []
    for name, figures in audits.items():
        if not name.startswith("portal "):
            continue
        path, form_factor = name.removeprefix("portal ").rsplit(" ", 1)
        blank = audits[f"blank / {form_factor}"]
        label = f"Lighthouse {form_factor} {path}"
        score_goal = GOALS["lighthouse_mobile"] if form_factor == "mobile" else None
        rows += [
            _row(f"{label}: performance score", figures["performance"], blank["performance"],
                 score_goal, lower=False, absolute=True),
            _row(f"{label}: cumulative layout shift", figures["cls"], blank["cls"], GOALS["cls"],
                 absolute=True, strict=True),
            _row(f"{label}: largest contentful paint", figures["lcp_ms"], blank["lcp_ms"],
                 unit="ms"),
            _row(f"{label}: total blocking time", figures["tbt_ms"], blank["tbt_ms"], unit="ms"),
        ]  # fmt: skip
    return rows


def _other_rows(results: dict) -> list[dict]:
    scale = results["data_scale"]
    sizes = scale["sizes"]
    small, large = sizes[min(sizes, key=int)], sizes[max(sizes, key=int)]
    labels, dashboard = results["labels"], results["dashboard_scale"]
    return [
        _row(
            f"data scale: lookup + order page p95, {large['orders']:,} vs {small['orders']:,}"
            " orders (ratio of the two sizes)",
            large["found"]["p95_ms"],
            small["found"]["p95_ms"],
            GOALS["scale"],
            unit="ms",
        ),
        _row(
            "data scale: dashboard p95, 10,000 vs 10 ledger entries (ratio of the two)",
            dashboard["sizes"][max(dashboard["sizes"], key=int)]["p95"],
            dashboard["sizes"][min(dashboard["sizes"], key=int)]["p95"],
            GOALS["scale"],
            unit="ms",
        ),
        *_confirm_rows(results),
        _row("labels: PNG per second", labels["png"]["per_second"], None, unit="/s"),
        _row("labels: PDF per second", labels["pdf"]["per_second"], None, unit="/s"),
        *(
            _row(
                f"outbox: e-mails per second to loopback SMTP, {workers} worker process(es)",
                results["outbox"][f"{workers}_worker"]["per_second"],
                None,
                unit="/s",
            )
            for workers in (1, 2)
            if "outbox" in results
        ),
    ]


def _confirm_rows(results: dict) -> list[dict]:
    """R3: what booking the label adds to "Confirm my return", next to the step without it."""
    if "confirm" not in results:
        return []
    confirm = results["confirm"]
    return [
        _row(
            "Confirm my return p95, in process: stored and its label booked with the simulator"
            " (portal column) vs stored alone, the step before labels were booked (blank column)",
            confirm["booked"]["p95"],
            confirm["stored"]["p95"],
            unit="ms",
        )
    ]


def _capacity_rows(results: dict) -> list[dict]:
    found = results.get("capacity")
    if not found:
        return []
    wizard, blank = found["wizard"], found["blank"]
    return [
        _row("capacity: paced sessions held at p95 <= 100 ms, 0 errors (wizard vs counter"
             + (", the blank app held the most tried" if blank["first_failed"] is None else "")
             + ")", wizard["sessions"], blank["sessions"], GOALS["capacity"], lower=False),
    ]  # fmt: skip


def rows(results: dict[str, Any]) -> list[dict]:
    """Every metric of the run as report rows."""
    return (_event_rows(results) + _io_floor_rows(results) + _paced_rows(results)
            + _capacity_rows(results) + _page_rows(results) + _lighthouse_rows(results)
            + _other_rows(results))  # fmt: skip


def load_errors(results: dict[str, Any]) -> int:
    """How many load-client errors the run had (a wrong answer or a timeout)."""
    runs = [run for group in results["closed"].values() for run in group]
    for paced in (results["paced"], results.get("scaled", {})):
        runs += [run for point in paced.values() for run in point.values()]
    return sum(run["errors"] for run in runs)


def _per_core(run: dict) -> float:
    """Events one core serves per second at this run's CPU cost per event."""
    cost = _cpu_ms(run)
    return round(1e3 / cost, 1) if cost else math.nan


def capacity_lines(results: dict[str, Any]) -> list[str]:
    """Each capacity trial: sessions, p95 and whether they were held (issue 21)."""
    if not results.get("capacity"):
        return []
    lines = ["", "## Capacity trials", "", "Sessions double until p95 passes 100 ms or an error"
             " occurs, then the gap is halved (`bench.capacity`); one fresh server per app.", "",
             "| app | sessions | p95 ms | errors | held |", "|---|---:|---:|---:|---|"]  # fmt: skip
    for name, found in results["capacity"].items():
        for trial in found["trials"]:
            lines.append(
                f"| {name} | {trial['sessions']} | {_cell(trial['p95'])} | {trial['errors']}"
                f" | {'yes' if trial['held'] else 'no'} |"
            )
    return lines


def scaled_lines(results: dict[str, Any]) -> list[str]:
    """The table of one process against several workers on PostgreSQL + Redis (issue 20)."""
    if not results.get("scaled"):
        return []
    lines = [
        "",
        "## One process against two workers on PostgreSQL + Redis",
        "",
        "The same paced sessions on fresh servers: one process on SQLite (CPU 0), then two"
        " Granian workers sharing PostgreSQL and Redis (CPUs 0-1, the load client on CPU 1)."
        " Capacity = workers × the events one core serves at the measured CPU per event.",
        "",
        "| sessions | events | setup | p95 ms | CPU ms per event | events/s per worker"
        " | events/s one core serves | errors |",
        "|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for sessions, point in results["scaled"].items():
        single = results["paced"].get(sessions, {})
        for kind in ("wizard", "dashboard"):
            for setup, run in (("1 process", single.get(kind)), ("2 workers", point[kind])):
                if not run:
                    continue
                served = run["overall"]["count"] / run["wall_s"] / run.get("workers", 1)
                lines.append(
                    f"| {sessions} | {kind} | {setup} | {_cell(run['overall']['p95'])}"
                    f" | {_cell(_cpu_ms(run))} | {_cell(round(served, 1))}"
                    f" | {_cell(_per_core(run))} | {run['errors']} |"
                )
            if single.get(kind):
                gain = (
                    point[kind].get("workers", 1) * _per_core(point[kind]) / _per_core(single[kind])
                )
                lines.append(
                    f"| {sessions} | {kind} | **one more core buys** | | | | capacity"
                    f" ×{gain:.2f} | |"
                )
    return lines


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def markdown(table: list[dict], results: dict[str, Any]) -> str:
    """The report: the table, then how the run was made."""
    failed = [row["metric"] for row in table if row["verdict"] == "FAIL"]
    lines = [
        "# Portal vs blank Reflex app (`make bench`)",
        "",
        f"Run of {results['seconds']} s on this machine; servers pinned to CPU 0, load client on"
        " CPU 1, loopback. Ratios = portal / blank app, measured in the same run.",
        "",
        "| metric | unit | portal | blank app | ratio | goal | result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for row in table:
        lines.append(
            f"| {row['metric']} | {row['unit']} | {_cell(row['portal'])} | {_cell(row['blank'])}"
            f" | {_cell(row['ratio'])} | {row['goal']} | {row['verdict']} |"
        )
    lines += ["", f"Goals missed: {len(failed)}" + (f" ({'; '.join(failed)})" if failed else "")]
    lines += capacity_lines(results)
    lines += scaled_lines(results)
    lines += profile.lines(results.get("profile", {}))
    if CHANGES.exists():
        lines += ["", CHANGES.read_text().rstrip()]
    options = results["options"]
    lines += [
        "",
        "## How",
        "",
        f"- Closed loop, 1 session, {options['repeats']} interleaved repetitions (median), each"
        " after a warm-up of about 100 events:"
        f" {options['blank_events']} counter increments and as many indexed reads (the I/O"
        f" floor, a table of {options.get('io_rows', '?')} orders) on the blank app;"
        f" {options['lookups']} lookups + order pages, {options['lookups']} dashboard loads of a"
        f" logged-in member and {options['journeys']} whole return journeys (13 events, each"
        " confirming a new return) on the portal.",
        f"- Paced: {', '.join(map(str, options['paced']))} sessions on fresh servers, one event per"
        f" second each; the blank app clicks for {options['paced_seconds']:g} s, each portal"
        " session walks the whole wizard once, starting at a random moment within 15 s.",
        "- Capacity: paced sessions on one fresh server per app, doubled from"
        f" {options.get('capacity', {}).get('wizard', {}).get('start', '?')} (wizard) and"
        f" {options.get('capacity', {}).get('blank', {}).get('start', '?')} (counter) until p95"
        " passes 100 ms, then bisected; at most"
        f" {options.get('capacity_trials', '?')} trials each.",
        "- Memory: worker RSS sampled before connecting, with every session hydrated, after the"
        " events and after the sessions left.",
        f"- Pages: {options['page_loads']} cold loads each in Chromium after a warm-up (median).",
        f"- Lighthouse {options.get('lighthouse_runs', '-')} audits per page and form factor"
        " (median), performance only, a new Chromium profile each, Lighthouse's own throttling;"
        " /loyalty with a member's login cookie, the blank app's page as the floor.",
        "- Data scale: `bench.data_scale` and `bench.dashboard_scale`; labels:"
        " `bench.labels_rate`; outbox: `bench.outbox_rate` (SQLite outbox, aiosmtpd sink).",
    ]
    return "\n".join(lines) + "\n"
