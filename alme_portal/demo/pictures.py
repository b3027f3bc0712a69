"""The demo's product pictures, one per colour (issue 19.9: a green T-shirt stood for all three).

Each product has one drawing in `assets/products/<reference>.svg` whose garment (the element
`id="g"`) is filled in one colour; `write_colour_pictures` writes `<reference>-<code>.svg` per
colour of the catalogue, the garment filled with that colour. Run it after adding a product or
a colour: `python -m alme_portal.demo.pictures`.
"""

from __future__ import annotations

import re
from pathlib import Path

from alme_portal.demo.catalog import PRODUCTS
from alme_portal.platform import settings

PICTURES = settings.PROJECT_ROOT / "assets" / "products"
PALETTE = {
    "Ecru": "#EDE3D1", "Black": "#262626", "Sage": "#8A9A7B", "Ivory": "#F3EEE3",
    "Terracotta": "#B5654A", "Navy stripes": "#2E3A55", "Terracotta stripes": "#B5654A",
    "Ink": "#2F3340", "Heather grey": "#A7A8A6", "Caramel": "#B9834F", "Navy": "#2E3A55",
    "Sand": "#D8C7A6", "Olive": "#6F6F3F", "White": "#FBFAF7", "Sky blue": "#A9C6DE",
    "Cognac": "#8E4E2B", "Nude": "#D9B8A0",
}  # fmt: skip
"""Each colour name of the catalogue and the fill its picture uses."""
_GARMENT = re.compile(r'(<path id="g" d="[^"]*") fill="#[0-9A-Fa-f]{6}"')
_TITLE = re.compile(r"(<title[^>]*>)([^<]*)(</title>)")


def colour_picture(drawing: str, colour: str) -> str:
    """The drawing with its garment filled in `colour` and the colour in its title.

    Raises:
        KeyError: a colour the palette does not know.
    """
    fill = PALETTE[colour]
    # A thin outline keeps a white or ivory garment visible on the ivory background.
    tinted = _GARMENT.sub(rf'\1 fill="{fill}" stroke="#CDBFAE" stroke-width="1.5"', drawing)
    return _TITLE.sub(rf"\1\2, {colour}\3", tinted)


def write_colour_pictures(folder: Path = PICTURES) -> list[Path]:
    """Write one picture per product colour next to the product's drawing."""
    written = []
    for product in PRODUCTS:
        drawing = (folder / f"{product.reference}.svg").read_text()
        for code, colour in product.colours:
            path = folder / f"{product.reference}-{code}.svg"
            path.write_text(colour_picture(drawing, colour))
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_colour_pictures():
        print(written_path.relative_to(settings.PROJECT_ROOT))  # noqa: T201
