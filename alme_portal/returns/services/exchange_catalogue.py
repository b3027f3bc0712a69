"""Rule E2: the exchange catalogue, loaded once per process and read by every wizard tab.

Each tab used to keep its own copy in both languages (about 160 KiB per tab, pickled after
every event). The catalogue changes seldom (stock, prices) and confirming a return checks the
stock again (E5), so every tab reads one copy at most `EXCHANGE_CATALOGUE_SECONDS` old.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alme_portal.platform import db, settings
from alme_portal.returns.services.options import exchange_products


@dataclass(frozen=True)
class Catalogue:
    """The exchange products per language, and each language's entries by variant id.

    Attributes:
        products: per language, one entry per variant (`options.exchange_products`).
        by_variant: per language, the same entries by variant id as the page sends it.
    """

    products: dict[str, list[dict[str, Any]]]
    by_variant: dict[str, dict[str, dict[str, Any]]]

    @classmethod
    def of(cls, products: dict[str, list[dict[str, Any]]]) -> Catalogue:
        """Index `products` by variant id."""
        by_variant = {
            language: {str(entry["variant_id"]): entry for entry in entries}
            for language, entries in products.items()
        }
        return cls(products, by_variant)


_lock = threading.Lock()
_shared: dict[str, tuple[float, Catalogue]] = {}
"""The copy of the configured database (one key, replaced when the database changes)."""


def shared_catalogue(monotonic: Callable[[], float] = time.monotonic) -> Catalogue:
    """The configured database's exchange catalogue, reloaded once it is too old.

    Args:
        monotonic: the seconds counter ages are measured with.
    """
    url = settings.database_url()
    with _lock:
        loaded_at, catalogue = _shared.get(url, (None, None))
        if catalogue is None or monotonic() - loaded_at >= settings.EXCHANGE_CATALOGUE_SECONDS:
            with db.session_scope() as session:
                catalogue = Catalogue.of(exchange_products(session, settings.LANGUAGES))
            _shared.clear()
            _shared[url] = (monotonic(), catalogue)
        return catalogue


def forget() -> None:
    """Drop the shared copy: the next reader loads the catalogue again."""
    with _lock:
        _shared.clear()
