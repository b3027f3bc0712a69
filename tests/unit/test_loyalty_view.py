"""Rule L11 on the dashboard: the history's rows in words and the chart's geometry."""

import re
from datetime import date

import pytest

from alme_portal.i18n import translate
from alme_portal.loyalty.rules import Entry
from alme_portal.loyalty.services.ledger import CHART_MONTHS, chart_days
from alme_portal.loyalty.views import (
    CHART_HEIGHT,
    CHART_PAD_TOP,
    CHART_PAD_X,
    CHART_WIDTH,
    build_history,
    chart_geometry,
    history_label,
)
from alme_portal.platform.vocabulary import LovesKind

TODAY = date(2026, 11, 25)
NNBSP = "\u202f"


# --- History (L11) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "reference", "english", "french"),
    [
        ("purchase", "BR123456", "Order BR123456", "Commande BR123456"),
        ("return", "AL100101", "Return of order AL100101", "Retour de la commande AL100101"),
        ("mission", "birthday", "Mission: add your birthday",
         "Mission : indiquer votre anniversaire"),
        ("mission", "instagram", "Mission: follow Almé on Instagram",
         "Mission : suivre Almé sur Instagram"),
        ("mission", "retired-mission", "Mission: retired-mission", "Mission : retired-mission"),
        ("claim", "AL100120", "Loves claimed for order AL100120",
         "Loves réclamés pour la commande AL100120"),
        ("redemption", "LOVE-ABCD2345", "Voucher LOVE-ABCD2345", "Bon d'achat LOVE-ABCD2345"),
        ("leave", "", "Left Almé Lovers", "Vous avez quitté Almé Lovers"),
    ],
)  # fmt: skip
def test_l11_history_labels_say_what_each_entry_is_about(kind, reference, english, french):
    assert history_label(kind, reference, "en") == english
    assert history_label(kind, reference, "fr") == french


@pytest.mark.parametrize("language", ["en", "fr"])
def test_l11_every_kind_of_entry_has_a_label(language):
    for kind in tuple(LovesKind):
        assert history_label(kind, "AL100101", language)


def test_l11_history_row_has_its_day_label_signed_loves_and_pending_day():
    rows = [
        Entry("purchase", 1_230, date(2026, 11, 20), date(2026, 12, 8), "AL200001"),
        Entry("redemption", -500, date(2026, 10, 2), date(2026, 10, 2), "LOVE-ABCD2345"),
        Entry("purchase", 0, date(2026, 11, 1), date(2026, 11, 19), "AL200002"),
    ]
    first, second, third = build_history(rows, "en", TODAY)
    assert first == {
        "date": "Friday 20 November",
        "label": "Order AL200001",
        "loves": "+1,230 loves",
        "pending": "pending until Tuesday 8 December",
        "sign": "plus",
    }
    assert (second["loves"], second["pending"], second["sign"]) == ("\u2212500 loves", "", "minus")
    assert (third["loves"], third["pending"], third["sign"]) == ("0 loves", "", "")
    french = build_history(rows, "fr", TODAY)[0]
    assert french["loves"] == f"+1{NNBSP}230 loves"
    assert french["date"] == "vendredi 20 novembre"
    assert french["pending"] == "en attente jusqu'au mardi 8 décembre"


def test_l11_history_writes_the_year_of_an_entry_from_another_year():
    [row] = build_history([Entry("mission", 200, date(2025, 12, 30), date(2025, 12, 30),
                                 "instagram")], "en", TODAY)  # fmt: skip
    assert row["date"] == "Tuesday 30 December 2025"
    [pending] = build_history([Entry("purchase", 10, date(2026, 12, 20), date(2027, 1, 7),
                                     "AL200003")], "en", TODAY)  # fmt: skip
    assert pending["pending"] == "pending until Thursday 7 January 2027"


def test_l11_an_empty_page_of_history_has_no_rows():
    assert build_history([], "fr", TODAY) == []


# --- Chart (L11) --------------------------------------------------------------------------


def test_l11_chart_days_are_the_last_twelve_month_ends_then_today():
    days = chart_days(TODAY)
    assert len(days) == CHART_MONTHS + 1
    assert days[0] == date(2025, 11, 30) and days[-2] == date(2026, 10, 31)
    assert days[1] == date(2025, 12, 31) and days[3] == date(2026, 2, 28)
    assert days[-1] == TODAY
    assert chart_days(date(2026, 3, 1))[-3:] == [date(2026, 1, 31), date(2026, 2, 28),
                                                 date(2026, 3, 1)]  # fmt: skip
    assert chart_days(date(2024, 3, 31))[-2:] == [date(2024, 2, 29), date(2024, 3, 31)]


def _points(values):
    return list(zip(chart_days(TODAY), values, strict=True))


