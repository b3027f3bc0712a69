"""Issue 19: axe-core finds nothing on any page or wizard step, in English and in French.

Every rule of WCAG 2.x A/AA, the best practices and the experimental rules, at 375 and 1280 px;
each state also leaves a screenshot at both widths (`artifacts/screens/a11y/`).
"""

import re

import pytest
from accessibility import check, report
from playwright.sync_api import expect
from test_loyalty import _member
from test_tracking import _order

from alme_portal.i18n import translate

LANGUAGES = ("en", "fr")
PAGES = {
    "home": "/",
    "help": "/help",
    "track": "/track",
    "returns": "/returns",
    "loyalty-login": "/loyalty",
    "account-login": "/account",
    "referral-login": "/referral",
    "staff-login": "/staff",
    "withdrawal": "/withdraw",
    "not-found": "/no-such-page",
    "friend-unknown": "/r/UNKNOWN1",
    "reset-invalid": "/account/reset?token=not-a-token",
    "confirm-invalid": "/account/confirm?token=not-a-token",
}
ORDER_SCENARIOS = ("not-dispatched", "in-transit", "split-preorder", "relay-pickup-waiting",
                   "cancelled", "returned-to-sender", "chronopost", "abroad")  # fmt: skip


def in_language(page, portal, language: str) -> None:
    page.context.add_cookies([{"name": "alme_lang", "value": language, "url": portal["url"]}])


def button(page, language: str, key: str):
    return page.get_by_role("button", name=translate(language, key), exact=True)


def find_order(page, language: str, order: dict, path: str) -> None:
    page.goto(path)
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    button(page, language, "track.submit").click()


def log_in(page, language: str, path: str, prefix: str, account: dict) -> None:
    page.goto(path)
    page.locator(f"#{prefix}-email").fill(account["email"])
    page.locator(f"#{prefix}-password").fill(account["password"])
    button(page, language, "account.login.submit").click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_and_order_scenario(page, portal, language):
    in_language(page, portal, language)
    findings: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        page.goto(path)
        expect(page.locator("#site-footer")).to_be_visible()
        check(page, f"{language}-{name}", findings)
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto("/")
    page.locator("#mobile-menu").click()
    expect(page.locator("#mobile-nav")).to_be_visible()
    check(page, f"{language}-menu-open", findings, widths=(375,))
    for scenario in ORDER_SCENARIOS:
        order = _order(portal, scenario)
        find_order(page, language, order, "/track")
        # Her order's own heading: until its load answers, the tab may still hold the order
        # it showed before (client-side navigation), then the page spins while it loads.
        expect(page.locator("h1")).to_contain_text(order["number"])
        expect(page.locator("#order-status")).to_be_visible()
        check(page, f"{language}-order-{scenario}", findings)
    assert not findings, report(findings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_wizard_step(page, portal, spare_orders, language):
    """Lookup (and its error), items, reason and outcome (exchange and refund, with the
    step's error), details, method and relay points, review, confirmation, status page."""
    in_language(page, portal, language)
    findings: dict[str, list[str]] = {}
    order = spare_orders[f"axe-{language}"]
    find_order(page, language, {**order, "email": "someone.else@example.fr"}, "/returns")
    expect(page.locator("#lookup-error")).to_be_visible()
    check(page, f"{language}-wizard-lookup-refused", findings)
    find_order(page, language, order, "/returns")
    expect(page.locator(".return-item").first).to_be_visible()
    check(page, f"{language}-wizard-items", findings)
    button(page, language, "returns.continue").click()
    expect(page.locator("#wizard-error")).to_be_visible()
    check(page, f"{language}-wizard-items-error", findings)
    page.locator(".quantity-select").first.select_option("1")
    button(page, language, "returns.continue").click()
    page.locator("#resolution label").nth(1).click()  # exchange for another size
    expect(page.locator("#exchange-size")).to_be_visible()
    check(page, f"{language}-wizard-exchange", findings)
    page.locator("#resolution label").first.click()  # a refund
    page.locator("#refund-method label").first.click()
    button(page, language, "returns.confirm_refund").click()  # no reason chosen yet
    expect(page.locator("#wizard-error")).to_be_visible()
    check(page, f"{language}-wizard-reason-error", findings)
    page.locator("#reason label").first.click()
    button(page, language, "returns.confirm_refund").click()
    expect(page.locator("#sender-phone")).to_be_visible()
    check(page, f"{language}-wizard-details", findings)
    page.locator("#sender-phone").fill("06 12 34 56 78")
    button(page, language, "returns.continue").click()
    expect(page.locator("#relay-search")).to_be_visible()
    check(page, f"{language}-wizard-method", findings)
    page.locator("#relay-search").click()
    expect(page.locator("#relay-results .choice").first).to_be_visible()
    page.locator("#relay-results .choice").first.click()
    check(page, f"{language}-wizard-relay-points", findings)
    button(page, language, "returns.continue").click()
    expect(button(page, language, "returns.confirm")).to_be_visible()
    check(page, f"{language}-wizard-review", findings)
    button(page, language, "returns.confirm").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-BR\d{6}-1"))
    check(page, f"{language}-wizard-done", findings)
    page.get_by_role("link", name=translate(language, "returns.status_link")).click()
    expect(page.locator("#return-steps")).to_be_visible()
    check(page, f"{language}-return-status", findings)
    assert not findings, report(findings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_and_staff_pages(page, portal, language):
    """The loyalty dashboard, My account, Refer a friend, a friend's page, the Atelier console."""
    in_language(page, portal, language)
    findings: dict[str, list[str]] = {}
    log_in(page, language, "/loyalty", "login", _member(portal, "ines.benali@example.fr"))
    expect(page.locator("#loyalty-greeting")).to_be_visible()
    check(page, f"{language}-loyalty-dashboard", findings)
    page.goto("/account")
    expect(page.locator("#account-email-state")).to_be_visible()
    check(page, f"{language}-account", findings)
    page.goto("/referral")
    expect(page.locator("#referral-link")).to_be_visible()
    check(page, f"{language}-referral", findings)
    link = page.locator("#referral-link").inner_text()
    page.context.clear_cookies()
    in_language(page, portal, language)
    page.goto(link)
    expect(page.locator("#friend-email")).to_be_visible()
    check(page, f"{language}-friend", findings)
    staff = next(a for a in portal["demo"]["accounts"] if a["role"] == "staff")
    log_in(page, language, "/staff", "staff", staff)
    expect(page.locator("#staff-greeting")).to_be_visible()
    check(page, f"{language}-staff", findings)
    assert not findings, report(findings)
