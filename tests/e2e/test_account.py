"""My account in Chromium: her orders, e-mail links, forgotten password, changes (issue 6)."""

import re
import sqlite3

from playwright.sync_api import expect
from test_loyalty import _member, log_in


def log_in_at_account(page, email, password):
    page.goto("/account")
    form = page.locator("#login-form")
    form.locator("#login-email").fill(email)
    form.locator("#login-password").fill(password)
    form.get_by_role("button", name="Log in").click()


def sign_up_at_account(page, email, first_name="Alice", password="a long enough one"):
    page.goto("/account")
    form = page.locator("#signup-form")
    form.locator("#signup-first-name").fill(first_name)
    form.locator("#signup-last-name").fill("Martin")
    form.locator("#signup-email").fill(email)
    form.locator("#signup-password").fill(password)
    form.get_by_role("button", name="Create my account").click()
    expect(page.locator("#account-greeting")).to_have_text(f"Hello {first_name}")


def link_path(portal, kind, recipient):
    """The path and token of the newest e-mail link of this kind sent to `recipient`."""
    with sqlite3.connect(portal["database"]) as connection:
        (body,) = connection.execute(
            "SELECT body FROM outbox_email WHERE kind = ? AND recipient = ? ORDER BY id DESC",
            (kind, recipient),
        ).fetchone()
    return re.search(r"https?://[^/\s]+(/account/\S+)", body).group(1)


def open_from_demo_mailbox(page, recipient, subject):
    """Open the newest e-mail `subject` to `recipient` in the demo mailbox, as the demo does.

    The mail worker sends every couple of seconds: the list is reloaded until it is there.
    """
    row = page.get_by_role("row").filter(has_text=recipient)
    link = row.get_by_role("link", name=subject).first
    for _ in range(30):
        page.goto("/_demo/mailbox")
        if link.count():
            break
        page.wait_for_timeout(1000)
    link.click()


def test_my_account_lists_her_orders_and_opens_tracking_and_returns(page, portal, screenshot):
    member = _member(portal)
    log_in_at_account(page, member["email"], member["password"])
    expect(page.locator("#account-greeting")).to_have_text("Hello Camille")
    orders = page.locator(".account-order")
    expect(orders.first).to_be_visible()
    assert orders.count() >= 8
    expect(page.locator("#order-AL100120")).to_contain_text("placed as a guest")
    expect(page.locator("#order-AL100107")).to_contain_text("Colissimo:")
    expect(page.locator("#order-AL100103")).to_have_count(0)  # Inès's order
    screenshot("account-1280")
    page.locator("#track-AL100107").click()
    expect(page).to_have_url(re.compile(r"/track/AL100107/?$"))
    expect(page.locator("#order-page")).to_be_visible()
    page.goto("/account")
    page.locator("#return-AL100101").click()
    expect(page).to_have_url(re.compile(r"/returns/?\?order=AL100101$"))
    expect(page.locator(".return-item").first).to_be_visible()  # no lookup needed


def test_my_account_on_a_phone(page, portal, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    member = _member(portal, "ines.benali@example.fr")
    log_in_at_account(page, member["email"], member["password"])
    expect(page.locator("#order-AL100103")).to_be_visible()
    screenshot("account-375")


def test_confirming_her_address_shows_her_guest_orders(page, portal):
    """Sign-up sends the link; once opened, her guest order with that address appears."""
    sign_up_at_account(page, "manon.petit@example.fr", "Manon")
    expect(page.locator("#account-email-state")).to_have_text("Not confirmed yet")
    expect(page.locator(".account-order")).to_have_count(0)
    page.goto(link_path(portal, "email_verify", "manon.petit@example.fr"))
    page.get_by_role("button", name="Confirm my e-mail address").click()
    expect(page.locator("#link-message")).to_have_text("Your e-mail address is confirmed.")
    page.locator("#link-next").click()
    expect(page.locator("#account-email-state")).to_have_text("Confirmed")
    expect(page.locator("#order-AL100106")).to_contain_text("placed as a guest")


def test_forgotten_password_through_the_emailed_link(page, portal, screenshot):
    email = "forgetful.e2e@example.fr"
    sign_up_at_account(page, email)
    page.locator("#logout").click()
    page.locator("#forgot-password").click()
    page.locator("#reset-email").fill(email)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.locator("#link-message")).to_contain_text("If an account uses this e-mail")
    open_from_demo_mailbox(page, email, "Your new Almé password")
    expect(page.locator("#demo-mail-headers")).to_contain_text(email)
    screenshot("demo-mail-reset-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("demo-mail-reset-375")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("a[href*='/account/reset']").first.click()
    expect(page.locator("#main")).to_have_attribute("data-hydrated", "true")
    page.locator("#reset-password").fill("my brand new password")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator("#link-message")).to_have_text("Your new password is saved.")
    page.reload()  # the link works once
    page.locator("#reset-password").fill("yet another password")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator("#link-message")).to_contain_text("expired or was already used")
    log_in_at_account(page, email, "my brand new password")
    expect(page.locator("#account-greeting")).to_have_text("Hello Alice")


