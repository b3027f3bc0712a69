"""Alembic environment: the portal's tables on the configured database URL."""

from alembic import context
from sqlmodel import SQLModel

import alme_portal.bootstrap  # noqa: F401  (registers every table on the metadata)
from alme_portal.platform import db

config = context.config
target_metadata = SQLModel.metadata


def run_migrations() -> None:
    url = config.attributes.get("database_url") or db.settings.database_url()
    engine = db.engine_for(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
