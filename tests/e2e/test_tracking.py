"""Track my order: guest lookup and the order page for each demo scenario (rules O1-O9, C2)."""

import re

import pytest
from conftest import RELAY_PARCELS
from playwright.sync_api import expect

from alme_portal.i18n.dates import format_date
from alme_portal.platform import clock
from alme_portal.simulator import scenarios, variants


def _order(portal, tag):
    return next(o for o in portal["demo"]["orders"] if tag in o["tags"])


def _find(page, number, email):
    page.goto("/track")
    page.locator("#order-number").fill(number)
    page.locator("#order-email").fill(email)
    page.get_by_role("button", name="Find my order").click()


def _open(page, portal, tag):
    order = _order(portal, tag)
    _find(page, f"  {order['number'].lower()} ", order["email"].upper())
    expect(page).to_have_url(re.compile(rf"/track/{order['number']}/?$"))
    expect(page.locator("#order-page")).to_be_visible()
    return order


def test_unknown_order_and_wrong_email_get_the_same_answer(page, portal):
    order = _order(portal, "in-transit")
    _find(page, order["number"], "someone.else@example.fr")
    wrong_email = page.locator("#lookup-error").inner_text(timeout=15_000)
    _find(page, "ZZ999999", order["email"])
    expect(page.locator("#lookup-error")).to_have_text(wrong_email)
    assert "could not find" in wrong_email
    expect(page).to_have_url(re.compile(r"/track/?$"))
    number = page.locator("#order-number")  # issue 19.17: the fields say they are wrong, and why
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_have_attribute("aria-describedby", "order-number-hint lookup-error")
    expect(
        page.locator("[aria-live=assertive]").filter(has=page.locator("#lookup-error"))
    ).to_have_count(1)


def test_order_page_is_not_reachable_by_its_address_alone(browser, base_url, portal):
    order = _order(portal, "in-transit")
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(f"/track/{order['number']}")
    expect(page.locator("#order-denied")).to_be_visible()
    expect(page.locator("#order-page")).to_have_count(0)
    context.close()


def test_in_transit_parcel_shows_its_window_and_live_events(page, portal):
    _open(page, portal, "in-transit")  # rule O4
    card = page.locator(".parcel-card").first
    expect(card.locator(".parcel-headline")).to_contain_text("Expected between")
    expect(card.locator(".tracking-number")).not_to_be_empty()
    expect(card.get_by_role("link", name="Follow on the carrier's site")).to_have_attribute(
        "href", re.compile(r"^https://www\.(laposte|chronopost|mondialrelay)\.")
    )


def test_relay_parcel_waits_with_a_deadline(page, portal):
    _open(page, portal, "relay-pickup-waiting")
    expect(page.locator(".parcel-headline").first).to_contain_text(
        re.compile(r"Waiting for you at .+ until")
    )
    expect(page.locator("#order-destination")).to_contain_text("Mondial Relay point")
    card = page.locator(".parcel-card").first  # issue 22: its tracing dates read 25/11/2026
    expect(card.locator(".tracking-event").first).to_contain_text("waiting for you")
    expect(card.locator("#carrier-note")).to_have_count(0)


def test_partner_scope_delivery_scan_reads_as_delivered(page, portal):
    """Issue 22, case 1: its delivery scan comes as `status` LIVCFM, with no `code`."""
    _open(page, portal, "delivered-returnable")
    card = page.locator(".parcel-card").first
    expect(card.locator(".tracking-event").first).to_contain_text("Your parcel has been delivered.")
    expect(card.locator("#carrier-note")).to_have_count(0)
    expect(card.locator(".parcel-status")).to_have_text("Delivered")


def test_mondial_relay_tracing_in_spanish_or_english_or_not_known_yet(page, relay_variant_orders):
    """Issue 22, cases 2-4: answers the carrier gave correctly never read as "carrier down"."""
    stories = scenarios.named_scenarios(clock.now())
    for use in ("spanish", "english"):  # Spanish with four-digit years (cases 3, 4)
        order = relay_variant_orders[use]
        story = stories[RELAY_PARCELS[use]]
        _find(page, order["number"], order["email"])
        expect(page.locator("h1")).to_contain_text(order["number"])
        card = page.locator(".parcel-card").first
        expect(card.locator(".parcel-status")).to_have_text("Delivered")
        delivered = format_date(story.events[-1].at, "en")
        expect(card.locator(".parcel-headline")).to_have_text(f"Delivered on {delivered}")
        expect(card.locator(".tracking-event")).to_have_count(len(story.events))
        expect(card.locator("#carrier-note")).to_have_count(0)
    order = relay_variant_orders["unknown"]  # STAT 99 (case 2), five days after dispatch
    _find(page, order["number"], order["email"])
    expect(page.locator("h1")).to_contain_text(order["number"])
    card = page.locator(".parcel-card").first
    expect(card.locator(".parcel-status")).to_have_text("Label created")
    expect(card).to_contain_text("Tracking has not moved for several days.")  # rule O7
    expect(card.locator("#carrier-note")).to_have_count(0)


