"""Rules E2-E7: what kind of exchange a choice is, what it costs, and when it arrives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from alme_portal.platform import settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.money import split_cents
from alme_portal.platform.vocabulary import Resolution


@dataclass(frozen=True)
class ExchangeQuote:
    """What an exchange of one unit costs the customer (all integer cents, never negative).

    Attributes:
        kind: "size_exchange" or "product_exchange".
        to_pay_cents: the supplement she pays for a pricier product (E4).
        to_refund_cents: the difference refunded for a cheaper product (E4).
        shipping_cents: always 0: exchange shipping is free (E6).
    """

    kind: str
    to_pay_cents: int
    to_refund_cents: int
    shipping_cents: int = 0


def exchange_kind(returned: tuple[int, str, str], wanted: tuple[int, str, str]) -> str | None:
    """Rule E2: a size exchange keeps the reference and colour; anything else is a product one.

    Args:
        returned: (product id, colour, size) of the item sent back.
        wanted: (product id, colour, size) of the item wanted instead.

    Returns:
        "size_exchange", "product_exchange", or None when both are the same item.
    """
    if returned == wanted:
        return None
    same_reference = returned[:2] == wanted[:2]
    return Resolution.SIZE_EXCHANGE if same_reference else Resolution.PRODUCT_EXCHANGE


def unit_prices_paid(unit_price_cents: int, line_discount_cents: int, quantity: int) -> list[int]:
    """What each unit of a line really cost, its share of the discount taken off (to the cent).

    The dearest units come first, so returning k units gives back the first k amounts and the
    sum over all units is exactly the line's total.
    """
    shares = split_cents(line_discount_cents, quantity)
    return sorted((unit_price_cents - share for share in shares), reverse=True)


def quote_exchange(kind: str, paid_cents: int, new_price_cents: int) -> ExchangeQuote:
    """Rules E3, E4, E6: the money side of exchanging one unit.

    Args:
        kind: "size_exchange" or "product_exchange".
        paid_cents: what the returned unit cost her (see `unit_prices_paid`).
        new_price_cents: today's price of the wanted item.

    Raises:
        ValueError: an unknown kind or a negative amount.
    """
    if (
        kind not in (Resolution.SIZE_EXCHANGE, Resolution.PRODUCT_EXCHANGE)
        or paid_cents < 0
        or new_price_cents < 0
    ):
        raise ValueError("quote_exchange needs a known kind and amounts in non-negative cents")
    if kind == Resolution.SIZE_EXCHANGE:  # E3: the price paid stands, whichever way the price moved
        return ExchangeQuote(kind, 0, 0)
    difference = new_price_cents - paid_cents
    return ExchangeQuote(kind, max(difference, 0), max(-difference, 0))


def can_exchange_for(stock: int) -> bool:
    """Rule E5: an exchange needs the wanted item in stock; otherwise offer a return instead."""
    return stock > 0


def exchange_arrival_window(dropped_off_on: date) -> tuple[date, date]:
    """Rule E7: when the exchange item should arrive, counted from the return's drop-off."""
    low, high = settings.EXCHANGE_DELIVERY_WORKING_DAYS
    return add_working_days(dropped_off_on, low), add_working_days(dropped_off_on, high)
