"""Declaring returns on the real database (R1-R5, R7, R13, E2-E6): checks, idempotency, e-mail."""

import re
from datetime import timedelta

import pytest
from conftest import NOW, order_id
from sqlmodel import func, select

from alme_portal.orders.models.catalog import Variant
from alme_portal.platform import clock, deployment, outbox, settings
from alme_portal.platform.models import OutboxAttachment, OutboxEmail
from alme_portal.returns.models import ReturnBooking, ReturnLine, ReturnRequest
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


@pytest.fixture(autouse=True)
def _only_the_returns_declared_here(no_demo_returns):
    """These tests count the returns they declare: the demo's own are set aside."""


def options(session, number):
    with clock.use_clock(NOW):
        return return_options.return_options(
            session, order_id(session, number), "en", clock.today()
        )


def line_of(session, number, index=0):
    return options(session, number)["lines"][index]


def refund(line, quantity=1, reason="too_small", method="credit_note"):
    return {"order_line_id": line["id"], "quantity": quantity, "reason": reason,
            "resolution": "refund", "refund_method": method}  # fmt: skip


def draft(*lines, method="mondial_relay", **extra):
    return {"lines": list(lines), "method": method, "sender": SENDER, **extra}


def declare(session, number, data, language="en"):
    with clock.use_clock(NOW):
        outcome = declare_return(
            session, order_id=order_id(session, number), draft_data=data, language=language
        )
        session.flush()
        return outcome


def stored(session, model=ReturnRequest):
    return session.exec(select(func.count()).select_from(model)).one()


def variant(session, product_id, colour, size):
    return session.exec(
        select(Variant).where(
            Variant.product_id == product_id, Variant.colour == colour, Variant.size == size
        )
    ).one()


def test_r1_refund_by_credit_note_is_declared_and_its_prepaid_label_to_be_booked(demo_session):
    tee = line_of(demo_session, "AL100101")
    outcome = declare(demo_session, "AL100101", draft(refund(tee, 2)), language="fr")
    assert (outcome.status, outcome.value) == ("done", "RT-AL100101-1")
    request = demo_session.exec(select(ReturnRequest)).one()
    assert request.parcel_reference is None  # the carrier's expedition number, once booked
    assert str(request.label_expires_on) == "2026-12-08"  # R3: 14 days counting the declaration day
    line = demo_session.exec(select(ReturnLine)).one()
    assert (line.quantity, line.paid_cents, line.refund_method) == (2, 11_000, "credit_note")
    to_book = demo_session.exec(select(ReturnBooking)).one()
    assert (to_book.return_id, to_book.status) == (request.id, "pending")
    # The page books it at once; the worker only if the page could not (a second tab, a crash).
    assert to_book.next_attempt_at == NOW + timedelta(seconds=settings.RETURN_BOOKING_CLAIM_SECONDS)
    assert (to_book.sender_street, to_book.sender_phone) == ("18 rue Saint-Maur", "+33612345678")
    assert to_book.weight_grams == 2 * settings.RETURN_PARCEL_WEIGHT_GRAMS
    assert stored(demo_session, OutboxEmail) == 0  # the booking e-mails it, with the label


def test_r4_a_salon_return_is_emailed_with_the_portals_label_at_once(demo_session):
    tee = line_of(demo_session, "AL100101")
    declare(demo_session, "AL100101", draft(refund(tee), method="store", salon_code="MARAIS"))
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert mail.kind == "return_declared" and "RT-AL100101-1" in mail.subject
    assert "salon" in mail.body and "/returns/RT-AL100101-1" in mail.body
    # R3: "label by e-mail": the PDF label goes with it, rendered when the e-mail is sent.
    label = demo_session.exec(select(OutboxAttachment)).one()
    assert label.email_id == mail.id
    assert label.filename == "alme-return-RT-AL100101-1.pdf"
    assert label.content_type == "application/pdf"
    assert label.content is None and label.source == "return_label:RT-AL100101-1:pdf"
    with clock.use_clock(NOW + timedelta(days=60)):  # long after the download expired
        pdf = outbox.attachment_content(demo_session, label)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


