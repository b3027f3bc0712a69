"""E-mails about a member's account: reset link, address confirmation, change notice.

Their words are in the catalogues (`email.account.*`); this module picks them and the outbox kind.
"""

from __future__ import annotations

from alme_portal import i18n
from alme_portal.platform.text import name_for_email

KINDS = {
    "reset": "password_reset",
    "verify": "email_verify",
    "change": "email_change",
    "change_requested": "email_change_requested",
    "claim": "loyalty_claim_confirm",
    "changed": "email_changed",
}
"""The outbox kind of each account e-mail."""


def account_email(which: str, language: str, **values: object) -> dict[str, str]:
    """The subject, body and outbox kind of one account e-mail.

    Args:
        which: one of `KINDS`.
        language: "en" or "fr" (the default language otherwise).
        **values: what the text names: name, url, email, minutes.
    """
    if "name" in values:
        values["name"] = name_for_email(values["name"])
    subject, body = i18n.email(language, f"email.account.{which}", **values)
    return {"kind": KINDS[which], "subject": subject, "body": body}
