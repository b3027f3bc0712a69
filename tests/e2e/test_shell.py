"""The branded shell, home, help and not-found pages in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

PAGES = {"home": "/", "help": "/help", "not-found": "/no-such-page"}
WIDTHS = {"phone": 375, "desktop": 1280}


def test_home_offers_the_four_jobs_and_the_contact_details(page):
    page.goto("/")
    expect(page.get_by_role("heading", name="How can we help you today?")).to_be_visible()
    for card in ("job-track", "job-returns", "job-loyalty", "job-referral"):
        expect(page.locator(f"#{card}")).to_be_visible()
    expect(page.locator("#job-referral")).to_contain_text("€15.00 for you, €15.00 for your friend")
    expect(page.locator("#job-returns")).to_contain_text("within 14 days of delivery")
    footer = page.locator("#site-footer")  # rule C1
    expect(footer).to_contain_text("hello@almeparis.com")
    expect(footer).to_contain_text("07 67 46 39 63")
    expect(footer).to_contain_text("Monday to Friday, 9:00–12:30 and 13:30–17:00")


def test_header_links_reach_every_job(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    for name, path in [
        ("Track an order", "/track"),
        ("Returns & exchanges", "/returns"),
        ("Almé Lovers", "/loyalty"),
        ("Refer a friend", "/referral"),
        ("Help", "/help"),
    ]:
        expect(nav.get_by_role("link", name=name)).to_have_attribute("href", path)


def test_phone_width_uses_a_menu(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    page.locator("#mobile-menu").click()
    page.locator("#mobile-nav").get_by_role("link", name="Help").click()
    expect(page).to_have_url(re.compile(r"/help/?$"))
    expect(page.get_by_role("heading", name="Help", exact=True)).to_be_visible()
    expect(page.locator("#mobile-nav")).to_be_hidden()  # the new page opens with it closed


def test_french_browser_gets_french(french_context):
    page = french_context.new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="Comment pouvons-nous vous aider")).to_be_visible()
    expect(page.locator("#contact-hours")).to_have_text(
        "Du lundi au vendredi, 9h00–12h30 et 13h30–17h00"
    )
    expect(page.locator("#job-referral")).to_contain_text("15,00\u00a0€ pour vous")


def test_the_document_speaks_the_language_of_the_page(french_context, page):
    """Issue 19.16, 19.20: lang, title and description follow the language; names hold words."""
    french = french_context.new_page()
    french.goto("/returns")
    expect(french.locator("html")).to_have_attribute("lang", "fr")
    expect(french).to_have_title("Retours et échanges · Almé")
    expect(french.locator('meta[name="description"]')).to_have_attribute(
        "content", re.compile("Retournez ou échangez un article")
    )
    page.goto("/returns")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Returns & exchanges · Almé")
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_title("Retours et échanges · Almé")
    switch = page.locator("#language-switch")  # WCAG 2.5.3: the name holds the visible text
    expect(switch.get_by_role("button", name="EN", exact=False)).to_have_text("EN")
    expect(page.get_by_role("navigation", name="Principale")).to_be_attached()
    expect(page.get_by_role("link", name=re.compile("ALMÉ"))).to_have_count(1)


@pytest.mark.parametrize("width", [1024, 1127, 1279, 1280])
def test_the_header_fits_from_1024_px_in_both_languages(page, width):
    """Issue 19.20: from 1024 to 1127 px the header ran 104 px off screen in French."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    for language in ("Français", "English"):
        page.locator("#language-switch").get_by_role("button", name=language).click()
        box = page.locator("#language-switch").bounding_box()
        assert box is not None and box["x"] + box["width"] <= width, (language, box)


def test_language_switch_is_remembered(page):
    page.goto("/")
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(page.get_by_role("heading", name="Comment pouvons-nous vous aider")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Comment pouvons-nous vous aider")).to_be_visible()
    page.locator("#language-switch").get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="How can we help you today?")).to_be_visible()


def test_help_search_narrows_topics_and_offers_contact_when_nothing_matches(page):
    page.goto("/help")
    topics = page.locator(".help-topic:visible")
    expect(topics.first).to_be_visible()
    everything = topics.count()
    page.locator("#help-search").fill("gift card")
    expect(page.locator("#help-count")).not_to_have_text(f"{everything} answers")
    assert 0 < topics.count() < everything
    for text in topics.all_inner_texts():
        assert "gift card" in text.lower()
    page.locator("#help-search").fill("zzzzqqq")
    expect(page.locator("#help-no-result")).to_contain_text("hello@almeparis.com")
    page.get_by_role("button", name="Show all topics").click()
    expect(page.locator("#help-count")).to_have_text(f"{everything} answers")


def test_help_search_from_the_address_and_in_french(french_context):
    page = french_context.new_page()
    page.goto("/help?q=echange")
    expect(page.get_by_role("heading", name="Aide", exact=True)).to_be_visible()
    expect(page.locator("#help-search")).to_have_value("echange")
    for text in page.locator(".help-topic:visible").all_inner_texts():
        assert "échange" in text.lower() or "echange" in text.lower()


def test_unknown_route_gets_a_clear_page(page):
    response = page.goto("/orders/../../etc/passwd?x=%ZZ")
    assert response is not None and response.status == 404
    expect(page.locator("#not-found")).to_contain_text("This page does not exist")
    page.get_by_role("link", name="Back to the home page").click()
    expect(page).to_have_url(re.compile(r"/$"))


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_pages_fit_the_screen(page, screenshot, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    expect(page.locator("#site-footer")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    name = next(key for key, value in PAGES.items() if value == path)
    screenshot(f"{name}-{width}")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
