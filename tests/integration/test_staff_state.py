"""The Atelier console through its state: staff only, every handler re-checks the cookie."""

import reflex as rx
from conftest import NOW, run
from sqlmodel import func, select
from test_accounts import log_in

from alme_portal.accounts.services import staff as staff_accounts
from alme_portal.platform import clock, db
from alme_portal.refunds.models.inspection import LineInspection, StaffAction
from alme_portal.state.staff import StaffState

STAFF = ("atelier@almeparis.com", "Atelier-Ink-2026")


def staff_state(token=""):
    state = rx.State().get_substate(StaffState.get_full_name().split(".")[1:])
    state._staff_token = token
    return state


def staff_token(session):
    with clock.use_clock(NOW):
        outcome = staff_accounts.log_in(session, email=STAFF[0], password=STAFF[1],
                                        client_address="10.0.0.1")  # fmt: skip
    session.commit()
    return outcome.value.token


def test_staff_see_the_queue_receive_and_inspect(demo_session):
    state = staff_state(staff_token(demo_session))
    run(state.load_staff())
    assert state.staff_name and len(state.queue_rows) == 2
    number = next(row["number"] for row in state.queue_rows if row["order"] == "AL100116")
    run(state.receive_parcel({"code": f"  {number.lower()} ", "postage": ""}))
    assert state.staff_ok and state.tab == "to_inspect" and state.detail.number == number
    line = state.detail.lines[0]
    assert {g["key"] for g in line.grounds} >= {"sole_removed", "box_missing"}
    run(state.inspect({"line_id": line.id, "worn": "on", "stains": "on"}))
    assert state.detail.lines[0].verdict == "Refused: stains or washout, worn"
    assert state.detail.status == "Refused after inspection"


def test_a_customer_token_or_none_opens_nothing(demo_session):
    customer = staff_state(log_in(demo_session).value.token)  # a customer's token, staff cookie
    stranger = staff_state()
    for state in (customer, stranger):
        run(state.load_staff())
        run(state.receive_parcel({"code": "RT-AL100116-1"}))
        run(state.inspect({"line_id": "1"}))
        assert state.staff_name == "" and state.queue_rows == [] and state._staff_token == ""
    demo_session.commit()
    assert demo_session.exec(select(func.count()).select_from(StaffAction)).one() == 0
    assert demo_session.exec(select(func.count()).select_from(LineInspection)).one() == 0


def test_forged_console_calls_change_nothing(demo_session):
    state = staff_state(staff_token(demo_session))
    for forged in ({"code": None}, None, {"code": "x" * 500}, {"code": "RT-NOPE-1"}, "text"):
        run(state.receive_parcel(forged))
        assert not state.staff_ok
    for data in (
        {"line_id": "abc"},
        {"line_id": "-1"},
        {},
        None,
        {"line_id": "999999", "worn": "on"},
    ):
        run(state.inspect(data))
        assert not state.staff_ok
    run(state.show_tab("everything"))
    assert state.tab == "to_receive"
    demo_session.commit()
    with db.session_scope() as session:
        assert session.exec(select(func.count()).select_from(StaffAction)).one() == 0


def test_refund_decisions_are_staff_only_and_only_on_a_failed_refund(demo_session):
    """R8: "Retry" and "Refund as credit note instead" act on a failed provider refund only."""
    from test_refund_engine import declare, receive_and_inspect

    from alme_portal.refunds.models.settlements import RefundSettlement, SettlementEvent

    request = declare(demo_session, "AL100101", lines=[0], refund_method="original")
    receive_and_inspect(demo_session, request)
    settlement = demo_session.exec(select(RefundSettlement)).one()
    stranger = staff_state()
    run(stranger.retry_refund(str(settlement.id)))
    run(stranger.refund_as_credit_note(str(settlement.id)))
    state = staff_state(staff_token(demo_session))
    for forged in (str(settlement.id), "abc", None, "-1", "99999", {"id": 1}):
        run(state.retry_refund(forged))
        assert (
            not state.staff_ok
            and state.staff_message == "This refund is not failed: nothing changed."
        )
        run(state.refund_as_credit_note(forged))
        assert not state.staff_ok
    demo_session.commit()
    demo_session.expire_all()
    assert demo_session.get(RefundSettlement, settlement.id).state == "pending"
    events = demo_session.exec(select(SettlementEvent.state)).all()
    assert events == ["pending"]
    settlement.state = "failed"
    demo_session.add(settlement)
    demo_session.commit()
    run(state.refund_as_credit_note(str(settlement.id)))
    assert state.staff_ok and state.staff_message.startswith("A credit note is issued")
    demo_session.expire_all()
    assert demo_session.get(RefundSettlement, settlement.id).state == "credit_note"
