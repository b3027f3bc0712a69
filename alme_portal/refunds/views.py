"""What the Atelier console writes, from `refunds.services.staff_console`, in one language."""

from __future__ import annotations

from typing import Any

from alme_portal.adapters.payments.providers import PROVIDER_NAMES
from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day, format_moment
from alme_portal.platform.money import format_cents
from alme_portal.refunds.services.texts import payment_name

METHOD_NAMES = {"mondial_relay": "Mondial Relay", "store": "Salon", "self_ship": "Self-shipped"}


def build_queue(rows: list[dict[str, Any]], language: str) -> list[dict[str, str]]:
    """One line per return of the tab: its number, its order, what and how it comes."""
    return [
        {
            "number": row["number"],
            "order": row["order"],
            "status": translate(language, f"returns.status.{row['status']}"),
            "summary": translate(
                language,
                "staff.queue.items",
                count=row["items"],
                method=METHOD_NAMES.get(row["method"], row["method"]),
                date=format_day(row["declared_at"], language),
            ),
            "parcel": _parcel(row, language),
        }
        for row in rows
    ]


def _parcel(row: dict[str, Any], language: str) -> str:
    """R3: where a prepaid return is on its way, or why its label is not booked yet."""
    if row.get("label_trouble"):
        attempts, error = row["label_trouble"]
        key = "staff.queue.label_failing" if attempts else "staff.queue.label_pending"
        return translate(language, key, attempts=attempts, error=error)
    if not row.get("parcel_reference") or row["method"] != "mondial_relay":
        return ""
    stage = row.get("parcel_stage") or "booked"
    at = row.get("parcel_stage_at")
    return translate(
        language, "staff.queue.parcel", number=row["parcel_reference"],
        stage=translate(language, f"returns.parcel.{stage}"),
        date=format_day(at, language) if at else "",
    ).rstrip(" ·")  # fmt: skip


def _line(line: dict[str, Any], language: str) -> dict[str, Any]:
    text = lambda key, **values: translate(language, key, **values)  # noqa: E731
    found = [text(f"ground.{g}") for g in line["found"].split(",") if g]
    verdict = ""
    if line["outcome"] == "accepted":
        verdict = text("staff.line.accepted")
    elif line["outcome"] == "refused":
        verdict = text("staff.line.refused", grounds=", ".join(found))
    return {
        "id": str(line["id"]),
        "title": f"{line['name']} · {line['size']} × {line['quantity']}",
        "reason": text("staff.line.reason", reason=text(f"returns.reason.{line['reason']}")),
        "resolution": text(f"returns.resolution.{line['resolution']}"),
        "grounds": [{"key": g, "label": text(f"ground.{g}")} for g in line["grounds"]],
        "verdict": verdict,
        "defect": text("staff.line.defect") if line["supplier_defect"] else "",
    }


def build_detail(detail: dict[str, Any], language: str) -> dict[str, Any]:
    """The opened return: its lines to inspect, what it gave back, and who did what."""
    items = {str(line["id"]): f"{line['name']} · {line['size']}" for line in detail["lines"]}
    return {
        "number": detail["number"],
        "order": translate(language, "staff.detail.order", number=detail["order"]),
        "status": translate(language, f"returns.status.{detail['status']}"),
        "to_inspect": detail["status"] == "received",
        "lines": [_line(line, language) for line in detail["lines"]],
        "outcome": detail["outcome"],
        "refunds": [_refund(row, language) for row in detail.get("refunds", [])],
        "log": [
            f"{format_moment(at, language)} · {name} · {_action(action, extra, language, items)}"
            for at, name, action, extra in detail["log"]
        ],
    }


CONSOLE_ACTIONS = ("received", "accepted", "refused", "settled")


def _action(action: str, detail: str, language: str, items: dict[str, str]) -> str:
    """A log entry's action and detail in words (never the raw codes, issue 19.8)."""
    text = lambda key, **values: translate(language, key, **values)  # noqa: E731
    if action.startswith("refund."):
        state = text(f"staff.refund.state.{action.removeprefix('refund.')}")
        return f"{text('staff.refund.log')} {state} {detail}".strip()
    if action not in CONSOLE_ACTIONS:
        return f"{action} {detail}".strip()
    if action == "settled":
        return text("staff.log.settled", status=text(f"returns.status.{detail}"))
    if action == "received":
        postage = detail.removeprefix("postage ")
        if postage.isdigit():
            return text("staff.log.received_postage", amount=format_cents(int(postage), language))
        return text("staff.log.received")
    line, _, grounds = detail.removeprefix("line ").partition(" ")
    found = ", ".join(text(f"ground.{g}") for g in grounds.split(",") if g)
    return text(f"staff.log.{action}", item=items.get(line, line), grounds=found)


def _refund(row: dict[str, Any], language: str) -> dict[str, Any]:
    """One provider refund of the return, and whether staff must decide (failed)."""
    return {
        "id": str(row["id"]),
        "text": translate(
            language, "staff.refund.row",
            provider=PROVIDER_NAMES.get(row["provider"], row["provider"]),
            method=payment_name(row["payment"], language),
            amount=format_cents(row["amount_cents"], language),
            state=translate(language, f"staff.refund.state.{row['state']}"),
        ),
        "error": row["error"],
        "failed": row["state"] == "failed",
    }  # fmt: skip
