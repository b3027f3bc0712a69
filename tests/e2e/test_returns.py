"""The return wizard in Chromium, step by step in the FAQ's words (R1-R5, E1-E8)."""

import io
import re

import pytest
import zxingcpp
from accessibility import violations
from pdf_image import page_image
from PIL import Image
from playwright.sync_api import expect
from test_tracking import _order

from alme_portal.platform import settings
from alme_portal.simulator import relay_network


def find_for_return(page, portal, tag):
    order = _order(portal, tag)
    page.goto("/returns")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Find my order").click()
    expect(page.locator(".return-item").first).to_be_visible()
    return order


def choose_items(page, *quantities):
    selects = page.locator(".quantity-select")
    for index, quantity in quantities:
        selects.nth(index).select_option(str(quantity))
    page.get_by_role("button", name="Continue").click()


def pick(page, group, label):
    page.locator(f"#{group}").get_by_text(label, exact=True).click()


CREDIT_NOTE = "Credit note, valid 1 year, usable over several orders"
ORIGINAL = "Original payment method"


def refund(page, reason, method):
    """Reason, "A refund", its method, then "Confirm refund"."""
    pick(page, "reason", reason)
    pick(page, "resolution", "A refund")
    pick(page, "refund-method", method)
    page.get_by_role("button", name="Confirm refund").click()


PHONE = "06 12 34 56 78"


def exchange_for(page, product, colour, size):
    """Exchange the item for another product or colour: this product, colour and size."""
    pick(page, "resolution", "Exchange the item for another product or colour")
    page.locator("#exchange-product").select_option(label=product)
    page.locator("#exchange-colour").select_option(colour)
    option = page.locator("#exchange-variant option", has_text=re.compile(rf"^{size} ·"))
    expect(option).to_have_count(1)  # the sizes of the colour chosen have arrived
    page.locator("#exchange-variant").select_option(label=option.inner_text())


def the_cardigan_instead(page, difference):
    """The first item exchanged for the dearer cardigan (E4), up to her details."""
    choose_items(page, (0, 1))
    pick(page, "reason", "I changed my mind")
    exchange_for(page, "Merino cardigan Rose", "Sage", "S")
    expect(page.locator("#price-difference")).to_contain_text(
        f"You pay the difference: {difference}"
    )
    page.get_by_role("button", name="Exchange the item for another product").click()
    details_then(page)


def details_then(page, method_label=None, phone=PHONE):
    expect(page.get_by_text("Check your details")).to_be_visible()
    page.locator("#sender-phone").fill(phone)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("How will you send it back?")).to_be_visible()
    if method_label:
        pick(page, "return-method", method_label)


def confirm(page):
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Check and confirm")).to_be_visible()
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-AL\d{6}-\d+"))
    return re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)


def download(page, button_id):
    with page.expect_download() as info:
        page.locator(f"#{button_id}").click()
    return info.value


def qr_codes(download_, image=None):
    image = image or Image.open(io.BytesIO(open(download_.path(), "rb").read()))
    return {code.text for code in zxingcpp.read_barcodes(image.convert("L"))}


def expedition_number(page):
    """The carrier's 8-digit parcel number the confirmation shows (R3)."""
    expect(page.locator("#return-parcel")).to_contain_text(re.compile(r"\d{8}"))
    return re.search(r"\d{8}", page.locator("#return-parcel").inner_text()).group(0)


def up_to_a_relay_point(page, portal, tag, reason, phone=PHONE):
    """One item of a `tag` order back for a credit note, her details, the first point found."""
    find_for_return(page, portal, tag)
    expect(page.locator("#return-progress")).to_be_visible()
    choose_items(page, (0, 1))
    refund(page, reason, CREDIT_NOTE)
    details_then(page, phone=phone)
    page.locator("#relay-search").click()
    expect(page.locator("#relay-results")).to_be_visible()
    page.locator("#relay-results .choice").first.click()


