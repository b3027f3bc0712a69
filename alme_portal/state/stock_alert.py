"""Rule E8 in the return wizard: "CREATE ALERT" for a sold-out size."""

import asyncio

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.platform import db
from alme_portal.returns.services import stock_alerts
from alme_portal.state.return_item import ReturnItemState

MAX_EMAIL = 254


def _create(variant_id: int, email: str, language: str):
    with db.session_scope(write=True) as session:
        return stock_alerts.create_alert(
            session, variant_id=variant_id, email=email, language=language
        )


class StockAlertState(ReturnItemState):
    """The alert form under a sold-out exchange choice; the size is the one chosen above."""

    alert_ok: bool = False
    alert_key: str = ""

    @rx.var
    def alert_message(self) -> str:
        """What became of the alert, in the visitor's language."""
        return translate(self.language, self.alert_key) if self.alert_key else ""

    @rx.var
    def order_email(self) -> str:
        """The order's e-mail, offered as the alert's address."""
        return self._options()["order"].get("email", "")

    @rx.event
    async def create_alert(self, form_data: dict):
        """Record the alert for the sold-out size she picked (never a size sent by the page)."""
        data = form_data if isinstance(form_data, dict) else {}
        email = data.get("alert_email")
        if not self._order_id or not self.wanted_out_of_stock or not isinstance(email, str):
            self.alert_ok, self.alert_key = False, "alert.invalid.variant"
            return
        outcome = await asyncio.to_thread(
            _create, int(self.wanted_variant), email.strip()[:MAX_EMAIL], self.language
        )
        self.alert_ok, self.alert_key = outcome.ok, outcome.message_key
