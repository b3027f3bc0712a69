"""Receive, inspect and settle returns on the real database (R5-R12, E3-E7, L4, L6, O9)."""

from datetime import timedelta

import pytest
from conftest import NOW, order_id
from sqlmodel import func, select

from alme_portal.accounts.models.customers import StaffUser
from alme_portal.loyalty.models import LovesEntry
from alme_portal.orders.models.catalog import Variant
from alme_portal.orders.models.orders import Instalment, Order, Payment, Shipment
from alme_portal.orders.services import member_orders
from alme_portal.platform import clock, settings
from alme_portal.platform.calendar import add_working_days
from alme_portal.platform.models import OutboxEmail
from alme_portal.refunds.models.inspection import LineInspection, StaffAction
from alme_portal.refunds.models.refunds import Refund, StoredValue
from alme_portal.refunds.services import engine as refund_engine
from alme_portal.refunds.services import inspection
from alme_portal.returns.models import ReturnRequest
from alme_portal.returns.services import options as return_options
from alme_portal.returns.services.declaration import declare_return

SENDER = {
    "first_name": "Camille",
    "last_name": "Moreau",
    "address": "18 rue Saint-Maur",
    "postcode": "75011",
    "city": "Paris",
    "phone": "06 12 34 56 78",
}
LATER = NOW + timedelta(days=2)
TODAY = clock.in_paris(LATER).date()


def staff(session):
    return session.exec(select(StaffUser.id)).first()


def declare(session, number, resolution="refund", method="mondial_relay", **choices):
    """Declare a return of every returnable unit of an order (or only `lines` indexes)."""
    with clock.use_clock(NOW):
        options = return_options.return_options(
            session, order_id(session, number), "en", clock.today()
        )
        picked = choices.pop("lines", None)
        lines = [
            {
                "order_line_id": line["id"],
                "quantity": choices.get("quantity", line["returnable"]),
                "reason": choices.get("reason", "too_small"),
                "resolution": resolution,
                **(
                    {"refund_method": choices.get("refund_method", "credit_note")}
                    if resolution == "refund"
                    else {"exchange_variant_id": choices["variant"]}
                ),
            }
            for index, line in enumerate(options["lines"])
            if line["returnable"] and (picked is None or index in picked)
        ]
        draft = {"lines": lines, "method": method, "sender": SENDER}
        if method == "mondial_relay":
            draft["relay_point_code"] = choices.get("relay", "FR-005680")
        declared = declare_return(
            session, order_id=order_id(session, number), draft_data=draft, language="en"
        )
    session.commit()
    assert declared.status == "done", declared
    return session.exec(select(ReturnRequest).where(ReturnRequest.number == declared.value)).one()


def receive_and_inspect(session, request, refused=(), postage=None):
    with clock.use_clock(LATER):
        assert inspection.receive(session, staff(session), request.number, postage).status == "done"
        outcomes = []
        for line in lines_of(session, request):
            grounds = list(refused) if line.id == lines_of(session, request)[0].id else []
            outcomes.append(inspection.inspect_line(session, staff(session), line.id, grounds))
    session.commit()
    session.refresh(request)
    return outcomes


def other_size(session, number):
    """Another size in stock of the first item of an order (E2, E3)."""
    options = return_options.return_options(session, order_id(session, number), "en",
                                            clock.in_paris(NOW).date())  # fmt: skip
    return next(size for size in options["lines"][0]["sizes"] if size["in_stock"])


def lines_of(session, request):
    from alme_portal.returns.models import ReturnLine

    return session.exec(
        select(ReturnLine).where(ReturnLine.return_id == request.id).order_by(ReturnLine.id)
    ).all()


def refunds_of(session, request):
    return session.exec(
        select(Refund).where(Refund.return_id == request.id).order_by(Refund.id)
    ).all()


def paid_by_lines(session, request):
    return sum(line.paid_cents for line in lines_of(session, request))


