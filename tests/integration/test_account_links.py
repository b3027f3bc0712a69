"""One-time links by e-mail on the real database: forgotten password, verify, change e-mail."""

from datetime import timedelta

import pytest
from conftest import NOW
from sqlmodel import func, select
from test_accounts import PASSWORD, count, log_in, member, sign_up

from alme_portal.accounts.models.accounts import EmailLink, PasswordReset
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import auth as accounts
from alme_portal.accounts.services import links as account_links
from alme_portal.orders.services import member_orders
from alme_portal.platform import clock, settings
from alme_portal.platform.models import OutboxEmail

CAMILLE = "camille.moreau@example.fr"


def link_in(session, kind, recipient=None):
    """The token of the newest e-mail of this kind (to this recipient)."""
    query = select(OutboxEmail).where(OutboxEmail.kind == kind)
    if recipient:
        query = query.where(OutboxEmail.recipient == recipient)
    mail = session.exec(query.order_by(OutboxEmail.id.desc())).first()
    return mail.body.split("token=")[1].split()[0]


def customer(session, email):
    return session.exec(select(Customer).where(Customer.email == email)).one()


def at(moment, action, *args, **kwargs):
    with clock.use_clock(moment):
        return action(*args, **kwargs)


def test_forgotten_password_link_works_once_in_time_and_ends_every_session(demo_session):
    open_session = log_in(demo_session).value.token
    key = at(NOW, account_links.request_password_reset, demo_session, email=CAMILLE.upper())
    assert key == "account.reset.sent"
    token = link_in(demo_session, "password_reset")
    mail = demo_session.exec(select(OutboxEmail).where(OutboxEmail.kind == "password_reset")).one()
    assert f"{settings.portal_url()}/account/reset?token={token}" in mail.body
    assert demo_session.exec(select(PasswordReset)).one().token_hash == accounts.token_hash(token)
    later = NOW + timedelta(minutes=5)
    short = at(later, account_links.reset_password, demo_session, token=token, password="short")
    assert short.status == "invalid"
    done = at(later, account_links.reset_password, demo_session, token=token,
              password="a brand new secret")  # fmt: skip
    again = at(later, account_links.reset_password, demo_session, token=token,
               password="another new secret")  # fmt: skip
    demo_session.commit()
    assert (done.status, again.message_key) == ("done", "account.reset.invalid")
    assert member(demo_session, open_session) is None
    assert log_in(demo_session, password="a brand new secret").status == "done"


def test_reset_link_expires_and_unknown_email_sends_nothing(demo_session):
    unknown = at(NOW, account_links.request_password_reset, demo_session, email="nobody@example.fr")
    at(NOW, account_links.request_password_reset, demo_session, email=CAMILLE)
    assert unknown == "account.reset.sent"
    assert count(demo_session, OutboxEmail) == 1
    late = NOW + timedelta(minutes=settings.PASSWORD_RESET_MINUTES, seconds=1)
    token = link_in(demo_session, "password_reset")
    outcome = at(late, account_links.reset_password, demo_session, token=token,
                 password="a brand new secret")  # fmt: skip
    assert outcome.message_key == "account.reset.invalid"


def test_an_account_gets_a_few_link_emails_an_hour_and_the_answer_never_tells(demo_session):
    for minute in range(settings.ACCOUNT_EMAILS_PER_HOUR + 2):
        key = at(NOW + timedelta(minutes=minute), account_links.request_password_reset,
                 demo_session, email=CAMILLE)  # fmt: skip
        assert key == "account.reset.sent"
    assert count(demo_session, OutboxEmail) == settings.ACCOUNT_EMAILS_PER_HOUR
    at(NOW + timedelta(hours=1, minutes=1), account_links.request_password_reset, demo_session,
       email=CAMILLE)  # fmt: skip
    assert count(demo_session, OutboxEmail) == settings.ACCOUNT_EMAILS_PER_HOUR + 1


