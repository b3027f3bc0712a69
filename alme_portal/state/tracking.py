"""Guest order lookup: order number and e-mail open the order for this browser tab only."""

import asyncio

import reflex as rx

from alme_portal import clock, db, routes
from alme_portal.i18n import translate
from alme_portal.services import order_lookup
from alme_portal.state.ui import UiState

MAX_FIELD_LENGTH = 254


def _lookup(order_number: str, email: str, client_address: str):
    with db.session_scope() as session:
        return order_lookup.find_order(
            session, order_number=order_number, email=email, client_address=client_address
        )


class TrackState(UiState):
    """The lookup form and the orders this tab has unlocked."""

    order_number: str = ""
    email: str = ""
    error_key: str = ""
    retry_at: str = ""
    busy: bool = False
    _unlocked_order_ids: list[int] = []

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
    async def find_order(self, form_data: dict):
        """Look the order up; on success open its page for this tab only."""
        if self.busy:
            return
        data = form_data if isinstance(form_data, dict) else {}
        number, email = data.get("order_number"), data.get("email")
        if not isinstance(number, str) or not isinstance(email, str):
            self.error_key = "track.missing"
            return
        number, email = number.strip()[:MAX_FIELD_LENGTH], email.strip()[:MAX_FIELD_LENGTH]
        self.order_number, self.email = number, email
        if not number or not email:
            self.error_key = "track.missing"
            return
        self.busy = True
        try:
            result = await asyncio.to_thread(
                _lookup, number, email, self.router.session.client_ip or "unknown"
            )
        finally:
            self.busy = False
        if result.status == "rate_limited":
            self.error_key = "track.rate_limited"
            self.retry_at = clock.in_paris(result.retry_at).strftime("%H:%M")
            return
        if result.status != "found":
            self.error_key = "track.not_found"
            return
        self.error_key = ""
        if result.order_id not in self._unlocked_order_ids:
            self._unlocked_order_ids = [*self._unlocked_order_ids, result.order_id]
        return rx.redirect(routes.order_page(order_lookup.normalise_order_number(number)))
