"""Rule O1 in the browser: modify or cancel before dispatch, a pointer to returns after."""

import re
import sqlite3

from playwright.sync_api import expect
from test_tracking import _open


def _requests(portal, number):
    with sqlite3.connect(portal["database"]) as connection:
        return connection.execute(
            "SELECT r.kind, r.details FROM order_change_request r JOIN customer_order o"
            " ON o.id = r.order_id WHERE o.number = ? ORDER BY r.id",
            (number,),
        ).fetchall()


def test_o1_size_change_is_recorded_and_not_guaranteed(page, portal):
    order = _open(page, portal, "not-dispatched")
    before = len(_requests(portal, order["number"]))
    page.get_by_role("button", name="Modify my order").click()
    current = page.locator("#change-size").input_value()
    other = page.locator("#change-size option").evaluate_all(
        f"options => options.map(o => o.value).find(v => v !== {current!r})"
    )
    page.locator("#change-size").select_option(other)
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("#change-outcome")).to_contain_text("not guaranteed")
    requests = _requests(portal, order["number"])
    assert len(requests) == before + 1
    assert requests[-1][0] == "modify" and f'"size": "{other}"' in requests[-1][1]


def test_o1_same_item_is_refused_with_a_reason(page, portal):
    order = _open(page, portal, "not-dispatched")
    before = len(_requests(portal, order["number"]))
    page.get_by_role("button", name="Modify my order").click()
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("#change-outcome")).to_contain_text("different from the one you ordered")
    assert len(_requests(portal, order["number"])) == before


def test_o1_relay_point_change_and_cancellation(page, portal):
    order = _open(page, portal, "not-dispatched")
    before = len(_requests(portal, order["number"]))
    page.get_by_role("button", name="Modify my order").click()
    page.get_by_text("The relay point").click()
    page.locator("#change-relay").select_option(index=1)
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("#change-outcome")).to_contain_text("Your request is recorded")
    page.get_by_role("button", name="Cancel my order").click()
    expect(page.get_by_text("Cancel the whole order?")).to_be_visible()
    page.get_by_role("button", name="Yes, cancel my order").click()
    expect(page.locator("#change-outcome")).to_contain_text("may ship in the meantime")
    kinds = [kind for kind, _ in _requests(portal, order["number"])[before:]]
    assert kinds == ["modify", "cancel"]


def test_o1_dispatched_order_says_what_she_can_still_do(page, portal):
    """Issue 19.5: on its way, delivered, or back at the Atelier: each says its own next step."""
    _open(page, portal, "in-transit")
    panel = page.locator("#order-change")
    expect(panel).to_contain_text("can no longer be modified or cancelled. Once it arrives")
    expect(panel.get_by_role("link", name="Return or exchange an item")).to_have_count(0)
    expect(page.get_by_role("button", name="Modify my order")).to_have_count(0)
    order = _open(page, portal, "delivered-returnable")
    expect(panel).to_contain_text("Your order is delivered")
    expect(panel.get_by_role("link", name="Return or exchange an item")).to_have_attribute(
        "href", re.compile(rf"/returns\?order={order['number']}$")
    )
    _open(page, portal, "returned-to-sender")
    expect(panel).to_contain_text("refunded in full, with nothing to send back")
    expect(panel).not_to_contain_text("Once it arrives")
    expect(panel.get_by_role("link", name="Return or exchange an item")).to_have_count(0)


def test_o1_change_form_fits_a_phone(page, portal, screenshot):
    page.set_viewport_size({"width": 375, "height": 900})
    _open(page, portal, "not-dispatched")
    page.get_by_role("button", name="Modify my order").click()
    page.get_by_text("The delivery address").click()
    expect(page.locator("#change-postcode")).to_be_visible()
    page.locator("#order-change").scroll_into_view_if_needed()
    screenshot("order-change-375")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
