"""What an e-mail may carry in its headers and when a failed one is tried again (plain Python).

A header is one line: a name, subject or address holding CR or LF would let whoever typed it add
headers (a Bcc, a second body) to the brand's e-mail, so every header text goes through
`header_text`, and an address that is not one plain `local@domain` is refused before sending.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta

from alme_portal.platform import settings

SUBJECT_MAX = 200
ADDRESS_MAX = 254
NOT_A_PLAIN_ADDRESS = "not a plain e-mail address"
"""Why an e-mail to anything but one plain `local@domain` is failed."""
_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def header_text(text: object, limit: int = SUBJECT_MAX) -> str:
    """`text` as one header line: control characters (CR, LF, tab...) become spaces, cut to length.

    Args:
        text: what goes into the header; anything but a string gives "".
        limit: the most characters kept (an ellipsis marks a cut).
    """
    if not isinstance(text, str):
        return ""
    kept = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text)
    line = " ".join(kept.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def is_plain_address(address: object) -> bool:
    """Whether `address` is one ASCII `local@domain` with nothing around it (no name, no comma)."""
    return (
        isinstance(address, str)
        and len(address) <= ADDRESS_MAX
        and _ADDRESS.fullmatch(address) is not None
    )


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: doubling, capped.

    1 → `MAIL_RETRY_FIRST_SECONDS`, 2 → twice that, ... never more than `MAIL_RETRY_MAX_SECONDS`.
    """
    exponent = min(max(attempts, 1) - 1, 30)
    seconds = settings.MAIL_RETRY_FIRST_SECONDS * 2**exponent
    return timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_SECONDS))


def gives_up(attempts: int) -> bool:
    """Whether an e-mail that failed `attempts` times for a temporary reason is now failed."""
    return attempts >= settings.MAIL_MAX_ATTEMPTS


def message_id(email_id: int, created_at: datetime, domain: str) -> str:
    """The Message-ID of outbox e-mail `email_id`, the same at every attempt.

    A copy sent again after a crash is then recognised as the same message by mail clients.
    """
    return f"<outbox.{email_id}.{created_at:%Y%m%d%H%M%S%f}@{domain}>"
