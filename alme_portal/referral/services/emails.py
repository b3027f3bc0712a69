"""E-mails of Refer a friend (F1, F3, F4); their words are in the catalogues."""

from __future__ import annotations

from alme_portal import i18n

KINDS = {
    "invitation": "referral_invitation",
    "friend_code": "referral_friend_code",
    "reward": "referral_reward",
}


def referral_email(which: str, language: str, **values: object) -> dict[str, str]:
    """The subject, body and outbox kind of one referral e-mail, in `language`."""
    subject, body = i18n.email(language, f"email.referral.{which}", **values)
    return {"kind": KINDS[which], "subject": subject, "body": body}
