"""Start and stop a Reflex app in prod mode, in its own process group, for benchmarks.

The app runs as `reflex run --env prod --single-port --backend-port PORT` (one port for the
pre-built frontend and the backend), which rebuilds the frontend first (the Vite build is never
incremental; the first start of an app also runs `npm install`). The server is ready when `/ping`
and `/` both answer 200. Optionally every thread of the group is pinned to CPUS with
`taskset -a -p -c`. Stopping kills the whole group (TERM, then KILL).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = REPO / ".venv" / "bin"
READY_TIMEOUT_S = 420.0

#: Environment of every server; the caller's `env` goes on top.
BASE_ENV = {
    "REFLEX_USE_NPM": "1",
    "REFLEX_TELEMETRY_ENABLED": "false",
    # Granian is what `reflex run --env prod` picks while gunicorn is not installed; said
    # explicitly so that installing gunicorn later does not silently change the backend.
    "REFLEX_USE_GRANIAN": "true",
    "PYTHONUNBUFFERED": "1",
}


def free_port(avoid: frozenset[int] = frozenset({3000, 8000})) -> int:
    """Return a TCP port of 127.0.0.1 that is free now (never one of `avoid`).

    Args:
        avoid: Ports never returned (the usual development ports).

    Returns:
        The port number.
    """
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in avoid:
            return port


def _group_processes(pgid: int) -> list[psutil.Process]:
    procs = []
    for proc in psutil.process_iter():
        with contextlib.suppress(psutil.Error, ProcessLookupError):
            if os.getpgid(proc.pid) == pgid:
                procs.append(proc)
    return procs


def _listens_on(proc: psutil.Process, port: int) -> bool:
    with contextlib.suppress(psutil.Error):
        for conn in proc.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
                return True
    return False


@dataclass
class Server:
    """A running app: its URL, its process group and its log file."""

    app_dir: Path
    port: int
    proc: subprocess.Popen
    log: Path
    url: str = field(init=False)

    def __post_init__(self) -> None:
        self.url = f"http://127.0.0.1:{self.port}"

    @property
    def pgid(self) -> int:
        """Process group id of the server (= pid of the `reflex run` process)."""
        return self.proc.pid

    def processes(self) -> list[psutil.Process]:
        """Every live process of the server's process group.

        Returns:
            The processes.
        """
        return _group_processes(self.pgid)

    def worker_pids(self) -> list[int]:
        """Pids of the backend workers: processes listening on the port with no listening child.

        Granian's supervisor binds the socket and forks the workers, so both hold it; the
        workers are the holders none of whose children hold it too.

        Returns:
            The worker pids, lowest first.
        """
        holders = {p.pid: p for p in self.processes() if _listens_on(p, self.port)}
        workers = []
        for pid, proc in holders.items():
            with contextlib.suppress(psutil.Error):
                if not any(c.pid in holders for c in proc.children(recursive=True)):
                    workers.append(pid)
        return sorted(workers)

    def worker_pid(self) -> int:
        """Pid of the (first) backend worker, the process holding the listening socket.

        Returns:
            The pid.

        Raises:
            RuntimeError: If no process of the group listens on the port.
        """
        pids = self.worker_pids()
        if not pids:
            msg = f"no process of group {self.pgid} listens on port {self.port}"
            raise RuntimeError(msg)
        return pids[0]

    def pin(self, cpus: str) -> None:
        """Pin every thread of every process of the group to `cpus` (taskset syntax).

        Args:
            cpus: A CPU list such as "0" or "0-1".
        """
        for proc in self.processes():
            subprocess.run(
                ["taskset", "-a", "-p", "-c", cpus, str(proc.pid)],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def log_tail(self, lines: int = 40) -> str:
        """Last lines of the server log.

        Args:
            lines: How many lines.

        Returns:
            The text.
        """
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, grace_s: float = 10.0) -> None:
        """Kill the process group: SIGTERM, then SIGKILL after `grace_s`.

        Args:
            grace_s: Seconds to wait after SIGTERM.
        """
        for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, sig)
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                self.proc.poll()
                if not self.processes():
                    return
                time.sleep(0.1)
        self.proc.wait(timeout=5)


def _get_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code
    except (OSError, ValueError):
        return None


def start(
    app_dir: Path,
    port: int | None = None,
    env: dict[str, str] | None = None,
    cpus: str | None = None,
    log: Path | None = None,
    timeout_s: float = READY_TIMEOUT_S,
) -> Server:
    """Start the app in `app_dir` and wait until it serves (`/ping` and `/` answer 200).

    Args:
        app_dir: The directory holding the app's rxconfig.py.
        port: The single port of frontend and backend; a free one when None.
        env: Extra environment, over `BASE_ENV`.
        cpus: Pin every thread of the group to these CPUs (taskset list) once ready.
        log: File receiving the server's output; a temporary file when None.
        timeout_s: Limit for the build and start.

    Returns:
        The running server; call `stop()` when done.

    Raises:
        RuntimeError: If the server exits or is not ready within `timeout_s`.
    """
    port = port or free_port()
    if log is None:
        fd, name = tempfile.mkstemp(prefix=f"bench-{Path(app_dir).name}-", suffix=".log")
        os.close(fd)
        log = Path(name)
    full_env = {**os.environ, **BASE_ENV, **(env or {})}
    full_env["PATH"] = f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    # The portal allows its own origin only (its websocket refuses others): this one.
    full_env.setdefault("ALME_PORTAL_URL", f"http://127.0.0.1:{port}")
    python = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
    cmd = [str(python), "-m", "reflex", "run", "--env", "prod", "--single-port"]
    cmd += ["--backend-port", str(port), "--backend-host", "127.0.0.1"]
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=app_dir,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(app_dir=Path(app_dir), port=port, proc=proc, log=log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.stop()
            msg = f"server exited with {proc.returncode}:\n{server.log_tail()}"
            raise RuntimeError(msg)
        if _get_status(f"{server.url}/ping") == 200 and _get_status(f"{server.url}/") == 200:
            if cpus:
                server.pin(cpus)
            return server
        time.sleep(0.5)
    server.stop()
    msg = f"server not ready after {timeout_s:.0f} s:\n{server.log_tail()}"
    raise RuntimeError(msg)


@contextlib.contextmanager
def serve(
    app_dir: Path,
    port: int | None = None,
    env: dict[str, str] | None = None,
    cpus: str | None = None,
    log: Path | None = None,
) -> Iterator[Server]:
    """Run the app in `app_dir` for the duration of the block.

    Args:
        app_dir: The directory holding the app's rxconfig.py.
        port: The single port of frontend and backend; a free one when None.
        env: Extra environment (e.g. `REFLEX_STATE_MANAGER_MODE=memory`, `PERF_GC_LOG=...`).
        cpus: Pin every thread of the group to these CPUs (taskset list) once ready.
        log: File receiving the server's output; when None, a temporary file, removed after
            a block that raised nothing.

    Yields:
        The running server, with `.url`, `.port`, `.pgid` and `.worker_pid()`.
    """
    server = start(app_dir, port=port, env=env, cpus=cpus, log=log)
    try:
        yield server
    except BaseException:
        server.stop()
        raise
    server.stop()
    if log is None:  # our temporary log: kept only when something failed
        server.log.unlink(missing_ok=True)
