"""`python -m bench.run --profile`: where a portal worker's time goes, per kind of event.

py-spy (a sampling profiler, `pip install py-spy`) records the worker while one session runs
one workload in a closed loop: "Find my order" and the order page, the Almé Lovers dashboard,
the whole return wizard. Threads waiting for work are left out, so the samples are the
worker's CPU time (and time spent waiting on SQLite or a carrier). The report lists each
workload's top functions by their own samples (where the time is spent) and the portal's
functions by their total samples (which of our calls the time is under).
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PY_SPY = Path(sys.executable).with_name("py-spy")
RATE = 250
"""Samples per second (py-spy's default is 100): a few thousand per workload."""
TOP = 12
OWN_CODE = "alme_portal/"
"""Where the portal's files are: py-spy names them from the worker's directory or in full."""
WAITS = (
    "EpollSelector.select (selectors.py)",
    "BaseSelectorEventLoop._write_to_self (asyncio/selector_events.py)",
    "_worker (concurrent/futures/thread.py)",
    "Condition.wait (threading.py)",
)
"""Frames where a thread waits (its event loop, an idle pool thread): py-spy counts some as
running; they are left out of the shares."""


@contextlib.contextmanager
def recording(pid: int, output: Path) -> Iterator[None]:
    """Record `pid` with py-spy for the duration of the block (folded stacks in `output`)."""
    spy = subprocess.Popen(
        [str(PY_SPY), "record", "--pid", str(pid), "--format", "raw", "--rate", str(RATE),
         "--nonblocking", "--output", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)  # py-spy writes its file when interrupted
        _, errors = spy.communicate(timeout=60)
        if not output.exists():
            raise RuntimeError(f"py-spy wrote no profile: {errors[-1000:]}")


def _frames(stack: str) -> list[str]:
    # py-spy's raw lines: "thread;frame;frame;... count", a frame "function (file:line)".
    return [frame for frame in stack.split(";") if " (" in frame]


def _where(frame: str) -> str:
    """`function (file)` with the file's path from its package (line numbers dropped)."""
    function, _, place = frame.partition(" (")
    path = place.rstrip(")").rsplit(":", 1)[0]
    for marker in ("/site-packages/", "/lib/python3.11/"):
        path = path.split(marker, 1)[-1]
    if OWN_CODE in path:
        path = OWN_CODE + path.split(OWN_CODE, 1)[1]
    return f"{function} ({path})"


def top_functions(folded: str, top: int = TOP) -> dict[str, Any]:
    """The top functions of a py-spy raw profile.

    Args:
        folded: the file's text, one "stack count" per line.
        top: how many functions per list.

    Returns:
        {"samples": n, "own": [(function, % of samples)], "portal": [(function, % total)]}:
        own = the sampled leaf frames; portal = the portal's functions anywhere on the stack;
        samples where a thread waits (`WAITS`) are not counted.
    """
    own: Counter[str] = Counter()
    portal: Counter[str] = Counter()
    samples = 0
    for line in folded.splitlines():
        stack, _, count_text = line.rpartition(" ")
        frames = [_where(frame) for frame in _frames(stack)]
        if not frames or not count_text.isdigit() or frames[-1] in WAITS:
            continue
        count = int(count_text)
        samples += count
        own[frames[-1]] += count
        for name in {frame for frame in frames if f"({OWN_CODE}" in frame}:
            portal[name] += count

    def shares(counter: Counter[str]) -> list[tuple[str, float]]:
        return [(name, round(100 * n / samples, 1)) for name, n in counter.most_common(top)]

    return {"samples": samples, "own": shares(own) if samples else [],
            "portal": shares(portal) if samples else []}  # fmt: skip


def lines(profiles: dict[str, dict[str, Any]]) -> list[str]:
    """The report's section: each workload's top functions."""
    if not profiles:
        return []
    out = ["", "## Where the time goes (`--profile`, py-spy)", "",
           f"One session per workload in a closed loop, the worker sampled {RATE} times a second;"
           " threads waiting for work left out. Own: the function running when sampled. Portal:"
           " our functions anywhere on the stack (the time spent under them)."]  # fmt: skip
    for workload, found in profiles.items():
        out += ["", f"### {workload} ({found['samples']:,} samples)", ""]
        out += ["| own time | % | portal function (total) | % |", "|---|---:|---|---:|"]
        own, portal = found["own"], found["portal"]
        for index in range(max(len(own), len(portal))):
            left = own[index] if index < len(own) else ("", "")
            right = portal[index] if index < len(portal) else ("", "")
            out.append(f"| `{left[0]}` | {left[1]} | `{right[0]}` | {right[1]} |")
    return out
