"""What the order feed's endpoint checks before applying an event: signature and freshness.

`X-Alme-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the shared secret, and a
`created_at` close enough to now that a captured event cannot be replayed days later.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from alme_portal.platform import clock, settings

SIGNATURE_HEADER = "X-Alme-Signature"
SIGNATURE_PREFIX = "sha256="


def sign(body: bytes, secret: str) -> str:
    """Return the `X-Alme-Signature` header value for a raw body (used by the shop and tests)."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_PREFIX}{digest}"


def verify_signature(body: bytes, signature_header: str | None, secret: str) -> bool:
    """Check `X-Alme-Signature: sha256=<hex HMAC-SHA256 of the raw body>` in constant time.

    Args:
        body: the raw request body, exactly as received.
        signature_header: the header value (None or empty when missing).
        secret: the shared secret.

    Returns:
        True only for a well-formed header carrying the right digest.
    """
    if not signature_header or not secret or not signature_header.isascii():
        return False
    expected = sign(body, secret).encode()
    return hmac.compare_digest(expected, signature_header.strip().lower().encode())


def event_is_fresh(created_at: datetime) -> bool:
    """Whether an event's `created_at` is within `ORDER_FEED_MAX_SKEW_SECONDS` of now."""
    skew = abs((clock.now() - clock.as_utc(created_at)).total_seconds())
    return skew <= settings.ORDER_FEED_MAX_SKEW_SECONDS
