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


class Resolution(StrEnum):
    """What the customer wants for a returned item (R1, E1, E2)."""

    REFUND = "refund"
    SIZE_EXCHANGE = "size_exchange"
    PRODUCT_EXCHANGE = "product_exchange"


class ReturnMethod(StrEnum):
    """How a return travels to the Atelier (R3-R5)."""

    MONDIAL_RELAY = "mondial_relay"
    STORE = "store"
    SELF_SHIP = "self_ship"


class RefundDestination(StrEnum):
    """Where the money of a refund goes, as she chose when declaring (R8)."""

    CREDIT_NOTE = "credit_note"
    ORIGINAL = "original"


class RefundKind(StrEnum):
    """What one refund row did with the money (R5, R8-R12)."""

    NEW_CREDIT_NOTE = "new_credit_note"
    """R8: a credit note for the amount, valid a year, spendable over several orders."""
    NEW_GIFT_CARD = "new_gift_card"
    """R9: a new gift card (valid a year) instead of a credit note, for an order paid by gift
    card."""
    CREDIT_BACK = "credit_back"
    """R8-R10: money back to a payment that was collected (the gift card itself for a gift
    card)."""
    NOT_CHARGED = "not_charged"
    """R12: a deferred payment not charged yet is charged this much less."""
    INSTALMENT_REDUCED = "instalment_reduced"
    """R11: a scheduled instalment is lowered by this much (cancelled when lowered to zero)."""
    POSTAGE = "postage"
    """R5: the postage of a return shipped by the customer, paid with the refund (not drawn
    from any payment: into the credit note when `payment_id` is None)."""


class StoredValueKind(StrEnum):
    """A balance the portal issued and keeps (R8, R9)."""

    CREDIT_NOTE = "credit_note"
    GIFT_CARD = "gift_card"


class InspectionOutcome(StrEnum):
    """The Atelier's verdict on one returned line (R6)."""

    ACCEPTED = "accepted"
    REFUSED = "refused"


class CodeKind(StrEnum):
    """The codes an order can carry (O11, L5, F3, R8, R9)."""

    COUPON = "coupon"
    REFERRAL = "referral"
    LOYALTY_VOUCHER = "loyalty_voucher"
    GIFT_CARD = "gift_card"
    CREDIT_NOTE = "credit_note"


class LovesKind(StrEnum):
    """What a line of the loves ledger records (L1-L5, L9, L10)."""

    PURCHASE = "purchase"
    """L1: loves of an order, pending until `available_on` (L3)."""
    RETURN = "return"
    """L4: pending loves taken back when (part of) the order comes back in its pending days."""
    MISSION = "mission"
    """L2: loves of a mission, once per mission."""
    CLAIM = "claim"
    """L9: loves of an order placed logged out or under another e-mail, once it is checked."""
    REDEMPTION = "redemption"
    """L5: loves turned into a loyalty voucher (negative)."""
    LEAVE = "leave"
    """L10: everything cancelled when the member leaves the program (negative)."""


class ReferralStatus(StrEnum):
    """Where a referral stands (F1-F5)."""

    INVITED = "invited"
    CODE_SENT = "code_sent"
    ORDERED = "ordered"
    REWARDED = "rewarded"
    EXPIRED = "expired"
    REFUSED = "refused"
