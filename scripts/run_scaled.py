"""`make run-scaled`: the demo as production runs it, on this machine (docs/deploy.md).

PostgreSQL (pgserver, data under `.scaled/pg`), Redis on loopback, the carrier and payment
simulators as their own process, the background worker with the demo's mail catcher, and the
portal with several web workers sharing Redis. Ctrl-C stops everything.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pgserver
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / ".scaled"
BIN = Path(sys.executable).parent
DATABASE = "alme"
SIMULATOR_FACTORY = "alme_portal.simulator.app:create_simulator_app"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres() -> str:
    server = pgserver.get_server(FOLDER / "pg", cleanup_mode="stop")
    base = server.get_uri().replace("postgresql://", "postgresql+psycopg://")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        known = connection.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)
        ).first()
        if known is None:
            connection.exec_driver_sql(f"CREATE DATABASE {DATABASE}")
    engine.dispose()
    return str(sa.make_url(base).set(database=DATABASE))


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(url).raise_for_status()
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("a") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip


def main() -> int:
    """Start every part, wait for Ctrl-C, stop them in reverse order."""
    port, workers = int(os.environ.get("PORT", "3000")), os.environ.get("WORKERS", "2")
    redis_server = subprocess.run(
        [str(ROOT / "scripts" / "find-redis")], capture_output=True, text=True, check=True
    ).stdout.strip()
    (FOLDER / "redis").mkdir(parents=True, exist_ok=True)
    logs = FOLDER / "logs"
    logs.mkdir(exist_ok=True)
    database_url = _postgres()
    redis_port, simulator_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "ALME_DATABASE_URL": database_url,
        "REFLEX_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "GRANIAN_WORKERS": workers,
        "ALME_SERVE_CARRIER_SIMULATOR": "0",  # its own process: one fault board for every worker
        "ALME_CARRIER_SIMULATOR_URL": f"http://127.0.0.1:{simulator_port}",
        "ALME_PORTAL_URL": os.environ.get("ALME_PORTAL_URL", f"http://localhost:{port}"),
        "ALME_SMTP_PORT": str(port + 5025),
    }
    processes = [
        _start([redis_server, "--port", str(redis_port), "--bind", "127.0.0.1",
                "--dir", str(FOLDER / "redis")], env, logs / "redis.log"),
        _start([sys.executable, "-m", "uvicorn", "--factory", SIMULATOR_FACTORY,
                "--host", "127.0.0.1", "--port", str(simulator_port)], env, logs / "sim.log"),
    ]  # fmt: skip
    _wait_for(f"http://127.0.0.1:{simulator_port}/_control/webhooks")
    httpx.post(f"http://127.0.0.1:{simulator_port}/_control/webhooks",
               json={"base": env["ALME_PORTAL_URL"]}).raise_for_status()  # fmt: skip
    cli = str(BIN / "alme-portal")
    subprocess.run([cli, "db", "upgrade"], env=env, check=True, cwd=ROOT)
    subprocess.run([cli, "demo", "load"], env=env, check=True, cwd=ROOT)
    processes.append(_start([cli, "demo", "mail"], env, logs / "worker.log"))
    sys.stdout.write(
        f"Almé portal, scaled DEMO: {workers} web workers, PostgreSQL {database_url}, Redis"
        f" {env['REFLEX_REDIS_URL']}; logs in {logs}. Ctrl-C stops everything.\n"
    )
    web = subprocess.Popen(
        [str(BIN / "reflex"), "run", "--env", "prod", "--frontend-port", str(port),
         "--backend-port", str(port)],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        web.wait()
    except KeyboardInterrupt:
        pass
    finally:
        for process in [web, *reversed(processes)]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        pgserver.get_server(FOLDER / "pg", cleanup_mode="stop").cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
