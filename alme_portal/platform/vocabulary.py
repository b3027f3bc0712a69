"""The closed lists of values stored in the tables (stored as their string value)."""

from enum import StrEnum


class Category(StrEnum):
    """What kind of product a reference is; shoes come with a box and a dust bag (R6)."""

    CLOTHING = "clothing"
    SHOES = "shoes"


class ShippingMethod(StrEnum):
    """Delivery offers of rule O4."""

    COLISSIMO = "colissimo"
    MONDIAL_RELAY = "mondial_relay"
    CHRONOPOST = "chronopost"


class Carrier(StrEnum):
    """Who carries a parcel."""

    COLISSIMO = "colissimo"
    MONDIAL_RELAY = "mondial_relay"
    CHRONOPOST = "chronopost"


CARRIER_NAMES = {
    Carrier.COLISSIMO: "Colissimo",
    Carrier.MONDIAL_RELAY: "Mondial Relay",
    Carrier.CHRONOPOST: "Chronopost",
}
"""How pages and e-mails name each carrier (a brand name, the same in every language)."""


class OrderKind(StrEnum):
    """A shop order, or the exchange order created by a return (E6, E7, R13)."""

    STANDARD = "standard"
    EXCHANGE = "exchange"


class OrderStatus(StrEnum):
    """Status of an order as the shop reports it."""

    CONFIRMED = "confirmed"
    PARTIALLY_DISPATCHED = "partially_dispatched"
    DISPATCHED = "dispatched"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    RETURNED_TO_SENDER = "returned_to_sender"


class PaymentMethod(StrEnum):
    """Payment methods of rule O10."""

    CARD = "card"
    INSTALMENTS_3 = "instalments_3"
    DEFERRED_15 = "deferred_15"
    DEFERRED_30 = "deferred_30"
    PAYPAL = "paypal"
    GIFT_CARD = "gift_card"
    CREDIT_NOTE = "credit_note"


class InstalmentStatus(StrEnum):
    """State of one instalment of a 3-instalment payment (R11)."""

    PAID = "paid"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class ShipmentStatus(StrEnum):
    """Where a parcel stands, as last known by the portal."""

    PLANNED = "planned"
    DISPATCHED = "dispatched"
    IN_TRANSIT = "in_transit"
    READY_FOR_PICKUP = "ready_for_pickup"
    DELIVERED = "delivered"
    RETURNED_TO_SENDER = "returned_to_sender"


class Role(StrEnum):
    """Who an account belongs to."""

    CUSTOMER = "customer"
    STAFF = "staff"


class ReturnStatus(StrEnum):
    """Where a return stands, as its status page shows it (issue 4, R8)."""

    DECLARED = "declared"
    DROPPED_OFF = "dropped_off"
    RECEIVED = "received"
    INSPECTED = "inspected"
    REFUNDED = "refunded"
    CREDIT_NOTE_ISSUED = "credit_note_issued"
    EXCHANGE_SHIPPED = "exchange_shipped"
    REFUSED = "refused"
