"""Almé Lovers in Chromium: log in, the dashboard, log out, create an account (L1, L11)."""

import re

from playwright.sync_api import expect


def _member(portal, email="camille.moreau@example.fr"):
    return next(a for a in portal["demo"]["accounts"] if a["email"] == email)


def log_in(page, email, password):
    page.goto("/loyalty")
    form = page.locator("#login-form")
    form.locator("#login-email").fill(email)
    form.locator("#login-password").fill(password)
    form.get_by_role("button", name="Log in").click()


def test_l11_member_logs_in_sees_her_dashboard_and_logs_out(page, portal, screenshot):
    member = _member(portal)
    log_in(page, member["email"], member["password"])
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Camille")
    expect(page.locator("#loves-balance")).to_have_text(re.compile(r"^\d[\d,]* loves$"))
    expect(page.locator("#tier-current")).to_have_text(re.compile(r"^(Flirt|Crush|In Love)$"))
    expect(page.locator(".tier")).to_have_count(3)
    expect(page.locator(".tier-current")).to_have_count(1)
    expect(page.locator(".mission")).to_have_count(3)
    expect(page.locator(".reward")).to_have_count(3)
    screenshot("loyalty-dashboard-1280")
    page.reload()  # the login cookie keeps her in
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Camille")
    page.locator("#logout").click()
    expect(page.locator("#login-form")).to_be_visible()
    page.reload()
    expect(page.locator("#login-form")).to_be_visible()


def _balance(page) -> int:
    return int(page.locator("#loves-balance").inner_text().split()[0].replace(",", ""))


def test_l2_l5_member_completes_missions_and_redeems_a_reward(page, portal, screenshot):
    member = _member(portal)
    log_in(page, member["email"], member["password"])
    expect(page.locator("#loves-balance")).to_be_visible()
    before = _balance(page)
    page.locator("#mission-newsletter").click()
    expect(page.locator("#loyalty-message")).to_contain_text("100 loves added")
    expect(page.locator("#loves-balance")).to_have_text(f"{before + 100:,} loves")
    expect(page.locator("#mission-newsletter")).to_have_count(0)  # once only
    page.locator("#birthday-input").fill("1990-01-01")  # hers is recorded: no farming
    page.locator("#mission-birthday").click()
    expect(page.locator("#loyalty-message")).to_contain_text("cannot be changed")
    page.locator("#redeem-500").click()
    expect(page.locator("#loyalty-message")).to_contain_text(re.compile(r"LOVE-[A-Z0-9]{8}"))
    code = re.search(r"LOVE-[A-Z0-9]{8}", page.locator("#loyalty-message").inner_text()).group(0)
    expect(page.locator(".voucher").first).to_contain_text(code)
    expect(page.locator(".voucher").first).to_contain_text("Valid until")
    expect(page.locator(".voucher", has_text="Expired")).to_have_count(1)  # the demo's old one
    expect(page.locator("#loves-balance")).to_have_text(f"{before + 100 - 500:,} loves")
    screenshot("loyalty-redeemed-1280")


def test_wrong_password_is_refused_with_a_clear_message(page, portal):
    log_in(page, _member(portal)["email"], "not her password")
    expect(page.locator("#account-error")).to_contain_text("do not match an account")
    expect(page.locator("#loyalty-dashboard")).to_have_count(0)


def test_l1_creating_an_account_joins_at_flirt_from_a_phone(page, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/loyalty")
    screenshot("loyalty-welcome-375")
    form = page.locator("#signup-form")
    form.locator("#signup-first-name").fill("Alice")
    form.locator("#signup-last-name").fill("Martin")
    form.locator("#signup-email").fill("alice.martin.e2e@example.fr")
    form.locator("#signup-password").fill("a long enough one")
    form.get_by_role("button", name="Create my account").click()
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Alice")
    expect(page.locator("#tier-current")).to_have_text("Flirt")
    expect(page.locator("#loves-balance")).to_have_text("0 loves")
    expect(page.locator("#tier-missing")).to_contain_text("€400.00 more to reach Crush")
    screenshot("loyalty-dashboard-375")
