"""Almé Lovers in Chromium: log in, the dashboard, log out, create an account (L1, L11).

L11 also: the chart of her loves over time and the history of her ledger, paged.
"""

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty import rules
from alme_portal.loyalty.models import LovesEntry
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.loyalty.services.ledger import HISTORY_PAGE_SIZE
from alme_portal.platform import clock, db


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
    # issue 19.18: the tier bar and the checkbox of a permanent action have names
    expect(page.get_by_role("progressbar", name="Your progress to the next tier")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("all my loves"))).to_have_count(1)
    screenshot("loyalty-dashboard-1280")
    page.reload()  # the login cookie keeps her in
    expect(page.locator("#loyalty-greeting")).to_have_text("Hello Camille")
    page.locator("#logout").click()
    expect(page.locator("#login-form")).to_be_visible()
    page.reload()
    expect(page.locator("#login-form")).to_be_visible()


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => list.getEntries().forEach(shift => {
        if (!shift.hadRecentInput) total += shift.value;
    })).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 200);
})"""
"""Every layout shift of the page so far, summed: above Lighthouse's CLS (its worst window)."""


def test_her_pages_do_not_jump_when_they_learn_who_she_is(page, portal):
    """Issue 21: the pages are prerendered for a visitor; opened in a new tab (a link from an
    e-mail), her dashboard, account and referral link replace the forms once loaded without
    moving what she sees (CLS < 0.1; the dashboard's was 0.6)."""
    member = _member(portal)
    log_in(page, member["email"], member["password"])
    expect(page.locator("#loyalty-greeting")).to_be_visible()
    shifts = {}
    for width in (375, 1280):
        for path, shown in (("/loyalty", "#loyalty-dashboard"), ("/account", "#my-account"),
                            ("/referral", "#referral-page")):  # fmt: skip
            tab = page.context.new_page()
            tab.set_viewport_size({"width": width, "height": 900})
            tab.goto(path)
            expect(tab.locator(shown)).to_be_visible()
            shifts[f"{path} at {width} px"] = round(tab.evaluate(LAYOUT_SHIFT), 3)
            tab.close()
    assert max(shifts.values()) < 0.1, shifts


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


HISTORY_MEMBER = "ines.benali@example.fr"
OLDEST_ADDED, ADDED = "E2E-H01", 30


def _add_history(database) -> int:
    """Thirty more orders' loves for Inès over the last year, two still pending (L11).

    Returns:
        How many entries her ledger holds.
    """
    engine = db.engine_for(f"sqlite:///{database}")
    # The write lock up front: the portal's worker writes too, and a transaction that reads
    # then writes would fail at once instead of waiting its turn (`db._sqlite_begin`).
    with Session(db.for_writing(engine)) as session:
        member = session.exec(select(Customer.id).where(Customer.email == HISTORY_MEMBER)).one()
        added = select(LovesEntry.id).where(LovesEntry.reference == OLDEST_ADDED)
        if session.exec(added).first() is None:  # not yet added by an earlier test of this run
            today = clock.today()
            for n in range(1, ADDED + 1):
                placed = today - timedelta(days=12 * (ADDED - n))
                entry = rules.purchase_entry(f"E2E-H{n:02d}", 1_500 + 400 * (n % 7), placed)
                loyalty.append(session, member, entry)
            session.commit()
        total = len(loyalty.ledger(session, member))
    engine.dispose()
    return total


def _first_of_page_two(database) -> str:
    """The reference her history's second page starts with (newest first by day, L11)."""
    engine = db.engine_for(f"sqlite:///{database}")
    with Session(engine) as session:
        member = session.exec(select(Customer.id).where(Customer.email == HISTORY_MEMBER)).one()
        first, _ = loyalty.history(session, member)
        second, _ = loyalty.history(session, member, first[-1].id)
    engine.dispose()
    return second[0].reference


def test_l11_member_sees_her_loves_chart_and_pages_through_her_history(page, portal, screenshot):
    entries = _add_history(portal["database"])
    member = _member(portal, HISTORY_MEMBER)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, member["email"], member["password"])
    chart = page.locator("#loves-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    expect(chart).to_have_attribute("aria-label", re.compile("last 12 months"))
    expect(page.locator("#loves-chart-summary")).to_contain_text(re.compile(r"today: [\d,]+ loves"))
    expect(page.locator("#chart-card .chart-month")).to_have_count(13)
    expect(page.locator("#chart-pending")).to_contain_text("pending")
    assert chart.locator("path").nth(2).get_attribute("d").count("L") == 12
    rows = page.locator(".history-row")
    expect(rows).to_have_count(20)
    expect(rows.first).to_contain_text(f"Order E2E-H{ADDED}")  # the newest entry first
    expect(rows.first).to_contain_text("pending until")
    expect(rows.first).to_contain_text(re.compile(r"\+[\d,]+ loves"))
    expect(page.locator("#history-newer")).to_be_disabled()
    screenshot("loyalty-chart-history-1280")
    page.locator("#history-older").click()
    expect(rows.first).to_contain_text(f"Order {_first_of_page_two(portal['database'])}")
    expect(page.locator("#history-newer")).to_be_enabled()
    if entries <= 2 * HISTORY_PAGE_SIZE:  # her demo orders end the ledger on this page
        expect(page.locator("#history-older")).to_be_disabled()
    page.locator("#history-newer").click()
    expect(rows.first).to_contain_text(f"Order E2E-H{ADDED}")
    expect(page.locator("#history-newer")).to_be_disabled()
    page.set_viewport_size({"width": 375, "height": 800})
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(page.locator("#history-card")).to_contain_text("Historique")
    expect(rows.first).to_contain_text(f"Commande E2E-H{ADDED}")
    expect(page.locator("#chart-card .chart-month").last).to_have_text(re.compile(r"^\d+ \S+$"))
    screenshot("loyalty-chart-history-375-fr")
    page.locator("#language-switch").get_by_role("button", name="English").click()
    expect(rows.first).to_contain_text(f"Order E2E-H{ADDED}")
    screenshot("loyalty-chart-history-375")
