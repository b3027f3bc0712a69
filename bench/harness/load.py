"""Closed-loop and paced load on top of `Session`, with latency, CPU and worker memory figures.

A run: sample the worker's memory; connect and hydrate N sessions (ramped over `ramp_s`); run
`warmup` unrecorded iterations per session; settle, then sample memory with every session idle;
the measured phase (hard-capped at `max_seconds`); sample memory; close everything, wait and
sample again. A `script(session, record)` is one iteration; it calls `record(step, ms)` for each
round trip it times, and raises to report an error (e.g. a wrong counter value).

Percentiles are nearest-rank: the smallest sample such that at least p % of the samples are less
than or equal to it (`sorted(xs)[ceil(p/100*n) - 1]`); no interpolation.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import psutil

from bench.harness.server import Server
from bench.harness.wsclient import AppInfo, Session

Record = Callable[[str, float], None]
Script = Callable[[Session, Record], Awaitable[None]]
KIB = 1024


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile.

    Args:
        samples: The values (any order).
        p: The percentile, 0-100.

    Returns:
        The value, or NaN for no samples.
    """
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def summarize(samples: Sequence[float]) -> dict[str, float]:
    """Count, mean, p50/p95/p99 (nearest rank) and max of latencies in ms.

    Args:
        samples: The latencies.

    Returns:
        The figures, rounded to 3 decimals.
    """
    if not samples:
        return {"count": 0}
    figures = {f"p{p}": percentile(samples, p) for p in (50, 95, 99)}
    figures.update(mean=statistics.fmean(samples), max=max(samples))
    return {"count": len(samples), **{k: round(v, 3) for k, v in figures.items()}}


def worker_memory(pid: int) -> dict[str, float]:
    """RSS, USS and PSS of a process, in MiB.

    Args:
        pid: The process.

    Returns:
        {"rss": .., "uss": .., "pss": ..}.
    """
    info = psutil.Process(pid).memory_full_info()
    return {k: round(getattr(info, k) / KIB / KIB, 2) for k in ("rss", "uss", "pss")}


