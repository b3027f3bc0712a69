"""What "My account" writes: her details and her orders with their parcels and returns."""

from __future__ import annotations

from typing import Any

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day
from alme_portal.platform import clock
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import CARRIER_NAMES, OrderStatus
from alme_portal.returns.rules.returns import return_deadline

RETURNABLE = (OrderStatus.DELIVERED, OrderStatus.PARTIALLY_DISPATCHED)
"""Orders whose delivered items may be returned; the wizard then checks the window (R1)."""


def _window_open(parcels: list[dict[str, Any]]) -> bool:
    """Rule R2: whether an item of a delivered parcel can still be returned today."""
    today = clock.today()
    return any(p["delivered_at"] and return_deadline(p["delivered_at"]) >= today for p in parcels)


def _order_row(order: dict[str, Any], language: str, refunds: list[str]) -> dict[str, Any]:
    text = lambda key, **values: translate(language, key, **values)  # noqa: E731
    count = order["items"]
    items = text("myaccount.order.items.one") if count == 1 else text(
        "myaccount.order.items.many", count=count)  # fmt: skip
    return {
        "number": order["number"],
        "placed": text("myaccount.order.placed", date=format_day(order["placed_at"], language)),
        "status": text(f"order.status.{order['status']}"),
        "summary": f"{items} · {format_cents(order['total_cents'], language)}",
        "guest": text("myaccount.order.guest") if order["as_guest"] else "",
        "parcels": [
            " · ".join(
                filter(
                    None,
                    [
                        text(
                            "myaccount.order.parcel",
                            carrier=CARRIER_NAMES.get(parcel["carrier"], parcel["carrier"]),
                            status=text(f"parcel.status.{parcel['status']}"),
                        ),
                        parcel["tracking_number"],
                    ],
                )
            )
            for parcel in order["parcels"]
        ],  # fmt: skip
        "returns": [
            {
                "number": item["number"],
                "text": text(
                    "myaccount.order.return_line",
                    number=item["number"],
                    status=text(f"returns.status.{item['status']}"),
                ),
            }
            for item in order["returns"]
        ],  # fmt: skip
        "refunds": refunds,
        "can_return": order["status"] in RETURNABLE and _window_open(order["parcels"]),
    }


def build_account(
    data: dict[str, Any], language: str, refunds: dict[int, list[str]] | None = None
) -> dict[str, Any]:
    """The page's texts in `language`.

    Args:
        data: "first_name", "email", "verified" and "orders" (`orders.services.member_orders`).
        language: "en" or "fr".
        refunds: per order id, where each part of its refunds is (`refunds.services.progress`).
    """
    refunds = refunds or {}
    verified = data["verified"]
    return {
        "greeting": translate(language, "myaccount.greeting", name=data["first_name"]),
        "email": data["email"],
        "verified": verified,
        "email_state": translate(
            language, "myaccount.email.confirmed" if verified else "myaccount.email.unconfirmed"
        ),
        "orders": [
            _order_row(order, language, refunds.get(order["id"], [])) for order in data["orders"]
        ],
    }
