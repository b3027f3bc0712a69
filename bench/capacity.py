"""Capacity: the most paced sessions an app holds with p95 <= 100 ms and no error (issue 21).

At 500 paced sessions one pinned core is saturated and p95 measures the queue, not the cost
of an event. The capacity says how far each app goes before that: sessions double from
`start` until a trial fails (or `most` holds), then halve the gap until it is within
`PRECISION` of the sessions held.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

P95_LIMIT_MS = 100.0
PRECISION = 0.15
"""The search stops once the first failing count is within 15 % of the last one held."""

Trial = Callable[[int], dict[str, Any]]
"""Runs `sessions` paced sessions; returns `run_load`'s figures (`overall.p95`, `errors`)."""


def held(figures: dict[str, Any]) -> bool:
    """Whether a trial's sessions were held: p95 <= 100 ms and no error."""
    return figures["errors"] == 0 and figures["overall"]["p95"] <= P95_LIMIT_MS


def search(trial: Trial, *, start: int, most: int, max_trials: int = 6) -> dict[str, Any]:
    """The most sessions `trial` holds, searched from `start` up to `most`.

    Args:
        trial: one paced run of a given number of sessions.
        start: the first number of sessions tried.
        most: the largest number tried (the load client's own limit).
        max_trials: a bound on the runs, whatever the precision reached.

    Returns:
        `{"sessions": most held (0 if none), "first_failed": fewest failed or None,
        "trials": [{"sessions", "p95", "errors", "held"}]}`.
    """
    best, failed, trials = 0, None, []
    sessions = start
    while len(trials) < max_trials:
        figures = trial(sessions)
        ok = held(figures)
        trials.append({"sessions": sessions, "p95": figures["overall"]["p95"],
                       "errors": figures["errors"], "held": ok})  # fmt: skip
        if ok:
            best = sessions
        else:
            failed = sessions
        if failed is None:
            if sessions >= most:
                break
            sessions = min(2 * sessions, most)
        elif failed - best <= max(1, PRECISION * best):
            break
        else:
            sessions = (best + failed) // 2
    return {"sessions": best, "first_failed": failed, "trials": trials}
