"""What the Almé Lovers dashboard writes (L11), built from `services.loyalty.dashboard`."""

from __future__ import annotations

from datetime import date
from typing import Any

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.rules.money import format_cents


def _loves(count: int, language: str) -> str:
    number = f"{count:,}".replace(",", "\u202f" if language == "fr" else ",")
    return translate(language, "loyalty.loves", count=number)


def build_dashboard(data: dict[str, Any], first_name: str, language: str, today: date) -> dict:
    """The dashboard's texts and rows in one language.

    Args:
        data: `services.loyalty.dashboard` for the member.
        first_name: the member's first name, for the greeting.
        language: "en" or "fr".
        today: the day the page is shown (for expired vouchers).
    """
    text = lambda key, **values: translate(language, key, **values)  # noqa: E731
    tiers = data["tiers"]
    current = [name for name, _ in tiers].index(data["tier"])
    following = data["next_tier"]
    if following is None:
        progress, missing = 100, text("loyalty.tier.top")
    else:
        floor = tiers[current][1] if current < len(tiers) else 0
        target = dict(tiers)[following[0]]
        progress = round(100 * (data["spend_cents"] - floor) / max(1, target - floor))
        missing = text("loyalty.tier.missing", amount=format_cents(following[1], language),
                       tier=text(f"loyalty.tier.{following[0]}"))  # fmt: skip
    kept = data["tier_kept_until"]
    return {
        "greeting": text("loyalty.greeting", name=first_name),
        "balance": _loves(data["available"], language),
        "pending": [
            {
                "loves": _loves(loves, language),
                "until": text("loyalty.pending.until", date=format_date(day, language)),
            }
            for day, loves in data["pending"]
        ],  # fmt: skip
        "tier": text(f"loyalty.tier.{data['tier']}"),
        "tiers": [
            {
                "name": text(f"loyalty.tier.{name}"),
                "current": "yes" if name == data["tier"] else "",
                "floor": text("loyalty.tier.from", amount=format_cents(floor, language))
                if floor
                else text("loyalty.tier.joined"),
                "benefit": text(f"loyalty.tier.{name}.benefit"),
            }
            for name, floor in tiers
        ],  # fmt: skip
        "progress": max(0, min(100, progress)),
        "missing": missing,
        "spend": text("loyalty.spend", amount=format_cents(data["spend_cents"], language)),
        "kept_until": text("loyalty.tier.kept", date=format_date(kept, language)) if kept else "",
        "missions": [
            {
                "key": key,
                "name": text(f"loyalty.mission.{key}"),
                "loves": _loves(loves, language),
                "done": "yes" if done else "",
            }
            for key, loves, done in data["missions"]
        ],  # fmt: skip
        "rewards": [
            {
                "loves": str(loves),
                "price": _loves(loves, language),
                "value": text("loyalty.reward.value", amount=format_cents(cents, language)),
                "affordable": "yes" if affordable else "",
            }
            for loves, cents, affordable in data["rewards"]
        ],  # fmt: skip
        "vouchers": [_voucher(v, language, today) for v in data["vouchers"]],
    }


def _voucher(voucher, language: str, today: date) -> dict[str, str]:
    if voucher.used_order_id is not None:
        state = translate(language, "loyalty.voucher.used")
    elif voucher.cancelled_on is not None:
        state = translate(language, "loyalty.voucher.cancelled")
    elif voucher.last_day < today:
        state = translate(language, "loyalty.voucher.expired")
    else:
        state = translate(language, "loyalty.voucher.until",
                          date=format_date(voucher.last_day, language))  # fmt: skip
    return {"code": voucher.code, "value": format_cents(voucher.amount_cents, language),
            "state": state}  # fmt: skip
