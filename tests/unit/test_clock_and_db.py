from datetime import UTC, datetime, timedelta, timezone

import pytest

from alme_portal.platform import clock, db, settings


def test_clock_can_be_replaced_and_restored():
    fixed = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    with clock.use_clock(fixed):
        assert clock.now() == fixed
        assert clock.today().isoformat() == "2026-03-29"
    assert clock.now() != fixed


def test_today_is_the_paris_date():
    # 23:30 UTC on 31 December is already New Year's Day in Paris.
    with clock.use_clock(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)):
        assert clock.today().isoformat() == "2027-01-01"


def test_frozen_clock_from_environment(monkeypatch):
    monkeypatch.setenv("ALME_FROZEN_NOW", "2026-06-19T09:00:00+02:00")
    assert clock.now() == datetime(2026, 6, 19, 7, 0, tzinfo=UTC)


def test_utc_datetime_column_round_trip_keeps_the_instant():
    column = db.UTCDateTime()
    paris_summer = datetime(2026, 7, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    stored = column.process_bind_param(paris_summer, None)
    assert stored == datetime(2026, 7, 1, 12, 0)
    assert column.process_result_value(stored, None) == paris_summer


def test_missing_database_folder_is_explained(tmp_path):
    url = f"sqlite:///{tmp_path}/absent/portal.db"
    with pytest.raises(db.DatabaseUnavailable, match="does not exist"):
        db.check_database_location(url)


def test_database_path_that_is_a_folder_is_explained(tmp_path):
    (tmp_path / "portal.db").mkdir()
    with pytest.raises(db.DatabaseUnavailable, match="is not a file"):
        db.check_database_location(f"sqlite:///{tmp_path}/portal.db")


def test_database_folder_that_is_a_file_is_explained(tmp_path):
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(db.DatabaseUnavailable, match="does not exist"):
        db.check_database_location(f"sqlite:///{tmp_path}/notes.txt/portal.db")


def test_non_sqlite_urls_are_not_checked_as_files():
    db.check_database_location("postgresql+psycopg://user@localhost/alme")


def test_postgresql_pool_is_sized_by_the_deployment(monkeypatch):
    """docs/deploy.md sizes max_connections from these two numbers."""
    url = "postgresql+psycopg://alme@127.0.0.1:1/pool_test"
    assert settings.db_pool() == (settings.DB_POOL_SIZE, settings.DB_MAX_OVERFLOW)
    monkeypatch.setenv(settings.DB_POOL_SIZE_ENV, "3")
    monkeypatch.setenv(settings.DB_MAX_OVERFLOW_ENV, "not a number")
    engine = db.engine_for(url)
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, settings.DB_MAX_OVERFLOW)
    engine.dispose()
