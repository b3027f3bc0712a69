"""The processes the browser tests start: the portal's environment, the simulator, stopping."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
BIN = Path(sys.executable).parent
SERVER_START_TIMEOUT_S = 420
SIMULATOR_FACTORY = "alme_portal.simulator.app:create_simulator_app"
LOOPBACK = "127.0.0.1"
"""The portal listens here only: the two-worker test serves the same build on 127.0.0.2."""


def free_port() -> int:
    """A TCP port of the loopback address that is free now."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def server_env(
    database_url: str, port: int, simulator_url: str, smtp_port: int, maildir: Path
) -> dict[str, str]:
    """The environment of the portal's processes, as `make run` gives them, on this database."""
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_CURRENT_TEST"}
    env.update(
        ALME_DATABASE_URL=database_url,
        REFLEX_USE_NPM="1",
        REFLEX_TELEMETRY_ENABLED="false",
        PYTHONUNBUFFERED="1",
        ALME_CARRIER_SIMULATOR_URL=simulator_url,
        ALME_TRACKING_CACHE_SECONDS="0",
        ALME_PORTAL_URL=f"http://{LOOPBACK}:{port}",  # links in e-mails and the referral link
        ALME_SMTP_PORT=str(smtp_port),  # the demo mail catcher, as `make run` starts it
        ALME_DEMO_MAILDIR=str(maildir),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def wait_until_served(process: subprocess.Popen, base_url: str, log: Path) -> None:
    """Return once `base_url` answers `/ping` and `/`; fail the test if the process stops."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the portal stopped while starting; see {log}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base_url}/ping").status_code == 200:
                if httpx.get(f"{base_url}/").status_code == 200:
                    return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    pytest.fail(f"the portal did not answer within {SERVER_START_TIMEOUT_S} s; see {log}")


@contextlib.contextmanager
def simulator_process() -> Iterator[str]:
    """Serve the carrier and payment simulator, with its fault controls, in a process of its own."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", SIMULATOR_FACTORY, "--host", LOOPBACK,
         "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, start_new_session=True,
    )  # fmt: skip
    url = f"http://{LOOPBACK}:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.post(f"{url}/_control/reset").raise_for_status()
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("the carrier simulator did not start")
            time.sleep(0.2)
    try:
        yield url
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a process and its group: TERM, then KILL after 15 s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
