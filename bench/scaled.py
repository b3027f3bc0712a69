"""The portal as it scales (docs/deploy.md): several workers on PostgreSQL and Redis.

`make bench` runs the paced workload of the single process again on this configuration:
a throwaway PostgreSQL (pgserver) holding the same benchmark database, a Redis on loopback
(Debian's `redis-server`, `scripts/find-redis`) holding the tabs' states and the tracking
cache, and `WORKERS` Granian workers sharing them.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pgserver
import redis
import sqlalchemy as sa

from bench import portal, portal_db
from bench.harness.server import Server

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2


@contextlib.contextmanager
def postgres(folder: Path, name: str = "bench") -> Iterator[str]:
    """A throwaway PostgreSQL server in `folder` with one empty database `name`; its URL."""
    server = pgserver.get_server(folder, cleanup_mode="delete")
    base = server.get_uri().replace("postgresql://", "postgresql+psycopg://")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    try:
        yield str(sa.make_url(base).set(database=name))
    finally:
        server.cleanup()


def redis_binary() -> str:
    """Debian's `redis-server` (`ALME_REDIS_SERVER`, else installed by `scripts/find-redis`)."""
    return (
        os.environ.get("ALME_REDIS_SERVER")
        or subprocess.run(
            [str(ROOT / "scripts" / "find-redis")], capture_output=True, text=True, check=True
        ).stdout.strip()
    )


@contextlib.contextmanager
def redis_server(folder: Path, binary: str | None = None) -> Iterator[str]:
    """A Redis without persistence on a free loopback port; yield its URL; stop it.

    Raises:
        RuntimeError: If it does not answer within 10 s.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary or redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.05)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def database(folder: Path, copies: int) -> Iterator[str]:
    """The benchmark database (the demo and `copies` returnable orders) on PostgreSQL."""
    with postgres(folder) as url:
        portal_db.prepare_url(url, template=portal.template_order()[0], copies=copies)
        yield url


@contextlib.contextmanager
def server(database_url: str, redis_url: str, *, cpus: str) -> Iterator[Server]:
    """`WORKERS` portal workers sharing `redis_url` and `database_url`, pinned to `cpus`."""
    env = {"REFLEX_REDIS_URL": redis_url, "GRANIAN_WORKERS": str(WORKERS)}
    with portal.portal_server(database_url, cpus=cpus, env=env) as running:
        yield running