@pytest.mark.parametrize(
    ("sender", "key"),
    [
        ({"phone": ""}, "returns.invalid.phone"),
        ({"phone": "12 34"}, "returns.invalid.phone"),
        ({"address": "Résidence " + "des très grands jardins suspendus " * 3},
         "returns.invalid.street_too_long"),
    ],
)  # fmt: skip
def test_r3_what_the_carrier_would_refuse_is_asked_again_first(demo_session, sender, key):
    tee = line_of(demo_session, "AL100101")
    outcome = declare(demo_session, "AL100101", {**draft(refund(tee)), "sender": {
        **SENDER, **sender}})  # fmt: skip
    assert (outcome.status, outcome.message_key) == ("invalid", key)
    assert stored(demo_session) == 0
    salon = {**draft(refund(tee), method="store", salon_code="MARAIS"),
             "sender": {**SENDER, **sender}}  # fmt: skip
    assert declare(demo_session, "AL100101", salon).status == "done"  # no carrier, no question


def test_confirmation_is_idempotent_for_a_double_click_or_second_tab(demo_session):
    tee = line_of(demo_session, "AL100101")
    same = draft(refund(tee), returned_when_drafted={str(tee["id"]): 0})
    first = declare(demo_session, "AL100101", same)
    again = declare(demo_session, "AL100101", same)
    assert first.status == "done" and again.status == "already_done"
    assert again.value == first.value
    assert stored(demo_session) == 1 and stored(demo_session, ReturnBooking) == 1


def test_r2_a_second_return_of_the_rest_is_a_new_return(demo_session):
    tee = line_of(demo_session, "AL100101")
    declare(demo_session, "AL100101", draft(refund(tee)))
    tee_now = line_of(demo_session, "AL100101")
    assert tee_now["returnable"] == 1
    second = declare(
        demo_session, "AL100101",
        draft(refund(tee_now), returned_when_drafted={str(tee["id"]): 1}),
    )  # fmt: skip
    assert (second.status, second.value) == ("done", "RT-AL100101-2")
    third = declare(
        demo_session, "AL100101",
        draft(refund(tee_now), returned_when_drafted={str(tee["id"]): 2}),
    )  # fmt: skip
    assert (third.status, third.message_key) == ("invalid", "returns.refused.already_returned")


@pytest.mark.parametrize(
    ("number", "key"),
    [("AL100102", "returns.refused.window_closed"), ("AL100103", "returns.refused.not_delivered")],
)
def test_r2_closed_window_or_undelivered_is_refused(demo_session, number, key):
    outcome = declare(demo_session, number, draft(refund(line_of(demo_session, number))))
    assert (outcome.status, outcome.message_key) == ("invalid", key)
    assert stored(demo_session) == 0


def test_r13_exchange_order_can_be_returned(demo_session):
    outcome = declare(demo_session, "AL100117", draft(refund(line_of(demo_session, "AL100117"))))
    assert outcome.status == "done"


def test_r7_defect_reason_is_marked(demo_session):
    tee = line_of(demo_session, "AL100101")
    declare(demo_session, "AL100101", draft(refund(tee, reason="arrived_crumpled")))
    assert demo_session.exec(select(ReturnLine)).one().defect


def test_e3_size_exchange_keeps_the_price(demo_session):
    tee = line_of(demo_session, "AL100101")
    wanted = next(size for size in tee["sizes"] if size["size"] == "L")
    item = {"order_line_id": tee["id"], "quantity": 1, "reason": "too_small",
            "resolution": "size_exchange", "exchange_variant_id": wanted["variant_id"]}  # fmt: skip
    assert declare(demo_session, "AL100101", draft(item)).status == "done"
    line = demo_session.exec(select(ReturnLine)).one()
    assert (line.to_pay_cents, line.to_refund_cents) == (0, 0)


