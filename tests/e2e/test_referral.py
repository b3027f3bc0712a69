"""Refer a friend in Chromium (F1-F5): copy the link, the QR code, the friend's code, reward."""

import io
import json
import os
import re
import subprocess

import zxingcpp
from conftest import BIN, ROOT
from PIL import Image
from playwright.sync_api import expect
from test_loyalty import _member

from alme_portal.platform import clock

FRIEND = "friend.e2e@example.fr"


def log_in_at_referral(page, member):
    page.goto("/referral")
    form = page.locator("#login-form")
    form.locator("#login-email").fill(member["email"])
    form.locator("#login-password").fill(member["password"])
    form.get_by_role("button", name="Log in").click()
    expect(page.locator("#referral-link")).to_have_text(re.compile(r"/r/\w{8}$"))
    return page.locator("#referral-link").inner_text()


def replay_first_order(portal, email, code):
    """The shop's order of the friend, replayed with `alme-portal order replay`."""
    total = 5_500 + 590 - 1_500
    order = {
        "number": "AL500001",
        "email": email,
        "language": "fr",
        "placed_at": clock.now().isoformat(timespec="seconds"),
        "shipping_method": "colissimo",
        "destination": {
            "first_name": "Zoé",
            "last_name": "Amie",
            "address": "2 rue Oberkampf",
            "postcode": "75011",
            "city": "Paris",
            "country": "FR",
        },
        "lines": [{"sku": "ALM-TS-LEON-ECR-M", "quantity": 1, "unit_price_cents": 5_500}],
        "shipping_cents": 590,
        "discount_cents": 1_500,
        "discount_code": code,
        "discount_kind": "referral",
        "total_cents": total,
        "payments": [
            {"method": "card", "amount_cents": total, "card_brand": "Visa", "card_last4": "4242"}
        ],
    }
    path = ROOT / "tests" / "e2e" / "artifacts" / "friend-order.json"
    path.write_text(json.dumps(order))
    env = {**os.environ, "ALME_DATABASE_URL": f"sqlite:///{portal['database']}"}
    done = subprocess.run(
        [str(BIN / "alme-portal"), "order", "replay", str(path)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


def test_f1_to_f4_share_the_link_the_friend_orders_the_member_is_rewarded(
    page, french_context, base_url, portal, screenshot
):
    sophie = _member(portal, "sophie.vermeulen@example.be")
    link = log_in_at_referral(page, sophie)
    assert link.startswith(base_url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#referral-message")).to_have_text(
        "Link copied: paste it wherever you like."
    )
    assert page.evaluate("navigator.clipboard.readText()") == link
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the QR code").click()
    png = Image.open(io.BytesIO(open(download.value.path(), "rb").read()))
    assert [result.text for result in zxingcpp.read_barcodes(png)] == [link]
    expect(page.locator("#share-whatsapp")).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/\?text=.*%2Fr%2F")
    )
    screenshot("referral-1280")

    friend = french_context.new_page()
    friend.goto(link)
    expect(friend.locator("h1")).to_have_text("15 € sur votre première commande Almé")
    friend.locator("#friend-email").fill(FRIEND)
    friend.get_by_role("button", name="Recevoir mon code de 15 €").click()
    expect(friend.locator("#friend-code")).to_have_text(re.compile(r"^AMIE-\w{8}$"))
    code = friend.locator("#friend-code").inner_text()
    friend.set_viewport_size({"width": 375, "height": 800})
    friend.screenshot(
        path=str(ROOT / "tests/e2e/artifacts/screens/friend-code-375.png"), full_page=True
    )

    replay_first_order(portal, FRIEND, code)
    page.reload()
    row = page.locator(".referral-row", has_text="f••••••••e@example.fr")  # friend.e2e, masked
    expect(row.locator(".referral-status")).to_have_text("Rewarded")
    page.goto("/loyalty")
    expect(page.locator(".voucher", has_text="€15.00").first).to_be_visible()


def test_an_unknown_referral_link_gets_a_clear_page(page):
    page.goto("/r/NOTACODE")
    expect(page.locator("#friend-unknown")).to_contain_text("unknown or no longer valid")
    expect(page.locator("#friend-email")).to_have_count(0)


def test_f5_fraud_rules_and_correcting_a_pending_email(page, portal):
    ines = _member(portal, "ines.benali@example.fr")
    log_in_at_referral(page, ines)
    page.locator("#invite-email").fill("Ines.Benali+promo@example.fr")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("#referral-message")).to_have_text("You cannot refer yourself.")
    page.locator("#invite-email").fill("clara.mistyped@exmaple.fr")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("#referral-message")).to_have_text("Invitation sent.")
    row = page.locator(".referral-row").first
    expect(row.locator(".referral-status")).to_have_text("Invited")
    row.locator("input[name=email]").fill("clara.mistyped@example.fr")
    row.get_by_role("button", name="Save").click()
    expect(page.locator("#referral-message")).to_have_text("E-mail corrected: we sent it again.")


def test_c2_inviting_an_address_that_gets_no_email_warns_with_the_phone(page, portal):
    log_in_at_referral(page, _member(portal, "ines.benali@example.fr"))
    page.locator("#invite-email").fill("amie.c2@wanadoo.fr")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("#referral-message")).to_have_text("Invitation sent.")
    expect(page.locator("#c2-warning")).to_contain_text("07 67 46 39 63")
    page.locator("#invite-email").fill("amie.c2@example.fr")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("#c2-warning")).to_have_count(0)