def test_verifying_her_address_shows_her_guest_orders(demo_session):
    """A guest order with her address appears in "My account" only once it is confirmed."""
    created = sign_up(demo_session, email="manon.petit@example.fr")  # AL100106 is her guest order

    def mine():
        return [o["number"] for o in member_orders.member_orders(demo_session, created.value)]

    assert mine() == []
    assert member_orders.member_order_id(demo_session, created.value, "AL100106") is None
    sent = at(NOW, account_links.send_verification, demo_session, created.value)
    assert sent.status == "done"
    confirmed = at(NOW + timedelta(minutes=30), account_links.confirm_email, demo_session,
                   link_in(demo_session, "email_verify"))  # fmt: skip
    demo_session.commit()
    assert confirmed.status == "done"
    assert mine() == ["AL100106"]
    assert member_orders.member_order_id(demo_session, created.value, " al100106 ") > 0
    again = at(NOW, account_links.send_verification, demo_session, created.value)
    assert again.status == "already_done"


def test_a_verification_link_expires_and_works_once(demo_session):
    created = sign_up(demo_session)
    at(NOW, account_links.send_verification, demo_session, created.value)
    token = link_in(demo_session, "email_verify")
    late = NOW + timedelta(minutes=settings.EMAIL_LINK_MINUTES, seconds=1)
    assert at(late, account_links.confirm_email, demo_session, token).status == "invalid"
    assert at(NOW, account_links.confirm_email, demo_session, "forged-token").status == "invalid"
    assert at(NOW, account_links.confirm_email, demo_session, token).status == "done"
    assert at(NOW, account_links.confirm_email, demo_session, token).status == "invalid"


def test_changing_her_email_needs_her_password_and_the_new_address(demo_session):
    """AUTH-06: re-authentication, a notice to the old address, a link to the new one."""
    camille = customer(demo_session, CAMILLE)

    def ask(password, new):
        return at(
            NOW,
            account_links.request_email_change,
            demo_session,
            customer_id=camille.id,
            password=password,
            new_email=new,
        )

    assert ask("wrong password", "camille@new.example").message_key == "account.password.wrong"
    assert ask(PASSWORD, "not-an-email").message_key == "account.email.invalid"
    assert ask(PASSWORD, "INES.benali@example.fr").message_key == "account.exists"
    assert ask(PASSWORD, CAMILLE).message_key == "account.email.same"
    assert count(demo_session, EmailLink) == 0 and count(demo_session, OutboxEmail) == 0
    assert ask(PASSWORD, " Camille@New.Example ").status == "done"
    notice = demo_session.exec(
        select(OutboxEmail).where(OutboxEmail.kind == "email_change_requested")
    ).one()
    assert notice.recipient == CAMILLE and "c•••••e@new.example" in notice.body
    assert customer(demo_session, CAMILLE).email == CAMILLE  # nothing moves before the link
    token = link_in(demo_session, "email_change", "camille@new.example")
    done = at(NOW + timedelta(minutes=5), account_links.confirm_email, demo_session, token)
    demo_session.commit()
    assert done.status == "done"
    moved = demo_session.get(Customer, camille.id)
    assert (moved.email, moved.email_verified) == ("camille@new.example", True)
    told = demo_session.exec(select(OutboxEmail).where(OutboxEmail.kind == "email_changed")).one()
    assert told.recipient == CAMILLE
    assert log_in(demo_session, email="camille@new.example").status == "done"


def test_an_email_change_fails_if_the_address_got_an_account_meanwhile(demo_session):
    camille = customer(demo_session, CAMILLE)
    at(NOW, account_links.request_email_change, demo_session, customer_id=camille.id,
       password=PASSWORD, new_email="taken@example.fr")  # fmt: skip
    sign_up(demo_session, email="taken@example.fr")
    token = link_in(demo_session, "email_change", "taken@example.fr")
    outcome = at(NOW, account_links.confirm_email, demo_session, token)
    assert outcome.message_key == "account.exists"
    assert demo_session.get(Customer, camille.id).email == CAMILLE


@pytest.mark.parametrize("token", [None, 12, "", "x" * 5000])
def test_links_refuse_any_token_shape(demo_session, token):
    assert at(NOW, account_links.confirm_email, demo_session, token).status == "invalid"
    outcome = at(NOW, account_links.reset_password, demo_session, token=token,
                 password="a brand new secret")  # fmt: skip
    assert outcome.status == "invalid"
    assert demo_session.exec(select(func.count()).select_from(EmailLink)).one() == 0
