"""Every number and switch the FAQ leaves open, in one place.

Values that differ between machines (database URL, carrier URLs, secrets) are read from the
environment; everything else is a named constant so that a rule never hides a number inline.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# --- Environment -------------------------------------------------------------------------
DATABASE_URL_ENV = "ALME_DATABASE_URL"
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'alme_portal.db'}"
FROZEN_NOW_ENV = "ALME_FROZEN_NOW"
"""ISO 8601 instant; when set, the clock returns it (demo screenshots, reproducible runs)."""


PORTAL_URL_ENV = "ALME_PORTAL_URL"
DEFAULT_PORTAL_URL = "http://localhost:3000"
"""Public address of the portal, for links in e-mails."""


def portal_url() -> str:
    """Return the portal's public base URL (no trailing slash)."""
    return (os.environ.get(PORTAL_URL_ENV) or DEFAULT_PORTAL_URL).rstrip("/")


def database_url() -> str:
    """Return the SQLAlchemy URL of the portal database (SQLite file unless overridden)."""
    return os.environ.get(DATABASE_URL_ENV) or DEFAULT_DATABASE_URL


# --- Brand and contact (rule C1, C2) -----------------------------------------------------
BRAND_NAME = "Almé"
TIMEZONE = "Europe/Paris"
CONTACT_EMAIL = "hello@almeparis.com"
CONTACT_PHONE = "07 67 46 39 63"
CONTACT_PHONE_E164 = "+33767463963"
CONTACT_HOURS = ((9, 0, 12, 30), (13, 30, 17, 0))
"""Opening spans of customer service, Monday to Friday: (start h, start min, end h, end min)."""
UNREACHABLE_EMAIL_DOMAINS = ("wanadoo.fr", "orange.fr")
"""Rule C2: these domains currently receive no e-mail from the brand."""

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"


def supported_language(language: object) -> str:
    """Return `language` if the portal speaks it, else `DEFAULT_LANGUAGE` (the one fallback)."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


# --- Orders and delivery (O3, O4) -------------------------------------------------------
DISPATCH_WITHIN_WORKING_HOURS = 24
COLISSIMO_DELIVERY_WORKING_DAYS = (2, 3)
MONDIAL_RELAY_DELIVERY_WORKING_DAYS = (3, 5)
CHRONOPOST_DELIVERY_WORKING_DAYS = (1, 2)
CHRONOPOST_CUTOFF_HOUR = 14
MONDIAL_RELAY_COUNTRIES = ("FR", "BE")
CHRONOPOST_COUNTRIES = ("FR",)
O9_REFUND_WORKING_DAYS = 7
"""Rule O9: a parcel back at the Atelier is refunded within this many working days."""

EU_COUNTRIES = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
COLISSIMO_DESTINATION_COUNT = 220
CHRONOPOST_PROMISE_HOURS = 48
"""Rule O4: the Chronopost promise as the help words it ("within 48 h")."""
INSTALMENT_COUNT = 3
"""Rule O10: the instalment payment is split in this many instalments."""
DEFERRED_PAYMENT_DAYS = (15, 30)
"""Rules O10, R12: the deferred-payment delays offered at checkout."""

# --- Returns and exchanges (R2, R3, R5, R6, R8, E7) -------------------------------------
RETURN_WINDOW_DAYS = 14
LABEL_VALIDITY_DAYS = 14
SELF_SHIP_REIMBURSEMENT_CAP_CENTS = 600
DEFECT_REPORT_HOURS = 48
CREDIT_NOTE_VALIDITY_DAYS = 365
REFUND_SHIPPING_ON_FULL_RETURN = True
"""L6: "if you return your order in full, we refund the full amount spent": shipping too."""
REFUND_VISIBLE_WORKING_DAYS = (2, 3)
EXCHANGE_DELIVERY_WORKING_DAYS = (7, 14)
ATELIER_RETURN_ADDRESS = (
    "Almé – Atelier retours",
    "27 rue du Faubourg Saint-Honoré",
    "75008 Paris",
    "France",
)
"""Rule R3: where prepaid return labels send parcels (the FAQ does not print it)."""
RETURN_LINES_MAX = 20
"""Most item lines one return may carry (bounds what a forged request can ask)."""
EXCHANGE_RETURN_PROCESSING_DAYS = 10
"""Rule E7: average days from drop-off until a return is processed and the exchange ships."""
EXCHANGE_CATALOGUE_SECONDS = 60
"""Rule E2: how old the exchange catalogue every wizard tab of a worker reads may be (stock
is checked again when she confirms, E5)."""

# --- Loyalty (L1-L7) ---------------------------------------------------------------------
LOVES_PER_EURO = 10
LOVES_PENDING_DAYS = 18
VOUCHER_VALIDITY_MONTHS = 3
TIER_WINDOW_MONTHS = 12
TIER_HOLD_MONTHS = 12
TIER_THRESHOLDS_CENTS = (("flirt", 0), ("crush", 40_000), ("in_love", 130_000))
LOYALTY_MISSIONS = (("instagram", 200), ("birthday", 100), ("newsletter", 100))
"""Rule L2: (mission, loves), each earned once; add a mission here to offer it."""
LOYALTY_REWARDS = ((500, 500), (1_000, 1_200), (2_500, 3_500))
LOVES_SETTLE_DAYS = 31
"""`alme-portal loyalty settle` sums each member's loves released more than this many days ago
once, so that her balance reads only the recent entries."""
"""Rule L5: the reward catalogue, (loves spent, euro cents off the voucher gives)."""

# --- Referral (F1-F3) --------------------------------------------------------------------
REFERRAL_AMOUNT_CENTS = 1_500
REFERRAL_FRIEND_CODE_DAYS = 14
REFERRAL_MEMBER_VOUCHER_DAYS = 30
REFERRAL_MONTHLY_REWARD_CAP = 10
"""Fraud rule: referral rewards a member can get in one calendar month."""
REFERRAL_FRIENDS_PER_DAY = 20
"""Friends a member's link or invitations can take in a day (e-mails cost and can annoy)."""

