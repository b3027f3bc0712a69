"""The demo data set as plain data: the shapes of its records, its scenario tags and accounts.

Products, salons and relay points live in `demo_catalog`, the orders in `demo_orders`. Dates are
never written here: a moment is a number of days before the load day plus a Paris wall-clock
time (`Ago`), so that every scenario stays true whatever the day of the load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from alme_portal.platform.vocabulary import Category, OrderKind, PaymentMethod, Role, ShippingMethod


class ScenarioTag(StrEnum):
    """What a demo order lets a person try; every tag has at least one order."""

    DELIVERED_RETURNABLE = "delivered-returnable"
    OUTSIDE_RETURN_WINDOW = "outside-return-window"
    IN_TRANSIT = "in-transit"
    RELAY_PICKUP_WAITING = "relay-pickup-waiting"
    NOT_DISPATCHED = "not-dispatched"
    CANCELLED = "cancelled"
    SPLIT_PREORDER = "split-preorder"
    CHRONOPOST = "chronopost"
    ABROAD = "abroad"
    ABROAD_NO_MONDIAL_RELAY = "abroad-no-mondial-relay"
    GIFT_CARD_ONLY = "gift-card-only"
    GIFT_CARD_AND_CARD = "gift-card-and-card"
    INSTALMENTS = "instalments"
    DEFERRED_PAYMENT = "deferred-payment"
    SHOES = "shoes"
    EXCHANGE_ORDER = "exchange-order"
    GUEST = "guest"
    RETURNED_TO_SENDER = "returned-to-sender"
    EMAIL_UNREACHABLE = "email-unreachable"
    """The order e-mail is on a domain that receives no e-mail from the brand (rule C2)."""
    LOGGED_OUT_MEMBER = "logged-out-member"
    """A member's e-mail on an order placed while logged out: loves to claim (rule L9)."""


@dataclass(frozen=True)
class Ago:
    """A moment relative to the load day: `days` before it, at `at` o'clock in Paris."""

    days: int
    at: str = "10:00"


@dataclass(frozen=True)
class Address:
    """A person at a postal address (home delivery, or the name on a relay parcel)."""

    first_name: str
    last_name: str
    address: str
    postcode: str
    city: str
    country: str


@dataclass(frozen=True)
class AccountSpec:
    """A demo login: a customer account or an Atelier staff account."""

    email: str
    password: str
    role: Role
    first_name: str
    last_name: str
    purpose: str
    created: Ago
    language: str = "fr"
    birthday: date | None = None
    home: Address | None = None
    tier: str = ""
    """Her Almé Lovers status once the demo is loaded (L7; a test keeps it true)."""
    loyalty: str = ""
    """What her dashboard shows that is worth a look."""


@dataclass(frozen=True)
class ProductSpec:
    """A reference of the collection; one variant per colour and size."""

    reference: str
    name_en: str
    name_fr: str
    category: Category
    price_cents: int
    colours: tuple[tuple[str, str], ...]
    """(code used in the SKU, colour name)."""
    sizes: tuple[str, ...]
    sold_out: tuple[str, ...] = ()
    """`COLOUR-SIZE` pairs with no stock left (for unavailable exchanges, rule E5)."""
    preorder_in_days: tuple[tuple[str, int], ...] = ()
    """(colour code, days after the load day) of colours sold on pre-order (rule O3)."""


@dataclass(frozen=True)
class SalonSpec:
    """An Almé salon in Paris."""

    code: str
    name: str
    address: str
    postcode: str
    opening_hours: str


@dataclass(frozen=True)
class RelayPointSpec:
    """A Mondial Relay point, `FR-005680` style code."""

    code: str
    name: str
    address: str
    postcode: str
    city: str
    latitude: float
    longitude: float

    @property
    def country(self) -> str:
        """The ISO country code the relay code starts with."""
        return self.code[:2]


@dataclass(frozen=True)
class LineSpec:
    """Units of one variant on an order."""

    sku: str
    quantity: int = 1


@dataclass(frozen=True)
class DiscountSpec:
    """The code typed in "Discount code or gift card" and what it took off."""

    code: str
    kind: str
    """coupon, loyalty_voucher or referral."""
    amount_cents: int


@dataclass(frozen=True)
class PaymentSpec:
    """One payment method of an order; `amount_cents=None` pays whatever the others leave."""

    method: PaymentMethod
    amount_cents: int | None = None
    card_brand: str | None = None
    card_last4: str | None = None
    gift_card_code: str | None = None
    credit_note_code: str | None = None


@dataclass(frozen=True)
class ShipmentSpec:
    """A parcel; its status follows from the moments that are set (none set: still planned)."""

    lines: tuple[int, ...] = ()
    """Indexes of the order lines it carries; empty means every line."""
    dispatched: Ago | None = None
    carrier_scanned: bool = True
    """False right after dispatch, before the carrier's first scan (tracking lag, rule O7)."""
    ready_for_pickup: Ago | None = None
    delivered: Ago | None = None
    returned_to_sender: Ago | None = None


