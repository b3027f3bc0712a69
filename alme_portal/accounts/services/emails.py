"""E-mails about a member's account: reset link, address confirmation, change notice."""

from __future__ import annotations

from alme_portal.platform import settings

_TEXTS = {
    "reset": {
        "en": ("Your new Almé password", "Hello,\n\nChoose a new password here within {minutes}"
               " minutes (the link works once):\n{url}\n\nIf you did not ask, ignore this e-mail."),
        "fr": ("Votre nouveau mot de passe Almé", "Bonjour,\n\nChoisissez un nouveau mot de"
               " passe ici dans les {minutes} minutes (le lien ne sert qu'une fois) :\n{url}\n\n"
               "Si vous n'avez rien demandé, ignorez cet e-mail."),
    },
    "verify": {
        "en": ("Confirm your e-mail address", "Hello {name},\n\nConfirm that this address is"
               " yours within {minutes} minutes (the link works once):\n{url}\n\nOnce it is"
               " confirmed, the orders you placed with it as a guest appear in your account."),
        "fr": ("Confirmez votre adresse e-mail", "Bonjour {name},\n\nConfirmez que cette"
               " adresse est la vôtre dans les {minutes} minutes (le lien ne sert qu'une fois) :"
               "\n{url}\n\nUne fois confirmée, les commandes passées avec elle sans compte"
               " apparaissent dans votre compte."),
    },
    "change": {
        "en": ("Confirm your new e-mail address", "Hello {name},\n\nYou asked to use this"
               " address for your Almé account. Confirm it within {minutes} minutes (the link"
               " works once):\n{url}\n\nIf you did not ask, ignore this e-mail."),
        "fr": ("Confirmez votre nouvelle adresse e-mail", "Bonjour {name},\n\nVous avez demandé"
               " à utiliser cette adresse pour votre compte Almé. Confirmez-la dans les {minutes}"
               " minutes (le lien ne sert qu'une fois) :\n{url}\n\nSi vous n'avez rien demandé,"
               " ignorez cet e-mail."),
    },
    "change_requested": {
        "en": ("Your Almé e-mail address is about to change", "Hello {name},\n\nSomeone logged"
               " in to your account asked to move it to {email}. It changes only once that"
               " address is confirmed.\n\nIf it was not you, change your password now:\n{url}"),
        "fr": ("L'adresse e-mail de votre compte Almé va changer", "Bonjour {name},\n\nQuelqu'un"
               " de connecté à votre compte a demandé de le déplacer vers {email}. Le changement"
               " n'a lieu qu'une fois cette adresse confirmée.\n\nSi ce n'est pas vous, changez"
               " votre mot de passe maintenant :\n{url}"),
    },
    "claim": {
        "en": ("Count the loves of order {number}?", "Hello,\n\n{name} asked to count the loves"
               " of order {number}, placed with this address, for her Almé account. If that is"
               " you, confirm within {minutes} minutes (the link works once):\n{url}\n\n"
               "If not, ignore this e-mail: nothing changes."),
        "fr": ("Compter les loves de la commande {number} ?", "Bonjour,\n\n{name} a demandé à"
               " compter les loves de la commande {number}, passée avec cette adresse, sur son"
               " compte Almé. Si c'est vous, confirmez dans les {minutes} minutes (le lien ne"
               " sert qu'une fois) :\n{url}\n\nSinon, ignorez cet e-mail : rien ne change."),
    },
    "changed": {
        "en": ("Your Almé e-mail address has changed", "Hello {name},\n\nYour account now uses"
               " {email}; this address receives nothing more from it.\n\nIf it was not you,"
               " contact our customer service."),
        "fr": ("L'adresse e-mail de votre compte Almé a changé", "Bonjour {name},\n\nVotre"
               " compte utilise désormais {email} ; cette adresse n'en recevra plus rien.\n\n"
               "Si ce n'est pas vous, contactez notre service client."),
    },
}  # fmt: skip
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
    texts = _TEXTS[which]
    subject, body = texts.get(language) or texts[settings.DEFAULT_LANGUAGE]
    return {"kind": KINDS[which], "subject": subject, "body": body.format(**values)}
