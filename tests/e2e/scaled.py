"""The portal as it scales (docs/deploy.md): two web workers sharing Redis and PostgreSQL.

The browser tests' production build is served again by two backend workers (Granian, one
process each, the compiled frontend mounted as `reflex run --env prod` does) on a PostgreSQL
database and a Redis server of their own, with their own carrier simulator. A `SwitchingProxy`
in front of them listens on 127.0.0.2 at the build's port: the
build's websocket address is "localhost:<port>" (the page's own host at that port), so a page
opened at http://127.0.0.2:<port> talks only to the proxy, which the test switches between
the workers.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import redis
from redis_server import redis_server
from servers import BIN, LOOPBACK, ROOT, free_port, server_env, simulator_process, stop
from switching_proxy import SwitchingProxy

from bench import scaled as bench_scaled

BALANCER_HOST = "127.0.0.2"
APP_TARGET = "alme_portal.alme_portal:app"
WORKER_START_TIMEOUT_S = 60


@dataclass(frozen=True)
class ScaledPortal:
    """What a test needs of the running two-worker deployment."""

    url: str
    proxy: SwitchingProxy
    redis_url: str
    database_url: str
    simulator: str
    env: dict[str, str]
    demo: dict
    logs: Path


def _worker(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    """One web worker: the app's backend with the compiled frontend, as production runs it."""
    worker_env = {
        **env,
        "REFLEX_ENV_MODE": "prod",
        # Reflex's internal switches (hence "__"), as `reflex run --env prod` sets them: serve
        # the compiled frontend, and never compile again (the build is the browser tests').
        "__REFLEX_SKIP_COMPILE": "true",
        "__REFLEX_MOUNT_FRONTEND_COMPILED_APP": "true",
    }
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "granian", "--interface", "asgi", "--factory", "--host",
             LOOPBACK, "--port", str(port), "--workers", "1", "--log-level", "warning",
             APP_TARGET],
            cwd=ROOT, env=worker_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def _wait_for(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + WORKER_START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            pytest.fail(f"a worker stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/ping").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"a worker did not answer within {WORKER_START_TIMEOUT_S} s; see {log}")
        time.sleep(0.3)


@contextlib.contextmanager
def two_workers(folder: Path, port: int) -> Iterator[ScaledPortal]:
    """Start PostgreSQL, Redis, the simulator and two web workers.

    No background worker runs: it would call the carrier too (parcels, labels) and take the
    faults a test arms for a page; `book_later` starts one when the test says so.

    Args:
        folder: Where the database, logs and mail go (removed by pytest).
        port: The port the browser tests' build was made for.
    """
    url = f"http://{BALANCER_HOST}:{port}"
    logs = folder / "logs"
    logs.mkdir()
    with contextlib.ExitStack() as stack:
        redis_url = stack.enter_context(redis_server(folder))
        database_url = stack.enter_context(bench_scaled.postgres(folder / "pg", "alme"))
        simulator = stack.enter_context(simulator_process())
        env = server_env(database_url, port, simulator, free_port(), folder / "mail")
        env.update(
            REFLEX_REDIS_URL=redis_url,
            ALME_PORTAL_URL=url,
            ALME_SERVE_CARRIER_SIMULATOR="0",  # one simulator, one fault board, for both
        )
        cli = str(BIN / "alme-portal")
        subprocess.run([cli, "db", "upgrade"], env=env, check=True, cwd=ROOT)
        subprocess.run([cli, "demo", "load"], env=env, check=True, cwd=ROOT)
        listing = [cli, "demo", "list", "--json"]
        demo = json.loads(subprocess.run(listing, env=env, check=True, capture_output=True).stdout)
        httpx.post(f"{simulator}/_control/webhooks", json={"base": url}).raise_for_status()
        ports = [free_port(), free_port()]
        workers = [_worker(p, env, logs / f"worker-{i}.log") for i, p in enumerate(ports)]
        for process in workers:
            stack.callback(stop, process)
        for index, (process, worker_port) in enumerate(zip(workers, ports, strict=True)):
            _wait_for(process, f"http://{LOOPBACK}:{worker_port}", logs / f"worker-{index}.log")
        proxy = SwitchingProxy((BALANCER_HOST, port), [(LOOPBACK, p) for p in ports])
        stack.enter_context(proxy.running())
        yield ScaledPortal(url, proxy, redis_url, database_url, simulator, env, demo, logs)


SOCKET_RECORDS = "token_manager_socket_record_*"
"""Reflex's Redis keys saying which worker holds each tab's websocket."""


def wait_until_let_go(redis_url: str, timeout: float = 10) -> None:
    """Wait until no worker holds a tab's websocket any more (their records are deleted).

    A tab reconnecting while its old websocket is still recorded is taken for a duplicated
    tab and given a new token, that is an empty state (Reflex's duplicate-tab rule).
    """
    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while client.keys(SOCKET_RECORDS):
        if time.monotonic() > deadline:
            pytest.fail(f"a worker still holds {client.keys(SOCKET_RECORDS)}")
        time.sleep(0.02)
    client.close()
