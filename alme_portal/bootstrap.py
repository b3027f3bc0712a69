"""The portal's wiring in one place: every table on the metadata, every event handler.

Nothing registers itself by being imported: Alembic, the app, the command line and the tests
call `wire()` (or import this module for the tables), so removing an unrelated import can never
turn a rule off.
"""

from __future__ import annotations

from alme_portal.accounts.models import accounts as _accounts_tables
from alme_portal.accounts.models import customers as _customer_tables
from alme_portal.loyalty import models as _loyalty_tables
from alme_portal.loyalty.services import ledger, take_back
from alme_portal.orders.models import catalog as _catalog_tables
from alme_portal.orders.models import feed as _feed_tables
from alme_portal.orders.models import orders as _order_tables
from alme_portal.orders.models import requests as _request_tables
from alme_portal.orders.services import feed
from alme_portal.platform import events
from alme_portal.platform import models as _platform_tables
from alme_portal.referral import models as _referral_tables
from alme_portal.referral.services import rewards
from alme_portal.refunds.models import inspection as _inspection_tables
from alme_portal.refunds.models import refunds as _refund_tables
from alme_portal.returns import models as _return_tables
from alme_portal.returns.services import stock_alerts

TABLE_MODULES = (
    _platform_tables, _accounts_tables, _customer_tables, _catalog_tables, _order_tables,
    _feed_tables, _request_tables, _return_tables, _refund_tables, _inspection_tables,
    _loyalty_tables, _referral_tables,
)  # fmt: skip
"""The modules whose tables make the schema (importing them registers the tables)."""

SUBSCRIPTIONS = (
    (events.OrderPlaced, ledger.on_order_placed),  # L1, L3: pending loves of a member's order
    (events.OrderPlaced, rewards.on_order_placed),  # F2, F4: the friend's first order rewards
    (events.OrderDispatched, feed.record_dispatch_email),  # O6: the tracking e-mail
    (events.OrderCancelled, take_back.on_order_cancelled),  # L4
    (events.OrderRefunded, take_back.on_order_refunded),  # L4
    (events.StockChanged, stock_alerts.on_stock_changed),  # E8: back-in-stock alerts
)
"""Every handler of every event, in the order they run."""


def wire() -> None:
    """Register every event handler once (safe to call again): the app, CLI and tests call it."""
    for event_type, handler in SUBSCRIPTIONS:
        events.subscribe(event_type, handler)
    events.mark_wired()
