"""Shipment notifications: which news about a parcel is worth an e-mail (O4, O7, O9).

What parcelLab and AfterShip are bought for: the customer hears from the brand when her parcel
is about to arrive, waits at a relay point, runs late, goes quiet or turns back, before she has
to ask. Each news is e-mailed at most once per parcel.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from alme_portal.orders.rules.delivery import tracking_is_silent


class ParcelNews(StrEnum):
    """A parcel's state that the customer is told about by e-mail."""

    OUT_FOR_DELIVERY = "out_for_delivery"
    AT_RELAY = "at_relay"
    LATE = "late"
    SILENT = "silent"
    RETURNED = "returned"


RETURNING = ("returning_to_sender", "returned_to_sender")
FINISHED = ("delivered", "returned_to_sender")
"""Carrier statuses after which a parcel is no longer followed."""


def parcel_news(
    status: str, last_event_at: datetime | None, window_end: date, today: date
) -> ParcelNews | None:
    """The news about a parcel today, or None when there is nothing to tell.

    Args:
        status: the carrier's status in the portal's words (`TrackingStatus` values).
        last_event_at: the carrier's latest scan, else the dispatch.
        window_end: the last day of the O4 delivery window.
        today: the Paris date to judge on.

    Returns:
        The first that holds of: turned back to the sender (O9), waiting at a relay point, out
        for delivery, late past its window (O4), silent (O7).
    """
    if status in RETURNING:
        return ParcelNews.RETURNED
    if status == "available_for_pickup":
        return ParcelNews.AT_RELAY
    if status == "out_for_delivery":
        return ParcelNews.OUT_FOR_DELIVERY
    if status == "delivered":
        return None
    if today > window_end:
        return ParcelNews.LATE
    if last_event_at is not None and tracking_is_silent(last_event_at, today):
        return ParcelNews.SILENT
    return None
