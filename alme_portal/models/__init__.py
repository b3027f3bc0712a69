"""The portal's tables (plain SQLModel, changed only through Alembic migrations)."""

from alme_portal.models.accounts import EmailLink, LoginFailure, LoginSession, PasswordReset
from alme_portal.models.catalog import Product, RelayPoint, Salon, Variant
from alme_portal.models.customers import Customer, StaffUser
from alme_portal.models.feed import FeedEvent, LookupFailure
from alme_portal.models.inspection import LineInspection, StaffAction, StaffSession
from alme_portal.models.loyalty import LovesCheckpoint, LovesEntry, LoyaltyVoucher
from alme_portal.models.meta import AppMeta
from alme_portal.models.orders import Instalment, Order, OrderLine, Payment, Shipment, ShipmentLine
from alme_portal.models.outbox import OutboxAttachment, OutboxEmail
from alme_portal.models.referral import ReferralInvite
from alme_portal.models.refunds import Refund, StoredValue, StoredValueEntry
from alme_portal.models.requests import OrderChangeRequest
from alme_portal.models.returns import ReturnLine, ReturnRequest, StockAlert, Withdrawal

__all__ = [
    "AppMeta",
    "Customer",
    "EmailLink",
    "FeedEvent",
    "Instalment",
    "LineInspection",
    "LoginFailure",
    "LoginSession",
    "LookupFailure",
    "LovesCheckpoint",
    "LovesEntry",
    "LoyaltyVoucher",
    "Order",
    "OrderChangeRequest",
    "OrderLine",
    "OutboxAttachment",
    "OutboxEmail",
    "PasswordReset",
    "Payment",
    "Product",
    "ReferralInvite",
    "Refund",
    "RelayPoint",
    "ReturnLine",
    "ReturnRequest",
    "Salon",
    "Shipment",
    "ShipmentLine",
    "StaffAction",
    "StaffSession",
    "StaffUser",
    "StockAlert",
    "StoredValue",
    "StoredValueEntry",
    "Variant",
    "Withdrawal",
]