def test_e4_product_exchange_records_the_supplement(demo_session):
    tee = line_of(demo_session, "AL100101")  # paid 55.00
    cardigan = line_of(demo_session, "AL100101", 1)
    pricier = variant(demo_session, cardigan["product_id"], cardigan["colour"], "S")  # 145.00
    item = {"order_line_id": tee["id"], "quantity": 1, "reason": "changed_mind",
            "resolution": "product_exchange", "exchange_variant_id": pricier.id}  # fmt: skip
    assert declare(demo_session, "AL100101", draft(item)).status == "done"
    line = demo_session.exec(select(ReturnLine)).one()
    assert (line.to_pay_cents, line.to_refund_cents) == (pricier.price_cents - 5_500, 0)


def test_e5_out_of_stock_exchange_is_refused(demo_session):
    cardigan = line_of(demo_session, "AL100101", 1)
    sold_out = next(size for size in cardigan["sizes"] if not size["in_stock"])
    item = {"order_line_id": cardigan["id"], "quantity": 1, "reason": "too_small",
            "resolution": "size_exchange",
            "exchange_variant_id": sold_out["variant_id"]}  # fmt: skip
    outcome = declare(demo_session, "AL100101", draft(item))
    assert (outcome.status, outcome.message_key) == ("invalid", "returns.invalid.out_of_stock")


def test_e2_exchange_kind_must_match_the_choice(demo_session):
    tee = line_of(demo_session, "AL100101")
    other_colour = variant(demo_session, tee["product_id"], "Black", "M")
    item = {"order_line_id": tee["id"], "quantity": 1, "reason": "fit",
            "resolution": "size_exchange", "exchange_variant_id": other_colour.id}  # fmt: skip
    outcome = declare(demo_session, "AL100101", draft(item))
    assert outcome.message_key == "returns.invalid.exchange"


def test_r4_store_drop_off_needs_a_known_salon(demo_session):
    tee = line_of(demo_session, "AL100101")
    ok = declare(demo_session, "AL100101", draft(refund(tee), method="store", salon_code="MARAIS"))
    assert ok.status == "done"
    assert demo_session.exec(select(ReturnRequest)).one().parcel_reference is None
    bad = declare(demo_session, "AL100101", draft(refund(tee), method="store", salon_code="NOPE"))
    assert bad.message_key == "returns.invalid.salon"


def test_r5_self_ship_only_where_mondial_relay_does_not_go(demo_session):
    dress = line_of(demo_session, "AL100109")  # Geneva
    refused = declare(demo_session, "AL100109", draft(refund(dress)))
    assert refused.message_key == "returns.invalid.method"
    accepted = declare(demo_session, "AL100109", draft(refund(dress), method="self_ship"))
    assert accepted.status == "done"
    mail = demo_session.exec(select(OutboxEmail)).one()
    assert "€6.00" in mail.body


@pytest.mark.parametrize(
    "forged",
    [
        None, "x", [], {},
        {"lines": [], "method": "mondial_relay", "sender": SENDER},
        {"lines": [{"order_line_id": 1, "quantity": 1, "reason": "bored", "resolution": "refund",
                    "refund_method": "credit_note"}], "method": "mondial_relay", "sender": SENDER},
        {"lines": [{"order_line_id": 1, "quantity": "1", "reason": "fit", "resolution": "refund",
                    "refund_method": "credit_note"}], "method": "mondial_relay", "sender": SENDER},
        {"lines": [{"order_line_id": 1, "quantity": 1, "reason": "fit", "resolution": "refund",
                    "refund_method": "cash"}], "method": "mondial_relay", "sender": SENDER},
        {"lines": [{"order_line_id": 1, "quantity": 1, "reason": "fit", "resolution": "refund",
                    "refund_method": "credit_note"}], "method": "teleport", "sender": SENDER},
        {"lines": [{"order_line_id": 1, "quantity": 1, "reason": "fit", "resolution": "refund",
                    "refund_method": "credit_note"}], "method": "mondial_relay",
         "sender": {**SENDER, "city": "x" * 500}},
    ],
)  # fmt: skip
def test_forged_drafts_store_nothing(demo_session, forged):
    outcome = declare(demo_session, "AL100101", forged)
    assert (outcome.status, outcome.message_key) == ("invalid", "returns.invalid.draft")
    assert stored(demo_session) == 0 and stored(demo_session, OutboxEmail) == 0