def test_r8_credit_note_issued_on_inspection_with_its_email(demo_session):
    request = declare(demo_session, "AL100101", lines=[0])
    outcomes = receive_and_inspect(demo_session, request)
    assert outcomes[-1].message_key == "staff.inspect.settled"
    assert request.status == "credit_note_issued"
    [row] = refunds_of(demo_session, request)
    note = demo_session.get(StoredValue, row.stored_value_id)
    assert (note.kind, note.balance_cents) == ("credit_note", paid_by_lines(demo_session, request))
    assert note.last_day == TODAY + timedelta(days=settings.CREDIT_NOTE_VALIDITY_DAYS - 1)
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "credit_note_issued")
    ).one()
    assert note.code in mail.body and mail.recipient == "camille.moreau@example.fr"
    actions = demo_session.exec(
        select(StaffAction.action).where(StaffAction.return_id == request.id)
    )
    assert list(actions) == ["received", "accepted", "settled"]


def test_l4_the_refund_takes_back_the_orders_pending_loves(demo_session):
    request = declare(demo_session, "AL100101", lines=[0])
    receive_and_inspect(demo_session, request)
    taken = demo_session.exec(
        select(LovesEntry).where(LovesEntry.kind == "return", LovesEntry.reference == "AL100101")
    ).one()
    assert taken.loves < 0


def test_r10_gift_card_credited_first_then_the_card(demo_session):
    request = declare(demo_session, "AL100113", refund_method="original")
    receive_and_inspect(demo_session, request)
    rows = refunds_of(demo_session, request)
    payments = {
        p.id: p
        for p in demo_session.exec(
            select(Payment).where(Payment.order_id == order_id(demo_session, "AL100113"))
        )
    }
    gift = next(p for p in payments.values() if p.method == "gift_card")
    assert rows[0].payment_id == gift.id and rows[0].amount_cents == gift.amount_cents
    assert rows[0].expected_on == TODAY  # back on the gift card at once
    card = rows[1]
    assert payments[card.payment_id].method == "card"
    assert card.expected_on == add_working_days(TODAY, 3)  # R8: visible in 2-3 days
    assert sum(r.amount_cents for r in rows) == paid_by_lines(demo_session, request) + (
        demo_session.get(Order, order_id(demo_session, "AL100113")).shipping_cents
    )  # L6 full


def test_r9_gift_card_order_gets_a_new_gift_card_for_a_credit_note(demo_session):
    request = declare(demo_session, "AL100112")
    receive_and_inspect(demo_session, request)
    kinds = {
        demo_session.get(StoredValue, r.stored_value_id).kind
        for r in refunds_of(demo_session, request)
    }
    assert kinds == {"gift_card"}


def test_r11_a_partial_return_reduces_the_remaining_instalments(demo_session):
    request = declare(demo_session, "AL100114", refund_method="original", lines=[0], quantity=1)
    payment = demo_session.exec(
        select(Payment).where(
            Payment.order_id == order_id(demo_session, "AL100114"),
            Payment.method == "instalments_3",
        )
    ).one()
    before = [
        i.amount_cents
        for i in demo_session.exec(
            select(Instalment)
            .where(Instalment.payment_id == payment.id)
            .order_by(Instalment.sequence)
        )
    ]
    receive_and_inspect(demo_session, request)
    after = demo_session.exec(
        select(Instalment).where(Instalment.payment_id == payment.id).order_by(Instalment.sequence)
    ).all()
    reduced = sum(b - a.amount_cents for b, a in zip(before, after, strict=True))
    rows = refunds_of(demo_session, request)
    assert reduced == sum(r.amount_cents for r in rows if r.kind == "instalment_reduced") > 0
    assert sum(r.amount_cents for r in rows) == paid_by_lines(demo_session, request)
    assert all(a.amount_cents >= 0 for a in after)


def test_r12_deferred_payment_not_charged_for_a_return_before_its_due_date(demo_session):
    request = declare(demo_session, "AL100115", refund_method="original", lines=[0])
    receive_and_inspect(demo_session, request)
    assert {r.kind for r in refunds_of(demo_session, request)} == {"not_charged"}