def test_r1_refund_by_credit_note_with_prepaid_label(page, portal, screenshot):
    up_to_a_relay_point(page, portal, "delivered-returnable", "Too small", phone="")
    page.get_by_role("button", name="Continue").click()  # R3: the carrier needs her phone
    expect(page.locator("#wizard-error")).to_contain_text("mobile number")
    page.get_by_role("button", name="Back").click()
    details_then(page)
    page.locator("#relay-results .choice").first.click()
    page.get_by_role("button", name="Continue").click()
    loves = re.compile(r"Almé Lovers: this return cancels \d+ of this order's pending loves")
    expect(page.locator("#review-loves")).to_contain_text(loves)  # ★ issue 19.22, before
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-AL\d{6}-\d+"))
    number = re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)
    screenshot("return-done-1280")
    expedition = expedition_number(page)
    pdf = download(page, "download-pdf")  # Mondial Relay's own label, to print
    assert pdf.suggested_filename.endswith(".pdf")
    assert qr_codes(None, page_image(open(pdf.path(), "rb").read())) == {expedition}
    png = download(page, "download-png")  # for her phone: the same parcel, and the Atelier's QR
    assert qr_codes(png) == {expedition, number}
    page.locator("#status-link").click()
    expect(page.locator("#return-page")).to_contain_text(number)
    expect(page.locator("#return-money")).to_contain_text("credit note")
    expect(page.locator("#return-loves")).to_contain_text(loves)  # and on its status page
    way = page.locator("#return-parcel-way .parcel-stage")  # R3: Mondial Relay's tracing
    expect(way).to_have_count(4)
    expect(way.first).to_contain_text("Label booked with Mondial Relay")
    expect(way.nth(1)).to_contain_text("Handed in at a relay point")
    screenshot("return-status-1280")


