"""What a tab may keep only while it is still the same browser.

Reflex restores a tab's state from its client token, and any browser that learns that token
can present it. So a login token or the key of the orders a tab found counts only on the
websocket connection it was given on, or on a later connection (a reload) whose handshake
carries the matching HttpOnly cookie; a copied client token alone opens nothing.
"""

from __future__ import annotations

import asyncio
import hmac

import reflex as rx

from alme_portal.platform import cookies, db
from alme_portal.state.ui import UiState


def connection(state: rx.State) -> str:
    """The id of the websocket connection the current event came on."""
    return state.router.session.session_id


def handshake_cookie(state: rx.State, name: str) -> str:
    """The HttpOnly cookie `name` as this connection's handshake carried it ("" when absent)."""
    return cookies.read(state.router.headers.cookie, name)


def same_secret(presented: str, kept: str) -> bool:
    """Whether a cookie presented matches the secret a tab keeps (constant time)."""
    return bool(kept) and hmac.compare_digest(presented.encode(), kept.encode())


def _hand_off(cookie: cookies.Cookie) -> str:
    with db.session_scope(write=True) as session:
        return cookies.hand_off(session, cookie)


async def set_cookie(state: rx.State, cookie: cookies.Cookie) -> None:
    """Have the page set `cookie` HttpOnly: its one-time code goes into the page's images."""
    code = await asyncio.to_thread(_hand_off, cookie)
    ui = await state.get_state(UiState)
    ui.cookie_codes = [*ui.cookie_codes[-3:], code]