@pytest.mark.parametrize("width", [375, 1280])
def test_o4_la_poste_estimated_window_in_both_languages(page, portal, screenshot, width):
    """Issue 22: La Poste's estimDate, estimHourMin and estimHourMax, under our own window."""
    page.set_viewport_size({"width": width, "height": 900})
    _open(page, portal, "in-transit")
    card = page.locator(".parcel-card").first
    number = card.locator(".tracking-number").inner_text()
    story = scenarios.demo_scenarios(clock.now())[number]
    assert variants.LP_ESTIMATE in story.variants
    start, end = (clock.in_paris(moment) for moment in story.estimate)
    expect(card.locator(".parcel-headline")).to_contain_text("Expected between")
    expect(card.locator(".parcel-estimate")).to_have_text(
        f"Colissimo expects to deliver it on {start:%A} {start.day} {start:%B}, "
        f"between {start:%H:%M} and {end:%H:%M}."
    )
    screenshot(f"order-estimate-{width}")
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(card.locator(".parcel-estimate")).to_have_text(re.compile(
        rf"^Colissimo prévoit de le livrer le \w+ {start.day} \w+, "
        rf"entre {start.hour}h{start:%M} et {end.hour}h{end:%M}\.$"
    ))  # fmt: skip
    page.locator("#language-switch").get_by_role("button", name="English").click()


def test_split_preorder_has_one_card_per_parcel(page, portal):
    _open(page, portal, "split-preorder")  # rule O3
    expect(page.locator(".parcel-card")).to_have_count(2)
    expect(page.get_by_text(re.compile(r"Ships on .+ \(pre-order\)"))).to_be_visible()


@pytest.mark.parametrize(
    ("tag", "guidance"),
    [
        ("cancelled", "This order is cancelled"),  # rule O2
        ("abroad", "customs fees may be due"),  # rule O5
        ("returned-to-sender", "refunded automatically by"),  # rule O9
        ("delivered-returnable", "Marked delivered but not received"),  # rule O8
        ("not-dispatched", "we e-mail its tracking link"),  # rule O6
    ],
)
def test_each_exception_gets_its_guidance(page, portal, tag, guidance):
    _open(page, portal, tag)
    expect(page.locator("#order-page")).to_contain_text(guidance)
    if tag == "cancelled":  # issue 19.15: no "Parcels" heading over nothing
        expect(page.locator("#order-parcels")).to_have_count(0)


def test_orange_address_is_warned_that_no_email_arrives(page, portal):
    _open(page, portal, "email-unreachable")  # rule C2
    expect(page.locator("#c2-warning")).to_contain_text("07 67 46 39 63")


def test_order_page_in_french(french_context, portal):
    page = french_context.new_page()
    order = _order(portal, "split-preorder")
    page.goto("/track")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Trouver ma commande").click()
    expect(page.get_by_text(re.compile(r"Colis 1 sur 2"))).to_be_visible()
    expect(page.get_by_text("Total payé")).to_be_visible()


@pytest.mark.parametrize("width", [375, 1280])
def test_order_page_fits_the_screen(page, portal, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    _open(page, portal, "split-preorder")
    expect(page.locator(".parcel-card").first).to_be_visible()
    screenshot(f"order-{width}")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_repeated_failures_are_rate_limited_with_a_time(page, portal):
    order = _order(portal, "in-transit")
    for _ in range(5):
        _find(page, order["number"], "not.her@example.fr")
        expect(page.locator("#lookup-error")).to_contain_text("could not find")
    _find(page, order["number"], order["email"])  # even the right e-mail waits now
    expect(page.locator("#lookup-error")).to_contain_text(
        re.compile(r"Too many attempts\. You can try again at \d{2}:\d{2}\.")
    )
    expect(page).to_have_url(re.compile(r"/track/?$"))


def test_carrier_down_shows_the_last_known_events(page, portal, carrier_faults):
    _open(page, portal, "in-transit")
    card = page.locator(".parcel-card").first
    expect(card.locator(".parcel-headline")).to_contain_text("Expected between")
    events = card.locator(".tracking-event").count()
    assert events > 0
    carrier_faults("laposte", "503", 50)
    page.reload()
    expect(card.locator("#carrier-note")).to_contain_text("these are the last known events")
    expect(card.locator(".tracking-event")).to_have_count(events)


SLOW_CARRIER_S = 3


def test_a_slow_carrier_shows_the_spinner_and_the_page_answers_meanwhile(
    page, portal, carrier_faults
):
    """Issue 21: the order page waits for La Poste beside the tab's events, not in front."""
    order = _order(portal, "in-transit")
    carrier_faults("laposte", "slow", 1, delay=SLOW_CARRIER_S)
    _find(page, order["number"], order["email"])
    spinner = page.locator("#main .rt-Spinner")
    expect(spinner).to_be_visible()
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(page.get_by_role("link", name="Suivre une commande").first).to_be_visible()
    expect(spinner).to_be_visible()  # she switched language while La Poste was still thinking
    card = page.locator(".parcel-card").first
    expect(card.locator(".parcel-headline")).to_contain_text(
        "Livraison prévue", timeout=SLOW_CARRIER_S * 3000
    )
    page.locator("#language-switch").get_by_role("button", name="English").click()


def test_empty_lookup_says_what_is_missing_on_the_fields(page):
    """Issue 19.17: the portal's message, not the browser's bubble, and the fields marked."""
    page.goto("/track")
    page.get_by_role("button", name="Find my order").click()
    expect(page.locator("#lookup-error")).to_have_text(
        "Please enter your order number and your e-mail."
    )
    for field in ("#order-number", "#order-email"):
        expect(page.locator(field)).to_have_attribute("aria-invalid", "true")
        expect(page.locator(field)).to_have_attribute(
            "aria-describedby", re.compile("lookup-error")
        )
