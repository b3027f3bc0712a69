"""The Atelier console in Chromium: receive and inspect a demo return, then her page (R6, R8)."""

import re

from playwright.sync_api import expect
from test_account import log_in_at_account
from test_loyalty import _member


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
    page.locator("#order-AL100116 .order-return").click()
    expect(page.locator("#return-money")).to_contain_text(re.compile(r"Credit note AV-\w{4}-\w{4}"))
    screenshot("return-settled-1280")


def test_a_customer_account_opens_nothing_in_the_console(page, portal):
    camille = _member(portal)
    log_in_staff(page, camille["email"], camille["password"])
    expect(page.locator("#staff-error")).to_contain_text("do not match an account")
    expect(page.locator("#staff-console")).to_have_count(0)