def test_r8_refund_to_card_from_a_phone_and_back_keeps_choices(page, portal, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    find_for_return(page, portal, "instalments")
    screenshot("return-items-375")
    choose_items(page, (0, 1))
    pick(page, "reason", "Damaged or defective")
    expect(page.get_by_text("reported within 48 hours")).to_be_visible()  # R6, R7
    pick(page, "resolution", "A refund")
    pick(page, "refund-method", ORIGINAL)
    screenshot("return-resolve-375")
    page.get_by_role("button", name="Confirm refund").click()
    expect(page.get_by_text("Check your details")).to_be_visible()
    page.reload()  # the draft survives a reload
    expect(page.get_by_text("Check your details")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.locator("#refund-method [aria-checked=true]")).to_have_count(1)
    page.get_by_role("button", name="Confirm refund").click()
    details_then(page)
    confirm(page)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.locator("#status-link").click()
    expect(page.locator("#return-money")).to_contain_text("instalments")  # R11


def test_e3_size_exchange_keeps_the_price(page, portal):
    find_for_return(page, portal, "exchange-order")  # R13: an exchange order returns too
    choose_items(page, (0, 1))
    pick(page, "reason", "Too big")
    pick(page, "resolution", "Exchange the item for another size")
    page.locator("#exchange-size").select_option(label="XS")
    expect(page.get_by_text("The price you paid stands")).to_be_visible()
    page.get_by_role("button", name="Exchange the item").click()
    details_then(page)
    confirm(page)
    asked = page.locator("#return-done-items")  # issue 19.14: the confirmation names it
    expect(asked).to_contain_text(re.compile(r"Exchange for .+ · XS"))
    download(page, "download-pdf")


def test_e4_product_exchange_shows_the_supplement(page, portal):
    """E1: an exchange goes through the return's steps; E4: the dearer product's supplement."""
    find_for_return(page, portal, "delivered-returnable")
    the_cardigan_instead(page, "€90.00")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Check and confirm")).to_be_visible()
    expect(page.locator(".review-row")).to_contain_text("You pay the difference: €90.00")
    expect(page.locator("#review-loves")).to_contain_text("your loves and your tier do not change")


def test_e5_e8_sold_out_size_offers_a_return_and_an_alert(page, portal):
    find_for_return(page, portal, "delivered-returnable")
    choose_items(page, (1, 1))  # the cardigan: size L is sold out
    pick(page, "reason", "Too small")
    pick(page, "resolution", "Exchange the item for another size")
    page.locator("#exchange-size").select_option(label="L – out of stock")
    expect(page.locator("#out-of-stock")).to_be_visible()
    page.get_by_role("button", name="CREATE ALERT").click()
    expect(page.locator("#alert-outcome")).to_contain_text("we will e-mail you")
    page.get_by_role("button", name="Exchange the item").click()
    expect(page.locator("#wizard-error")).to_contain_text("out of stock")
    page.get_by_role("button", name="Return it instead").click()
    pick(page, "refund-method", ORIGINAL)
    page.get_by_role("button", name="Confirm refund").click()
    expect(page.get_by_text("Check your details")).to_be_visible()


def test_r3_carrier_down_the_return_is_recorded_and_its_label_follows(page, portal, carrier_faults):
    up_to_a_relay_point(page, portal, "delivered-returnable", "Too big")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Check and confirm")).to_be_visible()
    carrier_faults("mondialrelay", "503", 1)  # the booking call, nothing else
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#label-pending")).to_contain_text("we e-mail it within the hour")
    expect(page.locator("#download-pdf")).to_have_count(0)
    page.locator("#status-link").click()
    expect(page.locator("#label-pending")).to_contain_text("being prepared")


SLOW_CARRIER_S = 3


def test_r3_a_slow_carrier_spins_the_button_and_the_page_stays_usable(
    page, spare_orders, carrier_faults
):
    """Issue 21: the carrier calls run beside the tab's events, not in front of them."""
    up_to_a_relay_point(page, {"demo": {"orders": [spare_orders["slow-carrier"]]}},
                        "delivered-returnable", "Too big")  # fmt: skip
    carrier_faults("mondialrelay", "slow", 1, delay=SLOW_CARRIER_S)  # the next search
    search = page.locator("#relay-search")
    search.click()
    expect(search.locator(".rt-Spinner")).to_be_visible()
    page.locator("#paperless").click()  # while the carrier thinks, her other choices answer
    expect(page.locator("#paperless")).to_be_checked()
    expect(search.locator(".rt-Spinner")).to_be_visible()  # the search is still out
    expect(search.locator(".rt-Spinner")).to_have_count(0, timeout=SLOW_CARRIER_S * 3000)
    page.locator("#relay-results .choice").first.click()
    page.get_by_role("button", name="Continue").click()
    carrier_faults("mondialrelay-connect", "slow", 1, delay=SLOW_CARRIER_S)  # the QR booking
    confirm_button = page.get_by_role("button", name="Confirm my return")
    confirm_button.click()
    expect(confirm_button.locator(".rt-Spinner")).to_be_visible()
    expect(page.locator("#paperless-qr")).to_be_visible(timeout=SLOW_CARRIER_S * 3000)
    carrier_faults("mondialrelay", "slow", 1, delay=SLOW_CARRIER_S)  # her parcel's progress
    page.locator("#status-link").click()
    spinner = page.locator("#main .rt-Spinner")
    expect(spinner).to_be_visible()
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(page.get_by_role("link", name="Suivre une commande").first).to_be_visible()
    expect(spinner).to_be_visible()  # the switch was served while Mondial Relay was thinking
    expect(page.locator("#return-page")).to_be_visible(timeout=SLOW_CARRIER_S * 3000)


def test_r3_no_printer_a_qr_code_to_show_at_the_relay_point(page, portal, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    up_to_a_relay_point(page, portal, "gift-card-and-card", "Too small")
    page.locator("#paperless").click()
    confirm(page)
    expect(page.locator("#paperless-qr")).to_be_visible()  # Mondial Relay's, not the portal's
    screenshot("return-paperless-375")
    expedition = expedition_number(page)
    expect(page.locator("#download-pdf")).to_have_count(0)
    assert qr_codes(download(page, "download-png")) == {f"MR-RETOUR:{expedition}"}


@pytest.mark.parametrize("width", [375, 1280])
def test_r3_lockers_are_labelled_and_points_closed_today_not_offered(
    page, portal, screenshot, width
):
    """Issue 22, case 5: around Lyon the search answers like the real one: 18 points for 10
    asked, 12 lockers, a shop and a locker closed today."""
    page.set_viewport_size({"width": width, "height": 900})
    find_for_return(page, portal, "delivered-returnable")
    choose_items(page, (0, 1))
    refund(page, "Too small", CREDIT_NOTE)
    details_then(page)
    page.locator("#relay-postcode").fill("69002")
    page.locator("#relay-search").click()
    results = page.locator("#relay-results")
    choices = results.locator(".choice")
    expect(choices).to_have_count(settings.RELAY_SEARCH_RESULTS)
    expect(results).to_contain_text("Tabac de la Presqu'île")
    for closed in (relay_network.LYON_CLOSED_SHOP, relay_network.LYON_CLOSED_LOCKER):
        expect(results).not_to_contain_text(closed)
    locker = choices.filter(has_text=relay_network.LYON_LONGEST_NAME)
    expect(locker.locator(".locker-badge")).to_have_text("Locker")
    shop = choices.filter(has_text="Tabac de la Presqu'île")
    expect(shop.locator(".locker-badge")).to_have_count(0)
    lockers = results.locator(".locker-badge").count()
    assert 0 < lockers < settings.RELAY_SEARCH_RESULTS
    screenshot(f"relay-lockers-{width}")
    assert violations(page) == []  # the badge reads (axe-core, WCAG 2.2 AA)
    page.locator("#language-switch").get_by_role("button", name="Français").click()
    expect(locker.locator(".locker-badge")).to_have_text("Consigne")
    expect(results.locator(".locker-badge")).to_have_count(lockers)
    page.locator("#language-switch").get_by_role("button", name="English").click()


def test_r4_store_drop_off(page, portal):
    find_for_return(page, portal, "shoes")
    choose_items(page, (0, 1))
    refund(page, "The cut does not suit me", ORIGINAL)
    details_then(page, "Drop off my return in store")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#wizard-error")).to_contain_text("Choose a salon")
    page.locator("#salon").select_option(index=1)
    page.get_by_role("button", name="Continue").click()
    packing = page.locator("#shoes-packing")  # R6, issue 19.3: said before she confirms
    expect(packing).to_contain_text("shoe box with their dust bag")
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-AL\d{6}-\d+"))
    number = re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)
    expect(page.get_by_text("Bring your parcel")).to_be_visible()
    expect(packing).to_contain_text("protective sole")  # and again once recorded
    codes = qr_codes(download(page, "download-png"))
    assert number in codes
    page.locator("#status-link").click()
    expect(page.locator("#shoes-packing")).to_contain_text("shoe box")  # and on its status page


def test_r5_abroad_ships_it_herself(page, portal):
    find_for_return(page, portal, "abroad-no-mondial-relay")
    choose_items(page, (0, 1))
    refund(page, "Different from the pictures", CREDIT_NOTE)
    details_then(page)
    expect(page.locator("#self-ship-note")).to_contain_text("€6.00")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".review-row")).to_contain_text(
        re.compile(r"Credit note.+ — €\d+\.\d\d back once we inspect it")
    )  # issue 19.14: how much comes back
    page.get_by_role("button", name="Confirm my return").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-AL\d{6}-\d+"))
    number = re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)
    expect(page.get_by_text(re.compile(r"pay the postage back up to €6\.00"))).to_be_visible()
    assert number in qr_codes(download(page, "download-png"))


