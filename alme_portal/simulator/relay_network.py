"""The relay points the simulated relay search answers, as varied as the real network.

The demo's points (shops with their own hours), and around Lyon what a real 2025 answer held:
18 points for 10 asked, 12 of them lockers, a shop and a locker closed on the day, a shop whose
holidays are still to come.
"""

from __future__ import annotations

from dataclasses import dataclass

from alme_portal.demo.catalog import RELAY_POINTS
from alme_portal.demo.data import RelayPointSpec

Hours = tuple[tuple[str, str, str, str], ...]
"""Monday to Sunday, each day's 4 `HHMM` slots (open, close, open, close; `0000` unused)."""

CLOSED = ("0000", "0000", "0000", "0000")
SPLIT: Hours = (("0900", "1230", "1400", "1900"),) * 5 + (("0930", "1300", "0000", "0000"), CLOSED)
TOBACCONIST: Hours = (("0700", "2000", "0000", "0000"),) * 6 + (("0800", "1300", "0000", "0000"),)
DRY_CLEANER: Hours = (
    ("1400", "1900", "0000", "0000"),
    *(("0830", "1230", "1430", "1900"),) * 4,
    ("0900", "1700", "0000", "0000"),
    CLOSED,
)
BOOKSHOP: Hours = (CLOSED, *(("1000", "1900", "0000", "0000"),) * 5, CLOSED)
LOCKER: Hours = (("0001", "2359", "0000", "0000"),) * 7


@dataclass(frozen=True)
class SimPoint:
    """A relay point and how the search describes it."""

    spec: RelayPointSpec
    hours: Hours = SPLIT
    locker: bool = False
    closed: tuple[int, int] | None = None
    """A closure period, first and last day counted from today (`Informations_Dispo`)."""


DEMO_HOURS: dict[str, Hours] = {
    "FR-005680": TOBACCONIST, "FR-020318": DRY_CLEANER, "FR-031962": TOBACCONIST,
    "FR-044105": TOBACCONIST, "FR-046872": DRY_CLEANER, "FR-058213": BOOKSHOP,
    "FR-059477": BOOKSHOP, "FR-067390": TOBACCONIST, "FR-068154": TOBACCONIST,
    "BE-008214": BOOKSHOP, "BE-009467": TOBACCONIST,
}  # fmt: skip


def _lyon(code, name, address, postcode, latitude, longitude, hours=SPLIT, locker=False,
          closed=None) -> SimPoint:  # fmt: skip
    spec = RelayPointSpec(code, name, address, postcode, "Lyon", latitude, longitude)
    return SimPoint(spec, LOCKER if locker else hours, locker, closed)


LYON_CLOSED_SHOP = "Boulangerie des Célestins"
LYON_CLOSED_LOCKER = "Carrefour City Bellecour"
LYON_LONGEST_NAME = "Intermarché Express Quai Romain"
LYON_EXTRA: tuple[SimPoint, ...] = (
    _lyon("FR-040117", LYON_CLOSED_SHOP, "4 rue Gaspard André", "69002", 45.76012, 4.83055,
          closed=(-3, 10)),
    _lyon("FR-041905", "Fleuriste Saint-Jean", "27 rue Saint-Jean", "69005", 45.76195, 4.82750,
          hours=DRY_CLEANER, closed=(12, 26)),
    _lyon("FR-043388", "Presse Tabac Bellecour", "9 rue de la Barre", "69002", 45.75802,
          4.83215, hours=TOBACCONIST),
    _lyon("FR-045520", "Épicerie de la Guillotière", "71 cours Gambetta", "69007", 45.75555,
          4.84390, hours=BOOKSHOP),
    _lyon("FR-090211", LYON_LONGEST_NAME, "4 quai Romain Rolland", "69005", 45.76402, 4.82760,
          locker=True),
    _lyon("FR-090318", LYON_CLOSED_LOCKER, "12 rue Childebert", "69002", 45.75990, 4.83710,
          locker=True, closed=(0, 1)),
    *(_lyon(*locker, locker=True) for locker in (
        ("FR-090425", "Gare Part-Dieu Villette", "Place Charles Béraudier", "69003", 45.76050,
         4.86080),
        ("FR-090532", "Monoprix Cordeliers", "2 rue Grenette", "69002", 45.76300, 4.83530),
        ("FR-090649", "Parking Saint-Antoine", "Quai Saint-Antoine", "69002", 45.76330, 4.83180),
        ("FR-090756", "Franprix Terreaux", "5 rue d'Algérie", "69001", 45.76760, 4.83420),
        ("FR-090863", "Casino Shop Ampère", "21 rue Victor Hugo", "69002", 45.75290, 4.82870),
        ("FR-090970", "Utile Hôtel de Ville", "8 rue Joseph Serlin", "69001", 45.76700, 4.83650),
        ("FR-091087", "Station Perrache", "Cours de Verdun", "69002", 45.74870, 4.82590),
        ("FR-091194", "Spar Croix-Rousse", "4 place de la Croix-Rousse", "69004", 45.77410,
         4.83170),
        ("FR-091201", "Vival Guillotière", "12 grande rue de la Guillotière", "69007", 45.75460,
         4.84220),
        ("FR-091318", "Lidl Jean Macé", "40 avenue Jean Jaurès", "69007", 45.74620, 4.84260),
    )),
)  # fmt: skip

NETWORK: tuple[SimPoint, ...] = (
    *(SimPoint(point, DEMO_HOURS.get(point.code, SPLIT)) for point in RELAY_POINTS),
    *LYON_EXTRA,
)
ANSWERS_EVERY_POINT = ("69",)
"""Departments (postcode starts) whose search answers every point around, more than asked."""
