"""Rule E2: one exchange catalogue per worker, read by every wizard tab, reloaded when old."""

import pickle

from sqlmodel import select
from test_return_state import started

from alme_portal.orders.models.catalog import Variant
from alme_portal.platform import settings
from alme_portal.returns.services import exchange_catalogue


def test_e2_every_tab_reads_the_same_catalogue_and_keeps_only_its_own_order(demo_session):
    first, second = started(demo_session), started(demo_session, "AL100113")
    assert first._products() and first._products() is second._products()
    for tab in (first, second):
        assert len(pickle.dumps(tab.draft._data)) < 8_192  # was about 30 KB with the catalogue
    entry = first._products()[0]
    assert first._variant(str(entry["variant_id"])) is entry
    assert first._variant("no-such-variant") is None and first._variant(None) is None


def test_e2_the_catalogue_is_loaded_again_once_too_old(demo_session):
    exchange_catalogue.forget()
    now = [0.0]
    loaded = exchange_catalogue.shared_catalogue(lambda: now[0])
    variant = demo_session.exec(select(Variant).where(Variant.stock > 0)).first()
    variant.stock = 0
    demo_session.commit()
    key = str(variant.id)
    now[0] = settings.EXCHANGE_CATALOGUE_SECONDS - 1
    assert exchange_catalogue.shared_catalogue(lambda: now[0]) is loaded
    assert loaded.by_variant["en"][key]["in_stock"]
    now[0] = settings.EXCHANGE_CATALOGUE_SECONDS
    fresh = exchange_catalogue.shared_catalogue(lambda: now[0])
    assert not fresh.by_variant["en"][key]["in_stock"]
    assert not fresh.by_variant["fr"][key]["in_stock"]