# --- Demo data ---------------------------------------------------------------------------
DEMO_PASSWORD_LENGTH = 16

# --- Carriers (O4, O6, O7) ---------------------------------------------------------------
SIMULATOR_URL_ENV = "ALME_CARRIER_SIMULATOR_URL"
"""Base URL of the carrier simulator; both carriers point under it unless overridden."""
LAPOSTE_BASE_URL_ENV = "ALME_LAPOSTE_BASE_URL"
LAPOSTE_API_KEY_ENV = "ALME_LAPOSTE_API_KEY"
MONDIAL_RELAY_URL_ENV = "ALME_MONDIAL_RELAY_URL"
MONDIAL_RELAY_ENSEIGNE_ENV = "ALME_MONDIAL_RELAY_ENSEIGNE"
MONDIAL_RELAY_KEY_ENV = "ALME_MONDIAL_RELAY_PRIVATE_KEY"
MONDIAL_RELAY_LABEL_HOST_ENV = "ALME_MONDIAL_RELAY_LABEL_HOST"
"""Where Mondial Relay serves booked labels (its web site; the simulator in the demo)."""
MONDIAL_RELAY_CONNECT_URL_ENV = "ALME_MONDIAL_RELAY_CONNECT_URL"
MONDIAL_RELAY_CONNECT_LOGIN_ENV = "ALME_MONDIAL_RELAY_CONNECT_LOGIN"
MONDIAL_RELAY_CONNECT_PASSWORD_ENV = "ALME_MONDIAL_RELAY_CONNECT_PASSWORD"
MONDIAL_RELAY_CONNECT_CUSTOMER_ENV = "ALME_MONDIAL_RELAY_CONNECT_CUSTOMER_ID"
"""API Connect (V2) credentials: paperless return labels only."""
PAPERLESS_RETURNS_ENV = "ALME_PAPERLESS_RETURNS"
"""`1` offers the QR code for a relay point to print (on by default outside production: the
carrier's QR answer is unverified, see `adapters/carriers/mondial_relay_connect.py`)."""
DEFAULT_SIMULATOR_URL = "http://127.0.0.1:3000/_carrier-sim"
DEFAULT_LAPOSTE_API_KEY = "S" * 64
DEFAULT_MONDIAL_RELAY_ENSEIGNE = "BDTEST13"
DEFAULT_MONDIAL_RELAY_KEY = "PRIVATEK"
DEFAULT_MONDIAL_RELAY_CONNECT_LOGIN = "BDTEST@business-api.mondialrelay.com"
DEFAULT_MONDIAL_RELAY_CONNECT_PASSWORD = "BDTEST-CONNECT"
DEFAULT_MONDIAL_RELAY_CONNECT_CUSTOMER = "BDTEST"
CARRIER_TIMEOUT_SECONDS = 5.0
CARRIER_MAX_ATTEMPTS = 3
CARRIER_BACKOFF_SECONDS = 0.2
CARRIER_MAX_RETRY_AFTER_SECONDS = 5.0
TRACKING_CACHE_SECONDS = 120
TRACKING_CACHE_SECONDS_ENV = "ALME_TRACKING_CACHE_SECONDS"
"""Overrides `TRACKING_CACHE_SECONDS` (the browser tests set 0 to see every carrier answer)."""
TRACKING_KEEP_LAST_DAYS = 30
"""A parcel's last carrier answer is kept this long in Redis: the "last known events" shown
while the carrier is down (in one process's memory it lasts as long as the process)."""
REDIS_URL_ENV = "ALME_REDIS_URL"
"""Redis shared by several workers (`REFLEX_REDIS_URL`, Reflex's own, is read too): the
tracking cache lives there instead of in each worker's memory."""
TRACKING_SILENT_AFTER_WORKING_DAYS = 3
"""Rule O7: a parcel with no new carrier event for this long counts as silent."""
TRACKING_POLL_MINUTES = 10
"""How often the worker asks the carriers about parcels on their way (shipment e-mails)."""
TRACKING_POLL_MAX_DAYS = 60
"""A parcel dispatched longer ago than this is no longer asked about."""
RELAY_PICKUP_HOLD_WORKING_DAYS = 10
"""How long a relay point keeps a parcel before it goes back to the sender."""
RELAY_SEARCH_RADIUS_KM = 20
"""Rule R3: how far from her postcode relay points are offered to drop a return at."""
RELAY_SEARCH_RESULTS = 10
"""Rule R3: how many relay points a search offers at most, nearest first (Mondial Relay may
answer more than it is asked for)."""
CHANGE_RELAY_POINT_CHOICES = 8
"""Rule O1: how many relay points the "Modify my order" form offers (nearest first)."""
RETURN_BOOKING_RETRY_MINUTES = (1, 2, 4, 8, 15, 30)
"""Rule R3: after a failed booking, the waits before the next attempts (the last one repeats).
The customer is told the label comes "within the hour": the first five fit in it."""
RETURN_BOOKING_CLAIM_SECONDS = 120
"""How long a caller of the carrier holds a booking (longer than its calls can last), and how
long the worker leaves a return just declared to the page that books it at once."""
RETURN_PARCEL_WEIGHT_GRAMS = 600
"""Weight declared to the carrier per returned item (the FAQ and the catalogue give none)."""


