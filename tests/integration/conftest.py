"""Integration fixtures: a real SQLite file migrated with the committed Alembic revisions."""

import pytest
from sqlmodel import Session

from alme_portal import db
from alme_portal.services import schema


@pytest.fixture
def database_url(tmp_path, monkeypatch) -> str:
    """A freshly migrated SQLite database, also made the configured one."""
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    monkeypatch.setenv("ALME_DATABASE_URL", url)
    schema.upgrade(url)
    return url


@pytest.fixture
def session(database_url):
    """A session on the migrated database."""
    with Session(db.engine_for(database_url), expire_on_commit=False) as session:
        yield session
