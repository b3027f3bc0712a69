"""Rule E4 in Chromium: a pricier exchange's difference, paid from the e-mailed link."""

import re
import sqlite3

from playwright.sync_api import expect
from test_account import open_from_demo_mailbox
from test_returns import confirm, find_for_return, the_cardigan_instead
from test_staff import inspect_every_line, log_in_staff


def _shipments_of(portal, order_number):
    with sqlite3.connect(portal["database"]) as connection:
        return connection.execute(
            "SELECT count(*) FROM shipment JOIN customer_order o ON o.id = shipment.order_id"
            " WHERE o.number = ?", (order_number,),
        ).fetchone()[0]  # fmt: skip


def test_e4_she_pays_the_difference_from_the_emailed_link_then_her_exchange_ships(
    page, portal, screenshot
):
    order = find_for_return(page, portal, "logged-out-member")  # AL100120: one T-shirt, €65
    the_cardigan_instead(page, "€80.00")
    number = confirm(page)

    staff = next(a for a in portal["demo"]["accounts"] if a["role"] == "staff")
    log_in_staff(page, staff["email"], staff["password"])
    page.locator("#receive-code").fill(number)
    page.get_by_role("button", name="Mark received").click()
    inspect_every_line(page)
    outcome = page.locator("#detail-outcome")
    expect(outcome).to_contain_text("The new item costs €80.00 more: we e-mail you a payment link.")
    exchange = re.search(r"EX\d{6}", outcome.inner_text()).group(0)
    page.locator("#staff-logout").click()
    assert _shipments_of(portal, exchange) == 0  # nothing ships before she pays

    open_from_demo_mailbox(page, order["email"], f"Pay the difference for your exchange {exchange}")
    page.locator("a[href*='/api/pay/']").first.click()
    pay = page.get_by_role("button", name="Pay €80.00")  # the card provider's checkout page
    expect(pay).to_be_visible()
    pay.click()
    expect(page).to_have_url(re.compile(rf"/track/{exchange}\?paid=1$"))
    expect(page.locator("#supplement-paid")).to_contain_text("your payment is received")
    screenshot("supplement-paid-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("supplement-paid-375")
    for _ in range(40):  # the provider's webhook comes a moment later
        if _shipments_of(portal, exchange):
            break
        page.wait_for_timeout(250)
    assert _shipments_of(portal, exchange) >= 1
