"""The benchmark's arithmetic: nearest-rank percentiles and the report's ratios and verdicts."""

import math

import pytest

from bench import report
from bench.harness.load import percentile, summarize


def test_percentile_is_nearest_rank():
    samples = list(range(100, 0, -1))  # 100 .. 1, unsorted on purpose
    assert percentile(samples, 50) == 50
    assert percentile(samples, 95) == 95
    assert percentile(samples, 99) == 99
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.0
    assert percentile([7.0], 99) == 7.0
    assert math.isnan(percentile([], 50))


def test_summarize_counts_and_rounds():
    figures = summarize([1.0, 2.0, 3.0, 10.0])
    assert figures == {"count": 4, "p50": 2.0, "p95": 10.0, "p99": 10.0, "mean": 4.0, "max": 10.0}
    assert summarize([]) == {"count": 0}


@pytest.mark.parametrize(
    ("portal", "blank", "goal", "ratio", "verdict"),
    [(3.0, 1.0, 3.0, 3.0, "pass"), (3.1, 1.0, 3.0, 3.1, "FAIL"), (2.0, 4.0, 1.5, 0.5, "pass"),
     (5.0, 1.0, None, 5.0, "—"), (5.0, None, None, None, "—")],
)  # fmt: skip
def test_ratio_rows_compare_portal_over_blank_with_the_goal(portal, blank, goal, ratio, verdict):
    row = report._row("m", portal, blank, goal, unit="ms")
    assert (row["ratio"], row["verdict"]) == (ratio, verdict)


def test_absolute_goal_bounds_the_portal_figure_itself():
    assert report._row("requests", 25, 14, 25, absolute=True)["verdict"] == "pass"
    assert report._row("requests", 26, 14, 25, absolute=True)["verdict"] == "FAIL"
    assert report._row("errors", 1, 0, 0, absolute=True)["verdict"] == "FAIL"


def test_higher_and_strict_goals():
    assert report._row("score", 95, 89, 95, lower=False, absolute=True)["verdict"] == "pass"
    assert report._row("score", 94, 89, 95, lower=False, absolute=True)["goal"] == "≥ 95"
    assert report._row("score", 94, 89, 95, lower=False, absolute=True)["verdict"] == "FAIL"
    assert report._row("cls", 0.1, 0, 0.1, absolute=True, strict=True)["verdict"] == "FAIL"
    assert report._row("cls", 0.099, 0, 0.1, absolute=True, strict=True)["goal"] == "< 0.1"


def _run(steps, p95, cpu_s=1.0, errors=0):
    overall = {"count": 100, "p50": p95 / 2, "p95": p95, "p99": p95 * 2}
    samples = {"before": 60.0, "connected": 70.0, "after_events": 80.0, "after_close": 75.0}
    memory = {key: {"rss": rss} for key, rss in samples.items()}
    return {"overall": overall, "steps": {s: {"p95": p95} for s in steps}, "worker_cpu_s": cpu_s,
            "errors": errors, "connected": 10, "per_session_kib": {"rss": 1024.0},
            "memory_mib": memory}  # fmt: skip


def _results():
    wizard_steps = [step for step, _ in report.WIZARD_STEPS]
    page = {"bytes": 300_000, "requests": 14, "fcp": {"median": 200}}
    page["interactive"] = {"median": 400}
    return {
        "options": {"repeats": 1, "blank_events": 1, "lookups": 1, "journeys": 1, "paced": [500],
                    "paced_seconds": 1, "page_loads": 1},
        "seconds": 1.0,
        "closed": {"blank": [_run(["increment"], 1.0)],
                   "io_floor": [_run(["read_one"], 1.5)],
                   "lookup": [_run(["lookup", "order_page"], 2.0)],
                   "dashboard": [_run(["dashboard"], 2.5)],
                   "wizard": [_run(wizard_steps, 4.0)]},
        "paced": {"500": {"blank": _run(["increment"], 2.0),
                          "wizard": _run(wizard_steps, 3.0, errors=1),
                          "dashboard": _run(["dashboard"], 150.0)}},
        "capacity": {"blank": {"sessions": 1600, "first_failed": None, "trials": []},
                     "wizard": {"sessions": 560, "first_failed": 640, "trials": []}},
        "pages": {"blank /": page, "portal /": {**page, "bytes": 360_000},
                  "portal /help/": {**page, "bytes": 480_000, "requests": 30}},
        "data_scale": {"sizes": {"1000": {"orders": 1000, "found": {"p95_ms": 10.0}},
                                 "100000": {"orders": 100000, "found": {"p95_ms": 12.0}}}},
        "dashboard_scale": {"sizes": {"10": {"p95": 2.0}, "10000": {"p95": 3.2}}},
        "labels": {"png": {"per_second": 20.0}, "pdf": {"per_second": 30.0}},
        "outbox": {"1_worker": {"per_second": 80.0}, "2_worker": {"per_second": 140.0}},
        "lighthouse": {
            "blank / mobile": {"performance": 89, "cls": 0.0, "lcp_ms": 2990.0, "tbt_ms": 0.0},
            "portal /track/ mobile": {"performance": 86, "cls": 0.0, "lcp_ms": 3270.0,
                                      "tbt_ms": 11.0},
            "blank / desktop": {"performance": 100, "cls": 0.0, "lcp_ms": 640.0, "tbt_ms": 0.0},
            "portal /loyalty/ desktop": {"performance": 99, "cls": 0.605, "lcp_ms": 720.0,
                                         "tbt_ms": 0.0},
        },
    }  # fmt: skip