# --- Payment providers (R8-R12, E4) ----------------------------------------------------------
STRIPE_URL_ENV = "ALME_STRIPE_URL"
STRIPE_SECRET_KEY_ENV = "ALME_STRIPE_SECRET_KEY"
STRIPE_WEBHOOK_SECRET_ENV = "ALME_STRIPE_WEBHOOK_SECRET"
PAYPAL_URL_ENV = "ALME_PAYPAL_URL"
PAYPAL_CLIENT_ID_ENV = "ALME_PAYPAL_CLIENT_ID"
PAYPAL_SECRET_ENV = "ALME_PAYPAL_SECRET"
PAYPAL_WEBHOOK_ID_ENV = "ALME_PAYPAL_WEBHOOK_ID"
ALMA_URL_ENV = "ALME_ALMA_URL"
ALMA_API_KEY_ENV = "ALME_ALMA_API_KEY"
"""Cards go to Stripe, PayPal to PayPal, 3 instalments and deferred payments to Alma; each
base URL points under the simulator unless set (`docs/payments.md`)."""
DEFAULT_STRIPE_SECRET_KEY = "sk_test_alme_demo"
DEFAULT_STRIPE_WEBHOOK_SECRET = "whsec_alme_demo"
DEFAULT_PAYPAL_CLIENT_ID = "alme-demo-client"
DEFAULT_PAYPAL_SECRET = "alme-demo-secret"
DEFAULT_PAYPAL_WEBHOOK_ID = "WH-ALME-DEMO"
DEFAULT_ALMA_API_KEY = "sk_test_alme_demo"
STRIPE_API_VERSION = "2026-06-24.dahlia"
PAYMENT_TIMEOUT_SECONDS = 10.0
"""How long a provider call may take before the portal stops waiting (it then asks again with
the same idempotency key)."""
PAYMENT_RETRY_MINUTES = (1, 5, 15, 60, 240)
"""After a provider could not be reached, the waits before the next attempts."""
PAYMENT_MAX_ATTEMPTS = 6
"""Attempts after which a refund the provider never took is failed, for staff to decide."""
PAYMENT_CLAIM_SECONDS = 120
"""How long a caller holds a refund it is sending (longer than a provider call can last)."""
PAYMENT_PENDING_CHECK_MINUTES = 60
"""How often a refund the provider still calls pending is asked about, besides its webhooks."""
WEBHOOK_TOLERANCE_SECONDS = 300
"""A signed webhook older than this is refused (Stripe's own default)."""
REFUND_STATEMENT_WORKING_DAYS = {"stripe": (2, 3), "paypal": (0, 1), "alma": (2, 3)}
"""R8: working days, after the provider took a refund, before it shows on her statement: a card
2-3 days (R8), a PayPal account at once or the next day, money back on a card that paid
instalments 2-3 days (a lowered or cancelled instalment shows at once)."""
SUPPLEMENT_PAYMENT_DAYS = 7
"""Rule E4: days to pay an exchange's supplement before the exchange is cancelled."""


