"""The holes an outside review found (issue 15), each attacked the way the review attacked it.

Each test sends the hostile input to the real service, route or handler and checks that
nothing happens that should not; SECURITY.md lists what each one proves.
"""

import json
import sqlite3
import string
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW, order_id
from sqlmodel import func, select
from starlette.testclient import TestClient
from test_order_feed import event, order_data

from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import auth as accounts
from alme_portal.api import create_api
from alme_portal.i18n import CATALOGUES
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import feed_signature
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock, cookies, deployment, settings
from alme_portal.platform.contact import person_key
from alme_portal.platform.models import OutboxEmail
from alme_portal.referral.models import ReferralInvite
from alme_portal.referral.services import invites as referral

ROOT = Path(__file__).resolve().parents[2]
CAMILLE, PASSWORD = "camille.moreau@example.fr", "Lovers-Paris-26!"
OLD_DEV_SECRET = "dev-only-order-feed-secret-change-me"
"""The secret the source carried before: it must open nothing now."""


def at_now(action, *args, **kwargs):
    with clock.use_clock(NOW):
        return action(*args, **kwargs)


# --- 1. The feed secret ----------------------------------------------------------------------


def signed_post(client, payload, secret):
    raw = json.dumps(payload).encode()
    headers = {"X-Alme-Signature": feed_signature.sign(raw, secret)}
    return client.post("/api/order-feed", content=raw, headers=headers)


def test_1_the_feed_refuses_the_development_secret_once_written_in_the_source(demo_session):
    change = {"number": "AL100101", "email": "attacker@example.fr"}
    with clock.use_clock(NOW), TestClient(create_api()) as client:
        answer = signed_post(client, event("order.updated", change, "evil-1"), OLD_DEV_SECRET)
    assert answer.status_code == 401
    demo_session.expire_all()
    assert demo_session.get(Order, order_id(demo_session, "AL100101")).email == CAMILLE


def test_1_the_demo_secret_is_generated_per_checkout_and_kept(tmp_path):
    first = deployment.dev_secret("order_feed_secret", tmp_path / "secrets.json")
    assert len(first) >= 40 and first != OLD_DEV_SECRET
    assert deployment.dev_secret("order_feed_secret", tmp_path / "secrets.json") == first
    assert oct((tmp_path / "secrets.json").stat().st_mode)[-3:] == "600"


@pytest.mark.parametrize(
    "program",
    ["import alme_portal.alme_portal", "from alme_portal import cli; cli.main(['mail', 'worker'])"],
    ids=["portal", "mail worker"],
)
def test_1_production_refuses_to_start_naming_each_missing_setting(program):
    env = {"PATH": "/usr/bin:/bin", "ALME_ENV": "production", "HOME": "/tmp"}
    started = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert started.returncode == 2
    for name in ("ALME_ORDER_FEED_SECRET", "ALME_PORTAL_URL", "ALME_DATABASE_URL",
                 "ALME_LAPOSTE_API_KEY", "ALME_MONDIAL_RELAY_PRIVATE_KEY", "ALME_SMTP_HOST",
                 "ALME_SMTP_USERNAME", "ALME_SMTP_PASSWORD", "ALME_MAIL_FROM",
                 "ALME_SMTP_SECURITY", "ALME_STRIPE_SECRET_KEY", "ALME_STRIPE_WEBHOOK_SECRET",
                 "ALME_PAYPAL_CLIENT_ID", "ALME_PAYPAL_SECRET", "ALME_PAYPAL_WEBHOOK_ID",
                 "ALME_ALMA_API_KEY"):  # fmt: skip
        assert f"refusing to start in production: {name}" in started.stderr


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("ALME_ORDER_FEED_SECRET", "short", "shorter than"),
        ("ALME_PORTAL_URL", "http://portal.almeparis.com", "public https://"),
        ("ALME_PORTAL_URL", "https://localhost:3000", "public https://"),
        ("ALME_MONDIAL_RELAY_PRIVATE_KEY", settings.DEFAULT_MONDIAL_RELAY_KEY, "development"),
        ("ALME_LAPOSTE_API_KEY", settings.DEFAULT_LAPOSTE_API_KEY, "development"),
        ("ALME_SMTP_SECURITY", "none", "starttls or tls"),
        ("ALME_STRIPE_SECRET_KEY", settings.DEFAULT_STRIPE_SECRET_KEY, "development"),
        ("ALME_STRIPE_WEBHOOK_SECRET", settings.DEFAULT_STRIPE_WEBHOOK_SECRET, "development"),
        ("ALME_ALMA_API_KEY", settings.DEFAULT_ALMA_API_KEY, "development"),
    ],
)
def test_1_production_refuses_development_values(monkeypatch, name, value, problem):
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)
    monkeypatch.setenv(name, value)
    assert any(line.startswith(name) and problem in line for line in deployment.problems())


