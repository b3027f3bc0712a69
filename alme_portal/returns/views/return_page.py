"""The words of a return's status page, from `returns.services.status.return_view` (R3, R8-R12)."""

from __future__ import annotations

from typing import Any

from alme_portal.i18n import colour_name, translate
from alme_portal.i18n.dates import format_date
from alme_portal.platform import clock
from alme_portal.platform.money import format_cents
from alme_portal.returns.rules.parcel import WAY, ParcelStage
from alme_portal.returns.services.status import DONE_STATUSES, STEPS

NOT_EMAILED = {"returns.money.credit_note": "returns.money.credit_note_on_page"}
"""Rule C2: what the page says instead of an e-mail her address does not receive."""


def build_return_page(view: dict[str, Any], language: str) -> dict[str, Any]:
    """Everything the status page writes, in `language`."""

    def text(key: str, **params: Any) -> str:
        return translate(language, key, **params)

    done_label = (
        text(f"returns.status.{view['status']}")
        if view["status"] in DONE_STATUSES
        else text("returns.status.done")
    )
    steps = [
        {
            "label": done_label if name == "done" else text(f"returns.status.{name}"),
            "state": "done" if index < view["step"] else "current" if index == view["step"] else "",
        }
        for index, name in enumerate(STEPS)
    ]
    lines = [_line(line, language) for line in view["lines"]]
    keys = [line["money_key"] for line in view["lines"]]
    if view["email_undeliverable"]:  # C2: no e-mail reaches her, the page gives the code
        keys = [NOT_EMAILED.get(key, key) for key in keys]
    timing = dict.fromkeys(text(key) for key in keys)
    money = view["settled"] if view["status"] in DONE_STATUSES else list(timing)
    expires = view["label_expires_on"]
    return {
        "number": view["number"],
        "title": text("returns.status.title", number=view["number"]),
        "order": text("returns.status.order", number=view["order_number"]),
        "steps": steps,
        "lines": lines,
        "money": money,
        "place_title": text(f"returns.method.{view['method']}", cap="")
        if view["method"] != "self_ship"
        else text("returns.status.place"),
        "place": view["place"],
        "label_note": text("returns.label_until", date=format_date(expires, language))
        if expires
        else "",
        "label_available": view["label_available"],
        "parcel_steps": _parcel_steps(view["parcel_progress"], language),
        "parcel_problem": text("returns.parcel.problem")
        if view["parcel_progress"] and ParcelStage.PROBLEM in view["parcel_progress"]
        else "",
        "label_pending": view["label_pending"],
        "paperless": view["paperless"],
        "parcel": text("returns.status.parcel", number=view["parcel_reference"])
        if view["method"] == "mondial_relay" and view["parcel_reference"]
        else "",
        "received": view["received"],
        "email_undeliverable": view["email_undeliverable"],
        "refund_parts": view["refund_parts"],
        "shoes_note": text("returns.shoes.packing")
        if view["shoes"] and not view["received"]
        else "",
    }


def _parcel_steps(progress: dict | None, language: str) -> list[dict[str, str]]:
    """R3: the prepaid parcel's way back, each stage dated once the carrier scanned it."""
    if not progress:
        return []
    return [
        {
            "label": translate(language, f"returns.parcel.{stage}"),
            "date": format_date(clock.in_paris(progress[stage]).date(), language)
            if stage in progress
            else "",
            "state": "done" if stage in progress else "",
        }
        for stage in WAY
    ]


def _line(line: dict[str, Any], language: str) -> dict[str, str]:
    def text(key: str, **params: Any) -> str:
        return translate(language, key, **params)

    if line["resolution"] == "refund":
        outcome = text(f"returns.refund.{line['refund_method']}")
    else:
        outcome = text(f"returns.outcome.{line['resolution']}", item=line["exchange_for"])
        if line["to_pay_cents"]:
            outcome += " — " + text(
                "returns.diff.pay", amount=format_cents(line["to_pay_cents"], language)
            )
        elif line["to_refund_cents"]:
            amount = format_cents(line["to_refund_cents"], language)
            outcome += " — " + text("returns.diff.refund", amount=amount)
    return {
        "name": line["name"],
        "image": line["image"],
        "details": f"{colour_name(line['colour'], language)} · "
        f"{text('order.size', size=line['size'])}"
        f" · {text('order.quantity', quantity=line['quantity'])}",
        "reason": text(f"returns.reason.{line['reason']}"),
        "outcome": outcome,
    }
