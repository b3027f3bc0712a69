"""Rules O3, O4, O5, O7 and O9: when an order ships, when it arrives, what abroad costs.

Every delay counts French working days in Paris time (`rules.calendar`).

Chronopost choice (O4): the FAQ promises delivery "within 48 h if the order is placed before
2 pm" and says nothing about later orders. The portal reads that an order placed at or after
the cut-off hour (Paris time, any day) misses that day's Chronopost collection, so its window
of `CHRONOPOST_DELIVERY_WORKING_DAYS` starts one working day later.
"""

from __future__ import annotations

from datetime import date, datetime

from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days, working_days_between
from alme_portal.platform.vocabulary import ShippingMethod

_HOURS_PER_DAY = 24


def _delivery_working_days(method: ShippingMethod) -> tuple[int, int]:
    # Read at call time so that a changed setting applies without re-importing.
    return {
        ShippingMethod.COLISSIMO: settings.COLISSIMO_DELIVERY_WORKING_DAYS,
        ShippingMethod.MONDIAL_RELAY: settings.MONDIAL_RELAY_DELIVERY_WORKING_DAYS,
        ShippingMethod.CHRONOPOST: settings.CHRONOPOST_DELIVERY_WORKING_DAYS,
    }[method]


def placed_before_chronopost_cutoff(placed_at: datetime) -> bool:
    """Rule O4: whether an order was placed before the Chronopost cut-off hour, Paris time."""
    return clock.in_paris(placed_at).hour < settings.CHRONOPOST_CUTOFF_HOUR


def delivery_window(method: str, dispatched_at: datetime, placed_at: datetime) -> tuple[date, date]:
    """Rule O4: the first and last day a parcel is expected, counted from its dispatch.

    Args:
        method: a `ShippingMethod` value ("colissimo", "mondial_relay" or "chronopost").
        dispatched_at: when the parcel left the warehouse.
        placed_at: when the order was placed (only Chronopost looks at it).

    Returns:
        The earliest and latest expected delivery dates, both working days.

    Raises:
        ValueError: `method` is not a shipping method.
    """
    shipping = ShippingMethod(method)
    earliest, latest = _delivery_working_days(shipping)
    if shipping is ShippingMethod.CHRONOPOST and not placed_before_chronopost_cutoff(placed_at):
        earliest, latest = earliest + 1, latest + 1
    dispatch_day = clock.in_paris(dispatched_at).date()
    return add_working_days(dispatch_day, earliest), add_working_days(dispatch_day, latest)


def expected_dispatch_date(placed_at: datetime, preorder_ship_date: date | None) -> date:
    """Rule O3: the day a shipment is expected to leave the warehouse.

    In-stock items ship within `DISPATCH_WITHIN_WORKING_HOURS` working hours, read as whole
    working days after the order's Paris date (24 hours: the next working day). Pre-order
    items ship on the date of their product sheet; a pre-order date already behind that point
    no longer holds the item back.

    Args:
        placed_at: when the order was placed.
        preorder_ship_date: the product sheet's shipping date, or None for in-stock items.
    """
    dispatch_days = -(-settings.DISPATCH_WITHIN_WORKING_HOURS // _HOURS_PER_DAY)  # round up
    in_stock_day = add_working_days(clock.in_paris(placed_at).date(), dispatch_days)
    if preorder_ship_date is None:
        return in_stock_day
    return max(preorder_ship_date, in_stock_day)


def tracking_is_silent(last_event_at: datetime, today: date) -> bool:
    """Rule O7: whether a parcel's tracking has stopped long enough to send her to the carrier.

    Args:
        last_event_at: the carrier's latest scan (or the dispatch when it has none yet).
        today: the Paris date to judge on; the working days after the scan's Paris date, up to
            and including `today`, are counted.
    """
    quiet = working_days_between(clock.in_paris(last_event_at).date(), today)
    return quiet >= settings.TRACKING_SILENT_AFTER_WORKING_DAYS


def _country(code: str) -> str:
    return code.strip().upper()


def customs_may_apply(country_code: str) -> bool:
    """Rule O5: whether a delivery to this country (ISO alpha-2) may owe customs fees."""
    return _country(country_code) not in settings.EU_COUNTRIES


def mondial_relay_serves(country_code: str) -> bool:
    """Rule O4 (and R5): whether Mondial Relay delivers to and collects from this country."""
    return _country(country_code) in settings.MONDIAL_RELAY_COUNTRIES


def chronopost_serves(country_code: str) -> bool:
    """Rule O4: whether Chronopost home delivery is offered in this country."""
    return _country(country_code) in settings.CHRONOPOST_COUNTRIES


def o9_refund_deadline(received_at: datetime | date) -> date:
    """Rule O9: the last day to refund a parcel that came back to the Atelier.

    Args:
        received_at: when the Atelier received the parcel (a datetime is read in Paris time).
    """
    if isinstance(received_at, datetime):
        received_at = clock.in_paris(received_at).date()
    return add_working_days(received_at, settings.O9_REFUND_WORKING_DAYS)
