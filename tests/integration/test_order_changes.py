"""Rule O1: modifying or cancelling an order only while nothing is dispatched (and C2)."""

import json

import pytest
from conftest import NOW, order_id
from sqlmodel import func, select

from alme_portal.orders.models.orders import Order, OrderLine
from alme_portal.orders.models.requests import OrderChangeRequest
from alme_portal.orders.services.changes import request_change
from alme_portal.platform import clock
from alme_portal.platform.models import OutboxEmail

ADDRESS = {
    "first_name": "Camille",
    "last_name": "Moreau",
    "address": "3 place des Vosges",
    "postcode": "75004",
    "city": "Paris",
    "country": "FR",
}


def first_line(session, number):
    return session.exec(
        select(OrderLine).where(OrderLine.order_id == order_id(session, number))
    ).first()


def counts(session):
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (OrderChangeRequest, OutboxEmail)
    )


def change(session, number, kind, details, language="en"):
    with clock.use_clock(NOW):
        return request_change(
            session,
            order_id=order_id(session, number),
            kind=kind,
            details=details,
            language=language,
        )


def test_o1_cancel_before_dispatch_is_recorded_with_not_guaranteed_email(demo_session):
    outcome = change(demo_session, "AL100105", "cancel", {}, language="fr")
    assert (outcome.status, outcome.message_key) == ("done", "change.recorded")
    request = demo_session.get(OrderChangeRequest, outcome.value.request_id)
    assert (request.kind, request.status, request.details) == ("cancel", "recorded", "{}")
    assert request.created_at == NOW
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert mail.kind == "order_change_recorded"
    assert mail.recipient == "camille.moreau@example.fr"
    assert mail.language == "fr"
    assert "AL100105" in mail.subject
    assert "pas garantie" in mail.body
    assert demo_session.get(Order, request.order_id).status == "confirmed"  # only recorded


def test_o1_modify_size_before_dispatch(demo_session):
    line = first_line(demo_session, "AL100105")
    other_size = "S" if line.size != "S" else "M"
    outcome = change(demo_session, "AL100105", "modify", {"line_id": line.id, "size": other_size})
    assert outcome.status == "done", outcome.message_key
    stored = demo_session.get(OrderChangeRequest, outcome.value.request_id)
    assert json.loads(stored.details) == {"line_id": line.id, "size": other_size}
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert "not guaranteed" in mail.body


def test_o1_modify_destination_before_dispatch(demo_session):
    assert change(demo_session, "AL100105", "modify", {"address": ADDRESS}).status == "done"
    relay = change(demo_session, "AL100105", "modify", {"relay_point_code": "FR-005680"})
    assert relay.status == "done"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("AL100103", "change.refused.dispatched"),  # in transit
        ("AL100107", "change.refused.dispatched"),  # split: one parcel already left
        ("AL100101", "change.refused.dispatched"),  # delivered
        ("AL100106", "change.refused.cancelled"),
    ],
)
def test_o1_refused_once_dispatched_or_cancelled(demo_session, number, reason):
    before = counts(demo_session)
    outcome = change(demo_session, number, "cancel", {})
    assert (outcome.status, outcome.message_key) == ("refused", reason)
    assert counts(demo_session) == before


def test_o1_unknown_order_is_refused(demo_session):
    outcome = request_change(
        demo_session, order_id=999_999, kind="cancel", details={}, language="en"
    )
    assert outcome.message_key == "change.refused.not_found"


def test_invalid_details_are_refused_and_change_nothing(demo_session):
    line = first_line(demo_session, "AL100105")
    other = first_line(demo_session, "AL100101")
    cases = [
        ("refund", {}, "change.invalid.kind"),
        ("cancel", {"reason": "x"}, "change.invalid.details"),
        ("modify", {}, "change.invalid.details"),
        ("modify", {"size": "S"}, "change.invalid.details"),  # which line?
        ("modify", {"line_id": line.id}, "change.invalid.details"),
        ("modify", {"line_id": line.id, "size": "XXXL"}, "change.invalid.variant"),
        ("modify", {"line_id": line.id, "colour": "Plaid"}, "change.invalid.variant"),
        ("modify", {"line_id": line.id, "size": line.size}, "change.invalid.same_item"),
        ("modify", {"line_id": other.id, "size": "S"}, "change.invalid.line"),
        ("modify", {"line_id": "1", "size": "S"}, "change.invalid.details"),
        ("modify", {"line_id": line.id, "size": "S" * 50}, "change.invalid.details"),
        ("modify", {"relay_point_code": "FR-999999"}, "change.invalid.relay_point"),
        ("modify", {"relay_point_code": "FR-005680", "address": ADDRESS}, "change.invalid.details"),
        ("modify", {"address": {**ADDRESS, "city": "x" * 500}}, "change.invalid.details"),
        ("modify", {"address": {**ADDRESS, "country": "France"}}, "change.invalid.details"),
        ("modify", {"address": {**ADDRESS, "customer_id": 3}}, "change.invalid.details"),
        ("modify", ["size", "S"], "change.invalid.details"),
        ("modify", None, "change.invalid.details"),
    ]
    before = counts(demo_session)
    for kind, details, key in cases:
        outcome = change(demo_session, "AL100105", kind, details)
        assert (outcome.status, outcome.message_key) == ("invalid", key), (kind, details)
    assert counts(demo_session) == before


def test_c2_unreachable_email_is_flagged_on_recorded_request(demo_session):
    outcome = change(demo_session, "AL100105", "cancel", {})
    assert outcome.value.email_unreachable is False
    order = demo_session.get(Order, order_id(demo_session, "AL100105"))
    order.email = "camille@orange.fr"
    demo_session.add(order)
    demo_session.flush()
    assert change(demo_session, "AL100105", "cancel", {}).value.email_unreachable is True


def test_o1_a_request_sent_again_is_recorded_and_e_mailed_once_and_shows_as_pending(demo_session):
    """Issue 19.7: three clicks on "cancel" made three requests and three e-mails."""
    from alme_portal.orders.services.changes import pending_requests
    from alme_portal.orders.services.lookup import order_view
    from alme_portal.orders.views import build_order_page

    first = change(demo_session, "AL100105", "cancel", {})
    again = [change(demo_session, "AL100105", "cancel", {}) for _ in range(2)]
    assert first.message_key == "change.recorded"
    assert {(o.status, o.message_key) for o in again} == {
        ("already_done", "change.already_requested")
    }
    assert {o.value.request_id for o in again} == {first.value.request_id}
    assert len(demo_session.exec(select(OutboxEmail)).all()) == 1
    number = order_id(demo_session, "AL100105")
    order = {**order_view(demo_session, number, "en"),
             "pending_requests": pending_requests(demo_session, number)}  # fmt: skip
    notices = build_order_page(order, {}, "en")["notices"]
    assert any(n.startswith("You asked to cancel this order on 25 November") for n in notices)


def test_o1_sizes_to_change_to_read_smallest_first(demo_session):
    """Issue 19.15: the change form listed L, M, S, XL, XS."""
    from alme_portal.orders.services.changes import change_options

    options = change_options(demo_session, order_id(demo_session, "AL100105"), "en")
    assert options["lines"][0]["sizes"][:3] == ["XS", "S", "M"]
