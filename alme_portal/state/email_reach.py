"""Rule C2 for the states: whether an e-mail a page promises will reach its address."""

import asyncio

from alme_portal.mail.services import recipients
from alme_portal.platform import db


def _undeliverable(email: str) -> str:
    with db.session_scope() as session:
        return recipients.undeliverable(session, email)


async def undeliverable(email: str) -> str:
    """Why the brand's e-mails will not reach `email` ("domain", "bounced"), or ""."""
    return await asyncio.to_thread(_undeliverable, email)
