"""The order page's content: lines, totals, one card per parcel and the right guidance."""

from __future__ import annotations

from datetime import date
from typing import Any

from alme_portal.adapters.carriers.laposte import public_tracking_url
from alme_portal.adapters.carriers.statuses import TrackingResult
from alme_portal.i18n import colour_name, translate
from alme_portal.i18n.dates import format_date, format_moment, format_time
from alme_portal.orders.rules import delivery
from alme_portal.orders.views.carrier_events import event_text
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import CARRIER_NAMES
from alme_portal.returns.rules.returns import return_deadline

IN_FLIGHT = ("dispatched", "in_transit", "out_for_delivery", "label_created", "exception")


def build_order_page(
    order: dict[str, Any], tracking: dict[int, TrackingResult | None], language: str
) -> dict[str, Any]:
    """Everything the order page writes, in `language`.

    Args:
        order: the dict of `orders.services.lookup.order_view`.
        tracking: the carrier's answer per shipment id (None when there is none).
        language: "en" or "fr".
    """

    def text(key: str, **params: Any) -> str:
        return translate(language, key, **params)

    def money(cents: int) -> str:
        return format_cents(cents, language)

    shipments = order["shipments"]
    parcels = [
        _parcel(order, shipment, tracking.get(shipment["id"]), index, len(shipments), language)
        for index, shipment in enumerate(shipments, start=1)
    ]
    totals = order["totals"]
    notices = []
    if order["status"] == "cancelled":  # rule O2
        notices.append(
            text("guide.cancelled", email=settings.CONTACT_EMAIL, phone=settings.CONTACT_PHONE)
        )
    if order["customs_may_apply"] and order["status"] != "cancelled":  # rule O5
        notices.append(text("guide.customs"))
    if order["status"] != "cancelled" and any(p["status"] == "planned" for p in shipments):
        notices.append(text("guide.dispatch_email", email=order["email_masked"]))  # rule O6
    notices += order.get("parcel_refund", [])  # rule O9, once refunded
    for kind, at in order.get("pending_requests", []):  # rule O1: sent, not answered yet
        notices.append(text(f"change.pending.{kind}", date=format_moment(at, language)))
    destination = order["destination"]
    relay = destination["relay_point"]
    return {
        "number": order["number"],
        "title": text("order.title", number=order["number"]),
        "placed": text("order.placed", date=format_date(order["placed_at"], language)),
        "status": text(f"order.status.{order['status']}"),
        "lines": [
            {
                "name": line["product_name"],
                "image": line["image"],
                "details": f"{colour_name(line['colour'], language)} · "
                f"{text('order.size', size=line['size'])}"
                f" · {text('order.quantity', quantity=line['quantity'])}",
                "price": money(line["line_total_cents"]),
            }
            for line in order["lines"]
        ],
        "totals": [
            {"label": text("order.subtotal"), "amount": money(totals["subtotal_cents"])},
            {"label": text("order.shipping"), "amount": money(totals["shipping_cents"])},
            *(
                [{"label": text("order.discount"), "amount": money(-totals["discount_cents"])}]
                if totals["discount_cents"]
                else []
            ),
            {"label": text("order.total"), "amount": money(totals["total_cents"])},
        ],
        "payments": [_payment_text(payment, language) for payment in order["payments"]],
        "destination_title": text("order.relay") if relay else text("order.delivery"),
        "destination": _destination_lines(destination),
        "notices": notices,
        "email_undeliverable": order["email_undeliverable"],
        "parcels": parcels,
    }


def _destination_lines(destination: dict[str, Any]) -> list[str]:
    relay = destination["relay_point"]
    name = f"{destination['first_name']} {destination['last_name']}"
    if relay:
        return [name, relay["name"], relay["address"], f"{relay['postcode']} {relay['city']}"]
    place = f"{destination['postcode']} {destination['city']}"
    return [name, destination["address"], place, destination["country"]]


def _payment_text(payment: dict[str, Any], language: str) -> str:
    method = translate(language, f"payment.{payment['method']}")
    masked = payment.get("masked")
    amount = format_cents(payment["amount_cents"], language)
    return f"{method}{f' {masked}' if masked else ''} · {amount}"


