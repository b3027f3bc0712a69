"""Step 5 of the return wizard: the summary, "Confirm my return", then what to do (R1, R3)."""

import asyncio
import base64
import logging

import reflex as rx

from alme_portal.adapters.carriers.tracking import (
    shared_connect_client,
    shared_mondial_relay_client,
)
from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_date
from alme_portal.platform import clock, db
from alme_portal.platform.vocabulary import ReturnMethod
from alme_portal.returns.rules import returns
from alme_portal.returns.services import booking
from alme_portal.returns.services import declaration as return_declaration
from alme_portal.returns.services import status as return_status
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.state.return_draft import ReturnState
from alme_portal.state.return_place import reimbursement_cap
from alme_portal.state.tracking import unlocked_orders

log = logging.getLogger(__name__)


def data_url(png: bytes) -> str:
    """A PNG as an `<img>` source the page's content policy allows (`data:`)."""
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _declare(order_id: int, draft: dict, language: str):
    """Store the return, then book its prepaid label at once (R3): the return never waits."""
    with db.session_scope(write=True) as session:
        outcome = return_declaration.declare_return(
            session, order_id=order_id, draft_data=draft, language=language
        )
    if not outcome.ok:
        return outcome, "", None
    try:
        booking.book(shared_mondial_relay_client(), outcome.value, shared_connect_client())
    except Exception:  # the return is stored: whatever failed, the worker books it later
        log.exception("booking the label of %s failed", outcome.value)
    with db.session_scope() as session:
        request = return_status.owned_return(session, outcome.value, [order_id])
        label = return_status.label_state(session, request)
        return outcome, return_status.email_undeliverable(session, order_id), label


class ReturnReviewState(ReturnState):
    """What she is about to confirm, and what to do once it is recorded."""

    email_undeliverable: str = ""
    """Rule C2 for her address once the return is recorded: "domain", "bounced" or ""."""
    label_pending: bool = False
    """Rule R3: the carrier has not booked the label yet; it is e-mailed within the hour."""
    parcel_number: str = ""
    """The carrier's expedition number of a booked prepaid label."""
    paperless_qr: str = ""
    """The carrier's QR code of a paperless return, as a data URL to show at the relay point."""

    @rx.var
    def parcel_note(self) -> str:
        """Mondial Relay parcel 50554860."""
        if not self.parcel_number:
            return ""
        return translate(self.language, "returns.status.parcel", number=self.parcel_number)

    @rx.var
    def sender_summary(self) -> str:
        """The sender as printed on the label."""
        parts = [f"{self.sender.get('first_name', '')} {self.sender.get('last_name', '')}"]
        parts += [self.sender.get("address", ""),
                  f"{self.sender.get('postcode', '')} {self.sender.get('city', '')}",
                  self.sender.get("phone", "")]  # fmt: skip
        return ", ".join(part.strip() for part in parts if part.strip())

    @rx.var
    def review(self) -> list[dict[str, str]]:
        """The chosen items and what she asked for each."""
        if self.step not in ("review", "done"):
            return []
        return wizard.review_rows(
            self._options(), self._products(), self.quantities, self.choices, self.language
        )

    @rx.var
    def loves_note(self) -> str:
        """★ L4: what this return does to her pending loves (members whose order earned some)."""
        if self.step not in ("review", "done"):
            return ""
        preview = self._data.get(self.language, {}).get("loves")
        return wizard.loves_note(preview, self._options(), self.quantities, self.choices,
                                 self.language, clock.today())  # fmt: skip

    @rx.var
    def shoes_chosen(self) -> bool:
        """Rule R6: shoes go back in their box with the dust bag, their protective sole on."""
        if self.step not in ("review", "done"):
            return False
        chosen = wizard.chosen_lines(self._options(), self.quantities)
        return any(line.get("category") == "shoes" for line in chosen)

    @rx.var
    def method_summary(self) -> str:
        """The chosen return method in words."""
        if self.method not in tuple(ReturnMethod):
            return ""
        cap = reimbursement_cap(self.language)
        text = translate(self.language, f"returns.method.{self.method}", cap=cap)
        salon = self._salon_label()
        relay = next(
            (f"{p['name']}, {p['address']}" for p in self.relay_results
             if p["code"] == self.relay_point_code), "",
        )  # fmt: skip
        extra = salon if self.method == ReturnMethod.STORE else relay
        if self.paperless and self.method == ReturnMethod.MONDIAL_RELAY:
            extra = f"{extra} · {translate(self.language, 'returns.download.qr')}"
        return f"{text} · {extra}" if extra else text

    @rx.var
    def done_title(self) -> str:
        """Your return RT-… is recorded."""
        return translate(self.language, "returns.done.title", number=self.return_number)

    @rx.var
    def done_instructions(self) -> str:
        """What to do with the parcel now (R3-R5)."""
        if self.step != "done" or self.method not in tuple(ReturnMethod):
            return ""
        expires = returns.label_expires_on(clock.now())
        salon = self._salon_label()
        paperless = "_paperless" if self.paperless_qr else ""
        return translate(
            self.language,
            f"returns.done.{self.method}{paperless}",
            date=format_date(expires, self.language),
            salon=salon,
            cap=reimbursement_cap(self.language),
        )

    @rx.event(background=True)
    async def confirm_return(self):
        """Confirm my return: stored once, however many clicks or tabs.

        A background event: while the return is stored and its label booked with the carrier
        (up to the carrier's timeout), the button shows its spinner and the tab stays usable.
        """
        async with self:
            draft = await self._draft_to_send()
            if draft is None:
                return
            self.sending = True
            order_id, language = self._order_id, self.language
        try:
            outcome, undeliverable, label = await asyncio.to_thread(
                _declare, order_id, draft, language
            )
        finally:
            async with self:
                self.sending = False
        async with self:
            if not outcome.ok:
                self.step_error = outcome.message_key
                return
            self.return_number, self.step, self.step_error = outcome.value, "done", ""
            self.email_undeliverable = undeliverable
            self.label_pending, self.parcel_number = label.pending, label.parcel
            self.paperless_qr = data_url(label.qr_png) if label.qr_png else ""

    async def _draft_to_send(self) -> dict | None:
        """The return to declare, or None (with `step_error` set when she must act)."""
        if not self._ready("review") or self.sending:
            return None
        if self._order_id not in await unlocked_orders(self):
            self.step_error = "returns.invalid.order"
            return None
        salon = self.salon_code if self.method == ReturnMethod.STORE else ""
        paperless = self.paperless and self.method == ReturnMethod.MONDIAL_RELAY
        place = {"method": self.method, "relay_point_code": self.relay_point_code,
                 "salon_code": salon, "paperless": paperless}  # fmt: skip
        snapshot = {key: self._snapshot.get(key, 0) for key in self.quantities}
        draft = wizard.build_draft(
            self._options(), self.quantities, self.choices, place, self.sender, snapshot
        )
        return draft
