"""Integration fixtures: a real SQLite file migrated with the committed Alembic revisions."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal import clock, db
from alme_portal.models import Order, ReturnLine, ReturnRequest
from alme_portal.services import demo, schema

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
"""The instant the order tests load the demo at (a Wednesday morning in Paris)."""


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


@pytest.fixture
def demo_session(session):
    """The migrated database holding the demo data set, loaded at `NOW`."""
    with clock.use_clock(NOW):
        demo.load_demo(session)
        session.commit()
        yield session


def order_id(session, number):
    """The id of the order with this number."""
    return session.exec(select(Order.id).where(Order.number == number)).one()


@pytest.fixture
def no_demo_returns(demo_session):
    """The demo without its returns on the way, for tests that count the returns they declare."""
    demo_session.execute(sa.delete(ReturnLine))
    demo_session.execute(sa.delete(ReturnRequest))
    demo_session.commit()