def test_r6_a_refused_line_gets_nothing_and_says_why(demo_session):
    request = declare(demo_session, "AL100101", lines=[0])
    receive_and_inspect(demo_session, request, refused=["worn", "missing_labels"])
    assert request.status == "refused" and refunds_of(demo_session, request) == []
    grounds = demo_session.exec(select(LineInspection.grounds)).one()
    assert grounds == "missing_labels,worn"
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "refund_confirmed")
    ).one()
    assert "refused (original labels missing, worn)" in mail.body


def test_e3_e6_a_size_exchange_moves_no_money_and_ships_free(demo_session):
    other = other_size(demo_session, "AL100101")
    request = declare(
        demo_session,
        "AL100101",
        "size_exchange",
        lines=[0],
        quantity=1,
        variant=other["variant_id"],
    )
    receive_and_inspect(demo_session, request)
    assert request.status == "exchange_shipped" and refunds_of(demo_session, request) == []
    exchange = demo_session.get(Order, request.exchange_order_id)
    origin = demo_session.get(Order, request.order_id)
    assert (exchange.kind, exchange.shipping_cents, exchange.total_cents) == ("exchange", 0, 0)
    assert (exchange.ship_address, exchange.shipping_method) == (
        origin.ship_address,
        origin.shipping_method,
    )
    customer = origin.customer_id
    assert exchange.number in [
        o["number"] for o in member_orders.member_orders(demo_session, customer)
    ]


def test_r5_postage_of_a_self_shipped_return_is_paid_up_to_six_euros(demo_session):
    request = declare(
        demo_session,
        "AL100110",
        refund_method="original",
        method="self_ship",
        lines=[0],
        quantity=1,
    )
    receive_and_inspect(demo_session, request, postage=850)
    postage = [r for r in refunds_of(demo_session, request) if r.kind == "postage"]
    assert [r.amount_cents for r in postage] == [settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS]


def test_console_refusals_change_nothing(demo_session):
    request = declare(demo_session, "AL100101", lines=[0])
    who = staff(demo_session)
    with clock.use_clock(LATER):
        line = lines_of(demo_session, request)[0]
        early = inspection.inspect_line(demo_session, who, line.id, [])
        unknown = inspection.receive(demo_session, who, "RT-NOPE")
        assert inspection.receive(demo_session, who, request.number.lower()).status == "done"
        twice = inspection.receive(demo_session, who, request.number)
        forged = [
            inspection.inspect_line(demo_session, who, value, []) for value in (None, "1", 10**9)
        ]
        bad = inspection.inspect_line(demo_session, who, line.id, ["box_missing"])  # not shoes
        weird = inspection.inspect_line(demo_session, who, line.id, "worn")
    demo_session.commit()
    assert early.message_key == "staff.inspect.not_received"
    assert unknown.message_key == "staff.receive.unknown"
    assert twice.message_key == "staff.receive.twice"
    assert {o.message_key for o in forged} == {"staff.inspect.unknown"}
    assert bad.message_key == weird.message_key == "staff.inspect.grounds"
    assert demo_session.exec(select(func.count()).select_from(LineInspection)).one() == 0
    with clock.use_clock(LATER):
        assert (
            inspection.inspect_line(demo_session, who, line.id, []).message_key
            == "staff.inspect.settled"
        )
        again = inspection.inspect_line(demo_session, who, line.id, ["worn"])
    assert again.message_key == "staff.inspect.twice"  # a line already refunded stays so


def test_o9_a_parcel_back_at_the_atelier_is_refunded_in_full_within_7_working_days(demo_session):
    with clock.use_clock(LATER):
        assert refund_engine.refund_returned_parcels(demo_session) == 1
        assert refund_engine.refund_returned_parcels(demo_session) == 0  # once
    demo_session.commit()
    order = demo_session.get(Order, order_id(demo_session, "AL100119"))
    rows = demo_session.exec(select(Refund).where(Refund.order_id == order.id)).all()
    assert sum(r.amount_cents for r in rows) == order.total_cents
    assert all(
        r.expected_on <= add_working_days(TODAY, settings.O9_REFUND_WORKING_DAYS) for r in rows
    )
    mail = demo_session.exec(
        select(OutboxEmail).where(
            OutboxEmail.order_id == order.id, OutboxEmail.kind == "refund_confirmed"
        )
    ).one()
    assert "AL100119" in mail.subject


