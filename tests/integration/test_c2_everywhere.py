"""Rule C2 wherever a page promises an e-mail: the address's domain, or a bounce the sender saw.

Each page's state says why the promised e-mail will not arrive ("domain" for @orange.fr and
@wanadoo.fr, "bounced" once the mail server refused the address for good), and the page then
shows the warning with the phone line.
"""

from conftest import order_id
from test_accounts import PASSWORD, log_in
from test_referral_state import run, state_of
from test_return_declaration import declare, draft, line_of, refund

from alme_portal.mail.services import recipients
from alme_portal.orders.services.lookup import order_view
from alme_portal.returns.services import status as return_status
from alme_portal.state.account_links import AccountLinkState
from alme_portal.state.loyalty import LoyaltyState
from alme_portal.state.my_account import MyAccountState
from alme_portal.state.referral import FriendState, ReferralState

CAMILLE = "camille.moreau@example.fr"


def bounce(session, email):
    recipients.mark_undeliverable(session, email, "550 5.1.1 No such user")
    session.commit()


def test_c2_the_order_page_warns_after_a_bounce_and_stops_once_she_is_reached(demo_session):
    number = order_id(demo_session, "AL100101")
    assert order_view(demo_session, number, "en")["email_undeliverable"] == ""
    bounce(demo_session, CAMILLE)
    assert order_view(demo_session, number, "en")["email_undeliverable"] == "bounced"
    recipients.mark_delivered(demo_session, CAMILLE)
    assert order_view(demo_session, number, "en")["email_undeliverable"] == ""


def test_c2_the_return_confirmation_and_status_page_warn(demo_session, no_demo_returns):
    declare(demo_session, "AL100101", draft(refund(line_of(demo_session, "AL100101"))))
    bounce(demo_session, CAMILLE)
    request_order = order_id(demo_session, "AL100101")
    assert return_status.email_undeliverable(demo_session, request_order) == "bounced"
    request = return_status.owned_return(demo_session, "RT-AL100101-1", [request_order])
    assert return_status.return_view(demo_session, request, "en")["email_undeliverable"] == (
        "bounced"
    )
    helene = order_id(demo_session, "AL100108")  # @orange.fr
    assert return_status.email_undeliverable(demo_session, helene) == "domain"


def test_c2_the_status_page_does_not_promise_a_credit_note_by_e_mail(demo_session, no_demo_returns):
    """Issue 19.4: an address that receives nothing is not told its credit note is e-mailed."""
    from alme_portal.returns.views.return_page import build_return_page

    declare(demo_session, "AL100101", draft(refund(line_of(demo_session, "AL100101"))))
    request = return_status.owned_return(
        demo_session, "RT-AL100101-1", [order_id(demo_session, "AL100101")]
    )
    reached = build_return_page(return_status.return_view(demo_session, request, "en"), "en")
    assert any("credit note is e-mailed" in text for text in reached["money"])
    bounce(demo_session, CAMILLE)
    page = build_return_page(return_status.return_view(demo_session, request, "en"), "en")
    assert not any("e-mailed" in text for text in page["money"])
    assert any("its code shows on this page" in text for text in page["money"])


def test_c2_a_referral_invitation_or_code_to_an_address_that_gets_nothing(
    demo_session, monkeypatch
):
    camille = state_of(ReferralState, _login_token=log_in(demo_session).value.token)
    run(camille.send_invite({"email": "amie@wanadoo.fr"}))
    assert camille.referral_ok and camille.invite_undeliverable == "domain"
    run(camille.send_invite({"email": "zoe@example.fr"}))
    assert camille.referral_ok and camille.invite_undeliverable == ""
    run(camille.load_referral())
    code = camille.referral_link.rsplit("/", 1)[1]
    bounce(demo_session, "nina@example.fr")
    friend = state_of(FriendState)
    monkeypatch.setattr(FriendState, "_code", lambda self: code)  # what /r/<code> gives
    run(friend.get_code({"email": "nina@example.fr"}))
    assert friend.friend_code and friend.friend_undeliverable == "bounced"


def test_c2_account_links_warn_for_the_address_they_go_to(demo_session):
    account = state_of(MyAccountState, _login_token=log_in(demo_session).value.token)
    run(account.load_my_account())
    run(account.change_email({"password": PASSWORD, "new_email": "camille@orange.fr"}))
    assert account.account_message_ok and account.emailing_undeliverable == "domain"
    reset = state_of(AccountLinkState)
    run(reset.request_reset({"email": "someone@wanadoo.fr"}))  # the same answer for anyone
    assert reset.reset_undeliverable == "domain"
    run(reset.request_reset({"email": "someone@example.fr"}))
    assert reset.reset_undeliverable == ""


def test_c2_a_loves_claim_link_to_an_address_that_bounced(demo_session):
    lea = log_in(demo_session, email="lea.martin@example.fr", password="Marais-Ivory-26!")
    bounce(demo_session, CAMILLE)
    state = state_of(LoyaltyState, _login_token=lea.value.token)
    run(state.claim_loves({"order_number": "AL100120", "email": CAMILLE}))
    assert state.loyalty_message_ok and state.claim_undeliverable == "bounced"