def test_r2_closed_window_is_explained_and_cannot_continue(page, portal):
    find_for_return(page, portal, "outside-return-window")
    expect(page.locator(".item-refusal").first).to_contain_text("14-day return window closed")
    expect(page.locator(".quantity-select")).to_have_count(0)
    # issue 19.11: no Continue that leads nowhere; the way out is another order
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)
    page.locator("#items-find-another").click()
    expect(page.get_by_role("button", name="Find my order")).to_be_visible()


def test_wizard_errors_show_beside_the_button_and_another_order_can_be_found(page, portal):
    """Issue 19.13: "Choose a reason." appeared 255-416 px above the viewport."""
    page.set_viewport_size({"width": 375, "height": 700})
    find_for_return(page, portal, "delivered-returnable")
    selects = page.get_by_role("combobox", name=re.compile(r"^Quantity to return: "))
    expect(selects.first).to_be_visible()
    names = [s.get_attribute("aria-label") for s in selects.all()]  # issue 19.18: one each
    assert len(names) == len(set(names)) and all(len(name) > 20 for name in names)
    choose_items(page, (0, 1))
    expect(page.get_by_role("radiogroup", name="Why are you returning it?")).to_be_visible()
    confirm_refund = page.get_by_role("button", name="Confirm refund")
    pick(page, "resolution", "A refund")
    confirm_refund.scroll_into_view_if_needed()
    confirm_refund.click()
    expect(page.locator("#wizard-error")).to_contain_text("Choose a reason")
    expect(page.locator("#wizard-error")).to_be_in_viewport()
    expect(page.locator("#find-another-order")).to_contain_text("Find another order")
    page.locator("#find-another-order").click()  # issue 19.11: not stuck on the first order
    expect(page.get_by_role("button", name="Find my order")).to_be_visible()
    find_for_return(page, portal, "gift-card-only")
    expect(page.locator("#find-another-order")).to_be_visible()


