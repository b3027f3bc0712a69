"""Issue 19.5: once an order can no longer change, the page says what she can still do."""

from datetime import UTC, date, datetime

import pytest

from alme_portal.orders.views import after_dispatch

TODAY = date(2026, 11, 25)


def order(status, *delivered):
    shipments = [{"delivered_at": moment} for moment in delivered] or [{"delivered_at": None}]
    return {"status": status, "can_request_change": False, "shipments": shipments}


@pytest.mark.parametrize(("status", "delivered", "says", "returns_open"), [
    ("delivered", [datetime(2026, 11, 20, 10, tzinfo=UTC)], "you can return or exchange it", True),
    ("delivered", [datetime(2026, 10, 20, 10, tzinfo=UTC)], "return window closed on", False),
    ("returned_to_sender", [], "refunded in full, with nothing to send back", False),
    ("dispatched", [], "Once it arrives, you can return or exchange it", False),
    ("partially_dispatched", [datetime(2026, 11, 24, 9, tzinfo=UTC)], "you can return", True),
])  # fmt: skip
def test_r2_o9_what_she_can_do_after_dispatch(status, delivered, says, returns_open):
    text, open_ = after_dispatch(order(status, *delivered), "en", TODAY)
    assert says in text and open_ is returns_open


def test_the_closed_window_is_dated_in_her_language():
    text, _ = after_dispatch(order("delivered", datetime(2026, 10, 1, 8, tzinfo=UTC)), "fr", TODAY)
    assert "a pris fin le jeudi 15 octobre" in text


def test_nothing_while_it_can_change_or_once_cancelled():
    assert after_dispatch({**order("confirmed"), "can_request_change": True}, "en", TODAY) == (
        "",
        False,
    )
    assert after_dispatch(order("cancelled"), "en", TODAY) == ("", False)
