"""The portal's wiring in one place: every table, event handler, link opener and code source.

A domain never calls a domain above it (see the README's layout): where a lower domain must
reach a higher one, it publishes an event or offers a hook, and this module plugs the higher
domain in. Nothing registers itself by being imported: the app, the command line and the tests
call `wire()`, and Alembic imports this module for the tables, so removing an unrelated import
can never turn a rule off.
"""

from __future__ import annotations

from alme_portal.accounts.models import accounts as _accounts_tables
from alme_portal.accounts.models import customers as _customer_tables
from alme_portal.accounts.services import links
from alme_portal.loyalty import models as _loyalty_tables
from alme_portal.loyalty.services import claims, ledger, take_back
from alme_portal.mail import models as _mail_tables
from alme_portal.mail.services import recipients
from alme_portal.orders.models import catalog as _catalog_tables
from alme_portal.orders.models import feed as _feed_tables
from alme_portal.orders.models import orders as _order_tables
from alme_portal.orders.models import requests as _request_tables
from alme_portal.orders.services import codes as order_codes
from alme_portal.orders.services import shipments
from alme_portal.platform import events, outbox
from alme_portal.platform import models as _platform_tables
from alme_portal.referral import models as _referral_tables
from alme_portal.referral.services import emails as referral_emails
from alme_portal.referral.services import invites, rewards
from alme_portal.refunds.models import inspection as _inspection_tables
from alme_portal.refunds.models import refunds as _refund_tables
from alme_portal.refunds.models import settlements as _settlement_tables
from alme_portal.refunds.services import stored_values
from alme_portal.returns import models as _return_tables
from alme_portal.returns.services import status as return_status
from alme_portal.returns.services import stock_alerts

TABLE_MODULES = (
    _platform_tables, _accounts_tables, _customer_tables, _catalog_tables, _order_tables,
    _feed_tables, _request_tables, _return_tables, _refund_tables, _inspection_tables,
    _settlement_tables, _loyalty_tables, _referral_tables, _mail_tables,
)  # fmt: skip
"""The modules whose tables make the schema (importing them registers the tables)."""

SUBSCRIPTIONS = (
    (events.OrderPlaced, ledger.on_order_placed),  # L1, L3: pending loves of a member's order
    (events.OrderPlaced, rewards.on_order_placed),  # F2, F4: the friend's first order rewards
    (events.OrderDispatched, shipments.record_dispatch_email),  # O6: the tracking e-mail
    (events.OrderCancelled, take_back.on_order_cancelled),  # L4
    (events.OrderRefunded, take_back.on_order_refunded),  # L4
    (events.StockChanged, stock_alerts.on_stock_changed),  # E8: back-in-stock alerts
)
"""Every handler of every event, in the order they run."""

LINK_OPENERS = ((links.CLAIM, claims.open_claim_link),)  # L9: the address owner says yes
"""One-time e-mail links whose purpose another domain acts on."""

CODE_SOURCES = (
    order_codes.CodeSource(ledger.voucher_codes, ledger.use_voucher),  # L5
    order_codes.CodeSource(invites.friend_codes, invites.keep_friend_code),  # F3
    order_codes.CodeSource(stored_values.stored_value_codes, stored_values.pay_order),  # R8, R9
)
"""The codes other domains issue that an order from the shop may carry (O11)."""

MARKETING_EMAIL_KINDS = (referral_emails.KINDS["invitation"], stock_alerts.EMAIL_KIND)
"""E-mails nobody asked for about her own order or account: List-Unsubscribe, opt-out kept."""

ATTACHMENT_RENDERERS = ((return_status.LABEL_SOURCE, return_status.render_label_source),)  # R3
"""What renders the files an e-mail promises, when the e-mail is sent."""


def wire() -> None:
    """Register every event handler, link opener and code source (safe to call again).

    The app, the command line and the tests call it once at start-up.
    """
    for event_type, handler in SUBSCRIPTIONS:
        events.subscribe(event_type, handler)
    events.mark_wired()
    for purpose, opener in LINK_OPENERS:
        links.open_links_with(purpose, opener)
    for source in CODE_SOURCES:
        order_codes.accept_codes_from(source)
    for kind, render in ATTACHMENT_RENDERERS:
        outbox.register_renderer(kind, render)
    for kind in MARKETING_EMAIL_KINDS:
        recipients.treat_as_marketing(kind)