def test_1_production_settings_given_whole_start(monkeypatch):
    for name, value in {
        "ALME_ENV": "production", "ALME_DATABASE_URL": "postgresql+psycopg://db/alme",
        "ALME_ORDER_FEED_SECRET": "s" * 48, "ALME_PORTAL_URL": "https://service.almeparis.com",
        "ALME_LAPOSTE_API_KEY": "k" * 64, "ALME_MONDIAL_RELAY_ENSEIGNE": "ALMEPARI",
        "ALME_MONDIAL_RELAY_PRIVATE_KEY": "p" * 16, "ALME_SMTP_HOST": "smtp.almeparis.com",
        "ALME_SMTP_USERNAME": "portal", "ALME_SMTP_PASSWORD": "p" * 24,
        "ALME_SMTP_SECURITY": "starttls", "ALME_MAIL_FROM": "hello@almeparis.com",
        "ALME_STRIPE_SECRET_KEY": "sk_live_" + "s" * 24, "ALME_STRIPE_WEBHOOK_SECRET": "whsec_x",
        "ALME_PAYPAL_CLIENT_ID": "AaBb", "ALME_PAYPAL_SECRET": "EeFf",
        "ALME_PAYPAL_WEBHOOK_ID": "1JE4291016473214C", "ALME_ALMA_API_KEY": "sk_live_alma",
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    assert deployment.problems() == []
    assert not deployment.paperless_returns_offered()  # R3: unverified, so off unless asked
    monkeypatch.setenv(settings.PAPERLESS_RETURNS_ENV, "1")
    assert deployment.paperless_returns_offered()
    assert [line.split()[0] for line in deployment.problems()] == [
        "ALME_MONDIAL_RELAY_CONNECT_LOGIN", "ALME_MONDIAL_RELAY_CONNECT_PASSWORD",
        "ALME_MONDIAL_RELAY_CONNECT_CUSTOMER_ID",
    ]  # fmt: skip


# --- 2. The carrier simulator -----------------------------------------------------------------


def test_2_the_mounted_simulator_has_no_control_routes():
    with TestClient(create_api()) as client:
        assert client.post("/_carrier-sim/_control/faults", content=b'{"route":"laposte",'
                           b'"kind":"slow","delay":15}', headers={"Content-Type": "text/plain"}
                           ).status_code == 404  # fmt: skip
        assert client.post("/_carrier-sim/_control/reset").status_code == 404
        assert client.get("/_carrier-sim/_control/requests").status_code == 404


def test_2_production_never_mounts_the_simulator(monkeypatch):
    monkeypatch.setenv(deployment.ENV_VAR, deployment.PRODUCTION)
    with TestClient(create_api(with_simulator=True)) as client:
        assert client.get("/_carrier-sim/laposte/suivi/v2/idships/6A00000000010").status_code == 404


# --- 3. Referral: an alias of a customer is a customer ----------------------------------------


def test_3_an_existing_customer_behind_an_alias_is_not_a_new_friend(demo_session):
    lea = demo_session.exec(
        select(Customer.id).where(Customer.email == "lea.martin@example.fr")
    ).one()
    for alias in ("Camille.Moreau+amie@example.fr", "camillemoreau@example.fr"):
        outcome = at_now(referral.invite, demo_session, lea, alias)
        assert (outcome.status, outcome.message_key) == ("invalid", "referral.refused.customer")
    assert demo_session.exec(select(func.count()).select_from(ReferralInvite)).one() == 0


def test_3_orders_carry_the_person_key_whoever_writes_them(demo_session):
    keys = demo_session.exec(select(Order.email, Order.email_key)).all()
    assert keys and all(key == person_key(email) for email, key in keys)
    assert ("camille.moreau@example.fr", "camillemoreau@example.fr") in keys


# --- 4. Attacker text in brand e-mails ------------------------------------------------------


SUBJECT_FIELDS = {"number", "tier", "size", "product", "brand", "relay"}
"""What a subject may name: numbers and catalogue words (a relay point's name comes from the
carrier's list), never something a person typed."""


@pytest.mark.parametrize("key", sorted(k for k in CATALOGUES["en"] if k.endswith(".subject")))
def test_4_email_subjects_never_carry_typed_text(key):
    for language in ("en", "fr"):
        fields = {f for _, f, _, _ in string.Formatter().parse(CATALOGUES[language][key]) if f}
        assert fields <= SUBJECT_FIELDS, (language, key, fields)


@pytest.mark.parametrize(
    "name", ["URGENT: verify your card at http://evil.example/pay", "www.evil.fr", "a@b.fr",
             "see evil.com now"],
)  # fmt: skip
def test_4_a_name_carrying_a_link_cannot_sign_up(session, name):
    outcome = at_now(accounts.create_account, session, email="x@example.fr", password="x" * 12,
                     first_name=name, last_name="Doe", language="en")  # fmt: skip
    assert (outcome.status, outcome.message_key) == ("invalid", "account.name.invalid")


def test_4_a_hostile_name_already_stored_reaches_no_email_as_a_link(demo_session):
    member = demo_session.exec(select(Customer).where(Customer.email == CAMILLE)).one()
    member.first_name = "URGENT: pay at http://evil.example/x " + "A" * 43  # the column's 80
    demo_session.commit()
    at_now(referral.invite, demo_session, member.id, "new.friend@example.fr")
    demo_session.commit()
    mail = demo_session.exec(select(OutboxEmail).where(OutboxEmail.kind == "referral_invitation"))
    mail = mail.one()
    assert "evil.example" not in mail.body and "URGENT" not in mail.subject
    assert "A" * 41 not in mail.body  # the name is cut to 40 characters


def test_4_only_a_member_who_confirmed_her_address_invites_by_email(session):
    created = at_now(
        accounts.create_account, session, email="new@example.fr", password="x" * 12,
        first_name="Nina", last_name="New", language="en",
    )  # fmt: skip
    outcome = at_now(referral.invite, session, created.value, "friend@example.fr")
    assert (outcome.status, outcome.message_key) == ("refused", "referral.confirm_first")
    assert session.exec(select(func.count()).select_from(OutboxEmail)).one() == 0


def test_4_one_address_opens_a_few_accounts_an_hour(session):
    def sign_up(n, minutes=0):
        with clock.use_clock(NOW + timedelta(minutes=minutes)):
            return accounts.create_account(
                session, email=f"bot{n}@example.fr", password="x" * 12, first_name="Bot",
                last_name="Bot", language="en", client_address="6.6.6.6",
            )  # fmt: skip

    made = [sign_up(n).status for n in range(settings.SIGNUPS_PER_ADDRESS_PER_HOUR + 1)]
    assert made == ["done"] * settings.SIGNUPS_PER_ADDRESS_PER_HOUR + ["rate_limited"]
    assert sign_up(99, minutes=61).status == "done"


# --- 5. Sign-up cannot be used to probe addresses fast ---------------------------------------


def test_5_probing_addresses_through_sign_up_is_as_slow_as_guessing_passwords(demo_session):
    customers = demo_session.exec(select(Customer.email)).all()

    def probe(email):
        return at_now(
            accounts.create_account, demo_session, email=email, password="x" * 12,
            first_name="A", last_name="B", language="en", client_address="7.7.7.7",
        )  # fmt: skip

    answers = [
        probe(customers[n % len(customers)]).status
        for n in range(settings.LOGIN_MAX_FAILURES_PER_ADDRESS)
    ]
    assert answers == ["refused"] * settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    assert probe(CAMILLE).status == "rate_limited"
    assert probe("somebody.new@example.fr").status == "rate_limited"  # the address waits


# --- 9. Feed freshness ------------------------------------------------------------------------


@pytest.mark.parametrize("created_at", [0, 1733400000, None, "yesterday", "2026-11-25T10:00:00"])
def test_9_a_created_at_that_is_not_an_aware_instant_is_refused(demo_session, monkeypatch,
                                                                  created_at):  # fmt: skip
    monkeypatch.setenv(settings.ORDER_FEED_SECRET_ENV, "s" * 40)
    payload = event("order.created", order_data(), "evt-fresh") | {"created_at": created_at}
    with clock.use_clock(NOW), TestClient(create_api()) as client:
        answer = signed_post(client, payload, "s" * 40)
    assert answer.status_code == 400
    assert demo_session.exec(select(Order).where(Order.number == "AL200001")).first() is None


# --- 10. Rate limits nobody can turn against someone else -------------------------------------


def test_10_failures_from_one_address_never_lock_the_owner_out(demo_session):
    for n in range(settings.LOGIN_MAX_FAILURES_PER_ADDRESS + 5):
        with clock.use_clock(NOW + timedelta(seconds=n)):
            accounts.log_in(demo_session, email=CAMILLE, password="guess", client_address="6.6.6.6")
        demo_session.commit()
    later = NOW + timedelta(seconds=60 + settings.LOGIN_ACCOUNT_SPACING_MAX_SECONDS)
    with clock.use_clock(later):
        attacker = accounts.log_in(demo_session, email=CAMILLE, password=PASSWORD,
                                   client_address="6.6.6.6")  # fmt: skip
        owner = accounts.log_in(demo_session, email=CAMILLE, password=PASSWORD,
                                client_address="82.64.1.1")  # fmt: skip
    assert attacker.status == "rate_limited" and owner.status == "done"


def test_10_an_account_under_attack_from_many_addresses_only_slows_down(demo_session):
    for n in range(settings.LOGIN_ACCOUNT_SLOWDOWN_AFTER + 3):
        with clock.use_clock(NOW + timedelta(seconds=n)):
            accounts.log_in(demo_session, email=CAMILLE, password="guess",
                            client_address=f"10.0.0.{n}")  # fmt: skip
        demo_session.commit()
    last = NOW + timedelta(seconds=settings.LOGIN_ACCOUNT_SLOWDOWN_AFTER + 2)
    with clock.use_clock(last + timedelta(seconds=1)):
        soon = accounts.log_in(demo_session, email=CAMILLE, password=PASSWORD, client_address="a")
    with clock.use_clock(last + timedelta(seconds=settings.LOGIN_ACCOUNT_SPACING_MAX_SECONDS)):
        owner = accounts.log_in(demo_session, email=CAMILLE, password=PASSWORD, client_address="a")
    assert soon.status == "rate_limited" and owner.status == "done"


def test_10_wrong_emails_on_an_order_number_do_not_lock_its_owner_out(demo_session):
    for n in range(settings.LOOKUP_MAX_FAILURES + 2):
        at_now(order_lookup.find_order, demo_session, order_number="AL100101",
               email=f"guess{n}@example.fr", client_address=f"10.1.0.{n}")  # fmt: skip
        demo_session.commit()
    owner = at_now(order_lookup.find_order, demo_session, order_number="AL100101",
                   email=CAMILLE, client_address="82.64.1.1")  # fmt: skip
    guesser = at_now(order_lookup.find_order, demo_session, order_number="AL100101",
                     email=CAMILLE, client_address="10.1.0.0")  # fmt: skip
    assert owner.status == "done" and guesser.status == "rate_limited"


def test_10_the_client_address_is_read_through_the_configured_proxies():
    shown = subprocess.run(
        [sys.executable, "-c", "import rxconfig; print(rxconfig.config.trusted_proxy_hops)"],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PATH": "/usr/bin:/bin", "ALME_TRUSTED_PROXY_HOPS": "2", "HOME": "/tmp"},
    )  # fmt: skip
    assert shown.stdout.strip() == "2"


# --- 11. The slow hash runs outside the write lock --------------------------------------------


@pytest.mark.parametrize("database_kind", ["sqlite"])  # PostgreSQL has no database write lock
def test_11_checking_a_password_needs_no_write_lock(demo_session, database_url):
    from sqlmodel import Session

    from alme_portal.platform import db

    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")  # another request holds the write lock meanwhile
    try:
        with Session(db.engine_for(database_url)) as reader, clock.use_clock(NOW):
            check = accounts.check_password(reader, Customer, email=CAMILLE, password=PASSWORD,
                                            client_address="1.2.3.4")  # fmt: skip
    finally:
        holder.rollback()
        holder.close()
    assert check.account_id is not None and check.refusal is None


# --- 12 and 13. Cookies the page never sees ----------------------------------------------------


def test_13_a_handed_off_cookie_is_collected_once_and_set_httponly(demo_session):
    code = cookies.hand_off(demo_session, cookies.Cookie(cookies.SESSION, "t" * 43, 3600))
    demo_session.commit()
    stored = demo_session.exec(select(cookies.CookieHandoff.sealed_value)).one()
    assert "t" * 10 not in stored  # the table alone does not give the token away
    with TestClient(create_api()) as client:
        first = client.get(f"/api/cookie?code={code}")
        second = client.get(f"/api/cookie?code={code}")
        cross = client.get(f"/api/cookie?code={code}", headers={"Sec-Fetch-Site": "cross-site"})
    set_cookie = first.headers["set-cookie"].lower()
    assert "alme_session=" + "t" * 43 in set_cookie
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie
    assert "set-cookie" not in second.headers and cross.status_code == 403


def test_13_an_old_code_sets_nothing(demo_session):
    code = cookies.hand_off(demo_session, cookies.Cookie(cookies.UNLOCK, "k" * 43, None))
    demo_session.commit()
    with clock.use_clock(clock.now() + timedelta(seconds=cookies.HANDOFF_SECONDS + 1)):
        assert cookies.collect(demo_session, code) is None


def test_12_a_cookie_header_is_read_whatever_it_holds():
    assert cookies.read("a=1; alme_unlock=xyz; b=2", cookies.UNLOCK) == "xyz"
    assert cookies.read('alme_unlock="unterminated', cookies.UNLOCK) == ""
    assert cookies.read("", cookies.UNLOCK) == ""
