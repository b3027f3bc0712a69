"""Integration fixtures: a real SQLite file migrated with the committed Alembic revisions.

The migrations and the demo load run once per test run into two template files; each test
gets its own copy of one of them (a file copy costs milliseconds, a demo load seconds).
"""

import asyncio
import inspect
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pgserver
import pytest
import sqlalchemy as sa
from carrier_sim import MR_KEY, serve
from redis_server import redis_server
from smtp_sink import SmtpSink
from sqlmodel import Session, select

from alme_portal.api import create_api
from alme_portal.demo import loader as demo
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock, db, schema, settings
from alme_portal.returns.models import ReturnBooking, ReturnLine, ReturnRequest
from alme_portal.simulator import create_simulator_app

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
"""The instant the order tests load the demo at (a Wednesday morning in Paris)."""


def _copy(source: Path, target: Path) -> None:
    """Copy a SQLite database whole, what its write-ahead log holds included."""
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as copy:
        original.backup(copy)


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> dict[str, Path]:
    """A migrated empty database and the same holding the demo loaded at `NOW`, made once."""
    folder = tmp_path_factory.mktemp("templates")
    empty, with_demo = folder / "empty.db", folder / "demo.db"
    schema.upgrade(f"sqlite:///{empty}")
    _copy(empty, with_demo)
    engine = db.engine_for(f"sqlite:///{with_demo}")
    with Session(engine) as session, clock.use_clock(NOW):
        demo.load_demo(session)
        session.commit()
    engine.dispose()
    return {"empty": empty, "demo": with_demo}


@pytest.fixture
def sqlite_url(tmp_path, monkeypatch, request, templates) -> str:
    """A freshly migrated SQLite database of this test's own, also made the configured one.

    It already holds the demo when the test asks for `demo_session`.
    """
    path = tmp_path / "portal.db"
    _copy(templates["demo" if "demo_session" in request.fixturenames else "empty"], path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("ALME_DATABASE_URL", url)
    return url


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run once on SQLite and once on PostgreSQL."""
    if metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("database_kind", ["sqlite", "postgres"])


TEST_DATABASE_ENV = "ALME_TEST_DATABASE"
"""`postgres` runs every integration test on PostgreSQL (`make test` does, beside SQLite)."""
TEST_DATABASE_URL_ENV = "ALME_TEST_DATABASE_URL"
"""A PostgreSQL server to use (`postgresql://user@host:port/postgres`); else one is started."""


@pytest.fixture
def database_kind() -> str:
    """The database a test runs on: SQLite (or `ALME_TEST_DATABASE`), both when so marked."""
    return os.environ.get(TEST_DATABASE_ENV, "sqlite")


@pytest.fixture
def database_url(request, database_kind) -> str:
    """The test's own migrated database (holding the demo when it asks for `demo_session`)."""
    return request.getfixturevalue(f"{database_kind}_url")


@pytest.fixture(scope="session")
def postgres(tmp_path_factory) -> Iterator[dict[str, str]]:
    """A real PostgreSQL server for this run holding two migrated template databases.

    The server is `ALME_TEST_DATABASE_URL`'s, else one started here (pgserver). Yields its URL
    without a database name and the templates' names; `postgres_url` makes each test's own.
    """
    given = os.environ.get(TEST_DATABASE_URL_ENV)
    server = None if given else pgserver.get_server(tmp_path_factory.mktemp("pg"), "delete")
    base = (given or server.get_uri()).replace("postgresql://", "postgresql+psycopg://")
    if server is not None:  # throwaway: durability buys nothing, and copies cost less
        with _autocommit(base) as connection:
            for setting in ("fsync", "full_page_writes", "synchronous_commit"):
                connection.exec_driver_sql(f"ALTER SYSTEM SET {setting} = off")
            connection.exec_driver_sql("SELECT pg_reload_conf()")
    run = uuid.uuid4().hex[:8]  # a shared server may hold other runs' templates
    template_name, demo_name = f"alme_template_{run}", f"alme_demo_template_{run}"
    with _autocommit(base) as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {template_name}")
    template = _with_database(base, template_name)
    schema.upgrade(template)
    db.engine_for(template).dispose()  # a template must have no one connected
    with _autocommit(base) as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {demo_name} TEMPLATE {template_name}")
    engine = sa.create_engine(_with_database(base, demo_name), poolclass=sa.pool.NullPool)
    with Session(engine) as session, clock.use_clock(NOW):
        demo.load_demo(session)
        session.commit()
    engine.dispose()
    made = [template_name, demo_name]
    copy = " STRATEGY FILE_COPY" if server is not None else ""  # no WAL for a file copy
    yield {"url": base, "empty": template_name, "demo": demo_name, "made": made, "copy": copy}
    if server is not None:
        server.cleanup()  # a throwaway server: its folder goes, and every database with it
        return
    with _autocommit(base) as connection:  # once at the end: a DROP costs a checkpoint
        for name in reversed(made):
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _with_database(url: str, name: str) -> str:
    return str(sa.make_url(url).set(database=name))


@contextmanager
def _autocommit(url: str) -> Iterator[sa.Connection]:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


@pytest.fixture
def postgres_url(postgres, monkeypatch, request) -> str:
    """A migrated PostgreSQL database of this test's own, also made the configured one.

    It already holds the demo when the test asks for `demo_session`.
    """
    name = f"alme_{uuid.uuid4().hex[:12]}"
    template = postgres["demo" if "demo_session" in request.fixturenames else "empty"]
    with _autocommit(postgres["url"]) as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}{postgres['copy']}")
    url = _with_database(postgres["url"], name)
    monkeypatch.setenv("ALME_DATABASE_URL", url)
    postgres["made"].append(name)
    yield url
    db.engine_for(url).dispose()