@dataclass(frozen=True)
class OrderSpec:
    """A demo order and the scenarios it demonstrates."""

    number: str
    tags: tuple[ScenarioTag, ...]
    story: str
    email: str
    ship_to: Address
    placed: Ago
    shipping_method: ShippingMethod
    lines: tuple[LineSpec, ...]
    payments: tuple[PaymentSpec, ...]
    shipments: tuple[ShipmentSpec, ...] = ()
    account: str | None = None
    """E-mail of the customer account it belongs to; None for a guest order."""
    logged_in: bool = False
    relay_point: str | None = None
    shipping_cents: int = 0
    discount: DiscountSpec | None = None
    cancelled: bool = False
    kind: OrderKind = OrderKind.STANDARD
    origin: str | None = None
    """For an exchange order, the number of the order whose return created it."""
    language: str = "fr"


CAMILLE_HOME = Address("Camille", "Moreau", "18 rue Saint-Maur", "75011", "Paris", "FR")
INES_HOME = Address("Inès", "Benali", "12 rue de Brest", "69002", "Lyon", "FR")
HELENE_HOME = Address("Hélène", "Bertrand", "41 rue Legendre", "75017", "Paris", "FR")
SOPHIE_HOME = Address("Sophie", "Vermeulen", "Rue du Bailli 27", "1050", "Ixelles", "BE")
MARGAUX_HOME = Address("Margaux", "Fontaine", "Kastanienallee 12", "10435", "Berlin", "DE")
LEA_HOME = Address("Léa", "Martin", "5 rue de Turenne", "75004", "Paris", "FR")

ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec(
        email="camille.moreau@example.fr",
        password="Lovers-Paris-26!",
        role=Role.CUSTOMER,
        first_name="Camille",
        last_name="Moreau",
        purpose="Member with most orders: returns, exchange, instalments, gift card, pre-order.",
        tier="in_love",
        loyalty="In Love; loves to spend and pending loves; a valid and an expired voucher.",
        created=Ago(420, "19:12"),
        birthday=date(1991, 5, 14),
        home=CAMILLE_HOME,
    ),
    AccountSpec(
        email="ines.benali@example.fr",
        password="Lovers-Lyon-2026",
        role=Role.CUSTOMER,
        first_name="Inès",
        last_name="Benali",
        purpose="Lyon member: parcel in transit, relay pickup waiting, returned to sender, shoes.",
        tier="crush",
        loyalty="Crush; loves to spend and pending loves.",
        created=Ago(95, "12:40"),
        home=INES_HOME,
    ),
    AccountSpec(
        email="helene.bertrand@orange.fr",
        password="Orange-Sable-26!",
        role=Role.CUSTOMER,
        first_name="Hélène",
        last_name="Bertrand",
        purpose="@orange.fr address: receives no e-mail (rule C2); Chronopost, deferred payment.",
        tier="crush",
        loyalty="Crush; pending loves only.",
        created=Ago(210, "08:55"),
        birthday=date(1968, 11, 3),
        home=HELENE_HOME,
    ),
    AccountSpec(
        email="sophie.vermeulen@example.be",
        password="Bruxelles-Sage26",
        role=Role.CUSTOMER,
        first_name="Sophie",
        last_name="Vermeulen",
        purpose="Member in Belgium: Mondial Relay in Brussels, gift card + card payment.",
        tier="flirt",
        loyalty="Flirt; pending loves only.",
        created=Ago(60, "21:05"),
        home=SOPHIE_HOME,
    ),
    AccountSpec(
        email="margaux.fontaine@example.de",
        password="Berlin-Colis-26!",
        role=Role.CUSTOMER,
        first_name="Margaux",
        last_name="Fontaine",
        purpose="Member in Germany, no Mondial Relay: returns at her cost, up to €6 back (R5).",
        tier="flirt",
        loyalty="Flirt; pending loves only.",
        created=Ago(150, "17:30"),
        language="en",
        home=MARGAUX_HOME,
    ),
    AccountSpec(
        email="lea.martin@example.fr",
        password="Marais-Ivory-26!",
        role=Role.CUSTOMER,
        first_name="Léa",
        last_name="Martin",
        purpose="New member without orders: Flirt tier, missions, referral link.",
        tier="flirt",
        loyalty="Flirt; no loves yet: every mission to do.",
        created=Ago(2, "18:20"),
        home=LEA_HOME,
    ),
    AccountSpec(
        email="atelier@almeparis.com",
        password="Atelier-Ink-2026",
        role=Role.STAFF,
        first_name="Atelier",
        last_name="Almé",
        purpose="Atelier staff: receives and inspects returns.",
        created=Ago(500, "09:00"),
    ),
)