def _parcel(order, shipment, result: TrackingResult | None, index, count, language) -> dict:
    def text(key: str, **params: Any) -> str:
        return translate(language, key, **params)

    status = result.status.value if result is not None else shipment["status"]
    if shipment["status"] in ("planned", "returned_to_sender", "delivered", "ready_for_pickup"):
        status = shipment["status"] if result is None or status == "unknown" else status
    guidance, headline, estimate = [], "", ""
    relay = shipment["relay_point"] or order["destination"]["relay_point"]
    events = list(result.events) if result else []
    if shipment["status"] == "planned":
        planned = shipment["planned_ship_date"]
        preorder = any(line.get("preorder_ship_date") for line in shipment["lines"])
        headline = (
            text("order.planned" if preorder else "order.ships_on",
                 date=format_date(planned, language))
            if planned and planned > clock.today()
            else text("order.not_dispatched")
        )  # fmt: skip
    elif status == "delivered":
        delivered = (result.delivered_at if result else None) or shipment["delivered_at"]
        if delivered:
            headline = text("order.delivered_on", date=format_date(delivered, language))
        guidance.append(text("guide.not_received"))  # rule O8
    elif status in ("returned_to_sender", "returning_to_sender"):
        back = shipment["returned_to_sender_at"] or clock.now()
        deadline = delivery.o9_refund_deadline(back)  # rule O9
        guidance.append(text("guide.returned", date=format_date(deadline, language)))
    elif status in ("available_for_pickup", "ready_for_pickup") and relay:
        ready = shipment["ready_for_pickup_at"] or (events[0].at if events else clock.now())
        until = add_working_days(
            clock.in_paris(ready).date(), settings.RELAY_PICKUP_HOLD_WORKING_DAYS
        )
        headline = text(
            "order.waiting_relay", relay=relay["name"], date=format_date(until, language)
        )
    elif shipment["dispatched_at"]:
        start, end = delivery.delivery_window(  # rule O4
            order["destination"]["shipping_method"], shipment["dispatched_at"], order["placed_at"]
        )
        headline = text(
            "order.expected", start=format_date(start, language), end=format_date(end, language)
        )
        estimate = _estimate(result, CARRIER_NAMES.get(shipment["carrier"], ""), language)
        if _is_silent(shipment, events):
            guidance.append(text("guide.silent"))  # rule O7
    number = shipment["tracking_number"]
    postcode = relay["postcode"] if relay else order["destination"]["postcode"]
    return {
        "id": shipment["id"],
        "title": text("order.parcel", index=index, count=count),
        "carrier": CARRIER_NAMES.get(shipment["carrier"], shipment["carrier"]),
        "status": text(f"parcel.status.{status}"),
        "status_code": status,
        "tracking_number": number or "",
        "tracking_url": public_tracking_url(shipment["carrier"], number, postcode)
        if number
        else "",
        "headline": headline,
        "estimate": estimate,
        "guidance": guidance,
        "carrier_note": _carrier_note(number, result, language),
        "contents": [
            f"{line['product_name']} · {line['size']} × {line['quantity']}"
            for line in shipment["lines"]
        ],
        "events": [
            {
                "when": format_moment(event.at, language),
                "label": event_text(event, language, shipment["carrier"]),
            }
            for event in events
        ],
    }


def _estimate(result: TrackingResult | None, carrier: str, language: str) -> str:
    """Rule O4: La Poste's estimated delivery, a day or a window on it, unless it is past."""
    start = result.estimated_from if result else None
    if start is None or clock.in_paris(start).date() < clock.today():
        return ""
    day = format_date(start, language)
    if result.estimated_until is None:
        return translate(language, "order.estimate_day", carrier=carrier, date=day)
    return translate(
        language, "order.estimate_window", carrier=carrier, date=day,
        start=format_time(start, language), end=format_time(result.estimated_until, language),
    )  # fmt: skip


def _carrier_note(number: str | None, result: TrackingResult | None, language: str) -> str:
    """What to say when the carrier did not answer: last known events, or none at all."""
    if result is not None and result.source == "stale":
        return translate(language, "order.stale")
    if number and result is None:
        return translate(language, "order.unavailable")
    return ""


def _is_silent(shipment: dict[str, Any], events: list) -> bool:
    last = events[0].at if events else shipment["dispatched_at"]
    return last is not None and delivery.tracking_is_silent(last, clock.today())


def after_dispatch(order: dict[str, Any], language: str, today: date) -> tuple[str, bool]:
    """Once the order can no longer change (O1): what she can still do, and whether to return.

    Returns:
        Her options in words and whether the return wizard is open for it (R2, O9); ("", False)
        while the order can still change, or once it is cancelled.
    """
    if order["status"] == "cancelled" or order["can_request_change"]:
        return "", False
    if order["status"] == "returned_to_sender":
        return translate(language, "change.after.returned"), False
    delivered = [s["delivered_at"] for s in order["shipments"] if s["delivered_at"]]
    if not delivered:
        return translate(language, "change.refused.dispatched"), False
    deadline = max(return_deadline(moment) for moment in delivered)
    if today > deadline:
        day = format_date(deadline, language)
        return translate(language, "change.after.window_closed", date=day), False
    return translate(language, "change.after.delivered"), True
