"""Demo catalogue: products and their variants, the Paris salons and Mondial Relay points."""

from __future__ import annotations

from dataclasses import dataclass

from alme_portal.demo.data import ProductSpec, RelayPointSpec, SalonSpec
from alme_portal.platform.vocabulary import Category

CLOTHING_SIZES = ("XS", "S", "M", "L", "XL")
SHOE_SIZES = ("36", "37", "38", "39", "40", "41")
_STOCK_BY_SIZE = {"XS": 4, "S": 11, "M": 14, "L": 8, "XL": 3}
_STOCK_BY_SIZE |= {"36": 3, "37": 6, "38": 9, "39": 8, "40": 5, "41": 2}

PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec(
        "ALM-TS-LEON", "Organic cotton T-shirt Léon", "T-shirt Léon en coton bio",
        Category.CLOTHING, 5_500, (("ECR", "Ecru"), ("BLK", "Black"), ("SAG", "Sage")),
        CLOTHING_SIZES, sold_out=("SAG-XS", "BLK-XL"),
    ),
    ProductSpec(
        "ALM-TS-MAELLE", "Linen T-shirt Maëlle", "T-shirt Maëlle en lin",
        Category.CLOTHING, 6_500, (("IVO", "Ivory"), ("TER", "Terracotta")),
        CLOTHING_SIZES, sold_out=("TER-S",),
    ),
    ProductSpec(
        "ALM-TS-JULES", "Striped T-shirt Jules", "Marinière Jules",
        Category.CLOTHING, 4_900, (("NVS", "Navy stripes"), ("TES", "Terracotta stripes")),
        CLOTHING_SIZES, sold_out=("NVS-M",),
    ),
    ProductSpec(
        "ALM-KN-ROSE", "Merino cardigan Rose", "Cardigan Rose en mérinos",
        Category.CLOTHING, 14_500, (("SAG", "Sage"), ("IVO", "Ivory"), ("INK", "Ink")),
        CLOTHING_SIZES, sold_out=("SAG-L", "IVO-XS"),
    ),
    ProductSpec(
        "ALM-KN-ANNA", "Cashmere jumper Anna", "Pull Anna en cachemire",
        Category.CLOTHING, 18_900, (("GRY", "Heather grey"), ("CAR", "Caramel")),
        CLOTHING_SIZES, sold_out=("GRY-XS",), preorder_in_days=(("CAR", 21),),
    ),
    ProductSpec(
        "ALM-TR-SIMONE", "Wide-leg trousers Simone", "Pantalon large Simone",
        Category.CLOTHING, 13_500, (("NAV", "Navy"), ("SND", "Sand")),
        CLOTHING_SIZES, sold_out=("NAV-L",),
    ),
    ProductSpec(
        "ALM-TR-COLETTE", "Pleated trousers Colette", "Pantalon à pinces Colette",
        Category.CLOTHING, 12_500, (("BLK", "Black"), ("OLV", "Olive")),
        CLOTHING_SIZES, sold_out=("OLV-XS",),
    ),
    ProductSpec(
        "ALM-DR-CAMILLE", "Midi dress Camille", "Robe midi Camille",
        Category.CLOTHING, 17_900, (("TER", "Terracotta"), ("INK", "Ink")),
        CLOTHING_SIZES, sold_out=("TER-M",),
    ),
    ProductSpec(
        "ALM-DR-LOUISE", "Linen wrap dress Louise", "Robe portefeuille Louise en lin",
        Category.CLOTHING, 21_000, (("IVO", "Ivory"), ("TER", "Terracotta")),
        CLOTHING_SIZES, sold_out=("IVO-XL",),
    ),
    ProductSpec(
        "ALM-SH-ELSA", "Poplin shirt Elsa", "Chemise Elsa en popeline",
        Category.CLOTHING, 9_500, (("WHT", "White"), ("SKY", "Sky blue")),
        CLOTHING_SIZES, sold_out=("SKY-S",),
    ),
    ProductSpec(
        "ALM-SO-MARCEL", "Leather loafers Marcel", "Mocassins Marcel en cuir",
        Category.SHOES, 22_500, (("BLK", "Black"), ("COG", "Cognac")),
        SHOE_SIZES, sold_out=("BLK-41", "COG-37"),
    ),
    ProductSpec(
        "ALM-SO-JEANNE", "Ballet flats Jeanne", "Ballerines Jeanne",
        Category.SHOES, 18_500, (("BLK", "Black"), ("NUD", "Nude")),
        SHOE_SIZES, sold_out=("NUD-36",),
    ),
    ProductSpec(
        "ALM-SO-GASPARD", "Suede ankle boots Gaspard", "Bottines Gaspard en daim",
        Category.SHOES, 25_900, (("BLK", "Black"), ("COG", "Cognac")),
        SHOE_SIZES, sold_out=("BLK-40",), preorder_in_days=(("COG", 35),),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class VariantSpec:
    """One colour and size of a product, with its stock and pre-order delay."""

    product: ProductSpec
    sku: str
    colour: str
    size: str
    stock: int
    preorder_in_days: int | None


def product_image(reference: str) -> str:
    """Return the public path of a product picture (files live in `assets/products/`)."""
    return f"/products/{reference}.svg"


def variants_of(product: ProductSpec) -> tuple[VariantSpec, ...]:
    """Return every colour and size of a product, stock varied deterministically."""
    preorders = dict(product.preorder_in_days)
    result = []
    for colour_index, (code, colour) in enumerate(product.colours):
        for size in product.sizes:
            stock = max(1, _STOCK_BY_SIZE[size] - 2 * colour_index)
            if f"{code}-{size}" in product.sold_out:
                stock = 0
            sku = f"{product.reference}-{code}-{size}"
            result.append(VariantSpec(product, sku, colour, size, stock, preorders.get(code)))
    return tuple(result)


VARIANTS: dict[str, VariantSpec] = {
    variant.sku: variant for product in PRODUCTS for variant in variants_of(product)
}
"""Every demo variant by SKU."""

SALONS: tuple[SalonSpec, ...] = (
    SalonSpec(
        "MARAIS", "Almé Le Marais", "12 rue Debelleyme", "75003",
        "Tuesday–Saturday 11:00–19:30, Sunday 14:00–18:30",
    ),
    SalonSpec(
        "SAINT-GERMAIN", "Almé Saint-Germain", "31 rue du Cherche-Midi", "75006",
        "Monday–Saturday 10:30–19:30",
    ),
    SalonSpec(
        "BATIGNOLLES", "Almé Batignolles", "9 rue des Batignolles", "75017",
        "Tuesday–Saturday 11:00–19:00, Sunday 11:00–13:30",
    ),
)  # fmt: skip

RELAY_POINTS: tuple[RelayPointSpec, ...] = (
    RelayPointSpec("FR-005680", "Presse Tabac Le Temple", "42 rue de Bretagne", "75003",
                   "Paris", 48.86349, 2.36209),
    RelayPointSpec("FR-012744", "Cordonnerie Oberkampf", "97 rue Oberkampf", "75011",
                   "Paris", 48.86573, 2.37911),
    RelayPointSpec("FR-020318", "Pressing des Batignolles", "18 rue Brochant", "75017",
                   "Paris", 48.88921, 2.31838),
    RelayPointSpec("FR-031962", "Épicerie Convention", "112 rue de la Convention", "75015",
                   "Paris", 48.84052, 2.29251),
    RelayPointSpec("FR-044105", "Tabac de la Presqu'île", "21 rue Mercière", "69002",
                   "Lyon", 45.76211, 4.83302),
    RelayPointSpec("FR-046872", "Pressing Jean Macé", "8 rue Chevreul", "69007",
                   "Lyon", 45.74838, 4.84195),
    RelayPointSpec("FR-058213", "Librairie Sainte-Catherine", "64 rue Sainte-Catherine", "33000",
                   "Bordeaux", 44.83779, -0.57382),
    RelayPointSpec("FR-059477", "Cave des Chartrons", "33 rue Notre-Dame", "33000",
                   "Bordeaux", 44.85311, -0.57005),
    RelayPointSpec("FR-067390", "Tabac du Vieux-Lille", "15 rue de la Monnaie", "59000",
                   "Lille", 50.64052, 3.06351),
    RelayPointSpec("FR-068154", "Presse Lille Flandres", "2 place des Buisses", "59000",
                   "Lille", 50.63716, 3.07124),
    RelayPointSpec("BE-008214", "Librairie Dansaert", "54 rue Antoine Dansaert", "1000",
                   "Bruxelles", 50.85079, 4.34603),
    RelayPointSpec("BE-009467", "Presse Châtelain", "33 rue du Page", "1050",
                   "Ixelles", 50.82103, 4.36004),
)  # fmt: skip
RELAY_POINTS_BY_CODE = {point.code: point for point in RELAY_POINTS}
