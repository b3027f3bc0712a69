"""E-mails of Refer a friend (F1, F3, F4), in plain text, English and French."""

from __future__ import annotations

from alme_portal.platform import settings

_TEXTS = {
    "invitation": {
        "en": (
            "{member} offers you €15 at Almé",
            "Hello,\n\n{member} thinks you will love"
            " Almé and offers you €15 off your first order. Get your code here:\n{url}\n\n"
            "The {brand} team",
        ),
        "fr": (
            "{member} vous offre 15 € chez Almé",
            "Bonjour,\n\n{member} pense qu'Almé va"
            " vous plaire et vous offre 15 € sur votre première commande. Recevez votre code"
            " ici :\n{url}\n\nL'équipe {brand}",
        ),
    },
    "friend_code": {
        "en": (
            "Your €15 Almé code",
            "Hello,\n\nHere is your code for €15 off your first Almé"
            " order, valid until {last_day}:\n\n{code}\n\nEnter it exactly as written, with"
            " the e-mail {email}.\n\nThe {brand} team",
        ),
        "fr": (
            "Votre code Almé de 15 €",
            "Bonjour,\n\nVoici votre code de 15 € sur votre"
            " première commande Almé, valable jusqu'au {last_day} :\n\n{code}\n\nSaisissez-le"
            " exactement ainsi, avec l'e-mail {email}.\n\nL'équipe {brand}",
        ),
    },
    "reward": {
        "en": (
            "Your friend ordered: €15 for you",
            "Hello {member},\n\nYour friend {friend}"
            " placed her first Almé order. Here is your €15 voucher, valid until {last_day}:"
            "\n\n{code}\n\nThe {brand} team",
        ),
        "fr": (
            "Votre amie a commandé : 15 € pour vous",
            "Bonjour {member},\n\nVotre amie"
            " {friend} a passé sa première commande Almé. Voici votre bon de 15 €, valable"
            " jusqu'au {last_day} :\n\n{code}\n\nL'équipe {brand}",
        ),
    },
}
KINDS = {
    "invitation": "referral_invitation",
    "friend_code": "referral_friend_code",
    "reward": "referral_reward",
}


def referral_email(which: str, language: str, **values: object) -> dict[str, str]:
    """The subject, body and outbox kind of one referral e-mail, in `language`."""
    subject, body = _TEXTS[which].get(language) or _TEXTS[which][settings.DEFAULT_LANGUAGE]
    values = {"brand": settings.BRAND_NAME, **values}
    return {
        "kind": KINDS[which],
        "subject": subject.format(**values),
        "body": body.format(**values),
    }
