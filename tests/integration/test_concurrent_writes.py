"""Many tabs confirming at once on SQLite: each transaction that writes waits its turn.

Found by `make bench`: with deferred transactions, a confirmation that read first and wrote
second failed with "database is locked" as soon as another one had written in between.
"""

import threading

import pytest
from conftest import NOW
from sqlmodel import func, select

from alme_portal.orders.services.lookup import order_id_for_number
from alme_portal.platform import clock, db
from alme_portal.returns.models import ReturnRequest
from alme_portal.returns.services import options as return_options
from alme_portal.returns.services.declaration import declare_return
from bench import portal_db

TABS = 12
SENDER = {"first_name": "Camille", "last_name": "Moreau", "address": "18 rue Saint-Maur",
          "postcode": "75011", "city": "Paris", "phone": "06 12 34 56 78"}  # fmt: skip


def _draft(session, number, units=None):
    """A draft returning one unit of the order's first line (with `units` left, if given)."""
    options = return_options.return_options(
        session, order_id_for_number(session, number), "en", clock.today()
    )
    line = next(o for o in options["lines"] if units in (None, o["returnable"]))
    item = {"order_line_id": line["id"], "quantity": 1, "reason": "too_small",
            "resolution": "refund", "refund_method": "credit_note"}  # fmt: skip
    return {"lines": [item], "method": "mondial_relay", "sender": SENDER}


@pytest.mark.both_databases
def test_returns_confirmed_at_the_same_moment_are_all_stored(demo_session, database_url):
    portal_db.clone_order(demo_session.connection(), "AL100101", TABS)
    demo_session.commit()
    with clock.use_clock(NOW):
        numbers = [portal_db.clone_number(index) for index in range(1, TABS + 1)]
        work = [(order_id_for_number(demo_session, n), _draft(demo_session, n)) for n in numbers]
    before = demo_session.exec(select(func.count()).select_from(ReturnRequest)).one()
    demo_session.commit()  # no read snapshot left open while the tabs write
    start, failures, outcomes = threading.Barrier(TABS), [], []

    def confirm(order_id, draft):
        start.wait()
        try:
            with clock.use_clock(NOW), db.session_scope(write=True) as session:
                outcomes.append(declare_return(session, order_id=order_id, draft_data=draft,
                                               language="en").status)  # fmt: skip
        except Exception as error:  # noqa: BLE001 - the failure is what this test looks for
            failures.append(repr(error))

    threads = [threading.Thread(target=confirm, args=item) for item in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert outcomes == ["done"] * TABS
    stored = demo_session.exec(select(func.count()).select_from(ReturnRequest)).one()
    assert stored == before + TABS


SAME_LINE_TABS = 5


@pytest.mark.both_databases
def test_tabs_returning_the_same_unit_store_one_return(demo_session, database_url):
    """Issue 20.1: five tabs, five different drafts, one unit: one return, four clear refusals
    (on PostgreSQL the reads were not serialised: two returns, or a duplicate return number)."""
    order_id = order_id_for_number(demo_session, "AL100101")
    with clock.use_clock(NOW):
        base = _draft(demo_session, "AL100101", units=1)
    reasons = ["too_small", "too_big", "fit", "not_as_pictured", "changed_mind"]
    drafts = [{**base, "lines": [{**base["lines"][0], "reason": reason}]} for reason in reasons]
    before = demo_session.exec(select(func.count()).select_from(ReturnRequest)).one()
    demo_session.commit()
    start, failures, outcomes = threading.Barrier(SAME_LINE_TABS), [], []

    def confirm(draft):
        start.wait()
        try:
            with clock.use_clock(NOW), db.session_scope(write=True) as session:
                outcome = declare_return(session, order_id=order_id, draft_data=draft,
                                         language="en")  # fmt: skip
                outcomes.append((outcome.status.value, outcome.message_key))
        except Exception as error:  # noqa: BLE001 - the failure is what this test looks for
            failures.append(repr(error))

    threads = [threading.Thread(target=confirm, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert (
        sorted(outcomes) == [("done", "")] + [("invalid", "returns.refused.already_returned")] * 4
    )
    stored = demo_session.exec(select(func.count()).select_from(ReturnRequest)).one()
    assert stored == before + 1
