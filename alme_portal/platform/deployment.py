"""Where the portal runs: the zero-setup demo, or production, which refuses unsafe settings.

`ALME_ENV=production` is production: every secret, credential and address comes from the
environment, and the portal refuses to start while one is missing or still a development value.
Anything else is the demo that `make run` serves: the carrier simulator stands in for the
carriers, and the secrets nobody gave are generated once per checkout into `DEV_SECRETS_FILE`
(ignored by git), never written in the source.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

from alme_portal.platform import settings

ENV_VAR = "ALME_ENV"
PRODUCTION = "production"
DEV_SECRETS_FILE = settings.PROJECT_ROOT / ".alme-dev-secrets.json"
MIN_SECRET_LENGTH = 32
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def is_production() -> bool:
    """Whether this process is a production deployment (`ALME_ENV=production`)."""
    return os.environ.get(ENV_VAR, "").strip().lower() == PRODUCTION


def dev_secret(name: str, path: Path = DEV_SECRETS_FILE) -> str:
    """Return this checkout's generated secret `name`, creating it the first time.

    Several processes (the command line, the server) may ask at once: the file is locked while
    it is read and written, so they all get the same value.
    """
    path.touch(mode=0o600, exist_ok=True)
    with path.open("r+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        text = file.read()
        known = json.loads(text) if text.strip() else {}
        if name not in known:
            known[name] = secrets.token_urlsafe(32)
            file.seek(0)
            file.truncate()
            json.dump(known, file, indent=2)
        return known[name]


def order_feed_secret() -> str:
    """The order feed's shared secret: the environment's, else (demo only) this checkout's."""
    given = os.environ.get(settings.ORDER_FEED_SECRET_ENV, "")
    if given or is_production():
        return given
    return dev_secret("order_feed_secret")


def paperless_returns_offered() -> bool:
    """R3: whether the wizard offers a QR code to show at the relay point instead of a label.

    Off in production unless `ALME_PAPERLESS_RETURNS=1` (the carrier's answer is unverified).
    """
    value = os.environ.get(settings.PAPERLESS_RETURNS_ENV, "").strip()
    return value == "1" if value or is_production() else True


def _missing_or_default(name: str, dev_values: tuple[str, ...] = ()) -> str | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return f"{name} is not set"
    if value in dev_values:
        return f"{name} is a development value"
    return None


def problems() -> list[str]:
    """In production, one line per setting that is missing or still a development value."""
    if not is_production():
        return []
    found = [
        _missing_or_default(settings.DATABASE_URL_ENV),
        _missing_or_default(settings.LAPOSTE_API_KEY_ENV, (settings.DEFAULT_LAPOSTE_API_KEY,)),
        _missing_or_default(
            settings.MONDIAL_RELAY_ENSEIGNE_ENV, (settings.DEFAULT_MONDIAL_RELAY_ENSEIGNE,)
        ),
        _missing_or_default(settings.MONDIAL_RELAY_KEY_ENV, (settings.DEFAULT_MONDIAL_RELAY_KEY,)),
        _feed_secret_problem(),
        _portal_url_problem(),
        *_smtp_problems(),
        *_connect_problems(),
        *_payment_problems(),
    ]
    return [line for line in found if line]


def _connect_problems() -> list[str | None]:
    """API Connect's credentials, needed only when paperless returns are offered."""
    if not paperless_returns_offered():
        return []
    return [
        _missing_or_default(
            settings.MONDIAL_RELAY_CONNECT_LOGIN_ENV,
            (settings.DEFAULT_MONDIAL_RELAY_CONNECT_LOGIN,),
        ),
        _missing_or_default(
            settings.MONDIAL_RELAY_CONNECT_PASSWORD_ENV,
            (settings.DEFAULT_MONDIAL_RELAY_CONNECT_PASSWORD,),
        ),
        _missing_or_default(
            settings.MONDIAL_RELAY_CONNECT_CUSTOMER_ENV,
            (settings.DEFAULT_MONDIAL_RELAY_CONNECT_CUSTOMER,),
        ),
    ]


def _payment_problems() -> list[str | None]:
    """The payment providers' keys: refunds and the E4 supplement need all three."""
    return [
        _missing_or_default(settings.STRIPE_SECRET_KEY_ENV, (settings.DEFAULT_STRIPE_SECRET_KEY,)),
        _missing_or_default(
            settings.STRIPE_WEBHOOK_SECRET_ENV, (settings.DEFAULT_STRIPE_WEBHOOK_SECRET,)
        ),
        _missing_or_default(settings.PAYPAL_CLIENT_ID_ENV, (settings.DEFAULT_PAYPAL_CLIENT_ID,)),
        _missing_or_default(settings.PAYPAL_SECRET_ENV, (settings.DEFAULT_PAYPAL_SECRET,)),
        _missing_or_default(settings.PAYPAL_WEBHOOK_ID_ENV, (settings.DEFAULT_PAYPAL_WEBHOOK_ID,)),
        _missing_or_default(settings.ALMA_API_KEY_ENV, (settings.DEFAULT_ALMA_API_KEY,)),
    ]


def _feed_secret_problem() -> str | None:
    secret = os.environ.get(settings.ORDER_FEED_SECRET_ENV, "")
    if not secret:
        return f"{settings.ORDER_FEED_SECRET_ENV} is not set"
    if len(secret) < MIN_SECRET_LENGTH:
        return f"{settings.ORDER_FEED_SECRET_ENV} is shorter than {MIN_SECRET_LENGTH} characters"
    return None


def _portal_url_problem() -> str | None:
    url = os.environ.get(settings.PORTAL_URL_ENV, "").strip()
    if not url:
        return f"{settings.PORTAL_URL_ENV} is not set"
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.hostname in LOCAL_HOSTS:
        return f"{settings.PORTAL_URL_ENV} must be the public https:// address of the portal"
    return None


def _smtp_problems() -> list[str | None]:
    security = os.environ.get(settings.SMTP_SECURITY_ENV, "").strip().lower()
    return [
        _missing_or_default(settings.SMTP_HOST_ENV),
        _missing_or_default(settings.SMTP_USERNAME_ENV),
        _missing_or_default(settings.SMTP_PASSWORD_ENV),
        _missing_or_default(settings.MAIL_FROM_ENV),
        None
        if security in ("starttls", "tls")
        else f"{settings.SMTP_SECURITY_ENV} must be starttls or tls (passwords never go in clear)",
    ]


def require_safe_settings() -> None:
    """Stop the process with one line per problem when production settings are unsafe.

    Raises:
        SystemExit: in production, when a setting is missing or a development value.
    """
    found = problems()
    if found:
        for line in found:
            print(f"alme-portal: refusing to start in production: {line}", file=sys.stderr)  # noqa: T201
        raise SystemExit(2)
