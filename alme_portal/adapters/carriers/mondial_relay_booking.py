"""Mondial Relay prepaid return labels (R3): booking a reverse shipment, API V1.

`WSI2_CreationEtiquette` with `ModeCol=REL`, `COL_Rel=AUTO` (drop-off at any relay point) and
`ModeLiv=LCC` (back to the merchant); sender the customer, recipient the Atelier (reference
`carriers.md` §2.5).

Why API V1 and not API Connect V2: the portal already speaks V1 (tracing, relay search) with
the same enseigne and private key and its Security hash; this exact reverse-label call is in
recorded real traffic; V2 needs a second set of credentials, and its QR-code output (the
paperless option) has no recorded sample yet.

A booking is never retried by this module: V1 has no idempotency key, so a second call after a
time-out could book a second parcel. The caller retries later, on its own schedule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from alme_portal.adapters.carriers.http import CarrierError, CarrierUnavailable
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient, result_stat, result_text

CREATION_FIELDS = (
    "Enseigne", "ModeCol", "ModeLiv", "NDossier", "NClient", "Expe_Langage", "Expe_Ad1",
    "Expe_Ad2", "Expe_Ad3", "Expe_Ad4", "Expe_Ville", "Expe_CP", "Expe_Pays", "Expe_Tel1",
    "Expe_Tel2", "Expe_Mail", "Dest_Langage", "Dest_Ad1", "Dest_Ad2", "Dest_Ad3", "Dest_Ad4",
    "Dest_Ville", "Dest_CP", "Dest_Pays", "Dest_Tel1", "Dest_Tel2", "Dest_Mail", "Poids",
    "Longueur", "Taille", "NbColis", "CRT_Valeur", "CRT_Devise", "Exp_Valeur", "Exp_Devise",
    "COL_Rel_Pays", "COL_Rel", "LIV_Rel_Pays", "LIV_Rel", "TAvisage", "TReprise", "Montage",
    "TRDV", "Assurance", "Instructions",
)  # fmt: skip
"""`WSI2_CreationEtiquette` parameters in WSDL order, which is the hash order (`Texte`, last in
the WSDL, is not hashed and not sent)."""
LINE_WIDTH = 32
"""Characters of one address line the carrier accepts (`Ad1`...`Ad4`)."""
UNAVAILABLE_STATS = {90, 98, 99}
"""The carrier's back end is down: try again later."""
_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})
PHONE = re.compile(r"^(\+\d{8,15}|0\d{9})$")
STREET_ABBREVIATIONS = {
    "ALLEE": "ALL", "APPARTEMENT": "APP", "AVENUE": "AV", "BATIMENT": "BAT",
    "BOULEVARD": "BD", "CHEMIN": "CHE", "COURS": "CRS", "ESCALIER": "ESC", "ETAGE": "ETG",
    "FAUBOURG": "FG", "HAMEAU": "HAM", "IMPASSE": "IMP", "LOTISSEMENT": "LOT", "PLACE": "PL",
    "PROMENADE": "PROM", "RESIDENCE": "RES", "ROUTE": "RTE", "SAINT": "ST",
    "SAINTE": "STE", "SQUARE": "SQ",
}  # fmt: skip
"""The French postal standard's abbreviations (AFNOR XP Z10-011), used only for a street that
two carrier lines cannot hold as written."""


class BookingRefused(CarrierError):
    """Mondial Relay refused the booking (a field, the key...): sent again as it is, it fails.

    Attributes:
        stat: the carrier's code (API V1 `STAT`, API Connect `Status Code`).
        reason: the code as the staff read it: `STAT 97`, `code 10001`.
    """

    def __init__(self, stat: int, reason: str = "") -> None:
        self.stat, self.reason = stat, reason or f"STAT {stat}"
        super().__init__(f"Mondial Relay refused the label: {self.reason}")


@dataclass(frozen=True)
class Party:
    """A sender or recipient as the label prints it."""

    name: str
    street: str
    postcode: str
    city: str
    country: str
    phone: str
    email: str = ""


@dataclass(frozen=True)
class BookedLabel:
    """A booked reverse shipment: its 8-digit expedition number and its label's address."""

    expedition: str
    label_url: str


def carrier_text(value: str, limit: int = LINE_WIDTH) -> str:
    """`value` as the carrier's fields want it: upper-case ASCII, no accents, cut to `limit`."""
    spelled = value.translate(_LIGATURES)  # letters NFKD does not split
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return " ".join(plain.upper().split())[:limit].rstrip()