@pytest.mark.parametrize("postage", ["6", -1, 10**6, True, 5.5])
def test_r5_a_postage_that_is_not_an_amount_is_refused(demo_session, postage):
    request = declare(
        demo_session,
        "AL100110",
        refund_method="original",
        method="self_ship",
        lines=[0],
        quantity=1,
    )
    with clock.use_clock(LATER):
        outcome = inspection.receive(demo_session, staff(demo_session), request.number, postage)
    assert outcome.message_key == "staff.receive.postage_invalid"
    demo_session.refresh(request)
    assert request.status == "declared"


def test_demo_returns_wait_at_the_atelier_and_settle_into_a_credit_note(demo_session):
    """The demo's boots: shoes' checklist, a defect within 48 h, a credit note on her page."""
    from alme_portal.refunds.services import staff_console
    from alme_portal.returns.services import status as return_status

    waiting = staff_console.queue(demo_session, "to_receive")
    assert {row["order"] for row in waiting} == {"AL100116", "AL100118"}
    assert demo_session.exec(select(func.count()).select_from(OutboxEmail)).one() == 0
    number = next(row["number"] for row in waiting if row["order"] == "AL100116")
    request = demo_session.exec(select(ReturnRequest).where(ReturnRequest.number == number)).one()
    detail = staff_console.return_detail(demo_session, number, "en")
    assert "sole_removed" in detail["lines"][0]["grounds"]
    receive_and_inspect(demo_session, request)
    assert demo_session.exec(select(LineInspection.supplier_defect)).one() is True  # R7
    with clock.use_clock(LATER):
        view = return_status.return_view(demo_session, request, "en")
    note = demo_session.exec(select(StoredValue)).one()
    [part] = view["refund_parts"]
    assert part["method"] == f"Credit note {note.code}" and part["state"] == "done"


def test_o9_the_nightly_command_refunds_parcels_back_at_the_atelier_once(database_url, capsys):
    from alme_portal import cli
    from alme_portal.platform import db

    assert cli.main(["demo", "load"]) == 0
    assert cli.main(["refunds", "run"]) == 0
    assert "Refunded 1 parcels" in capsys.readouterr().out
    assert cli.main(["refunds", "run"]) == 0
    assert "Refunded 0 parcels" in capsys.readouterr().out
    with db.session_scope() as session:
        number = session.exec(
            select(Order.number).join(Refund, Refund.order_id == Order.id).distinct()
        ).all()
    assert number == ["AL100119"]


def test_o9_the_order_page_says_the_parcel_is_refunded_and_where(demo_session):
    from alme_portal.orders.services import lookup as order_lookup
    from alme_portal.orders.views import build_order_page
    from alme_portal.refunds.services import texts as refund_texts

    number_id = order_id(demo_session, "AL100119")
    assert refund_texts.parcel_refund_lines(demo_session, number_id, "en") == []
    with clock.use_clock(LATER):
        refund_engine.refund_returned_parcels(demo_session)
    demo_session.commit()
    order = {
        **order_lookup.order_view(demo_session, number_id, "en"),
        "parcel_refund": refund_texts.parcel_refund_lines(demo_session, number_id, "en"),
    }
    notices = build_order_page(order, {}, "en")["notices"]
    assert "Your parcel came back to the Atelier: it is refunded in full." in notices
    assert any(line.startswith("€192.90 back to your Visa") for line in notices)