SERVE_SIMULATOR_ENV = "ALME_SERVE_CARRIER_SIMULATOR"


def serve_carrier_simulator() -> bool:
    """Whether the portal's backend also serves the carrier simulator (on unless set to 0)."""
    return os.environ.get(SERVE_SIMULATOR_ENV, "1") != "0"


def carrier_setting(env_name: str, default: str) -> str:
    """Return a carrier or payment provider setting from the environment, or its default."""
    return os.environ.get(env_name) or default


DB_POOL_SIZE = 5
DB_POOL_SIZE_ENV = "ALME_DB_POOL_SIZE"
DB_MAX_OVERFLOW = 5
DB_MAX_OVERFLOW_ENV = "ALME_DB_MAX_OVERFLOW"
"""PostgreSQL connections per process: kept open, and opened beyond under load (deploy.md)."""


def db_pool() -> tuple[int, int]:
    """The pool size and overflow of a PostgreSQL engine (environment overrides, else above)."""
    sizes = []
    for env_name, default in ((DB_POOL_SIZE_ENV, DB_POOL_SIZE),
                              (DB_MAX_OVERFLOW_ENV, DB_MAX_OVERFLOW)):  # fmt: skip
        try:
            sizes.append(max(0, int(os.environ.get(env_name, ""))))
        except ValueError:
            sizes.append(default)
    return sizes[0], sizes[1]


def redis_url() -> str:
    """Redis's URL when several workers share one ("" in the single-process default)."""
    return os.environ.get(REDIS_URL_ENV) or os.environ.get("REFLEX_REDIS_URL", "")


def tracking_cache_seconds() -> float:
    """How long a carrier answer is reused (environment override, else the constant)."""
    try:
        return max(0.0, float(os.environ.get(TRACKING_CACHE_SECONDS_ENV, "")))
    except ValueError:
        return TRACKING_CACHE_SECONDS


# --- Order feed and guest lookup (O1, O6) ------------------------------------------------
ORDER_FEED_SECRET_ENV = "ALME_ORDER_FEED_SECRET"
"""The shop's HMAC secret; the demo generates one per checkout (`platform.deployment`)."""
ORDER_FEED_MAX_BODY_BYTES = 256 * 1024
ORDER_FEED_MAX_SKEW_SECONDS = 300
LOOKUP_MAX_FAILURES = 5
"""Failed order lookups allowed in the window per client address; also per order number, for
the addresses that failed on it (its owner, from elsewhere, is never shut out)."""
LOOKUP_WINDOW_MINUTES = 15

