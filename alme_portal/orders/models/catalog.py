"""Products, their variants, the brand's salons and the carriers' relay points."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class Product(SQLModel, table=True):
    """A reference of the collection; its colours and sizes are variants (rule E2)."""

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=32, unique=True, index=True)
    name_en: str = Field(max_length=120)
    name_fr: str = Field(max_length=120)
    category: str = Field(max_length=16)
    image: str = Field(max_length=200)
    """Path of the product picture under `assets/`."""


class Variant(SQLModel, table=True):
    """One colour and size of a product, with its own price, stock and pre-order date."""

    __table_args__ = (
        sa.UniqueConstraint("product_id", "colour", "size"),
        sa.CheckConstraint("price_cents >= 0", name="variant_price_not_negative"),
        sa.CheckConstraint("stock >= 0", name="variant_stock_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    sku: str = Field(max_length=40, unique=True, index=True)
    colour: str = Field(max_length=40)
    size: str = Field(max_length=8)
    price_cents: int
    stock: int = 0
    preorder_ship_date: date | None = None
    """Set for pre-order items: the date on the product sheet when it ships (rule O3)."""


class Salon(SQLModel, table=True):
    """An Almé store where a return can be dropped off (rule R4)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True)
    name: str = Field(max_length=80)
    address: str = Field(max_length=160)
    postcode: str = Field(max_length=10)
    city: str = Field(max_length=80)
    country: str = Field(max_length=2)
    opening_hours: str = Field(max_length=160)
    accepts_returns: bool = True


class RelayPoint(SQLModel, table=True):
    """A Mondial Relay point, stored as `FR-005680` (country and six-digit number)."""

    __tablename__ = "relay_point"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=12, unique=True, index=True)
    name: str = Field(max_length=80)
    address: str = Field(max_length=160)
    postcode: str = Field(max_length=10, index=True)
    city: str = Field(max_length=80)
    country: str = Field(max_length=2)
    latitude: float
    longitude: float
