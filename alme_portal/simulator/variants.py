"""The real formats' less common shapes, which the simulator gives the parcels that ask for them.

Real clients see all of them (reference §1.2, §2.3; issue 22); each scenario names the ones its
answers take, so that tests and the demo meet them on purpose.
"""

from __future__ import annotations

from datetime import datetime, time

from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days

LP_ARRAY = "laposte-array"
"""La Poste answers one id with an array of one envelope, not a bare object."""
LP_PARTNER = "laposte-partner"
"""La Poste's delivery scan comes as an older partner scope writes it: `status` LIVCFM, no
`code` nor `order`."""
LP_ESTIMATE = "laposte-estimate"
"""La Poste gives `estimDate`, `estimHourMin` and `estimHourMax` until the parcel arrives."""
MR_SPANISH = "mondialrelay-es"
"""Mondial Relay's tracing wordings in Spanish, whatever `Langue` asked."""
MR_ENGLISH = "mondialrelay-en"
"""Mondial Relay's tracing wordings in English."""
MR_FULL_YEAR = "mondialrelay-yyyy"
"""Mondial Relay's tracing dates with a four-digit year (`20/07/2026`)."""

DEMO_VARIANTS: dict[str, frozenset[str]] = {
    "AL100101": frozenset({LP_PARTNER}),
    "AL100103": frozenset({LP_ESTIMATE}),
    "AL100104": frozenset({MR_FULL_YEAR}),
    "AL100108": frozenset({LP_ARRAY}),
}
"""The variants each demo order's parcels take, by order number (the browser tests open these
orders' pages). Foreign wordings stay in named scenarios: the demo's relay stories need the
French ones to say when a parcel reached its relay point."""

ESTIMATE_HOURS = (9, 13)
"""The window La Poste's estimates give, in Paris hours."""


def estimated_window(dispatched: datetime) -> tuple[datetime, datetime]:
    """La Poste's estimate for a parcel: the first day of its O4 window, morning hours."""
    day = add_working_days(
        clock.in_paris(dispatched).date(), settings.COLISSIMO_DELIVERY_WORKING_DAYS[0]
    )
    start, end = (
        clock.as_utc(datetime.combine(day, time(hour), clock.PARIS)) for hour in ESTIMATE_HOURS
    )
    return start, end


MONDIAL_RELAY_WORDINGS = {
    MR_SPANISH: {
        "RÉCEPTION DES DONNÉES": "RECEPCIÓN DE DATOS",
        "PRISE EN CHARGE EN AGENCE": "RECOGIDO EN AGENCIA",
        "COLIS REMIS AU LIVREUR": "PAQUETE ENTREGADO AL REPARTIDOR",
        "DISPONIBLE AU POINT RELAIS": "DISPONIBLE EN EL PUNTO PACK",
        "COLIS LIVRÉ": "PAQUETE ENTREGADO",
    },
    MR_ENGLISH: {
        "RÉCEPTION DES DONNÉES": "Data reception",
        "PRISE EN CHARGE EN AGENCE": "Recieved in agency",
        "COLIS REMIS AU LIVREUR": "Parcel handed to the driver",
        "DISPONIBLE AU POINT RELAIS": "Available at the Pick Up Point",
        "COLIS LIVRÉ": "Parcel delivered",
    },
}
"""The French tracing wordings in the API's other languages. The first two English ones are
documented (reference §2.3, "Recieved" sic); the rest are inferred."""