def test_changing_email_needs_her_password_then_the_new_address(page, portal):
    old, new = "mover.e2e@example.fr", "moved.e2e@example.fr"
    sign_up_at_account(page, old)
    page.locator("#new-email").fill(new)
    page.locator("#email-password").fill("not my password")
    page.get_by_role("button", name="Change my e-mail").click()
    expect(page.locator("#account-message")).to_have_text("Your current password is not right.")
    page.locator("#email-password").fill("a long enough one")
    page.get_by_role("button", name="Change my e-mail").click()
    expect(page.locator("#account-message")).to_contain_text("We have sent a link")
    expect(page.locator("#account-email")).to_have_text(old)
    page.goto(link_path(portal, "email_change", new))
    page.get_by_role("button", name="Confirm my e-mail address").click()
    expect(page.locator("#link-message")).to_have_text(
        "Your account now uses its new e-mail address."
    )
    page.goto("/account")
    expect(page.locator("#account-email")).to_have_text(new)
    page.locator("#current-password").fill("a long enough one")
    page.locator("#new-password").fill("a newer secret phrase")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator("#account-message")).to_have_text("Your password is changed.")


TIER_NAMES = {"flirt": "Flirt", "crush": "Crush", "in_love": "In Love"}


def test_l11_each_demo_member_sees_her_own_dashboard(page, portal):
    members = [a for a in portal["demo"]["accounts"] if a["role"] == "customer"]
    assert {member["tier"] for member in members} == set(TIER_NAMES)
    for member in members:
        log_in(page, member["email"], member["password"])
        expect(page.locator("#tier-current")).to_have_text(TIER_NAMES[member["tier"]])
        expect(page.locator(".tier-current")).to_contain_text(TIER_NAMES[member["tier"]])
        pending = page.locator("#loves-card")
        if "pending loves" in member["loyalty"]:
            expect(pending).to_contain_text("available on")
        else:
            expect(pending).to_contain_text("No pending loves.")
        page.locator("#logout").click()
        expect(page.locator("#login-form")).to_be_visible()


def test_l9_member_claims_the_loves_of_her_logged_out_order_once(page, portal):
    member = _member(portal)
    log_in(page, member["email"], member["password"])
    page.locator("#claim-order").fill("al100120")
    page.locator("#claim-email").fill(member["email"])
    page.get_by_role("button", name="Claim my loves").click()
    expect(page.locator("#loyalty-message")).to_have_text("709 loves counted for order AL100120.")
    expect(page.locator("#history-card")).to_contain_text("Loves claimed for order AL100120")
    page.get_by_role("button", name="Claim my loves").click()
    expect(page.locator("#loyalty-message")).to_have_text(
        "This order has already earned its loves."
    )


def test_l10_leaving_asks_for_the_box_and_is_final(page, screenshot):
    sign_up_at_account(page, "leaving.e2e@example.fr", "Jeanne")
    page.goto("/loyalty")
    page.locator("#mission-newsletter").click()
    expect(page.locator("#loves-balance")).to_have_text("100 loves")
    page.get_by_role("button", name="Leave Almé Lovers").click()
    expect(page.locator("#loyalty-message")).to_have_text(
        "Tick the box to confirm that you want to leave."
    )
    expect(page.locator("#loves-balance")).to_have_text("100 loves")
    page.locator("#leave-confirm").click()
    screenshot("loyalty-leave-1280")
    page.get_by_role("button", name="Leave Almé Lovers").click()
    expect(page.locator("#loyalty-message")).to_contain_text("100 loves and your vouchers")
    expect(page.locator("#loyalty-left")).to_contain_text("You left Almé Lovers on")
    page.reload()
    expect(page.locator("#loyalty-left")).to_be_visible()
    expect(page.locator(".mission")).to_have_count(0)
