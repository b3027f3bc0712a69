"""Credit notes and gift cards on the real database (R8, R9): issue, spend, expire, races."""

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from conftest import NOW
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from alme_portal.platform import clock, db, settings
from alme_portal.refunds.models.refunds import StoredValue
from alme_portal.refunds.services import stored_values

TODAY = clock.in_paris(NOW).date()


def issue(session, cents=5_000, kind="credit_note"):
    with clock.use_clock(NOW):
        value = stored_values.issue(session, kind, email="camille@example.fr", cents=cents)
    session.commit()
    return value


def spend(session, code, cents, at=NOW):
    with clock.use_clock(at):
        outcome = stored_values.spend(session, code, cents)
    session.commit()
    return outcome


def test_r8_a_credit_note_is_spent_over_several_orders_until_empty(session):
    note = issue(session)
    assert note.code.startswith("AV-") and note.last_day == TODAY + timedelta(days=364)
    assert spend(session, note.code, 3_000).value == 2_000
    assert spend(session, note.code, 2_001).message_key == "codes.balance"
    assert spend(session, note.code, 2_000).value == 0
    assert spend(session, note.code, 1).message_key == "codes.balance"
    kinds = [(e.kind, e.amount_cents) for e in stored_values.history(session, note.code)]
    assert kinds == [("issue", 5_000), ("spend", -3_000), ("spend", -2_000)]


def test_r8_a_credit_note_is_valid_one_year_then_written_off(session):
    note = issue(session)
    last_day = NOW + timedelta(days=settings.CREDIT_NOTE_VALIDITY_DAYS - 1)
    assert spend(session, note.code, 100, last_day).status == "done"
    late = NOW + timedelta(days=settings.CREDIT_NOTE_VALIDITY_DAYS)
    assert spend(session, note.code, 100, late).message_key == "codes.expired"
    with clock.use_clock(late):
        assert stored_values.expire(session, clock.today()) == 1
    session.commit()
    assert session.get(StoredValue, note.id).balance_cents == 0
    assert stored_values.history(session, note.code)[-1].amount_cents == -4_900


@pytest.mark.parametrize(
    ("code", "cents"),
    [
        (None, 100),
        ("AV-NOPE-NOPE", 100),
        ("x" * 500, 1),
        ("OK", 0),
        ("OK", -5),
        ("OK", "100"),
        ("OK", True),
        ("OK", 1.5),
    ],
)
def test_bad_spends_change_nothing(session, code, cents):
    note = issue(session)
    outcome = spend(session, note.code if code == "OK" else code, cents)
    assert outcome.status == "refused"
    assert session.get(StoredValue, note.id).balance_cents == 5_000
    assert len(stored_values.history(session, note.code)) == 1


def test_the_database_refuses_a_negative_balance(session):
    note = issue(session)
    with pytest.raises(IntegrityError):
        session.execute(
            sa.update(StoredValue).where(StoredValue.id == note.id).values(balance_cents=-1)
        )
        session.flush()
    session.rollback()


@pytest.mark.both_databases
def test_two_spends_at_once_of_the_same_credit_note_one_succeeds(session, database_url):
    """Six tabs spend €30 of a €50 credit note at the same instant: exactly one does."""
    note = issue(session)
    start, outcomes = threading.Barrier(6), []

    def pay():
        start.wait()
        with clock.use_clock(NOW), db.session_scope(write=True) as tab:
            outcomes.append(stored_values.spend(tab, note.code, 3_000).status)

    threads = [threading.Thread(target=pay) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["done"] + ["refused"] * 5
    session.commit()
    assert session.exec(select(StoredValue.balance_cents)).one() == 2_000


def test_r9_a_refund_credits_the_gift_card_it_came_from(session):
    card = issue(session, 2_000, "gift_card")
    with clock.use_clock(NOW):
        stored_values.credit_back(
            session, card.code, kind="gift_card", email="x@example.fr", cents=500, order_id=None
        )
        unknown = stored_values.credit_back(
            session, "GIFT-OLD-1", kind="gift_card", email="x@example.fr", cents=700, order_id=None
        )
    session.commit()
    assert session.get(StoredValue, card.id).balance_cents == 2_500
    assert (unknown.code, unknown.kind, unknown.balance_cents) == ("GIFT-OLD-1", "gift_card", 700)


def test_r8_a_refund_credits_the_credit_note_it_came_from_or_a_new_one_once_expired(session):
    note = issue(session, 1_000)
    with clock.use_clock(NOW):
        same = stored_values.credit_back(
            session, note.code, kind="credit_note", email="x@example.fr", cents=300, order_id=None
        )
    late = NOW + timedelta(days=settings.CREDIT_NOTE_VALIDITY_DAYS + 1)
    with clock.use_clock(late):
        fresh = stored_values.credit_back(
            session, note.code, kind="credit_note", email="x@example.fr", cents=200, order_id=None
        )
    session.commit()
    assert (same.id, same.balance_cents) == (note.id, 1_300)
    assert fresh.id != note.id and fresh.balance_cents == 200 and fresh.code.startswith("AV-")
