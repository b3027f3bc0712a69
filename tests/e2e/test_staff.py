"""The Atelier console in Chromium: receive and inspect a demo return, then her page (R6, R8)."""

import re

from playwright.sync_api import expect
from test_account import log_in_at_account
from test_loyalty import _member
from test_tracking import _find

from alme_portal.platform import cookies


def log_in_staff(page, email, password):
    page.goto("/staff")
    form = page.locator("#staff-login-form")
    form.locator("#staff-email").fill(email)
    form.locator("#staff-password").fill(password)
    form.get_by_role("button", name="Log in").click()


def test_r6_r8_staff_receive_and_inspect_then_she_sees_her_credit_note(page, portal, screenshot):
    staff = next(a for a in portal["demo"]["accounts"] if a["role"] == "staff")
    log_in_staff(page, staff["email"], staff["password"])
    expect(page.locator("#staff-greeting")).to_contain_text("Logged in as")
    row = page.locator(".queue-row", has_text="AL100116")
    expect(row).to_be_visible()
    # R3: the worker followed the prepaid parcel: handed in, then scanned at the hub
    expect(row.locator(".queue-parcel")).to_contain_text(
        re.compile(r"Mondial Relay \d{8} · On its way to our Atelier")
    )
    number = re.search(r"RT-AL100116-\d+", row.inner_text()).group(0)
    page.locator("#receive-code").fill(number.lower())  # as a scanner or a hurried hand types it
    page.get_by_role("button", name="Mark received").click()
    expect(page.locator("#staff-message")).to_have_text("Return received: inspect its items.")
    expect(page.locator("#ground-sole_removed")).to_be_visible()  # the shoes' checklist
    expect(page.locator(".inspect-line")).to_contain_text("Defect reported within 48 h")
    screenshot("staff-inspect-1280")
    page.get_by_role("button", name="Record inspection").click()
    expect(page.locator("#staff-message")).to_contain_text("return settled")
    expect(page.locator("#detail-outcome")).to_contain_text(
        re.compile(r"Credit note AV-\w{4}-\w{4}")
    )
    expect(page.locator(".log-entry")).to_have_count(3)  # received, accepted, settled
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("staff-done-375")
    page.locator("#staff-logout").click()
    expect(page.locator("#staff-login-form")).to_be_visible()

    ines = _member(portal, "ines.benali@example.fr")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in_at_account(page, ines["email"], ines["password"])
    refunds = page.locator("#order-AL100116 .order-refunds")
    expect(refunds).to_contain_text("Where is my refund")
    expect(refunds).to_contain_text(
        re.compile(r"Credit note AV-\w{4}-\w{4} €\d+\.\d\d · Yours now")
    )
    page.locator("#order-AL100116 .order-return").click()
    expect(page.locator("#where-is-my-refund")).to_contain_text(
        re.compile(r"Credit note AV-\w{4}-\w{4}")
    )
    screenshot("return-settled-1280")


def test_a_customer_account_opens_nothing_in_the_console(page, portal):
    camille = _member(portal)
    log_in_staff(page, camille["email"], camille["password"])
    expect(page.locator("#staff-error")).to_contain_text("do not match an account")
    expect(page.locator("#staff-console")).to_have_count(0)


def inspect_every_line(page):
    buttons = page.get_by_role("button", name="Record inspection")
    expect(buttons.first).to_be_visible()
    for left in range(buttons.count() - 1, -1, -1):
        buttons.first.click()
        expect(buttons).to_have_count(left)


def _wait_for_cookie(page, name):
    for _ in range(50):
        if any(cookie["name"] == name for cookie in page.context.cookies()):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no {name} cookie")


def _her_return_page_until(page, number, text):
    """Reload her return page until the worker's news shows (it runs every second)."""
    where = page.locator("#where-is-my-refund")
    for _ in range(30):
        page.goto(f"/returns/{number}")
        expect(where).to_be_visible()
        if text in where.inner_text():
            break
        page.wait_for_timeout(500)
    expect(where).to_contain_text(text)


def test_r12_staff_retry_a_refused_refund_then_her_page_says_where_it_is(
    page, portal, screenshot, carrier_faults
):
    """Alma refuses the deferred payment's refund once; staff retry; she sees it done."""
    carrier_faults("alma", "402", 1)
    staff = next(a for a in portal["demo"]["accounts"] if a["role"] == "staff")
    log_in_staff(page, staff["email"], staff["password"])
    row = page.locator(".queue-row", has_text="AL100118")
    number = re.search(r"RT-AL100118-\d+", row.inner_text()).group(0)
    page.locator("#receive-code").fill(number)
    page.get_by_role("button", name="Mark received").click()
    expect(page.locator("#staff-message")).to_have_text("Return received: inspect its items.")
    inspect_every_line(page)
    expect(page.locator("#staff-message")).to_contain_text("return settled")
    refunds = page.locator("#detail-refunds")
    retry = refunds.get_by_role("button", name="Retry")
    for _ in range(30):  # the worker sends it within a second or two, and Alma refuses it
        if retry.count():
            break
        page.wait_for_timeout(500)
        page.locator("#tab-done").click()  # shows the tab again: the opened return is re-read
    expect(refunds).to_contain_text("Alma")
    expect(refunds).to_contain_text("failed")
    expect(refunds.get_by_role("button", name="Refund as credit note instead")).to_be_visible()
    screenshot("staff-refund-failed-1280")
    retry.click()
    expect(page.locator("#staff-message")).to_have_text("The refund is sent again.")
    expect(page.locator(".log-entry", has_text="refund failed")).to_have_count(1)
    page.locator("#staff-logout").click()

    order = next(o for o in portal["demo"]["orders"] if o["number"] == "AL100118")
    _find(page, order["number"], order["email"])
    expect(page.locator("#order-page")).to_be_visible()
    _wait_for_cookie(page, cookies.UNLOCK)  # her reloads keep the order found
    _her_return_page_until(page, number, "Done by Alma on")
    expect(page.locator("#where-is-my-refund .refund-part")).to_have_attribute("data-state", "done")
    steps = page.locator("#return-steps")  # issue 19.15: one list item per step, words apart
    expect(steps.locator("li.return-step")).to_have_count(5)
    assert re.search(r"Declared\s+Dropped off", steps.inner_text())
    expect(steps.locator("li[aria-current='step']")).to_contain_text("Refunded")
    screenshot("where-is-my-refund-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("where-is-my-refund-375")