def test_return_page_needs_the_order_found_in_this_tab(browser, base_url, page, portal):
    find_for_return(page, portal, "gift-card-only")
    choose_items(page, (0, 1))
    refund(page, "Too small", ORIGINAL)
    details_then(page)
    number = confirm(page)
    stranger = browser.new_context(base_url=base_url).new_page()
    stranger.goto(f"/returns/{number}")
    expect(stranger.locator("#return-denied")).to_be_visible()
    stranger.context.close()


def test_eu_withdrawal_button_acknowledges_then_starts_the_return(page, portal):
    order = _order(portal, "split-preorder")  # a parcel still to come: within the period
    page.goto("/track")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Find my order").click()
    page.get_by_role("link", name="Withdraw from contract here").click()
    expect(page.locator("#order-number")).to_have_value(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.locator("#withdrawal-name").fill("Camille Moreau")
    page.get_by_role("button", name="Confirm withdrawal").click()
    statement = page.locator("#withdrawal-statement")
    expect(statement).to_contain_text(order["number"])
    expect(statement).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
    page.get_by_role("link", name="Start my return").click()
    expect(page.locator(".return-item").first).to_be_visible()


def test_withdrawal_with_the_wrong_email_is_refused(page, portal):
    order = _order(portal, "in-transit")
    page.goto(f"/withdraw?order={order['number']}")
    page.locator("#order-email").fill("someone@example.fr")
    page.locator("#withdrawal-name").fill("Inès Benali")
    page.get_by_role("button", name="Confirm withdrawal").click()
    expect(page.locator("#lookup-error")).to_contain_text("could not find")
    expect(page.locator("#withdrawal-statement")).to_have_count(0)


def test_r1_the_wizard_speaks_french_from_lookup_to_label(page, portal, screenshot):
    page.context.add_cookies([{"name": "alme_lang", "value": "fr", "url": portal["url"]}])
    order = _order(portal, "delivered-returnable")
    page.goto("/returns")
    page.locator("#order-number").fill(order["number"])
    page.locator("#order-email").fill(order["email"])
    page.get_by_role("button", name="Trouver ma commande").click()
    page.locator(".quantity-select").first.select_option("1")
    page.get_by_role("button", name="Continuer").click()
    pick(page, "reason", "Trop petit")
    pick(page, "resolution", "Un remboursement")
    pick(page, "refund-method", "Avoir valable 1 an, utilisable sur plusieurs commandes")
    page.get_by_role("button", name="Confirmer le remboursement").click()
    expect(page.get_by_text("Vérifiez vos coordonnées")).to_be_visible()
    page.locator("#sender-phone").fill(PHONE)
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_text("Comment nous le renvoyez-vous ?")).to_be_visible()
    page.get_by_role("button", name="Trouver un point relais").click()
    page.locator("#relay-results .choice").first.click()
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_text("Vérifiez et confirmez")).to_be_visible()
    screenshot("return-review-fr-1280")
    page.get_by_role("button", name="Confirmer mon retour").click()
    expect(page.locator("#return-done")).to_contain_text(re.compile(r"RT-AL\d{6}-\d+"))
    number = re.search(r"RT-AL\d{6}-\d+", page.locator("#return-done").inner_text()).group(0)
    expect(page.get_by_text("Télécharger votre étiquette de retour")).to_be_visible()
    codes = qr_codes(download(page, "download-png"))
    assert codes == {expedition_number(page), number}