def test_lines_of_another_order_or_too_many_units_store_nothing(demo_session):
    foreign = line_of(demo_session, "AL100117")
    assert declare(demo_session, "AL100101", draft(refund(foreign))).message_key == (
        "returns.invalid.line"
    )
    tee = line_of(demo_session, "AL100101")
    too_many = declare(demo_session, "AL100101", draft(refund(tee, 1), refund(tee, 2)))
    assert too_many.message_key == "returns.invalid.quantity"
    unknown_point = declare(
        demo_session, "AL100101", draft(refund(tee), relay_point_code="FR-999999")
    )
    assert unknown_point.message_key == "returns.invalid.relay_point"
    assert stored(demo_session) == 0


def test_e2_exchange_catalogue_names_every_size_in_both_languages(demo_session):
    catalogue = return_options.exchange_products(demo_session, ("en", "fr"))
    sizes = demo_session.exec(select(func.count()).select_from(Variant)).one()
    assert len(catalogue["en"]) == len(catalogue["fr"]) == sizes
    english = {entry["variant_id"]: entry for entry in catalogue["en"]}
    for entry in catalogue["fr"]:
        same = english[entry["variant_id"]]
        assert {**entry, "name": same["name"]} == same  # only the name differs
        stock = demo_session.get(Variant, entry["variant_id"]).stock
        assert entry["in_stock"] is (stock > 0)
    assert any(not entry["in_stock"] for entry in catalogue["en"])  # E5: sold-out sizes listed


def test_r3_a_qr_code_instead_of_a_printed_label_only_where_it_is_offered(
    demo_session, monkeypatch
):
    tee = line_of(demo_session, "AL100101")
    salon = draft(refund(tee), method="store", salon_code="MARAIS", paperless=True)
    assert declare(demo_session, "AL100101", salon).message_key == "returns.invalid.paperless"
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)  # unverified: off by default
    relay = draft(refund(tee), paperless=True)
    assert declare(demo_session, "AL100101", relay).message_key == "returns.invalid.paperless"
    assert stored(demo_session) == 0
    monkeypatch.setenv(settings.PAPERLESS_RETURNS_ENV, "1")
    assert declare(demo_session, "AL100101", relay).status == "done"
    assert demo_session.exec(select(ReturnBooking)).one().paperless


def test_e2_e3_exchange_sizes_read_smallest_first(demo_session):
    """Issue 19.15: the sizes offered in exchange were listed alphabetically."""
    from alme_portal.orders.rules.sizes import size_order
    from alme_portal.returns.services import options as return_options

    with clock.use_clock(NOW):
        offered = return_options.return_options(
            demo_session, order_id(demo_session, "AL100101"), "en", clock.today()
        )
    for line in offered["lines"]:
        sizes = [size["size"] for size in line["sizes"]]
        assert sizes == sorted(sizes, key=size_order) and len(sizes) > 1
    products = return_options.exchange_products(demo_session, ["en"])["en"]
    for product_id in {item["product_id"] for item in products}:
        for colour in {i["colour"] for i in products if i["product_id"] == product_id}:
            sizes = [
                i["size"]
                for i in products
                if (i["product_id"], i["colour"]) == (product_id, colour)
            ]
            assert sizes == sorted(sizes, key=size_order)
