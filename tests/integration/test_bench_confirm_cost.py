"""The bench's "Confirm my return" comparison really stores, and really books with the carrier."""

from sqlmodel import Session, select

from alme_portal.platform import db
from alme_portal.returns.models import ReturnBooking
from bench import confirm_cost


def test_each_booked_confirmation_ends_with_a_stored_label(monkeypatch, tmp_path):
    kept = {}
    real_prepare = confirm_cost.portal_db.prepare

    def prepare(path, **kwargs):
        kept["url"] = real_prepare(tmp_path / "confirm.db", **kwargs)
        return kept["url"]

    monkeypatch.setattr(confirm_cost.portal_db, "prepare", prepare)
    figures = confirm_cost.run(samples=3, warmup=1)
    assert {kind: figures[kind]["count"] for kind in figures} == {"stored": 3, "booked": 3}
    with Session(db.engine_for(kept["url"])) as session:
        statuses = session.exec(select(ReturnBooking.status)).all()
    # The demo's own returns are booked already; each "booked" sample adds a ready label, each
    # "stored" one leaves its booking pending, as the page would before the worker's turn.
    assert statuses.count("pending") == 4 and statuses.count("ready") >= 4
