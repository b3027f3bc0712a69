"""Issue 19: the core journeys with the keyboard alone (WCAG 2.1.1), no mouse click anywhere.

Tab moves focus from the top of the page as a person's would; Space picks a radio option or a
checkbox, arrows change a select, Enter presses a button or submits a form.
"""

import re

from playwright.sync_api import expect
from test_loyalty import _member
from test_tracking import _order

MOST_TABS = 80
"""More Tab presses than any page needs to reach a control: beyond, it is unreachable."""


SHOWS_FOCUS = """() => {
    const el = document.activeElement;
    return [[el], [el, "::before"], [el.parentElement]].some(
        ([node, pseudo]) => getComputedStyle(node, pseudo).outlineStyle !== "none");
}"""
"""Whether the focused control draws an outline (Radix draws a radio's on its `::before`, a
text field's on the field around the input)."""


def tab_to(page, selector: str, key: str = "Tab") -> None:
    """Press Tab (or `key`, e.g. Shift+Tab) until `selector` has focus (fail if it never does)."""
    for _ in range(MOST_TABS):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            assert page.evaluate(SHOWS_FOCUS), f"{selector} has focus and shows no focus ring"
            return
    raise AssertionError(f"{selector} is never reached with Tab")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def fill_and_submit(page, path: str, fields: dict[str, str]) -> None:
    """Open `path`, type each field's value after tabbing to it, submit with Enter."""
    page.goto(path)
    for selector, text in fields.items():
        type_into(page, selector, text)
    page.keyboard.press("Enter")


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent")


def test_tracking_by_keyboard(page, portal):
    order = _order(portal, "in-transit")
    fill_and_submit(
        page, "/track", {"#order-number": order["number"], "#order-email": order["email"]}
    )
    expect(page).to_have_url(re.compile(rf"/track/{order['number']}/?$"))
    expect(page.locator(".tracking-event").first).to_be_visible()
    tab_to(page, ".parcel-card a[target=_blank]")  # the carrier's own page, reachable too


def test_the_whole_return_by_keyboard_down_to_the_label(page, portal, spare_orders):
    """Lookup, items, reason and refund, details, relay point, review, confirmation, label;
    after each step change focus is on the new step's heading (issue 19.17)."""
    order = spare_orders["keyboard"]
    fill_and_submit(
        page, "/returns", {"#order-number": order["number"], "#order-email": order["email"]}
    )
    expect(page.locator(".return-item").first).to_be_visible()
    tab_to(page, ".quantity-select")
    page.keyboard.press("ArrowDown")  # 0 → 1
    expect(page.locator(".quantity-select").first).to_have_value("1")
    tab_to(page, "#items-continue")
    page.keyboard.press("Enter")
    expect(page.locator("#return-wizard h2").first).to_be_focused()
    assert focused_text(page) == "Item 1 of 1"
    for group in ("#reason", "#resolution", "#refund-method"):
        tab_to(page, f"{group} button[role=radio]")
        page.keyboard.press("Space")
        expect(page.locator(f"{group} button[role=radio][aria-checked=true]")).to_have_count(1)
    tab_to(page, "#confirm-item")
    page.keyboard.press("Enter")
    expect(page.locator("#return-wizard h2").first).to_be_focused()
    assert focused_text(page) == "Check your details"
    type_into(page, "#sender-phone", "06 12 34 56 78")
    page.keyboard.press("Enter")  # submits her details
    expect(page.locator("#return-wizard h2").first).to_have_text("How will you send it back?")
    tab_to(page, "#relay-search")
    page.keyboard.press("Enter")
    expect(page.locator("#relay-results .choice").first).to_be_visible()
    tab_to(page, "#relay-results button[role=radio]")
    page.keyboard.press("Space")
    tab_to(page, "#method-continue")
    page.keyboard.press("Enter")
    expect(page.locator("#return-wizard h2").first).to_be_focused()
    assert focused_text(page) == "Check and confirm"
    tab_to(page, "#confirm-return")
    page.keyboard.press("Enter")
    expect(page.locator("#return-done")).to_be_focused()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-BR\d{6}-1"))
    tab_to(page, "#download-png")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".png")


def test_log_in_and_use_the_loyalty_dashboard_by_keyboard(page, portal):
    member = _member(portal, "lea.martin@example.fr")
    fill_and_submit(
        page, "/loyalty", {"#login-email": member["email"], "#login-password": member["password"]}
    )
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Léa")
    tab_to(page, "#leave-confirm")  # a checkbox, ticked and unticked with Space
    page.keyboard.press("Space")
    expect(page.locator("#leave-confirm")).to_have_attribute("aria-checked", "true")
    page.keyboard.press("Space")
    expect(page.locator("#leave-confirm")).to_have_attribute("aria-checked", "false")
    tab_to(page, "#logout", "Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#login-form")).to_be_visible()
