"""The return wizard's words and draft, built from `returns.services.options` (R1, R2, E2-E5).

Plain functions of the options and the customer's choices, so that the state stays thin and
everything the wizard says can be tested without a browser.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from alme_portal.i18n import colour_name, translate
from alme_portal.i18n.dates import format_date
from alme_portal.loyalty import rules as loyalty
from alme_portal.platform.inputs import whole_number
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import Resolution
from alme_portal.returns.rules import returns
from alme_portal.returns.rules.exchange import exchange_kind, quote_exchange

STEPS = ("find", "items", "resolve", "details", "method", "review", "done")
PROGRESS = ("items", "resolve", "details", "method", "review")
"""The steps the progress indicator counts."""
SENDER_FIELDS = ("first_name", "last_name", "address", "postcode", "city")
"""The sender's details every label prints (all required)."""
SENDER_PHONE = "phone"
"""Asked with them; required only by the carrier of a prepaid label (R3)."""


def line_details(line: dict[str, Any], language: str) -> str:
    """``Ecru · Size M`` for a line."""
    colour = colour_name(line["colour"], language)
    return f"{colour} · {translate(language, 'order.size', size=line['size'])}"


def item_rows(options: dict, quantities: dict[str, int], language: str) -> list[dict[str, Any]]:
    """Rule R2: each line with how many may be returned, or why not, in plain words."""
    rows = []
    for line in options["lines"]:
        refusal = ""
        if line["refusal"]:
            deadline = format_date(line["deadline"], language) if line["deadline"] else ""
            refusal = translate(language, line["refusal"], date=deadline)
        rows.append(
            {
                "id": str(line["id"]),
                "name": line["name"],
                "image": line["image"],
                "details": line_details(line, language),
                "refusal": refusal,
                "until": translate(
                    language, "returns.until", date=format_date(line["deadline"], language)
                )
                if line["returnable"]
                else "",
                "quantities": [str(n) for n in range(0, line["returnable"] + 1)],
                "chosen": str(quantities.get(str(line["id"]), 0)),
            }
        )
    return rows


def chosen_lines(options: dict, quantities: dict[str, int]) -> list[dict[str, Any]]:
    """The lines she chose, in order, with a quantity she may still return."""
    return [
        line
        for line in options["lines"]
        if 0 < quantities.get(str(line["id"]), 0) <= line["returnable"]
    ]


def reason_choices(language: str) -> list[dict[str, str]]:
    """Rule R7: every reason, defects first."""
    return [
        {"value": reason, "label": translate(language, f"returns.reason.{reason}")}
        for reason in returns.REASONS
    ]


def size_choices(line: dict[str, Any], language: str) -> list[dict[str, str]]:
    """Rule E3: the other sizes of the same item, out-of-stock ones marked (E5)."""
    return [
        {
            "value": str(size["variant_id"]),
            "label": size["size"]
            if size["in_stock"]
            else translate(language, "returns.size_out", size=size["size"]),
            "in_stock": "yes" if size["in_stock"] else "",
        }
        for size in line["sizes"]
    ]


