"""Accounts on the real database: sign up, log in with a rate limit, sessions, reset, change."""

from datetime import timedelta

import pytest
from conftest import NOW
from sqlmodel import func, select

from alme_portal.accounts.models.accounts import LoginSession
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import auth as accounts
from alme_portal.accounts.services import passwords
from alme_portal.platform import clock, settings

PASSWORD = "Lovers-Paris-26!"  # the demo member's


def sign_up(session, **overrides):
    fields = {
        "email": " Alice.Martin@Example.FR ",
        "password": "a long enough one",
        "first_name": "Alice",
        "last_name": "Martin",
        "language": "en",
        **overrides,
    }
    with clock.use_clock(NOW):
        outcome = accounts.create_account(session, **fields)
    session.commit()
    return outcome


def log_in(session, email="camille.moreau@example.fr", password=PASSWORD, at=NOW, client="1.2.3.4"):
    with clock.use_clock(at):
        outcome = accounts.log_in(session, email=email, password=password, client_address=client)
    session.commit()
    return outcome


def member(session, token, at=NOW):
    with clock.use_clock(at):
        found = accounts.member_for_token(session, token)
    session.commit()
    return found


def count(session, model):
    return session.exec(select(func.count()).select_from(model)).one()


def test_l1_sign_up_creates_a_member_with_a_hashed_password(demo_session):
    outcome = sign_up(demo_session)
    assert outcome.status == "done"
    customer = demo_session.get(Customer, outcome.value)
    assert customer.email == "alice.martin@example.fr" and not customer.email_verified
    assert customer.password_hash.startswith("$argon2id$")
    assert passwords.verify_password(customer.password_hash, "a long enough one")
    assert sign_up(demo_session, email="ALICE.martin@example.fr").status == "refused"


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("email", "not-an-email", "account.email.invalid"),
        ("first_name", " ", "account.name.invalid"),
        ("last_name", "x" * 81, "account.name.invalid"),
        ("password", "short", "account.password.short"),
        ("password", "x" * 129, "account.password.long"),
        ("password", None, "account.password.short"),
    ],
)
def test_invalid_sign_up_stores_nothing(demo_session, field, value, key):
    before = count(demo_session, Customer)
    outcome = sign_up(demo_session, **{field: value})
    assert (outcome.status, outcome.message_key) == ("invalid", key)
    assert count(demo_session, Customer) == before


def test_log_in_opens_a_session_whose_token_is_stored_hashed(demo_session):
    outcome = log_in(demo_session, email=" CAMILLE.moreau@example.fr")
    assert outcome.status == "done" and len(outcome.value.token) >= 40
    stored = demo_session.exec(select(LoginSession)).one()
    assert stored.token_hash == accounts.token_hash(outcome.value.token) != outcome.value.token
    assert member(demo_session, outcome.value.token) == outcome.value.account_id
    second = log_in(demo_session)
    assert second.value.token != outcome.value.token  # a new token at every login


def test_wrong_password_and_unknown_email_get_the_same_answer(demo_session):
    wrong = log_in(demo_session, password="not the password")
    unknown = log_in(demo_session, email="nobody@example.fr")
    assert (wrong.status, wrong.message_key) == (unknown.status, unknown.message_key)
    assert wrong.status == "invalid" and count(demo_session, LoginSession) == 0


def test_too_many_failures_are_rate_limited_before_the_password_is_checked(demo_session):
    for _ in range(settings.LOGIN_MAX_FAILURES_PER_EMAIL):
        log_in(demo_session, password="wrong password")
    blocked = log_in(demo_session)  # even the right password waits
    assert blocked.status == "rate_limited"
    assert blocked.retry_at == NOW + timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    later = NOW + timedelta(minutes=settings.LOGIN_WINDOW_MINUTES, seconds=1)
    assert log_in(demo_session, at=later).status == "done"


def test_one_client_trying_many_accounts_is_rate_limited(demo_session):
    for index in range(settings.LOGIN_MAX_FAILURES_PER_ADDRESS):
        log_in(demo_session, email=f"guess{index}@example.fr", password="wrong password")
    assert log_in(demo_session, client="1.2.3.4").status == "rate_limited"
    assert log_in(demo_session, client="5.6.7.8").status == "done"


def test_sessions_end_at_logout_when_idle_and_when_too_old(demo_session):
    token = log_in(demo_session).value.token
    assert accounts.log_out(demo_session, token) and member(demo_session, token) is None
    assert not accounts.log_out(demo_session, token)
    idle = log_in(demo_session).value.token
    assert (
        member(demo_session, idle, NOW + timedelta(days=settings.SESSION_IDLE_DAYS, hours=1))
        is None
    )
    used = log_in(demo_session).value.token
    for day in range(0, settings.SESSION_MAX_DAYS, 7):  # used every week
        assert member(demo_session, used, NOW + timedelta(days=day)) is not None
    assert (
        member(demo_session, used, NOW + timedelta(days=settings.SESSION_MAX_DAYS, hours=1)) is None
    )


@pytest.mark.parametrize("token", [None, "", "x" * 500, 12, "a-made-up-token-of-some-length"])
def test_forged_tokens_open_nothing(demo_session, token):
    assert member(demo_session, token) is None


def test_changing_the_password_keeps_this_session_and_ends_the_others(demo_session):
    here, elsewhere = log_in(demo_session), log_in(demo_session)
    with clock.use_clock(NOW):
        wrong = accounts.change_password(
            demo_session,
            customer_id=here.value.account_id,
            current="nope",
            new="a brand new secret",
            keep_token=here.value.token,
        )
        done = accounts.change_password(
            demo_session,
            customer_id=here.value.account_id,
            current=PASSWORD,
            new="a brand new secret",
            keep_token=here.value.token,
        )
    demo_session.commit()
    assert (wrong.message_key, done.status) == ("account.password.wrong", "done")
    assert member(demo_session, here.value.token) == here.value.account_id
    assert member(demo_session, elsewhere.value.token) is None


def test_a_live_session_is_read_without_writing_until_its_idle_clock_is_stale(demo_session):
    token = log_in(demo_session).value.token
    soon = NOW + timedelta(minutes=settings.SESSION_TOUCH_MINUTES - 1)
    with clock.use_clock(soon):
        login = accounts.live_login(demo_session, token)
        assert login is not None and not accounts.needs_touch(login)
    later = NOW + timedelta(minutes=settings.SESSION_TOUCH_MINUTES + 1)
    assert member(demo_session, token, later) is not None
    stored = demo_session.exec(select(LoginSession)).one()
    assert clock.as_utc(stored.last_seen_at) == later
