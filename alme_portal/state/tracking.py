"""Guest order lookup: order number and e-mail open the order for this browser tab only."""

import asyncio
import secrets

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock, cookies, db, routes
from alme_portal.platform.outcome import Status
from alme_portal.state import browser
from alme_portal.state.spinner import spins
from alme_portal.state.ui import UiState

MAX_FIELD_LENGTH = 254


def _lookup(order_number: str, email: str, client_address: str):
    asked = {"order_number": order_number, "email": email, "client_address": client_address}
    # Reading first: a found order writes nothing, so it need not wait for SQLite's write lock.
    with db.session_scope() as session:
        outcome = order_lookup.find_order(session, **asked, record_failure=False)
    if outcome.status != Status.INVALID:
        return outcome
    with db.session_scope(write=True) as session:  # a failure counts against the limits
        return order_lookup.find_order(session, **asked)


class TrackState(UiState):
    """The lookup form and the orders this tab has unlocked."""

    order_number: str = ""
    email: str = ""
    error_key: str = ""
    retry_at: str = ""
    busy: bool = False
    _unlocked_order_ids: list[int] = []
    _unlock_key: str = ""
    """The secret of the HttpOnly cookie that lets a reload of this tab keep its orders."""
    _unlock_connection: str = ""

    @rx.var
    def error(self) -> str:
        """The lookup error in the visitor's language ("" when none)."""
        if not self.error_key:
            return ""
        return translate(self.language, self.error_key, time=self.retry_at)

    @rx.event
    def load_track(self):
        """Open the form clean, keeping what was typed in this tab."""
        self.error_key = ""

    @rx.event
    @spins("busy")
    async def find_order(self, form_data: dict):
        """Look the order up; on success open its page for this tab only."""
        order_id = await lookup(self, form_data)
        if order_id is not None:
            number = order_lookup.normalise_order_number(self.order_number)
            return rx.redirect(routes.order_page(number))


async def _tab(state: rx.State) -> TrackState:
    """This tab's found orders, dropped when another browser presents its client token."""
    track = await state.get_state(TrackState)
    here = browser.connection(state)
    if track._unlock_connection != here:
        presented = browser.handshake_cookie(state, cookies.UNLOCK)
        if not browser.same_secret(presented, track._unlock_key):
            track._unlocked_order_ids, track._unlock_key = [], ""
        track._unlock_connection = here
    return track


async def unlocked_orders(state: rx.State) -> list[int]:
    """The orders this tab has found (any page's state may ask)."""
    return list((await _tab(state))._unlocked_order_ids)


async def unlock(state: rx.State, order_id: int) -> None:
    """Open `order_id` for this tab, and for its reloads in this browser (an HttpOnly cookie)."""
    track = await _tab(state)
    if not track._unlock_key:
        track._unlock_key = secrets.token_urlsafe(32)
        await browser.set_cookie(state, cookies.Cookie(cookies.UNLOCK, track._unlock_key, None))
    if order_id not in track._unlocked_order_ids:
        track._unlocked_order_ids = [*track._unlocked_order_ids, order_id]


async def lookup(state: TrackState, form_data: object) -> int | None:
    """Check the lookup form, find the order and unlock it for this tab.

    Sets `error_key` (and `retry_at`) on `state` when the order cannot be opened.

    Returns:
        The order id when found, else None.
    """
    data = form_data if isinstance(form_data, dict) else {}
    number, email = data.get("order_number"), data.get("email")
    if not isinstance(number, str) or not isinstance(email, str):
        state.error_key = "track.missing"
        return None
    number, email = number.strip()[:MAX_FIELD_LENGTH], email.strip()[:MAX_FIELD_LENGTH]
    state.order_number, state.email = number, email
    if not number or not email:
        state.error_key = "track.missing"
        return None
    result = await asyncio.to_thread(
        _lookup, number, email, state.router.session.client_ip or "unknown"
    )
    if not result.ok:
        state.error_key = result.message_key
        if result.retry_at:
            state.retry_at = clock.in_paris(result.retry_at).strftime("%H:%M")
        return None
    state.error_key = ""
    await unlock(state, result.value)
    return result.value