def _cpu_s(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return times.user + times.system


def _workers_cpu_s(workers: list[psutil.Process]) -> float:
    """CPU seconds of every backend worker (one in the single-process default)."""
    return sum(_cpu_s(worker) for worker in workers)


def _group_cpu_s(server: Server) -> float:
    total = 0.0
    for proc in server.processes():
        with contextlib.suppress(psutil.Error):
            total += _cpu_s(proc)
    return total


def gc_pauses(prefix: Path | str, since: float, until: float) -> list[float]:
    """Gen-2 GC pauses (ms) logged by the app's `PERF_GC_LOG` hook between two epochs.

    Args:
        prefix: The `PERF_GC_LOG` value given to the server (files are `<prefix>.<pid>`).
        since: Start, `time.time()` epoch.
        until: End, epoch.

    Returns:
        The pause lengths in ms, in log order.
    """
    prefix = Path(prefix)
    pauses = []
    for path in sorted(prefix.parent.glob(prefix.name + ".*")):
        for line in path.read_text().splitlines():
            epoch, kind, ms = line.split()
            if kind == "gen2" and since <= float(epoch) <= until:
                pauses.append(float(ms))
    return pauses


class _Run:
    """Shared state of one load run: the samples and errors of every session."""

    def __init__(self, keep_samples: bool) -> None:
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.hydrate: list[float] = []
        self.errors: Counter[str] = Counter()
        self.error_samples: list[str] = []
        self.iterations = 0
        self.keep_samples = keep_samples
        self.recording = False

    def record(self, step: str, ms: float) -> None:
        if self.recording:
            self.samples[step].append(ms)

    def error(self, exc: BaseException) -> None:
        self.errors[type(exc).__name__] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{type(exc).__name__}: {exc}"[:300])


async def _connect(run: _Run, app: AppInfo, base_url: str, delay: float, kw: dict) -> Session:
    await asyncio.sleep(delay)
    session = Session(app)
    try:
        ms, _ = await session.connect(base_url, **kw)
    except Exception as exc:
        run.error(exc)
        await session.close()
        raise
    run.hydrate.append(ms)
    return session


async def _iterate(
    run: _Run,
    session: Session,
    script: Script,
    *,
    iterations: int,
    interval_s: float,
    think_s: float,
    deadline: float,
    counted: bool,
) -> None:
    """Run `iterations` of `script`: fixed start-to-start `interval_s` (paced) or `think_s`."""
    start = time.monotonic() + (random.uniform(0, interval_s) if interval_s else 0.0)
    for i in range(iterations):
        if interval_s:
            await asyncio.sleep(max(0.0, start + i * interval_s - time.monotonic()))
        if time.monotonic() >= deadline:
            return
        try:
            await script(session, run.record)
        except (TimeoutError, ConnectionError, OSError) as exc:
            run.error(exc)
            return
        except Exception as exc:  # a failed check: counted, the session goes on
            run.error(exc)
            if session._error is not None:
                return
        if counted:
            run.iterations += 1
        if think_s:
            await asyncio.sleep(think_s)


async def run_load(
    app: AppInfo,
    server: Server | None,
    script: Script,
    *,
    base_url: str | None = None,
    sessions: int = 1,
    iterations: int = 100,
    interval_s: float = 0.0,
    think_s: float = 0.0,
    warmup: int = 0,
    ramp_s: float = 0.0,
    settle_s: float = 3.0,
    close_wait_s: float = 3.0,
    max_seconds: float = 120.0,
    connect: Mapping[str, Any] | None = None,
    gc_log: Path | None = None,
    keep_samples: bool = False,
    label: str = "",
) -> dict[str, Any]:
    """Connect N sessions, run `script` in each, and measure; see `closed_loop` and `paced`.

    Args:
        app: The built app's hydrate info.
        server: The running server (for its URL and worker CPU/memory); None for a remote URL.
        script: One iteration of a session: `async (session, record) -> None`.
        base_url: The app's URL; default `server.url`.
        sessions: Number of concurrent sessions N.
        iterations: Measured iterations per session.
        interval_s: Paced mode: start-to-start period, with a random phase per session.
        think_s: Pause after each iteration.
        warmup: Unrecorded iterations per session before the measured phase.
        ramp_s: Connection ramp: session i connects at i * ramp_s / N.
        settle_s: Wait between the last hydrate (and warm-up) and the "connected" memory sample.
        close_wait_s: Wait between closing the sessions and the "closed" memory sample.
        max_seconds: Hard cap of the measured phase: no iteration starts after it.
        connect: Keyword arguments of `Session.connect` (pathname, query, cookies...).
        gc_log: The server's `PERF_GC_LOG` prefix, to count gen-2 pauses of the measured phase.
        keep_samples: Also return every latency (per step, in completion order).
        label: Copied into the result.

    Returns:
        The figures (latencies in ms, memory in MiB / KiB per session, CPU in seconds and cores).
    """
    base_url = base_url or (server.url if server else "")
    run = _Run(keep_samples)
    result: dict[str, Any] = {"label": label, "sessions": sessions, "iterations": iterations}
    result.update(interval_s=interval_s, think_s=think_s, ramp_s=ramp_s, warmup=warmup)
    worker = psutil.Process(server.worker_pid()) if server else None
    mem: dict[str, dict[str, float]] = {}
    if worker:
        mem["before"] = worker_memory(worker.pid)

    kw = dict(connect or {})
    tasks = [
        asyncio.create_task(_connect(run, app, base_url, i * ramp_s / sessions, kw))
        for i in range(sessions)
    ]
    done = await asyncio.gather(*tasks, return_exceptions=True)
    live = [s for s in done if isinstance(s, Session)]
    result["connected"] = len(live)
    if warmup:
        once = {"interval_s": 0.0, "think_s": 0.0, "deadline": math.inf, "counted": False}
        await asyncio.gather(*(_iterate(run, s, script, iterations=warmup, **once) for s in live))
    await asyncio.sleep(settle_s)
    workers = [psutil.Process(pid) for pid in server.worker_pids()] if server else []
    if worker:
        mem["connected"] = worker_memory(worker.pid)
        cpu0, group0 = _workers_cpu_s(workers), _group_cpu_s(server)
    me = psutil.Process()
    client0, t0, epoch0 = _cpu_s(me), time.perf_counter(), time.time()
    deadline = time.monotonic() + max_seconds
    run.recording = True
    paced_kw = {"interval_s": interval_s, "think_s": think_s, "deadline": deadline}
    loops = [
        asyncio.create_task(
            _iterate(run, s, script, iterations=iterations, counted=True, **paced_kw)
        )
        for s in live
    ]
    late: set[asyncio.Task] = set()
    if loops:
        _, late = await asyncio.wait(loops, timeout=max_seconds + 2 * live[0].frame_timeout)
    for task in late:  # past the hard cap plus two frame timeouts: abandoned
        task.cancel()
    await asyncio.gather(*late, return_exceptions=True)
    if late:
        run.errors["HardCapCancelled"] += len(late)
    run.recording = False
    wall = time.perf_counter() - t0
    result["wall_s"] = round(wall, 3)
    result["client_cpu_s"] = round(_cpu_s(me) - client0, 3)
    result["client_cores"] = round(result["client_cpu_s"] / wall, 3) if wall else math.nan
    if worker:
        worker_cpu = _workers_cpu_s(workers) - cpu0
        result.update(
            worker_pid=worker.pid,
            workers=len(workers),
            worker_cpu_s=round(worker_cpu, 3),
            worker_cores=round(worker_cpu / wall, 3) if wall else math.nan,
            group_cpu_s=round(_group_cpu_s(server) - group0, 3),
        )
        mem["after_events"] = worker_memory(worker.pid)
    if gc_log:
        result["gc2_pauses_ms"] = gc_pauses(gc_log, epoch0, time.time())

    await asyncio.gather(*(s.close() for s in live))
    if worker:
        await asyncio.sleep(close_wait_s)
        mem["after_close"] = worker_memory(worker.pid)
        result["memory_mib"] = mem
        result["per_session_kib"] = {
            k: round((mem["connected"][k] - mem["before"][k]) * KIB / max(1, len(live)), 1)
            for k in ("rss", "uss", "pss")
        }

    all_samples = [ms for values in run.samples.values() for ms in values]
    result["overall"] = summarize(all_samples)
    result["steps"] = {step: summarize(values) for step, values in run.samples.items()}
    result["hydrate"] = summarize(run.hydrate)
    result["iterations_run"] = run.iterations  # failed ones included
    result["throughput_eps"] = round(len(all_samples) / wall, 1) if wall else math.nan
    result["errors"] = sum(run.errors.values())
    result["errors_by_type"] = dict(run.errors)
    result["error_samples"] = run.error_samples
    result["stray_frames"] = sum(s.stray_frames for s in live)
    if keep_samples:
        result["samples"] = {step: list(values) for step, values in run.samples.items()}
    return result


async def closed_loop(
    app: AppInfo, server: Server | None, script: Script, *, sessions: int = 1, **kwargs: Any
) -> dict[str, Any]:
    """Closed loop: each session starts its next iteration as soon as the last one ended.

    Args:
        app: The built app's hydrate info.
        server: The running server, or None.
        script: One iteration of a session.
        sessions: Number of concurrent sessions.
        **kwargs: Other `run_load` arguments (iterations, warmup, ramp_s, max_seconds...).

    Returns:
        The `run_load` figures.
    """
    kwargs.setdefault("label", f"closed N={sessions}")
    return await run_load(app, server, script, sessions=sessions, **kwargs)


async def paced(
    app: AppInfo,
    server: Server | None,
    script: Script,
    *,
    sessions: int,
    interval_s: float = 1.0,
    seconds: float = 20.0,
    **kwargs: Any,
) -> dict[str, Any]:
    """Paced load: each session starts an iteration every `interval_s`, at a random phase.

    Args:
        app: The built app's hydrate info.
        server: The running server, or None.
        script: One iteration of a session.
        sessions: Number of concurrent sessions.
        interval_s: Start-to-start period of a session's iterations (the think time).
        seconds: Length of the measured phase; iterations = seconds / interval_s, and the hard
            cap is `seconds` plus one interval.
        **kwargs: Other `run_load` arguments (ramp_s, warmup, gc_log...).

    Returns:
        The `run_load` figures.
    """
    kwargs.setdefault("label", f"paced N={sessions} every {interval_s:g} s")
    kwargs.setdefault("iterations", max(1, round(seconds / interval_s)))
    kwargs.setdefault("max_seconds", seconds + interval_s)
    return await run_load(app, server, script, sessions=sessions, interval_s=interval_s, **kwargs)