def test_e4_a_cheaper_product_refunds_the_difference_to_the_original_method(demo_session):
    line = return_options.return_options(
        demo_session, order_id(demo_session, "AL100101"), "en", clock.in_paris(NOW).date()
    )["lines"][1]
    paid = line["unit_prices_paid"][0]
    cheaper = demo_session.exec(
        select(Variant)
        .where(
            Variant.product_id != line["product_id"], Variant.price_cents < paid, Variant.stock > 0
        )
        .order_by(Variant.price_cents.desc())
    ).first()
    assert cheaper is not None
    request = declare(
        demo_session, "AL100101", "product_exchange", lines=[1], quantity=1, variant=cheaper.id
    )
    receive_and_inspect(demo_session, request)
    [row] = refunds_of(demo_session, request)
    assert (row.kind, row.amount_cents) == ("credit_back", paid - cheaper.price_cents)
    exchange = demo_session.get(Order, request.exchange_order_id)
    assert exchange.total_cents == 0 and request.status == "exchange_shipped"


def test_r13_a_return_of_an_exchange_order_is_paid_back_by_the_order_it_came_from(demo_session):
    """AL100117 exchanged AL100102's trousers: the money goes back to AL100102's PayPal."""
    request = declare(demo_session, "AL100117", refund_method="original")
    receive_and_inspect(demo_session, request)
    rows = refunds_of(demo_session, request)
    origin = order_id(demo_session, "AL100102")
    assert rows and {row.order_id for row in rows} == {origin}
    assert request.status == "refunded"
    payment = demo_session.get(Payment, rows[0].payment_id)
    assert (payment.order_id, payment.method, rows[0].kind) == (origin, "paypal", "credit_back")


def test_r5_postage_is_paid_even_when_the_return_is_only_a_size_exchange(demo_session):
    other = other_size(demo_session, "AL100110")
    request = declare(
        demo_session,
        "AL100110",
        "size_exchange",
        method="self_ship",
        lines=[0],
        quantity=1,
        variant=other["variant_id"],
    )
    receive_and_inspect(demo_session, request, postage=450)
    assert [(r.kind, r.amount_cents) for r in refunds_of(demo_session, request)] == [
        ("postage", 450)
    ]


def test_o9_only_the_parcels_back_at_the_atelier_are_refunded(demo_session):
    """A split order: the delivered parcel is hers, only the one that came back is refunded."""

    order = demo_session.get(Order, order_id(demo_session, "AL100107"))  # two parcels
    first, second = demo_session.exec(
        select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id)
    ).all()
    second.status, order.status = "returned_to_sender", "returned_to_sender"
    demo_session.commit()
    with clock.use_clock(LATER):
        rows = refund_engine.refund_returned_parcel(demo_session, order.id)
    demo_session.commit()
    refunded = sum(row.amount_cents for row in rows)
    assert first.status == "delivered" and 0 < refunded < order.total_cents
    assert refunded == refund_engine._returned_parcels_cents(demo_session, order)


def test_r12_a_credit_note_chosen_for_money_not_charged_yet_is_explained(demo_session):
    """Issue 19.8: the deferred payment is charged less, and her page and e-mail say why."""
    from alme_portal.refunds.services import staff_console
    from alme_portal.refunds.views import build_detail

    request = declare(demo_session, "AL100115", lines=[0])  # deferred, not charged; credit note
    receive_and_inspect(demo_session, request)
    assert {r.kind for r in refunds_of(demo_session, request)} == {"not_charged"}
    notes = inspection.settled_notes(demo_session, request, "en")
    assert any(
        note.startswith("You chose a credit note, but this money was not charged") for note in notes
    )
    mail = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "refund_confirmed")
    ).one()
    assert "You chose a credit note" in mail.body
    log = build_detail(staff_console.return_detail(demo_session, request.number, "en"), "en")["log"]
    actions = [entry.split(" · ", 2)[2] for entry in log]
    assert actions[0] == "received at the Atelier"
    assert actions[1] == "Organic cotton T-shirt Léon · M accepted"
    assert "settled: Refunded" in actions and "refund to send" in actions
    assert not any("_" in action or "line " in action for action in actions)  # no raw codes
