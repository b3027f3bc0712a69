"""Demo orders: at least one for every scenario tag, each with the story it lets a person try."""

from __future__ import annotations

from alme_portal.demo.data import (
    CAMILLE_HOME,
    HELENE_HOME,
    INES_HOME,
    MARGAUX_HOME,
    SOPHIE_HOME,
    Address,
    Ago,
    DiscountSpec,
    LineSpec,
    OrderSpec,
    PaymentSpec,
    ShipmentSpec,
)
from alme_portal.demo.data import ScenarioTag as Tag
from alme_portal.platform.vocabulary import OrderKind, PaymentMethod, ShippingMethod

CAMILLE = "camille.moreau@example.fr"
INES = "ines.benali@example.fr"
HELENE = "helene.bertrand@orange.fr"
SOPHIE = "sophie.vermeulen@example.be"
MARGAUX = "margaux.fontaine@example.de"

MANON = Address("Manon", "Petit", "9 cours de l'Intendance", "33000", "Bordeaux", "FR")
CLAIRE = Address("Claire", "Rochat", "Rue de Carouge 38", "1205", "Genève", "CH")
EMMA = Address("Emma", "Clarke", "14 Canonbury Place", "N1 2NQ", "London", "GB")
LUCIE = Address("Lucie", "Garnier", "23 rue Esquermoise", "59000", "Lille", "FR")

# Shipping fees the shop charged (demo prices, not a rule of the portal).
COLISSIMO_FR, COLISSIMO_EU, COLISSIMO_WORLD = 590, 1_490, 2_190
MONDIAL_RELAY_FR, MONDIAL_RELAY_BE, CHRONOPOST_FR = 390, 490, 1_290

COLISSIMO, RELAY, CHRONO = (
    ShippingMethod.COLISSIMO,
    ShippingMethod.MONDIAL_RELAY,
    ShippingMethod.CHRONOPOST,
)


def _card(brand: str, last4: str, method: PaymentMethod = PaymentMethod.CARD) -> PaymentSpec:
    return PaymentSpec(method, card_brand=brand, card_last4=last4)


def _parcel(dispatched: Ago, delivered: Ago | None = None, **moments) -> tuple[ShipmentSpec]:
    return (ShipmentSpec(dispatched=dispatched, delivered=delivered, **moments),)


