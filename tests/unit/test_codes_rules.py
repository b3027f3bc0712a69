"""The one codes check (O11, L5, F3): exact codes, their limits, and what goes together."""

from datetime import date

import pytest

from alme_portal.orders.rules.codes import Basket, Code, check_codes

TODAY = date(2026, 11, 25)
UNTIL = date(2026, 12, 31)
KNOWN = {
    code.text: code
    for code in (
        Code("WINTER10", "coupon", UNTIL, min_basket_cents=10_000),
        Code("KNITS", "coupon", UNTIL, skus=frozenset({"ALM-KN-ANNA-CAR-M"})),
        Code("SOON", "coupon", UNTIL, valid_from=date(2026, 12, 1)),
        Code("OLD", "coupon", date(2026, 11, 24)),
        Code("LOVE-AAAA1111", "loyalty_voucher", UNTIL, owner_email="camille@example.fr"),
        Code("LOVE-BBBB2222", "loyalty_voucher", UNTIL, owner_email="camille@example.fr"),
        Code("LOVE-USED", "loyalty_voucher", UNTIL, used=True),
        Code("FRIEND-15", "referral", UNTIL, owner_email="lea@example.fr"),
        Code("GIFT-1", "gift_card", UNTIL, balance_cents=5_000),
        Code("GIFT-2", "gift_card", UNTIL, balance_cents=1_000),
        Code("GIFT-EMPTY", "gift_card", UNTIL, balance_cents=0),
        Code("AV-1", "credit_note", UNTIL, balance_cents=2_000),
    )
}
BASKET = Basket((("ALM-TS-LEON-ECR-M", 5_500), ("ALM-PA-ROSE-NOI-S", 9_500)), "Camille@example.fr")


def check(*codes, basket=BASKET):
    return dict(check_codes(list(codes), KNOWN, basket, TODAY))


@pytest.mark.parametrize("typed", ["winter10", " WINTER10", "WINTER10 ", "WIN TER10", "WINTER1O"])
def test_o11_codes_are_exact_no_spaces_and_case_sensitive(typed):
    assert check(typed) == {typed: "codes.unknown"}
    assert check("WINTER10") == {"WINTER10": None}


def test_o11_validity_dates_items_and_minimum_purchase():
    assert check("SOON", "OLD", "KNITS") == {
        "SOON": "codes.not_yet", "OLD": "codes.expired", "KNITS": "codes.items"}  # fmt: skip
    small = Basket((("ALM-TS-LEON-ECR-M", 5_500),), "camille@example.fr")
    assert check("WINTER10", basket=small) == {"WINTER10": "codes.minimum"}


def test_l5_one_loyalty_voucher_per_order_and_never_with_a_coupon():
    assert check("LOVE-AAAA1111", "LOVE-BBBB2222") == {
        "LOVE-AAAA1111": None, "LOVE-BBBB2222": "codes.one_voucher"}  # fmt: skip
    assert check("WINTER10", "LOVE-AAAA1111")["LOVE-AAAA1111"] == "codes.voucher_with_coupon"
    assert check("LOVE-AAAA1111", "WINTER10")["WINTER10"] == "codes.voucher_with_coupon"


def test_l5_a_loyalty_voucher_goes_with_a_gift_card_and_a_credit_note():
    assert check("LOVE-AAAA1111", "GIFT-1", "AV-1") == {
        "LOVE-AAAA1111": None, "GIFT-1": None, "AV-1": None}  # fmt: skip


def test_l5_a_voucher_is_hers_only_and_used_once():
    other = Basket(BASKET.lines, "ines@example.fr")
    assert check("LOVE-AAAA1111", basket=other) == {"LOVE-AAAA1111": "codes.not_yours"}
    assert check("LOVE-USED") == {"LOVE-USED": "codes.used"}


def test_f3_the_friends_code_is_for_her_e_mail_and_counts_as_a_coupon():
    friend = Basket(BASKET.lines, "LEA@example.fr ")
    assert check("FRIEND-15", basket=friend) == {"FRIEND-15": None}
    assert check("FRIEND-15") == {"FRIEND-15": "codes.not_yours"}
    assert check("FRIEND-15", "WINTER10", basket=friend)["WINTER10"] == "codes.one_coupon"


def test_o10_one_gift_card_one_credit_note_no_empty_card_no_code_twice():
    assert check("GIFT-1", "GIFT-2")["GIFT-2"] == "codes.one_gift_card"
    assert check("GIFT-EMPTY") == {"GIFT-EMPTY": "codes.empty"}
    assert check_codes(["AV-1", "AV-1"], KNOWN, BASKET, TODAY) == [
        ("AV-1", None), ("AV-1", "codes.twice")]  # fmt: skip


def test_anything_that_is_not_a_code_is_unknown():
    assert check_codes([None, 3, ""], KNOWN, BASKET, TODAY) == [
        (None, "codes.unknown"), (3, "codes.unknown"), ("", "codes.unknown")]  # fmt: skip
