"""Issue 19.9: each colour of the catalogue has its own picture, in that colour."""

import pytest

from alme_portal.demo.catalog import PRODUCTS
from alme_portal.demo.pictures import PALETTE, PICTURES, colour_picture
from alme_portal.orders.services.pictures import variant_picture

COLOURS = [(p.reference, code, colour) for p in PRODUCTS for code, colour in p.colours]


@pytest.mark.parametrize(("reference", "code", "colour"), COLOURS)
def test_each_colour_has_its_picture_filled_with_it(reference, code, colour):
    path = PICTURES / f"{reference}-{code}.svg"
    drawing = (PICTURES / f"{reference}.svg").read_text()
    assert path.read_text() == colour_picture(drawing, colour)  # up to date with the palette
    assert (
        f'fill="{PALETTE[colour]}"' in path.read_text()
        and f", {colour}</title>" in path.read_text()
    )


def test_a_line_shows_its_colour_and_an_unknown_sku_the_product():
    assert variant_picture("/products/ALM-TS-LEON.svg", "ALM-TS-LEON-ECR-M") == (
        "/products/ALM-TS-LEON-ECR.svg"
    )
    assert variant_picture("/products/ALM-TS-LEON.svg", "SHOP-12345") == "/products/ALM-TS-LEON.svg"
