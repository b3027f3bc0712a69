"""What the Almé Lovers dashboard writes (L11), built from `loyalty.services.ledger.dashboard`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from alme_portal.i18n import CATALOGUES, translate
from alme_portal.i18n.dates import format_date
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import LovesKind


def _number(count: int, language: str) -> str:
    return f"{count:,}".replace(",", "\u202f" if language == "fr" else ",")


def _loves(count: int, language: str) -> str:
    return translate(language, "loyalty.loves", count=_number(count, language))


def build_dashboard(data: dict[str, Any], first_name: str, language: str, today: date) -> dict:
    """The dashboard's texts and rows in one language.

    Args:
        data: `loyalty.services.ledger.dashboard` for the member.
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
    left = data["left_on"]
    return {
        "greeting": text("loyalty.greeting", name=first_name),
        "left": text("loyalty.left.notice", date=format_date(left, language)) if left else "",
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
        "chart": chart_geometry(data["balances"], sum(n for _, n in data["pending"]), language),
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


# --- History of her ledger (L11) ----------------------------------------------------------


class LedgerRow(Protocol):
    """What a history row needs of a ledger entry (`models.LovesEntry` or `rules.loyalty.Entry`)."""

    kind: str
    loves: int
    recorded_on: date
    available_on: date
    reference: str


def _day(day: date, language: str, today: date) -> str:
    """``Sunday 30 November``, with the year when it is not this year's."""
    return format_date(day, language, today)


def _signed_loves(count: int, language: str) -> str:
    """``+1,230 loves``, ``−500 loves`` (a true minus sign), ``0 loves``."""
    sign = "+" if count > 0 else "\u2212" if count < 0 else ""
    return translate(language, "loyalty.loves", count=sign + _number(abs(count), language))


def history_label(kind: str, reference: str, language: str) -> str:
    """Rule L11: what a ledger entry is about, in words (``Order AL100101``).

    Args:
        kind: one of `rules.loyalty.ENTRY_KINDS`.
        reference: the entry's order number, mission key or voucher code.
        language: "en" or "fr".
    """
    if kind == "mission":
        key = f"loyalty.mission.{reference}"
        name = translate(language, key) if key in CATALOGUES["en"] else reference
        return translate(language, "loyalty.history.mission", mission=name[:1].lower() + name[1:])
    if kind in tuple(LovesKind):
        return translate(language, f"loyalty.history.{kind}", reference=reference)
    return reference


def build_history(rows: Iterable[LedgerRow], language: str, today: date) -> list[dict[str, str]]:
    """Rule L11: the rows of one page of her history, in one language.

    Args:
        rows: ledger entries, newest first (`loyalty.services.ledger.history`).
        language: "en" or "fr".
        today: the day the page is shown (loves released later are still pending).

    Returns:
        `{"date", "label", "loves", "pending", "sign"}` per entry; "pending" is empty once the
        loves are released, "sign" is "plus", "minus" or "".
    """
    return [
        {
            "date": _day(row.recorded_on, language, today),
            "label": history_label(row.kind, row.reference, language),
            "loves": _signed_loves(row.loves, language),
            "pending": translate(language, "loyalty.history.pending",
                                 date=_day(row.available_on, language, today))
            if row.available_on > today else "",
            "sign": "plus" if row.loves > 0 else "minus" if row.loves < 0 else "",
        }
        for row in rows
    ]  # fmt: skip


# --- Chart of her loves over time (L11) ---------------------------------------------------

CHART_WIDTH, CHART_HEIGHT = 600, 200
"""The chart's viewBox; the page stretches it to the card's width (preserveAspectRatio none),
so lines keep their width (non-scaling strokes) and labels are HTML placed by percentages."""
CHART_PAD_X, CHART_PAD_TOP = 8, 14
"""Room kept around the points so that dots at the ends and the top are not cut."""


def _nice_top(highest: float) -> int:
    """A round end of the scale at or above `highest` whose half is round too (at least 100)."""
    scale = 1
    while True:
        for top in (1, 1.5, 2, 3, 4, 5, 6, 8):
            if top * scale >= highest:
                return max(100, round(top * scale))
        scale *= 10


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _month_labels(xs: list[float], days: list[date], language: str) -> list[dict[str, str]]:
    """The label under each point: its month ("25 Nov" for today's).

    Every other label is minor (hidden on narrow screens), counted back from today's, and so is
    the one two before it, which today's longer label would touch.
    """
    last = len(days) - 1
    month = lambda day: translate(language, f"loyalty.chart.month.{day.month}")  # noqa: E731
    return [
        {
            "label": f"{day.day} {month(day)}" if index == last else month(day),
            "left": f"{_fmt(100 * x / CHART_WIDTH)}%",
            "shift": "0" if index == 0 else "-100%" if index == last else "-50%",
            "minor": "yes" if (last - index) % 2 or index == last - 2 else "",
        }
        for index, (x, day) in enumerate(zip(xs, days, strict=True))
    ]  # fmt: skip


def _chart_summary(points: Sequence[tuple[date, int]], pending: str, language: str) -> str:
    """Every point in words, for screen readers."""
    today = points[-1][0]
    said = ", ".join(
        translate(language, "loyalty.chart.point", loves=_loves(loves, language),
                  day=translate(language, "loyalty.chart.today") if day == today
                  else _day(day, language, today))
        for day, loves in points
    )  # fmt: skip
    summary = translate(language, "loyalty.chart.summary", points=said)
    return f"{summary} {pending}." if pending else summary


def chart_geometry(
    points: Sequence[tuple[date, int]], pending: int, language: str
) -> dict[str, Any]:
    """Rule L11: the chart of her loves over time, scaled to the viewBox, as SVG path strings.

    Args:
        points: `(day, spendable loves)`, oldest first: month ends, then today (the last one).
        pending: all her loves still pending today (drawn dashed above today's point).
        language: "en" or "fr", for the axis labels and the text for screen readers.

    Returns:
        `{"view_box", "line", "area", "dots", "pending", "grid"}` as SVG attributes; "ticks"
        `[{"label", "top"}]` for the scale (top as a CSS percentage); "months"
        `[{"label", "left", "shift", "minor"}]` under the points ("minor" ones may be hidden on
        a phone); "label" and "summary" for screen readers; "pending_label" for the legend.
        Empty when there is no point.
    """
    if not points:
        return {}
    values = [loves for _, loves in points]
    waiting = max(pending, 0)
    top = _nice_top(max(*values, values[-1] + waiting))
    low = -_nice_top(-min(values)) if min(values) < 0 else 0  # a ledger spent before it earned
    step = (CHART_WIDTH - 2 * CHART_PAD_X) / max(1, len(points) - 1)
    xs = [CHART_PAD_X + index * step for index in range(len(points))]

    def y(loves: float) -> str:
        return _fmt(CHART_PAD_TOP + (top - loves) / (top - low) * (CHART_HEIGHT - CHART_PAD_TOP))

    line = " ".join(f"{'L' if n else 'M'}{_fmt(x)},{y(v)}" for n, (x, v) in
                    enumerate(zip(xs, values, strict=True)))  # fmt: skip
    levels = sorted({low, 0, top / 2, top}, reverse=True)
    pending_label = (
        translate(language, "loyalty.chart.pending", loves=_loves(waiting, language))
        if waiting else ""
    )  # fmt: skip
    return {
        "view_box": f"0 0 {CHART_WIDTH} {CHART_HEIGHT}",
        "line": line,
        "area": f"{line} L{_fmt(xs[-1])},{y(0)} L{_fmt(xs[0])},{y(0)} Z",
        "dots": " ".join(f"M{_fmt(x)},{y(v)} h0" for x, v in zip(xs, values, strict=True)),
        "pending": f"M{_fmt(xs[-1])},{y(values[-1])} V{y(values[-1] + waiting)}" if waiting
        else "",
        "grid": " ".join(f"M0,{y(level)} H{CHART_WIDTH}" for level in levels),
        "ticks": [{"label": ("\u2212" if level < 0 else "") + _number(round(abs(level)), language),
                   "top": f"{_fmt(100 * float(y(level)) / CHART_HEIGHT)}%"} for level in levels],
        "months": _month_labels(xs, [day for day, _ in points], language),
        "label": translate(language, "loyalty.chart.label"),
        "summary": _chart_summary(points, pending_label, language),
        "pending_label": pending_label,
    }  # fmt: skip
