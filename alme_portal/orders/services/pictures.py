"""Which picture shows an item: its colour's, when the catalogue has one (issue 19.9)."""

from __future__ import annotations

import functools

from alme_portal.platform import settings

ASSETS = settings.PROJECT_ROOT / "assets"


@functools.cache
def _served(path: str) -> bool:
    return (ASSETS / path.lstrip("/")).is_file()


def variant_picture(product_image: str, sku: str) -> str:
    """The picture of a size and colour: `/products/<reference>-<colour>.svg` when it exists.

    A SKU is `<reference>-<colour code>-<size>`; without a picture for its colour, the
    product's own picture.
    """
    folder, _, _ = product_image.rpartition("/")
    candidate = f"{folder}/{sku.rsplit('-', 1)[0]}.svg"
    return candidate if folder and _served(candidate) else product_image
