"""Applying the committed Alembic migrations to a database."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from alme_portal.platform import db, settings


def alembic_config(database_url: str | None = None) -> Config:
    """Return the Alembic configuration of the portal for a database URL.

    Args:
        database_url: the database to migrate; the configured one when omitted.
    """
    config = Config(str(settings.PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url or settings.database_url()
    return config


def upgrade(database_url: str | None = None) -> None:
    """Bring a database to the newest schema (creating the SQLite file if needed).

    Raises:
        DatabaseUnavailable: the SQLite file or its folder cannot be used.
    """
    config = alembic_config(database_url)
    db.check_database_location(config.attributes["database_url"])
    command.upgrade(config, "head")
