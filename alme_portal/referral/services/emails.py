"""E-mails of Refer a friend (F1, F3, F4); their words are in the catalogues."""

from __future__ import annotations

from alme_portal import i18n
from alme_portal.platform.text import name_for_email

KINDS = {
    "invitation": "referral_invitation",
    "friend_code": "referral_friend_code",
    "reward": "referral_reward",
}


def referral_email(which: str, language: str, **values: object) -> dict[str, str]:
    """The subject, body and outbox kind of one referral e-mail, in `language`."""
    people = {key: name_for_email(values[key]) for key in ("member", "friend") if key in values}
    subject, body = i18n.email(language, f"email.referral.{which}", **values | people)
    return {"kind": KINDS[which], "subject": subject, "body": body}
