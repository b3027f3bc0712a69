"""The EU withdrawal function: "Withdraw from contract here", then "Confirm withdrawal"."""

import asyncio

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.platform import db
from alme_portal.returns.services import withdrawals
from alme_portal.state.spinner import spins
from alme_portal.state.tracking import TrackState, lookup
from alme_portal.state.ui import UiState

MAX_NAME = 200


def _record(order_id: int, name: str, email: str, language: str):
    with db.session_scope(write=True) as session:
        return withdrawals.record_withdrawal(
            session, order_id=order_id, name=name, email=email, language=language
        )


class WithdrawalState(UiState):
    """One withdrawal: the order is identified by its number and e-mail, as for tracking."""

    statement: str = ""
    withdrawn_order: str = ""
    withdrawal_key: str = ""
    sending: bool = False

    @rx.var
    def withdrawal_error(self) -> str:
        """Why the withdrawal was not recorded, in the visitor's language."""
        return translate(self.language, self.withdrawal_key) if self.withdrawal_key else ""

    @rx.event
    async def load_withdrawal(self):
        """Open the form, with the order number from `?order=` when there is one."""
        self.statement, self.withdrawal_key = "", ""
        track = await self.get_state(TrackState)
        track.error_key = ""
        number = self.router.page.params.get("order", "")
        if isinstance(number, str) and 0 < len(number) <= 20:
            track.order_number = number

    @rx.event
    @spins("sending")
    async def confirm_withdrawal(self, form_data: dict):
        """Confirm withdrawal: record it and show the acknowledgement with date and time."""
        data = form_data if isinstance(form_data, dict) else {}
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            self.withdrawal_key = "withdrawal.invalid.name"
            return
        track = await self.get_state(TrackState)
        order_id = await lookup(track, data)
        if order_id is None:
            self.withdrawal_key = ""
            return
        outcome = await asyncio.to_thread(
            _record, order_id, name[:MAX_NAME], track.email, self.language
        )
        if not outcome.ok:
            self.withdrawal_key = outcome.message_key
            return
        self.withdrawal_key, self.statement = "", outcome.value.statement
        self.withdrawn_order = track.order_number.strip().upper()
