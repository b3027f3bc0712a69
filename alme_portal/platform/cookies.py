"""HttpOnly cookies for a Reflex app: handed off by a handler, set by an HTTP answer.

Reflex writes its cookies from JavaScript, so a stolen page script could read them. Here a
handler leaves the cookie's value sealed under a one-time code (`hand_off`); the page loads a
1-pixel image from `/api/cookie?code=`, and that answer sets the cookie HttpOnly, SameSite=Strict
(and Secure in production). The websocket of any later page load carries the cookie in its
handshake, where `read` finds it; no script ever sees it.

The code travels only to the page that asked; the database holds the value sealed with a pad
derived from the code, so a copy of the table alone reveals no session token.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from http.cookies import CookieError, SimpleCookie

import sqlalchemy as sa
from sqlmodel import Session

from alme_portal.platform import clock
from alme_portal.platform.models import CookieHandoff

SESSION = "alme_session"
"""A member's login session token (rule L1 accounts)."""
STAFF = "alme_staff"
"""An Atelier staff member's login session token."""
UNLOCK = "alme_unlock"
"""The key of the orders this browser found by guest lookup."""
NAMES = (SESSION, STAFF, UNLOCK)
HANDOFF_SECONDS = 60
"""A handed-off cookie is collected within this time or never."""
VALUE_MAX = 256


@dataclass(frozen=True)
class Cookie:
    """A cookie to set: its name, value and lifetime (0 clears it, None lasts the session)."""

    name: str
    value: str
    max_age_seconds: int | None


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _pad(code: str, length: int) -> bytes:
    return hashlib.shake_256(f"alme-cookie:{code}".encode()).digest(length)


def hand_off(session: Session, cookie: Cookie) -> str:
    """Leave `cookie` for the page to collect; return the one-time code to put in its image URL.

    Raises:
        ValueError: an unknown cookie name, or a value that is not short printable ASCII.
    """
    if cookie.name not in NAMES:
        raise ValueError(f"unknown cookie {cookie.name!r}")
    raw = cookie.value.encode("ascii")
    if len(raw) > VALUE_MAX or not cookie.value.isprintable() or ";" in cookie.value:
        raise ValueError("a cookie value is short printable ASCII")
    code = secrets.token_urlsafe(32)
    sealed = bytes(a ^ b for a, b in zip(raw, _pad(code, len(raw)), strict=True))
    session.add(
        CookieHandoff(
            code_hash=_hash(code),
            name=cookie.name,
            sealed_value=base64.urlsafe_b64encode(sealed).decode(),
            max_age_seconds=-1 if cookie.max_age_seconds is None else cookie.max_age_seconds,
            expires_at=clock.now() + timedelta(seconds=HANDOFF_SECONDS),
        )
    )
    session.flush()
    return code


def collect(session: Session, code: object) -> Cookie | None:
    """Take the cookie handed off under `code`, once; None when unknown, used or expired."""
    if not isinstance(code, str) or not 20 <= len(code) <= 100:
        return None
    row = session.get(CookieHandoff, _hash(code))
    if row is None:
        return None
    session.execute(sa.delete(CookieHandoff).where(CookieHandoff.code_hash == row.code_hash))
    session.execute(sa.delete(CookieHandoff).where(CookieHandoff.expires_at < clock.now()))
    if clock.as_utc(row.expires_at) < clock.now():
        return None
    sealed = base64.urlsafe_b64decode(row.sealed_value)
    value = bytes(a ^ b for a, b in zip(sealed, _pad(code, len(sealed)), strict=True)).decode()
    max_age = None if row.max_age_seconds < 0 else row.max_age_seconds
    return Cookie(row.name, value, max_age)


def read(cookie_header: str, name: str) -> str:
    """The value of cookie `name` in a request's `Cookie` header ("" when absent or malformed)."""
    jar = SimpleCookie()
    try:
        jar.load(cookie_header or "")
    except CookieError:
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel is not None else ""