def _split(text: str, limit: int) -> tuple[str, str]:
    words, first = text.split(), ""
    while words and len(f"{first} {words[0]}".strip()) <= limit:
        first = f"{first} {words.pop(0)}".strip()
    return first or text[:limit].rstrip(), " ".join(words)[:limit].rstrip()


def _abbreviated(text: str) -> str:
    """`text` with its street words shortened as the French postal standard does."""
    words = []
    for word in text.split():
        bare = word.rstrip(",.;")
        words.append(STREET_ABBREVIATIONS.get(bare, bare) + word[len(bare) :])
    return " ".join(words)


def _street(street: str, limit: int) -> str:
    """The street in the carrier's letters, abbreviated only if two lines cannot hold it."""
    plain = carrier_text(street, 10 * limit)
    if " ".join(_split(plain, limit)).split() == plain.split():
        return plain
    return _abbreviated(plain)


def street_lines(street: str, limit: int = LINE_WIDTH) -> tuple[str, str]:
    """A street on the carrier's line 3 and line 4 (each ≤ `limit`), split between words.

    A street two lines cannot hold is shortened with the postal abbreviations first.
    """
    return _split(_street(street, limit), limit)


def street_fits(street: str, limit: int = LINE_WIDTH) -> bool:
    """Whether the carrier's two street lines hold the whole street (nothing cut off)."""
    line3, line4 = street_lines(street, limit)
    return f"{line3} {line4}".split() == _street(street, limit).split()


def _party(prefix: str, party: Party) -> dict[str, str]:
    line3, line4 = street_lines(party.street)
    return {
        f"{prefix}_Langage": "FR",
        f"{prefix}_Ad1": carrier_text(party.name),
        f"{prefix}_Ad3": line3,
        f"{prefix}_Ad4": line4,
        f"{prefix}_Ville": carrier_text(party.city, 26),
        f"{prefix}_CP": carrier_text(party.postcode, 10),
        f"{prefix}_Pays": party.country.upper(),
        f"{prefix}_Tel1": "".join(party.phone.split()),
        f"{prefix}_Mail": party.email.strip().lower(),
    }


def creation_fields(enseigne: str, sender: Party, recipient: Party, weight_grams: int) -> dict:
    """The `WSI2_CreationEtiquette` parameters of a prepaid return, in WSDL order."""
    given = {
        "Enseigne": enseigne, "ModeCol": "REL", "ModeLiv": "LCC",
        **_party("Expe", sender), **_party("Dest", recipient),
        "Poids": str(max(weight_grams, 100)), "NbColis": "1", "CRT_Valeur": "0",
        "CRT_Devise": "EUR", "Exp_Devise": "EUR",
        "COL_Rel_Pays": sender.country.upper(), "COL_Rel": "AUTO",
    }  # fmt: skip
    return {name: given.get(name, "") for name in CREATION_FIELDS}


def book_return(
    client: MondialRelayClient, sender: Party, recipient: Party, weight_grams: int
) -> BookedLabel:
    """Book a prepaid return from `sender` (drop-off at any relay point) to `recipient`.

    Raises:
        BookingRefused: a STAT code about the request (fields, key): sending it again as it is
            cannot succeed.
        CarrierUnavailable: the carrier is down, answered a SOAP fault or something unreadable.
    """
    fields = creation_fields(client.enseigne, sender, recipient, weight_grams)
    result = client.call("WSI2_CreationEtiquette", fields, CREATION_FIELDS, retry=False)
    stat = result_stat(result)
    if stat in UNAVAILABLE_STATS:
        raise CarrierUnavailable(f"Mondial Relay is unavailable: STAT {stat}")
    if stat != 0:
        raise BookingRefused(stat)
    expedition, path = result_text(result, "ExpeditionNum"), result_text(result, "URL_Etiquette")
    if not (expedition.isascii() and expedition.isdigit() and len(expedition) == 8 and path):
        raise CarrierUnavailable("Mondial Relay answered a label without its number or URL")
    return BookedLabel(expedition, client.label_host + path if path.startswith("/") else path)


def fetch_label(client: MondialRelayClient, booking: BookedLabel) -> bytes:
    """The carrier's own label PDF of a booked return (fetching is a read: retried if need be).

    Raises:
        CarrierUnavailable: the carrier did not answer with a PDF.
    """
    response = client.http.send("GET", booking.label_url, retry=True)
    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
        raise CarrierUnavailable(f"Mondial Relay gave no label PDF (HTTP {response.status_code})")
    return response.content