# --- Accounts and login sessions (security checklist: ASVS 6.2, 6.3, 6.4, 7.3) ----------
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 128
LOGIN_MAX_FAILURES_PER_EMAIL = 5
"""Failed logins allowed in the window on one account from one client address."""
LOGIN_MAX_FAILURES_PER_ADDRESS = 20
"""Failed logins (and sign-up probes) allowed in the window from one client address."""
LOGIN_ACCOUNT_SLOWDOWN_AFTER = 10
"""Failed logins on one account, from anywhere, after which its attempts are spaced out."""
LOGIN_ACCOUNT_SPACING_SECONDS = 15
"""The first spacing between attempts on an account past its slowdown; it doubles each time."""
LOGIN_ACCOUNT_SPACING_MAX_SECONDS = 120
"""The longest an account's owner ever waits between two attempts because of others' failures."""
LOGIN_WINDOW_MINUTES = 15
SIGNUPS_PER_ADDRESS_PER_HOUR = 5
"""Accounts one client address may open in an hour."""
TRUSTED_PROXY_HOPS_ENV = "ALME_TRUSTED_PROXY_HOPS"
"""Reverse proxies in front of the portal: the client address is read that many hops from the
right of X-Forwarded-For (0: the socket's address)."""


def trusted_proxy_hops() -> int:
    """How many reverse proxies in front of the portal to trust (0 when unset or invalid)."""
    raw = os.environ.get(TRUSTED_PROXY_HOPS_ENV, "0").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 3 else 0


SESSION_IDLE_DAYS = 14
"""A login session unused this long ends (idle timeout)."""
SESSION_MAX_DAYS = 60
"""A login session ends this long after the login, used or not (absolute timeout)."""
SESSION_TOUCH_MINUTES = 10
"""How stale `last_seen_at` may get before a request writes it again."""
PASSWORD_RESET_MINUTES = 10
"""A "forgotten password" link works once, within this time."""
STAFF_SESSION_IDLE_MINUTES = 120
"""A staff login session unused this long ends (a console left open on a shared bench)."""
STAFF_SESSION_MAX_HOURS = 12
"""A staff login session ends this long after the login: one working day."""
EMAIL_LINK_MINUTES = 60
"""A link that confirms an e-mail address (to verify it or to move the account to it) works
once, within this time."""
ACCOUNT_EMAILS_PER_HOUR = 3
"""Password-reset and confirmation e-mails sent per account in an hour, at most."""

# --- Tab states (Reflex's disk state manager) ---------------------------------------------
TAB_STATES_PURGE_SECONDS = 60
"""How often the saved tab states are scanned for expired ones (Reflex scans at every write)."""

# --- E-mail delivery (SMTP) --------------------------------------------------------------
SMTP_HOST_ENV = "ALME_SMTP_HOST"
SMTP_PORT_ENV = "ALME_SMTP_PORT"
SMTP_SECURITY_ENV = "ALME_SMTP_SECURITY"
"""`starttls` (port 587), `tls` (port 465) or `none` (the demo's local catcher only)."""
SMTP_USERNAME_ENV = "ALME_SMTP_USERNAME"
SMTP_PASSWORD_ENV = "ALME_SMTP_PASSWORD"
SMTP_CA_FILE_ENV = "ALME_SMTP_CA_FILE"
"""A PEM file of the authorities to trust for the SMTP server's certificate (a private CA);
the system's otherwise."""
MAIL_FROM_ENV = "ALME_MAIL_FROM"
DEFAULT_SMTP_HOST = "127.0.0.1"
DEFAULT_SMTP_PORT = 8025
"""Where `make run`'s mail catcher listens."""
SMTP_SECURITY_CHOICES = ("starttls", "tls", "none")
SMTP_TIMEOUT_SECONDS = 30.0
MAIL_RETRY_FIRST_SECONDS = 60
"""A temporary failure is retried after this long, then twice as long each time."""
MAIL_RETRY_MAX_SECONDS = 6 * 3600
MAIL_MAX_ATTEMPTS = 10
"""Sending attempts before an e-mail is marked failed (about 36 hours of retries)."""
MAIL_CLAIM_LEASE_SECONDS = 300
"""How long a worker owns the e-mail it is sending; a crashed worker's e-mail is retried after."""
MAIL_WORKER_POLL_SECONDS = 2.0
"""How often an idle mail worker looks for e-mails to send."""


def smtp_setting(env_name: str, default: str = "") -> str:
    """Return an SMTP setting from the environment (trimmed), or its default."""
    return os.environ.get(env_name, "").strip() or default
