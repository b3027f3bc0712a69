"""Database engine, sessions and the column types shared by every table."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from alme_portal.platform import clock, settings


class DatabaseUnavailable(RuntimeError):
    """The configured database cannot be opened; the message says why and what to do."""


class UTCDateTime(sa.types.TypeDecorator):
    """Stores aware datetimes as naive UTC and returns them aware, on every backend."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # noqa: D102
        if value is None:
            return None
        return clock.as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # noqa: D102
        return None if value is None else clock.as_utc(value)


def sqlite_path(url: str) -> Path | None:
    """Return the file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_database_location(url: str) -> None:
    """Raise DatabaseUnavailable with a readable reason when a SQLite file cannot be used.

    Args:
        url: the SQLAlchemy URL to check.
    """
    path = sqlite_path(url)
    if path is None:
        return
    folder = path.parent.resolve()
    hint = f"Set {settings.DATABASE_URL_ENV} to a writable location."
    if not folder.is_dir():
        raise DatabaseUnavailable(f"The database folder {folder} does not exist. {hint}")
    if path.exists() and not path.is_file():
        raise DatabaseUnavailable(f"The database path {path} is not a file. {hint}")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseUnavailable(f"The database file {path} cannot be read and written. {hint}")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnavailable(f"The database folder {folder} is not writable. {hint}")


WRITE_OPTION = "alme_writes"
"""Execution option of transactions that will write (see `for_writing`)."""


@functools.cache
def engine_for(url: str) -> sa.Engine:
    """Return the (cached) engine for a URL, after checking a SQLite file can be used."""
    check_database_location(url)
    if sqlite_path(url) is not None or url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    pool_size, max_overflow = settings.db_pool()
    return create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow)


def _sqlite_connect(dbapi_connection, _record) -> None:
    # SQLAlchemy, not the driver, starts transactions (see `_sqlite_begin`).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # A deferred transaction that reads, then writes, fails at once with "database is locked"
    # when another one wrote meanwhile (the busy timeout does not apply to that upgrade), so
    # a transaction that will write takes the write lock first and waits its turn instead.
    writes = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@functools.cache
def for_writing(engine: sa.Engine) -> sa.Engine:
    """The same database, for transactions that will write (`BEGIN IMMEDIATE` on SQLite)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def get_engine() -> sa.Engine:
    """Return the engine of the configured database."""
    return engine_for(settings.database_url())


@contextlib.contextmanager
def session_scope(*, write: bool = False) -> Iterator[Session]:
    """Open a session on the configured database, committing on success.

    Args:
        write: the work will write; on SQLite it then waits for the write lock up front.
    """
    engine = for_writing(get_engine()) if write else get_engine()
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
