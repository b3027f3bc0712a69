"""The e-mails of orders: dispatch (O6) and change request recorded (O1).

Their words are in the catalogues (`email.dispatch.*`, `email.change.*`).
"""

from __future__ import annotations

from alme_portal import i18n
from alme_portal.adapters.carriers.laposte import public_tracking_url
from alme_portal.platform import settings
from alme_portal.platform.text import name_for_email
from alme_portal.platform.vocabulary import CARRIER_NAMES


def dispatch_email(
    *, language: str, number: str, first_name: str, carrier: str, tracking_number: str,
    postcode: str = "",
) -> tuple[str, str]:  # fmt: skip
    """Rule O6: subject and body of the dispatch e-mail (tracking number, link, spam warning).

    Returns:
        (subject, body) in `language` ("en" or "fr"; anything else gives the default).
    """
    return i18n.email(
        language,
        "email.dispatch",
        number=number,
        first_name=name_for_email(first_name),
        carrier=CARRIER_NAMES.get(carrier, carrier),
        tracking_number=tracking_number,
        tracking_url=public_tracking_url(carrier, tracking_number, postcode),
        contact=settings.CONTACT_EMAIL,
    )


def change_request_email(
    *, language: str, number: str, first_name: str, kind: str
) -> tuple[str, str]:
    """Rule O1: subject and body of the "request recorded, not guaranteed" e-mail.

    Args:
        language: "en" or "fr".
        number: the order number.
        first_name: the customer's first name.
        kind: "modify" or "cancel".

    Returns:
        (subject, body).
    """
    action = i18n.translate(language, f"email.change.action.{kind}")
    first_name = name_for_email(first_name)
    return i18n.email(language, "email.change", number=number, first_name=first_name, action=action)