def test_report_rows_cover_every_metric_with_its_verdict():
    rows = {row["metric"]: row for row in report.rows(_results())}
    assert rows["1 session: order page load p95"]["verdict"] == "pass"  # 2 ms vs 1 ms
    assert rows["1 session: wizard, all events p95"]["verdict"] == "FAIL"  # 4x > 3x
    assert rows["500 paced sessions: wizard events p95"]["ratio"] == 1.5
    assert rows["500 paced sessions: wizard events p95"]["verdict"] == "pass"  # 3 ms <= 100 ms
    assert rows["500 paced sessions: load-client errors"]["verdict"] == "FAIL"
    assert rows["500 paced sessions: dashboard loads p95"]["verdict"] == "FAIL"  # 150 > 100 ms
    cpu = rows["500 paced sessions: dashboard loads, server CPU per load"]
    assert (cpu["portal"], cpu["goal"], cpu["verdict"]) == (10.0, "≤ 3", "FAIL")  # 1 s / 100
    assert rows["500 paced sessions: server CPU per wizard event"]["verdict"] == "pass"  # 1x
    assert rows["1 session: server CPU per wizard event"]["goal"] == "≤ 2×"
    held = rows["capacity: paced sessions held at p95 <= 100 ms, 0 errors (wizard vs counter,"
                " the blank app held the most tried)"]  # fmt: skip
    assert (held["ratio"], held["verdict"]) == (0.35, "FAIL")  # 560 of >= 1600 < 50 %
    assert rows["500 paced sessions: memory per session after its events"]["portal"] == 2048.0
    heaviest = rows["heaviest page (/help/): bytes on the wire, cold"]
    assert (heaviest["ratio"], heaviest["verdict"]) == (1.6, "FAIL")
    assert rows["heaviest page (/help/): requests"]["verdict"] == "FAIL"  # 30 > 25
    scale = next(row for metric, row in rows.items() if metric.startswith("data scale"))
    assert (scale["ratio"], scale["verdict"]) == (1.2, "pass")
    dashboard = rows["data scale: dashboard p95, 10,000 vs 10 ledger entries (ratio of the two)"]
    assert (dashboard["ratio"], dashboard["verdict"]) == (1.6, "FAIL")
    assert rows["1 session: Almé Lovers dashboard load p95"]["ratio"] == 2.5
    outbox = rows["outbox: e-mails per second to loopback SMTP, 2 worker process(es)"]
    assert outbox["portal"] == 140
    assert rows["Lighthouse mobile /track/: performance score"]["verdict"] == "FAIL"  # 86 < 95
    assert rows["Lighthouse mobile /track/: cumulative layout shift"]["verdict"] == "pass"
    assert rows["Lighthouse desktop /loyalty/: performance score"]["verdict"] == "—"
    assert rows["Lighthouse desktop /loyalty/: cumulative layout shift"]["verdict"] == "FAIL"
    assert rows["Lighthouse mobile /track/: largest contentful paint"]["ratio"] == 1.09
    floor = rows["1 session: order page load p95 against the I/O floor"]  # 2 ms vs 1.5 ms
    assert (floor["blank"], floor["ratio"], floor["verdict"]) == (1.5, 1.33, "pass")
    confirm = rows["1 session: wizard, Confirm my return p95 against the I/O floor"]
    assert (confirm["ratio"], confirm["verdict"]) == (2.67, "FAIL")  # 4 ms vs 1.5 ms
    assert report.load_errors(_results()) == 1
    text = report.markdown(report.rows(_results()), _results())
    assert "| 1 session: wizard, all events p95 | ms | 4 | 1 | 4 | ≤ 3× | FAIL |" in text


def test_scaled_table_says_what_one_more_core_buys_and_counts_its_errors():
    results = _results()
    single = results["paced"]["500"]
    single["wizard"]["wall_s"] = single["dashboard"]["wall_s"] = 10.0
    wizard = {**_run(["find"], 2.5, cpu_s=1.25, errors=2), "wall_s": 10.0, "workers": 2}
    dashboard = {**_run(["dashboard"], 4.0, cpu_s=0.5), "wall_s": 10.0, "workers": 2}
    results["scaled"] = {"500": {"wizard": wizard, "dashboard": dashboard}}
    lines = report.scaled_lines(results)
    # 1 process: 10 ms of CPU per wizard event, 100 events/s on its core; 2 workers:
    # 12.5 ms each, so 80 events/s per core and 160 in all: ×1.6.
    assert "| 500 | wizard | 1 process | 3 | 10 | 10 | 100 | 1 |" in lines
    assert "| 500 | wizard | 2 workers | 2.5 | 12.5 | 5 | 80 | 2 |" in lines
    assert "| 500 | wizard | **one more core buys** | | | | capacity ×1.60 | |" in lines
    assert "| 500 | dashboard | **one more core buys** | | | | capacity ×4.00 | |" in lines
    assert report.load_errors(results) == 3
    assert report.scaled_lines(_results()) == []  # a run without the scaled setup