@pytest.fixture(scope="module")
def simulator_url() -> Iterator[str]:
    """The carrier simulator with its fault controls, real HTTP on loopback, per test module."""
    with serve(create_simulator_app(mondial_relay_key=MR_KEY)) as url:
        yield url


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    """The portal's HTTP endpoints (webhooks, pay links) on loopback, per test module."""
    with serve(create_api(with_simulator=False)) as url:
        yield url


@pytest.fixture(scope="module")
def sim_url(api_url) -> Iterator[str]:
    """The simulator whose payment providers post their webhooks to `api_url`."""
    with serve(create_simulator_app(webhook_base=api_url, webhook_delay=0.05)) as url:
        yield url


@pytest.fixture
def sink(monkeypatch) -> Iterator[SmtpSink]:
    """A real SMTP server on loopback, made the portal's mail server."""
    server = SmtpSink()
    monkeypatch.setenv(settings.SMTP_HOST_ENV, "127.0.0.1")
    monkeypatch.setenv(settings.SMTP_PORT_ENV, str(server.port))
    yield server
    server.stop()


@pytest.fixture
def session(database_url):
    """A session on the migrated database."""
    with Session(db.engine_for(database_url), expire_on_commit=False) as session:
        yield session


@pytest.fixture
def demo_session(session):
    """The migrated database holding the demo data set, loaded at `NOW` (see `templates`)."""
    with clock.use_clock(NOW):
        yield session


def run(call):
    """Run a state handler's call at `NOW` as Reflex does: a coroutine awaited, a handler that
    yields (a spinner's, `state.spinner`) driven to its end.

    Returns:
        What the handler returned, or the last event it yielded.
    """

    async def handled():
        if not inspect.isasyncgen(call):
            return await call
        last = None
        async for update in call:
            last = update if update is not None else last
        return last

    with clock.use_clock(NOW):
        return asyncio.run(handled())


def order_id(session, number):
    """The id of the order with this number."""
    return session.exec(select(Order.id).where(Order.number == number)).one()


@pytest.fixture
def no_demo_returns(demo_session):
    """The demo without its returns on the way, for tests that count the returns they declare."""
    for table in (ReturnLine, ReturnBooking, ReturnRequest):
        demo_session.execute(sa.delete(table))
    demo_session.commit()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A real Redis server for this run, as several workers share one."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url
