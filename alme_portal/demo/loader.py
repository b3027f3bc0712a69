"""The demo data set: loading it into a database (`alme-portal demo load`) and listing it.

A database holds the demo when its `app_meta` says `dataset = demo`. Loading fills an empty
database, leaves a demo loaded today alone, reloads a demo loaded on an earlier day (its dates
are relative to the load day) and refuses any database holding other data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from alme_portal.accounts.models.customers import Customer, StaffUser
from alme_portal.demo.catalog import RELAY_POINTS_BY_CODE
from alme_portal.demo.data import ACCOUNTS, OrderSpec
from alme_portal.demo.orders import ORDERS
from alme_portal.demo.rows import DemoRows, order_amounts, order_status
from alme_portal.orders.models.catalog import Product, RelayPoint, Salon, Variant
from alme_portal.orders.models.orders import (
    Instalment,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
)
from alme_portal.platform import clock, db
from alme_portal.platform.models import AppMeta
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import Role

DATASET_KEY = "dataset"
DEMO_DATASET = "demo"
LOADED_ON_KEY = "demo_loaded_on"
UPGRADE_HINT = "Run `alme-portal db upgrade` first, then `alme-portal demo load`."

_DEMO_MODELS = (
    AppMeta, Customer, StaffUser, Product, Variant, Salon, RelayPoint,
    Order, OrderLine, Payment, Instalment, Shipment, ShipmentLine,
)  # fmt: skip
_NOT_DATA = {"alembic_version", AppMeta.__tablename__}
"""Tables whose rows do not make a database "hold data"."""


class DemoRefused(Exception):
    """The database holds data that is not the demo; nothing was changed."""


class SchemaMissing(Exception):
    """The database has not been migrated yet; the message says which command to run."""


@dataclass(frozen=True)
class LoadResult:
    """What `load_demo` did: `action` is "loaded", "kept" or "reloaded"."""

    action: str
    message: str


def check_database_ready(url: str) -> None:
    """Refuse, without creating anything, a database that cannot hold the demo yet.

    Args:
        url: the SQLAlchemy URL of the database.

    Raises:
        DatabaseUnavailable: the SQLite file or its folder cannot be used.
        SchemaMissing: the SQLite file does not exist yet.
    """
    db.check_database_location(url)
    path = db.sqlite_path(url)
    if path is not None and not path.exists():
        raise SchemaMissing(f"There is no database at {path} yet. {UPGRADE_HINT}")


def load_demo(session: Session, *, refresh: bool = False) -> LoadResult:
    """Load the demo data set; the caller commits.

    Args:
        session: a session on a migrated database.
        refresh: reload the demo even when it was loaded today.

    Returns:
        What was done, with a message for people.

    Raises:
        SchemaMissing: the portal tables do not exist.
        DemoRefused: the database holds data that is not the demo; nothing was changed.
    """
    _require_schema(session)
    today = clock.today()
    dataset = session.get(AppMeta, DATASET_KEY)
    if dataset is None:
        occupied = _tables_holding_rows(session)
        if occupied:
            raise DemoRefused(
                f"The database holds data that is not the demo (rows in {', '.join(occupied)}); "
                "nothing was changed. Point ALME_DATABASE_URL at an empty database."
            )
        _fill(session, today)
        return LoadResult("loaded", f"Demo data loaded: {_counts()}.")
    if dataset.value != DEMO_DATASET:
        raise DemoRefused(
            f"The database is marked as the {dataset.value!r} data set, not the demo; "
            "nothing was changed."
        )
    loaded_on = session.get(AppMeta, LOADED_ON_KEY)
    previous = loaded_on.value if loaded_on else "an unknown day"
    if not refresh and previous == today.isoformat():
        return LoadResult(
            "kept",
            "The demo data is already loaded (today); nothing changed. "
            "Use `alme-portal demo load --refresh` to reload it.",
        )
    _delete_every_row(session)
    _fill(session, today)
    why = "as asked" if refresh else f"it was loaded on {previous}; its dates are relative"
    return LoadResult("reloaded", f"Demo data reloaded ({why}): {_counts()}.")


def _require_schema(session: Session) -> None:
    present = set(sa.inspect(session.connection()).get_table_names())
    missing = sorted({model.__tablename__ for model in _DEMO_MODELS} - present)
    if missing:
        tables = ", ".join(missing)
        raise SchemaMissing(
            f"The database has no portal tables yet (missing {tables}). {UPGRADE_HINT}"
        )


def _tables_holding_rows(session: Session) -> list[str]:
    connection = session.connection()
    names = sorted(set(sa.inspect(connection).get_table_names()) - _NOT_DATA)
    return [name for name in names if connection.execute(_first_row(name)).first()]


def _first_row(table_name: str) -> sa.Select:
    return sa.select(sa.literal(1)).select_from(sa.table(table_name)).limit(1)


def _delete_every_row(session: Session) -> None:
    """Empty every table, the ones of later features included (reflected, children first)."""
    connection = session.connection()
    tables = sa.MetaData()
    tables.reflect(bind=connection)
    for table in reversed(tables.sorted_tables):
        if table.name != "alembic_version":
            connection.execute(table.delete())
    session.expunge_all()


def _fill(session: Session, today: date) -> None:
    DemoRows(session, today).add_all()
    session.add(AppMeta(key=DATASET_KEY, value=DEMO_DATASET))
    session.add(AppMeta(key=LOADED_ON_KEY, value=today.isoformat()))
    session.flush()


def _counts() -> str:
    return f"{len(ORDERS)} orders, {len(ACCOUNTS)} accounts (`alme-portal demo list` shows them)"


def order_summary(spec: OrderSpec) -> str:
    """One line saying what a demo order is for, its status, destination and total."""
    amounts = order_amounts(spec)
    items = sum(line.quantity for line in spec.lines)
    place = spec.ship_to.city
    if spec.relay_point:
        place = f"relay point {spec.relay_point} in {RELAY_POINTS_BY_CODE[spec.relay_point].city}"
    status = order_status(spec).value.replace("_", " ")
    method = spec.shipping_method.value.replace("_", " ").title()
    return (
        f"{spec.story} [{status}; {method} to {place}; {items} item{'s' * (items > 1)}, "
        f"{format_cents(amounts.total_cents, 'en')}]"
    )


def demo_listing() -> dict:
    """Every demo order and account, as `alme-portal demo list --json` prints them.

    Built from the definitions alone (no database). Orders are sorted by number, accounts by
    role (customers first) then e-mail.

    Returns:
        `{"orders": [{number, email, tags, summary}], "accounts": [{email, password, role,
        purpose, tier, loyalty}]}`.
    """
    orders = [
        {
            "number": spec.number,
            "email": spec.email.lower(),
            "tags": sorted(tag.value for tag in spec.tags),
            "summary": order_summary(spec),
        }
        for spec in sorted(ORDERS, key=lambda spec: spec.number)
    ]
    accounts = [
        {
            "email": account.email,
            "password": account.password,
            "role": account.role.value,
            "purpose": account.purpose,
            "tier": account.tier,
            "loyalty": account.loyalty,
        }
        for account in sorted(ACCOUNTS, key=lambda a: (a.role != Role.CUSTOMER, a.email))
    ]
    return {"orders": orders, "accounts": accounts}


def listing_text(listing: dict) -> str:
    """Render `demo_listing()` as plain-text tables for a terminal."""
    rows = ["Demo orders", ""]
    for order in listing["orders"]:
        rows.append(f"  {order['number']}  {order['email']:<28}  {', '.join(order['tags'])}")
        rows.append(f"            {order['summary']}")
    rows += ["", "Demo accounts", ""]
    for account in listing["accounts"]:
        rows.append(
            f"  {account['email']:<28}  {account['password']:<18}  {account['role']:<8}  "
            f"{account['purpose']}"
        )
        if account["loyalty"]:
            rows.append(f"{'':<62}Almé Lovers: {account['loyalty']}")
    return "\n".join(rows)


def listing_markdown(listing: dict) -> str:
    """Render `demo_listing()` as two Markdown tables (for the README)."""
    rows = ["| order | e-mail | tags | what to try |", "| --- | --- | --- | --- |"]
    rows += [
        f"| {o['number']} | {o['email']} | {', '.join(o['tags'])} | {o['summary']} |"
        for o in listing["orders"]
    ]
    rows += ["", "| e-mail | password | role | purpose | Almé Lovers |",
             "| --- | --- | --- | --- | --- |"]  # fmt: skip
    rows += [
        f"| {a['email']} | `{a['password']}` | {a['role']} | {a['purpose']} | {a['loyalty']} |"
        for a in listing["accounts"]
    ]
    return "\n".join(rows)