def _coordinates(path: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", path)]


GROWING = [0, 0, 1_200, 1_200, 800, 2_300, 2_300, 2_500, 3_100, 3_000, 3_450, 3_450, 3_600]


def test_l11_chart_scales_the_points_to_the_view_box():
    chart = chart_geometry(_points(GROWING), 0, "en")
    assert chart["view_box"] == f"0 0 {CHART_WIDTH} {CHART_HEIGHT}"
    line = _coordinates(chart["line"])
    assert len(line) == 13 and chart["line"].startswith("M") and chart["line"].count("L") == 12
    xs, ys = [x for x, _ in line], [y for _, y in line]
    assert xs[0] == CHART_PAD_X and xs[-1] == CHART_WIDTH - CHART_PAD_X
    assert xs == sorted(xs)  # evenly spaced, oldest on the left
    assert ys[0] == CHART_HEIGHT  # zero on the bottom line
    assert all(CHART_PAD_TOP <= y <= CHART_HEIGHT for y in ys)
    # 3,600 loves on a 0-4,000 scale: 90% of the way up.
    assert ys[-1] == pytest.approx(CHART_HEIGHT - 0.9 * (CHART_HEIGHT - CHART_PAD_TOP), abs=0.1)
    assert ys[4] > ys[3]  # spent loves go down
    assert chart["area"].startswith(chart["line"]) and chart["area"].endswith("Z")
    assert chart["dots"].count("h0") == 13
    assert chart["pending"] == "" and chart["pending_label"] == ""


def test_l11_chart_scale_has_round_ticks_in_the_page_language():
    chart = chart_geometry(_points(GROWING), 0, "fr")
    assert [tick["label"] for tick in chart["ticks"]] == [f"4{NNBSP}000", f"2{NNBSP}000", "0"]
    assert chart["ticks"][-1]["top"] == "100%"
    assert chart["grid"].count("M0,") == 3
    assert [t["label"] for t in chart_geometry(_points([0] * 13), 0, "en")["ticks"]] == [
        "100", "50", "0"]  # fmt: skip
    biggest = chart_geometry(_points([0] * 12 + [12_345]), 0, "en")["ticks"]
    assert [tick["label"] for tick in biggest] == ["15,000", "7,500", "0"]


def test_l11_chart_scale_goes_below_zero_only_for_a_ledger_spent_before_it_earned():
    chart = chart_geometry(_points([0, -800] + [259] * 11), 11_305, "en")
    assert [tick["label"] for tick in chart["ticks"]] == ["15,000", "7,500", "0", "\u2212800"]
    assert chart["ticks"][-1]["top"] == "100%"
    zero = float(chart["ticks"][2]["top"].rstrip("%")) * CHART_HEIGHT / 100
    assert chart["area"].endswith(f",{zero:g} Z")  # filled down to zero, not to the scale's end


def test_l11_chart_draws_pending_loves_dashed_above_today():
    chart = chart_geometry(_points(GROWING), 900, "en")
    [(x_low, y_low)] = _coordinates(chart["pending"].split(" V")[0])
    y_high = float(chart["pending"].split(" V")[1])
    assert x_low == CHART_WIDTH - CHART_PAD_X and y_high < y_low
    assert [tick["label"] for tick in chart["ticks"]][0] == "5,000"  # 3,600 + 900 fits
    assert chart["pending_label"] == "900 loves pending"
    assert chart["summary"].endswith("today: 3,600 loves. 900 loves pending.")


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                "Oct", "25 Nov"]),
        ("fr", ["nov.", "déc.", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
                "août", "sept.", "oct.", "25 nov."]),
    ],
)  # fmt: skip
def test_l11_chart_months_are_written_in_the_page_language(language, labels):
    months = chart_geometry(_points(GROWING), 0, language)["months"]
    assert [month["label"] for month in months] == labels
    assert months[0]["shift"] == "0" and months[-1]["shift"] == "-100%"
    assert {month["shift"] for month in months[1:-1]} == {"-50%"}
    # On a phone: every other month and today, whose longer label needs the room of two.
    shown = [index for index, month in enumerate(months) if not month["minor"]]
    assert shown == [0, 2, 4, 6, 8, 12]
    lefts = [float(month["left"].rstrip("%")) for month in months]
    assert lefts == sorted(lefts) and 0 < lefts[0] < 2 and 98 < lefts[-1] < 100


def test_l11_chart_has_a_text_for_screen_readers():
    chart = chart_geometry(_points(GROWING), 0, "en")
    assert chart["label"] == translate("en", "loyalty.chart.label")
    assert chart["summary"].startswith("Loves to spend: Sunday 30 November 2025: 0 loves, ")
    assert "Saturday 31 January: 1,200 loves" in chart["summary"]
    assert chart["summary"].count(" loves") == 13  # one per point
    french = chart_geometry(_points(GROWING), 0, "fr")["summary"]
    assert french.endswith(f"aujourd'hui : 3{NNBSP}600 loves.")


def test_l11_chart_without_points_is_empty():
    assert chart_geometry([], 0, "en") == {}