def product_choices(products: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rule E2: one entry per product one can exchange for."""
    seen: dict[int, str] = {}
    for item in products:
        seen.setdefault(item["product_id"], item["name"])
    return [{"value": str(pid), "label": name} for pid, name in seen.items()]


def colour_choices(
    products: list[dict[str, Any]], product_id: str, language: str
) -> list[dict[str, str]]:
    """The colours of one product, named in her language."""
    colours = dict.fromkeys(
        item["colour"] for item in products if str(item["product_id"]) == product_id
    )
    return [{"value": colour, "label": colour_name(colour, language)} for colour in colours]


def variant_choices(
    products: list[dict[str, Any]], product_id: str, colour: str, language: str
) -> list[dict[str, str]]:
    """The sizes of one product and colour with their price; out-of-stock ones marked (E5)."""
    choices = []
    for item in products:
        if str(item["product_id"]) != product_id or item["colour"] != colour:
            continue
        price = format_cents(item["price_cents"], language)
        key = "returns.variant" if item["in_stock"] else "returns.variant_out"
        label = translate(language, key, size=item["size"], price=price)
        stock = "yes" if item["in_stock"] else ""
        choices.append({"value": str(item["variant_id"]), "label": label, "in_stock": stock})
    return choices


def find_variant(products: list[dict[str, Any]], variant_id: str) -> dict[str, Any] | None:
    """The exchange product entry for a variant id as the page sends it."""
    return next((item for item in products if str(item["variant_id"]) == variant_id), None)


def exchange_check(
    line: dict[str, Any], quantity: int, wanted: dict[str, Any] | None, resolution: str
) -> str | None:
    """The catalogue key of what is wrong with an exchange choice, or None (E2, E5)."""
    if wanted is None:
        return "returns.invalid.pick_exchange"
    kind = exchange_kind(
        (line["product_id"], line["colour"], line["size"]),
        (wanted["product_id"], wanted["colour"], wanted["size"]),
    )
    if kind != resolution:
        return "returns.invalid.exchange"
    if not wanted["in_stock"]:
        return "returns.invalid.out_of_stock"
    return None


def price_difference_text(
    line: dict[str, Any], quantity: int, wanted: dict[str, Any] | None, language: str
) -> str:
    """Rule E4: what a product exchange costs or gives back, in words."""
    if wanted is None:
        return ""
    paid = line["unit_prices_paid"][:quantity]
    new_price = wanted["price_cents"]
    quotes = [quote_exchange(Resolution.PRODUCT_EXCHANGE, price, new_price) for price in paid]
    to_pay = sum(quote.to_pay_cents for quote in quotes)
    to_refund = sum(quote.to_refund_cents for quote in quotes)
    if to_pay:
        return translate(language, "returns.diff.pay", amount=format_cents(to_pay, language))
    if to_refund:
        return translate(language, "returns.diff.refund", amount=format_cents(to_refund, language))
    return translate(language, "returns.diff.none")


def build_draft(
    options: dict,
    quantities: dict[str, int],
    choices: dict[str, dict[str, str]],
    place: dict[str, str],
    sender: dict[str, str],
    snapshot: dict[str, int],
) -> dict[str, Any]:
    """The draft `returns.services.declaration.declare_return` checks and stores."""
    lines = []
    for line in chosen_lines(options, quantities):
        choice = choices.get(str(line["id"]), {})
        resolution = choice.get("resolution", "")
        variant = choice.get("variant_id", "")
        refund = resolution == Resolution.REFUND
        lines.append(
            {
                "order_line_id": line["id"],
                "quantity": quantities[str(line["id"])],
                "reason": choice.get("reason", ""),
                "resolution": resolution,
                "refund_method": choice.get("refund_method") if refund else None,
                "exchange_variant_id": None if refund else whole_number(variant),
            }
        )
    return {
        "lines": lines,
        "method": place.get("method", ""),
        "relay_point_code": place.get("relay_point_code") or None,
        "salon_code": place.get("salon_code") or None,
        "paperless": place.get("paperless") is True,
        "sender": {name: sender.get(name, "") for name in (*SENDER_FIELDS, SENDER_PHONE)},
        "returned_when_drafted": snapshot,
    }


def review_rows(
    options: dict,
    products: list[dict[str, Any]],
    quantities: dict[str, int],
    choices: dict[str, dict[str, str]],
    language: str,
) -> list[dict[str, str]]:
    """Each chosen item with what she asked for it, for "Confirm my return"."""
    rows = []
    for line in chosen_lines(options, quantities):
        choice = choices.get(str(line["id"]), {})
        resolution = choice.get("resolution", "")
        quantity = quantities[str(line["id"])]
        if resolution == Resolution.REFUND:
            outcome = translate(language, f"returns.refund.{choice.get('refund_method', '')}")
            back = format_cents(sum(line["unit_prices_paid"][:quantity]), language)
            outcome += " — " + translate(language, "returns.review.refund_amount", amount=back)
        else:
            wanted = find_variant(products, choice.get("variant_id", ""))
            colour = colour_name(wanted["colour"], language) if wanted else ""
            label = f"{wanted['name']} · {colour} · {wanted['size']}" if wanted else ""
            outcome = translate(language, f"returns.outcome.{resolution}", item=label)
            if resolution == Resolution.PRODUCT_EXCHANGE:
                outcome += f" — {price_difference_text(line, quantity, wanted, language)}"
        rows.append(
            {
                "name": line["name"],
                "image": line["image"],
                "details": f"{line_details(line, language)} · "
                + translate(language, "order.quantity", quantity=quantity),
                "reason": translate(language, f"returns.reason.{choice.get('reason', '')}"),
                "outcome": outcome,
            }
        )
    return rows


def format_distance(metres: int, language: str) -> str:
    """How far a relay point is: "850 m", "3.2 km" / "3,2 km"."""
    if metres < 1000:
        return f"{metres} m"
    kilometres = f"{metres / 1000:.1f}"
    return f"{kilometres.replace('.', ',') if language == 'fr' else kilometres} km"


def loves_note(
    preview: dict | None, options: dict, quantities: dict[str, int], choices: dict,
    language: str, today: date,
) -> str:  # fmt: skip
    """★ Rule L4 before she confirms: the pending loves the draft's refunds would cancel."""
    refund = sum(
        sum(line["unit_prices_paid"][: quantities[str(line["id"])]])
        for line in chosen_lines(options, quantities)
        if choices.get(str(line["id"]), {}).get("resolution") == Resolution.REFUND
    )
    return loves_note_for(preview, refund, language, today)


def loves_note_for(preview: dict | None, refund_cents: int, language: str, today: date) -> str:
    """★ Rule L4: what refunding `refund_cents` more of the order does to her pending loves.

    Args:
        preview: `loyalty.services.take_back.return_preview` of the order (None: it earned no
            loves, nothing is said).
        refund_cents: what the return would refund.
        language: "en" or "fr".
        today: the day the refund would be recorded at the earliest.
    """
    if preview is None:
        return ""
    purchase = loyalty.Entry(preview["kind"], preview["loves"], preview["recorded_on"],
                             preview["available_on"], preview["reference"])  # fmt: skip
    entry = loyalty.return_entry(
        purchase, preview["paid_cents"], preview["refunded_cents"] + refund_cents, today,
        preview["taken_before"],
    )  # fmt: skip
    if entry is None:
        return translate(language, "returns.loves.unchanged")
    return translate(language, "returns.loves.taken", loves=-entry.loves,
                     date=format_date(preview["available_on"], language))  # fmt: skip