ORDERS: tuple[OrderSpec, ...] = (
    OrderSpec(
        "AL100101", (Tag.DELIVERED_RETURNABLE,),
        "Delivered a few days ago: return or exchange (cardigan size L is sold out).",
        CAMILLE, CAMILLE_HOME, Ago(7, "10:14"), COLISSIMO,
        (LineSpec("ALM-TS-LEON-ECR-M", 2), LineSpec("ALM-KN-ROSE-SAG-M")),
        (_card("Visa", "4921"),), _parcel(Ago(6, "16:20"), Ago(4, "11:05")),
        account=CAMILLE, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100102", (Tag.OUTSIDE_RETURN_WINDOW,),
        "Delivered a month ago: the 14-day return window is closed.",
        CAMILLE, CAMILLE_HOME, Ago(34, "20:45"), COLISSIMO,
        (LineSpec("ALM-TR-SIMONE-NAV-M"), LineSpec("ALM-TS-LEON-BLK-S")),
        (PaymentSpec(PaymentMethod.PAYPAL),), _parcel(Ago(33, "15:10"), Ago(30, "12:30")),
        account=CAMILLE, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100103", (Tag.IN_TRANSIT,),
        "Dispatched yesterday, on its way by Colissimo: follow the tracking.",
        INES, INES_HOME, Ago(2, "09:12"), COLISSIMO,
        (LineSpec("ALM-DR-CAMILLE-INK-S"),),
        (_card("Mastercard", "5534"),), _parcel(Ago(1, "17:45")),
        account=INES, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100104", (Tag.RELAY_PICKUP_WAITING,),
        "Waiting to be collected at a Mondial Relay point in Lyon.",
        INES, INES_HOME, Ago(6, "13:02"), RELAY,
        (LineSpec("ALM-SH-ELSA-WHT-S"), LineSpec("ALM-TS-JULES-TES-S")),
        (_card("Visa", "1187"),), _parcel(Ago(5, "16:30"), ready_for_pickup=Ago(1, "10:15")),
        account=INES, logged_in=True, relay_point="FR-044105", shipping_cents=MONDIAL_RELAY_FR,
    ),
    OrderSpec(
        "AL100105", (Tag.NOT_DISPATCHED,),
        "Placed last night, not dispatched yet: it can still be modified or cancelled.",
        CAMILLE, CAMILLE_HOME, Ago(1, "21:40"), COLISSIMO,
        (LineSpec("ALM-DR-LOUISE-TER-M"),),
        (_card("Visa", "4921"),), (ShipmentSpec(),),
        account=CAMILLE, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100106", (Tag.CANCELLED, Tag.GUEST),
        "Cancelled guest order: the customer is pointed to customer service.",
        "manon.petit@example.fr", MANON, Ago(4, "11:25"), COLISSIMO,
        (LineSpec("ALM-TR-COLETTE-BLK-M"), LineSpec("ALM-TS-MAELLE-IVO-M")),
        (_card("Mastercard", "2290"),), cancelled=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100107", (Tag.SPLIT_PREORDER,),
        "Two parcels: the T-shirt is delivered, the pre-ordered jumper ships later.",
        CAMILLE, CAMILLE_HOME, Ago(6, "08:50"), COLISSIMO,
        (LineSpec("ALM-TS-LEON-SAG-L"), LineSpec("ALM-KN-ANNA-CAR-M")),
        (_card("Visa", "4921"),),
        (
            ShipmentSpec((0,), dispatched=Ago(5, "15:00"), delivered=Ago(2, "11:40")),
            ShipmentSpec((1,)),
        ),
        account=CAMILLE, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100108",
        (Tag.CHRONOPOST, Tag.SHOES, Tag.EMAIL_UNREACHABLE, Tag.DELIVERED_RETURNABLE),
        "Chronopost, delivered the next day to an @orange.fr address that gets no e-mail.",
        HELENE, HELENE_HOME, Ago(3, "10:32"), CHRONO,
        (LineSpec("ALM-SO-JEANNE-BLK-38"), LineSpec("ALM-KN-ANNA-GRY-S")),
        (_card("Visa", "7730"),), _parcel(Ago(3, "17:05"), Ago(2, "12:40")),
        account=HELENE, logged_in=True, shipping_cents=CHRONOPOST_FR,
    ),
    OrderSpec(
        "AL100109",
        (Tag.ABROAD, Tag.ABROAD_NO_MONDIAL_RELAY, Tag.GUEST, Tag.DELIVERED_RETURNABLE),
        "Delivered in Geneva (customs); return shipped at her cost, up to €6 back.",
        "claire.rochat@example.ch", CLAIRE, Ago(9, "14:18"), COLISSIMO,
        (LineSpec("ALM-DR-CAMILLE-TER-S"),),
        (PaymentSpec(PaymentMethod.PAYPAL),), _parcel(Ago(8, "16:00"), Ago(4, "10:20")),
        shipping_cents=COLISSIMO_WORLD,
    ),
    OrderSpec(
        "AL100110", (Tag.ABROAD_NO_MONDIAL_RELAY, Tag.DELIVERED_RETURNABLE),
        "Delivered in Berlin with a coupon; no Mondial Relay there: return at her cost.",
        MARGAUX, MARGAUX_HOME, Ago(10, "19:30"), COLISSIMO,
        (LineSpec("ALM-TR-COLETTE-OLV-S"), LineSpec("ALM-TS-MAELLE-TER-M")),
        (_card("Mastercard", "6402"),), _parcel(Ago(9, "15:45"), Ago(6, "13:10")),
        account=MARGAUX, logged_in=True, shipping_cents=COLISSIMO_EU,
        discount=DiscountSpec("MERCI15", "coupon", 1_500), language="en",
    ),
    OrderSpec(
        "AL100111", (Tag.ABROAD, Tag.IN_TRANSIT, Tag.GUEST),
        "On its way to London: customs fees may be due on collection.",
        "emma.clarke@example.co.uk", EMMA, Ago(3, "08:05"), COLISSIMO,
        (LineSpec("ALM-KN-ROSE-IVO-M"),),
        (_card("Visa", "0417"),), _parcel(Ago(2, "16:50")),
        shipping_cents=COLISSIMO_WORLD, language="en",
    ),
    OrderSpec(
        "AL100112", (Tag.GIFT_CARD_ONLY, Tag.DELIVERED_RETURNABLE),
        "Paid entirely by e-gift card, collected at a Paris relay point.",
        CAMILLE, CAMILLE_HOME, Ago(8, "12:00"), RELAY,
        (LineSpec("ALM-TS-JULES-NVS-S"),),
        (PaymentSpec(PaymentMethod.GIFT_CARD, gift_card_code="ALME-7KQ2-M9XD"),),
        _parcel(Ago(7, "15:30"), Ago(3, "18:15"), ready_for_pickup=Ago(4, "09:40")),
        account=CAMILLE, logged_in=True, relay_point="FR-005680", shipping_cents=MONDIAL_RELAY_FR,
    ),
    OrderSpec(
        "AL100113", (Tag.GIFT_CARD_AND_CARD, Tag.DELIVERED_RETURNABLE),
        "Gift card plus card, collected in Brussels: a refund credits the gift card first.",
        SOPHIE, SOPHIE_HOME, Ago(9, "20:20"), RELAY,
        (LineSpec("ALM-DR-LOUISE-TER-S"),),
        (
            PaymentSpec(PaymentMethod.GIFT_CARD, 10_000, gift_card_code="ALME-3HTW-8RPN"),
            _card("Visa", "3318"),
        ),
        _parcel(Ago(8, "14:40"), Ago(4, "17:35"), ready_for_pickup=Ago(5, "11:00")),
        account=SOPHIE, logged_in=True, relay_point="BE-008214", shipping_cents=MONDIAL_RELAY_BE,
    ),
    OrderSpec(
        "AL100114", (Tag.INSTALMENTS, Tag.DELIVERED_RETURNABLE),
        "Paid in 3 instalments with a loyalty voucher: a return adjusts the instalments.",
        CAMILLE, CAMILLE_HOME, Ago(12, "18:05"), COLISSIMO,
        (LineSpec("ALM-DR-LOUISE-IVO-M"), LineSpec("ALM-KN-ROSE-INK-M")),
        (_card("Mastercard", "8810", PaymentMethod.INSTALMENTS_3),),
        _parcel(Ago(11, "15:20"), Ago(8, "11:50")),
        account=CAMILLE, logged_in=True, shipping_cents=COLISSIMO_FR,
        discount=DiscountSpec("LOVE-5Q8T2M", "loyalty_voucher", 1_000),
    ),
    OrderSpec(
        "AL100115",
        (Tag.DEFERRED_PAYMENT, Tag.EMAIL_UNREACHABLE, Tag.DELIVERED_RETURNABLE),
        "Deferred 30 days, not charged yet: a return before the due date is never charged.",
        HELENE, HELENE_HOME, Ago(6, "09:45"), RELAY,
        (LineSpec("ALM-TS-LEON-BLK-M", 2),),
        (_card("Visa", "7730", PaymentMethod.DEFERRED_30),),
        _parcel(Ago(5, "16:10"), Ago(1, "17:20"), ready_for_pickup=Ago(2, "10:30")),
        account=HELENE, logged_in=True, relay_point="FR-020318", shipping_cents=MONDIAL_RELAY_FR,
    ),
    OrderSpec(
        "AL100116", (Tag.SHOES, Tag.DELIVERED_RETURNABLE),
        "Ankle boots delivered: a return needs the box, dust bag and protective sole.",
        INES, INES_HOME, Ago(8, "11:11"), COLISSIMO,
        (LineSpec("ALM-SO-GASPARD-BLK-39"),),
        (_card("Mastercard", "5534"),), _parcel(Ago(7, "15:55"), Ago(5, "12:05")),
        account=INES, logged_in=True, shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100117", (Tag.EXCHANGE_ORDER, Tag.DELIVERED_RETURNABLE),
        "Size exchange of AL100102 (trousers M for S), shipped free; it can be returned too.",
        CAMILLE, CAMILLE_HOME, Ago(12, "09:30"), COLISSIMO,
        (LineSpec("ALM-TR-SIMONE-NAV-S"),),
        # The returned item's value pays for its replacement.
        (PaymentSpec(PaymentMethod.CREDIT_NOTE, credit_note_code="ECH-AL100102"),),
        _parcel(Ago(11, "14:10"), Ago(8, "10:45")),
        account=CAMILLE, kind=OrderKind.EXCHANGE, origin="AL100102",
    ),
    OrderSpec(
        "AL100118", (Tag.GUEST, Tag.DEFERRED_PAYMENT, Tag.DELIVERED_RETURNABLE),
        "Guest order deferred 15 days, collected at a relay point in Lille.",
        "lucie.garnier@example.fr", LUCIE, Ago(5, "13:37"), RELAY,
        (LineSpec("ALM-TS-MAELLE-IVO-S"), LineSpec("ALM-TR-COLETTE-BLK-S")),
        (_card("Mastercard", "2764", PaymentMethod.DEFERRED_15),),
        _parcel(Ago(4, "16:20"), Ago(1, "12:30"), ready_for_pickup=Ago(2, "09:50")),
        relay_point="FR-067390", shipping_cents=MONDIAL_RELAY_FR,
    ),
    OrderSpec(
        "AL100119", (Tag.RETURNED_TO_SENDER,),
        "Never collected, back at the Atelier: refunded automatically, not reshipped.",
        INES, INES_HOME, Ago(26, "19:05"), RELAY,
        (LineSpec("ALM-KN-ANNA-GRY-M"),),
        (_card("Visa", "1187"),),
        _parcel(Ago(25, "15:00"), ready_for_pickup=Ago(22, "10:40"),
                returned_to_sender=Ago(3, "14:00")),
        account=INES, logged_in=True, relay_point="FR-046872", shipping_cents=MONDIAL_RELAY_FR,
    ),
    OrderSpec(
        "AL100120", (Tag.GUEST, Tag.LOGGED_OUT_MEMBER, Tag.DELIVERED_RETURNABLE),
        "A member's order placed while logged out: she can claim its loves.",
        CAMILLE, CAMILLE_HOME, Ago(10, "22:10"), COLISSIMO,
        (LineSpec("ALM-TS-MAELLE-TER-L"),),
        (_card("Visa", "4921"),), _parcel(Ago(9, "15:35"), Ago(6, "11:25")),
        shipping_cents=COLISSIMO_FR,
    ),
    OrderSpec(
        "AL100121", (Tag.IN_TRANSIT,),
        "Dispatched yesterday to Brussels; not scanned by the carrier yet (tracking lag).",
        SOPHIE, SOPHIE_HOME, Ago(2, "10:05"), RELAY,
        (LineSpec("ALM-SH-ELSA-SKY-M"),),
        (PaymentSpec(PaymentMethod.PAYPAL),), _parcel(Ago(1, "18:30"), carrier_scanned=False),
        account=SOPHIE, logged_in=True, relay_point="BE-009467", shipping_cents=MONDIAL_RELAY_BE,
    ),
)  # fmt: skip
