"""The committed migrations build exactly the tables the models describe."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import alme_portal.bootstrap  # noqa: F401
from alme_portal.platform import db


def test_migrations_produce_the_models_schema(database_url):
    with db.engine_for(database_url).connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_money_columns_refuse_negative_amounts(session):
    from alme_portal.orders.models.catalog import Product, Variant

    product = Product(
        reference="ALM-TEST", name_en="Test", name_fr="Test", category="clothing", image="/x.svg"
    )
    session.add(product)
    session.flush()
    session.add(Variant(product_id=product.id, sku="T-1", colour="Ecru", size="M", price_cents=-1))
    try:
        session.flush()
    except sa.exc.IntegrityError:
        session.rollback()
    else:
        raise AssertionError("a negative price was stored")


def test_foreign_keys_are_enforced_on_sqlite(session):
    from alme_portal.orders.models.catalog import Variant

    session.add(Variant(product_id=999, sku="ORPHAN", colour="Ecru", size="M", price_cents=100))
    try:
        session.flush()
    except sa.exc.IntegrityError:
        session.rollback()
    else:
        raise AssertionError("a variant of an unknown product was stored")


def test_upgrade_twice_is_harmless(database_url):
    from alme_portal.platform import schema

    schema.upgrade(database_url)
    tables = sa.inspect(db.engine_for(database_url)).get_table_names()
    assert {"customer_order", "shipment", "outbox_email", "payment"} <= set(tables)
