"""The shapes of the shop's feed events, checked whole before anything is written.

A value outside its shape refuses the event (`FeedRejected`) with a reason safe to return to
the shop; so does an event naming an order the portal does not know.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session, select

from alme_portal.orders.models.orders import Order
from alme_portal.platform.vocabulary import Carrier, PaymentMethod, ShippingMethod

MAX_LINES = 50
MAX_QUANTITY = 99
MAX_AMOUNT_CENTS = 10_000_000
MAX_STOCK = 1_000_000


class FeedRejected(ValueError):
    """An event that cannot be applied; nothing was written."""


Text = Annotated[str, Field(min_length=1, max_length=80)]
Cents = Annotated[int, Field(ge=0, le=MAX_AMOUNT_CENTS)]
Moment = Annotated[AwareDatetime, Field(strict=False)]
Sku = Annotated[str, Field(min_length=1, max_length=40)]
OrderNumber = Annotated[str, Field(pattern=r"^[A-Z]{2}\d{6}$")]
Email = Annotated[str, Field(min_length=3, max_length=254, pattern=r"^\s*[^@\s]+@[^@\s]+\s*$")]
RelayCode = Annotated[str, Field(pattern=r"^[A-Z]{2}-\d{6}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Destination(_Strict):
    """Name and postal address on the parcel."""

    first_name: Text
    last_name: Text
    address: Annotated[str, Field(min_length=1, max_length=160)]
    postcode: Annotated[str, Field(min_length=1, max_length=12)]
    city: Text
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class LineIn(_Strict):
    """One line of a new order."""

    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=MAX_QUANTITY)]
    unit_price_cents: Cents
    discount_cents: Cents = 0


class PaymentIn(_Strict):
    """One payment method of a new order (rule O10)."""

    method: Literal[tuple(method.value for method in PaymentMethod)]  # type: ignore[valid-type]
    amount_cents: Annotated[int, Field(ge=1, le=MAX_AMOUNT_CENTS)]
    card_brand: Literal["Visa", "Mastercard"] | None = None
    card_last4: Annotated[str, Field(pattern=r"^\d{4}$")] | None = None
    paypal_email: Annotated[str, Field(max_length=254)] | None = None
    gift_card_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    credit_note_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    provider_reference: Annotated[str, Field(pattern=r"^[A-Za-z0-9_]{6,64}$")] | None = None
    """What the provider refunds: a Stripe PaymentIntent, a PayPal capture, an Alma payment."""


class OrderIn(_Strict):
    """The `data` of an "order.created" event (also what `replay_order` takes)."""

    number: OrderNumber
    email: Email
    language: Literal["en", "fr"] = "fr"
    placed_at: Moment
    logged_in: bool = False
    shipping_method: Literal[tuple(method.value for method in ShippingMethod)]  # type: ignore[valid-type]
    destination: Destination
    relay_point_code: RelayCode | None = None
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=MAX_LINES)]
    shipping_cents: Cents = 0
    discount_cents: Cents = 0
    discount_code: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    discount_kind: Literal["coupon", "loyalty_voucher", "referral"] | None = None
    total_cents: Cents
    payments: Annotated[list[PaymentIn], Field(min_length=1, max_length=2)]


class OrderUpdateIn(_Strict):
    """The `data` of an "order.updated" event: contact or destination changes before dispatch."""

    number: OrderNumber
    email: Email | None = None
    language: Literal["en", "fr"] | None = None
    destination: Destination | None = None
    relay_point_code: RelayCode | None = None


class OrderRefIn(_Strict):
    """The `data` of an "order.cancelled" event."""

    number: OrderNumber


class DispatchLineIn(_Strict):
    """Units of one ordered SKU carried by a parcel."""

    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=MAX_QUANTITY)]


class DispatchIn(_Strict):
    """The `data` of an "order.dispatched" event: one parcel leaving the warehouse."""

    number: OrderNumber
    carrier: Literal[tuple(carrier.value for carrier in Carrier)]  # type: ignore[valid-type]
    tracking_number: Annotated[str, Field(pattern=r"^[A-Z0-9]{8,32}$")]
    dispatched_at: Moment
    lines: Annotated[list[DispatchLineIn], Field(min_length=1, max_length=MAX_LINES)]


class StockIn(_Strict):
    """The `data` of a "stock.updated" event: the units of one size now in stock (rule E8)."""

    sku: Sku
    stock: Annotated[int, Field(ge=0, le=MAX_STOCK)]


class EventIn(_Strict):
    """The envelope of every feed event."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
    type: Literal[
        "order.created", "order.updated", "order.dispatched", "order.cancelled", "stock.updated"
    ]
    created_at: Moment
    data: dict[str, Any]


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(piece) for piece in item["loc"]) or "event"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def parse(model: type[BaseModel], data: Any) -> Any:
    """Return `data` read as `model`, or refuse the event with what is wrong (five at most)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise FeedRejected(_describe(error)) from None


def order_named(session: Session, number: str) -> Order:
    """Return the order an event names, or refuse the event."""
    order = session.exec(select(Order).where(Order.number == number)).first()
    if order is None:
        raise FeedRejected(f"unknown order {number}")
    return order
