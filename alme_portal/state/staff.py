"""The Atelier console: staff log in with their own cookie; every handler re-checks it."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from alme_portal.accounts.services import staff as staff_accounts
from alme_portal.i18n import translate
from alme_portal.platform import clock, cookies, db, settings
from alme_portal.platform.inputs import whole_number
from alme_portal.platform.money import parse_euros
from alme_portal.platform.outcome import Outcome
from alme_portal.refunds.services import inspection, settlement, staff_console
from alme_portal.refunds.views import build_detail, build_queue
from alme_portal.state import browser
from alme_portal.state.account import text_field
from alme_portal.state.ui import UiState

TABS = tuple(staff_console.QUEUES)
STAFF_SECONDS = settings.STAFF_SESSION_MAX_HOURS * 3600


@dataclasses.dataclass
class InspectLine:
    """One returned item with its checklist (R6)."""

    id: str = ""
    title: str = ""
    reason: str = ""
    resolution: str = ""
    grounds: list[dict[str, str]] = dataclasses.field(default_factory=list)
    verdict: str = ""
    defect: str = ""


@dataclasses.dataclass
class RefundRow:
    """One refund asked of a payment provider; staff decide when it failed."""

    id: str = ""
    text: str = ""
    error: str = ""
    failed: bool = False


@dataclasses.dataclass
class ReturnDetail:
    """The opened return."""

    number: str = ""
    order: str = ""
    status: str = ""
    to_inspect: bool = False
    lines: list[InspectLine] = dataclasses.field(default_factory=list)
    outcome: list[str] = dataclasses.field(default_factory=list)
    refunds: list[RefundRow] = dataclasses.field(default_factory=list)
    log: list[str] = dataclasses.field(default_factory=list)


def _staff(token: str) -> tuple[int, str] | None:
    with db.session_scope(write=True) as session:
        staff = staff_accounts.staff_for_token(session, token)
        return (staff.id, staff.display_name) if staff else None


def _in_session(action, *args, **kwargs):
    with db.session_scope(write=True) as session:
        return action(session, *args, **kwargs)


def _log_in(email: str, password: str, client: str) -> Outcome:
    with db.session_scope() as session:  # the slow hash runs outside the write lock
        check = staff_accounts.check_password(
            session, email=email, password=password, client_address=client
        )
    with db.session_scope(write=True) as session:
        return staff_accounts.open_login(session, check)


def _views(tab: str, number: str) -> tuple[dict, dict]:
    with db.session_scope() as session:
        rows = staff_console.queue(session, tab)
        details = {
            lang: staff_console.return_detail(session, number, lang) if number else None
            for lang in settings.LANGUAGES
        }
    queues = {lang: build_queue(rows, lang) for lang in settings.LANGUAGES}
    opened = {lang: build_detail(d, lang) for lang, d in details.items() if d}
    return queues, opened


class StaffState(UiState):
    """Who is at the bench, the tab shown, the return opened, and the last message."""

    staff_name: str = ""
    staff_error: str = ""
    staff_message: str = ""
    staff_ok: bool = False
    tab: str = TABS[0]
    _staff_id: int = 0
    _opened: str = ""
    _queues: dict[str, list] = {}
    _details: dict[str, dict] = {}
    _staff_token: str = ""
    _staff_connection: str = ""

    def _token(self) -> str:
        """The staff token: the one given on this connection, else this handshake's cookie."""
        here = browser.connection(self)
        if self._staff_connection != here:
            self._staff_token = browser.handshake_cookie(self, cookies.STAFF)
            self._staff_connection = here
        return self._staff_token

    @rx.var
    def queue_rows(self) -> list[dict[str, str]]:
        """The returns of the tab shown, in the page's language."""
        return self._queues.get(self.language, [])

    @rx.var
    def detail(self) -> ReturnDetail:
        """The opened return, in the page's language (empty when none)."""
        data = self._details.get(self.language)
        if not data:
            return ReturnDetail()
        return ReturnDetail(**{
            **data,
            "lines": [InspectLine(**line) for line in data["lines"]],
            "refunds": [RefundRow(**row) for row in data["refunds"]],
        })  # fmt: skip

    async def _is_staff(self) -> bool:
        token = self._token()
        found = await asyncio.to_thread(_staff, token) if token else None
        self._staff_id, self.staff_name = found or (0, "")
        if found is None:
            self._staff_token, self._queues, self._details, self._opened = "", {}, {}, ""
        return found is not None

    async def _refresh(self) -> None:
        self._queues, self._details = await asyncio.to_thread(_views, self.tab, self._opened)

    def _say(self, outcome: Outcome) -> None:
        self.staff_ok = outcome.ok
        self.staff_message = translate(self.language, outcome.message_key)

    @rx.event
    async def load_staff(self):
        """Open the console for staff, the staff login form for anyone else."""
        self.staff_error, self.staff_message = "", ""
        if await self._is_staff():
            await self._refresh()

    @rx.event
    async def log_in_staff(self, form_data: dict):
        """Log in with a staff account (customer accounts open nothing here)."""
        data = form_data if isinstance(form_data, dict) else {}
        outcome = await asyncio.to_thread(
            _log_in,
            text_field(data, "email"),
            text_field(data, "password"),
            self.router.session.client_ip or "unknown",
        )
        if not outcome.ok:
            when = clock.in_paris(outcome.retry_at).strftime("%H:%M") if outcome.retry_at else ""
            self.staff_error = translate(self.language, outcome.message_key, time=when)
            return
        token = outcome.value.token
        self._staff_token, self._staff_connection = token, browser.connection(self)
        self.staff_error = ""
        await browser.set_cookie(self, cookies.Cookie(cookies.STAFF, token, STAFF_SECONDS))
        if await self._is_staff():
            await self._refresh()

    @rx.event
    async def log_out_staff(self):
        """End this staff session."""
        token = self._token()
        if token:
            await asyncio.to_thread(_in_session, staff_accounts.log_out, token)
            await browser.set_cookie(self, cookies.Cookie(cookies.STAFF, "", 0))
        self._staff_token, self.staff_name, self._staff_id = "", "", 0
        self._queues, self._details, self._opened = {}, {}, ""

    @rx.event
    async def show_tab(self, tab: str):
        """Show the returns to receive, to inspect, or done."""
        if tab in TABS and await self._is_staff():
            self.tab = tab
            await self._refresh()

    @rx.event
    async def open_return(self, number: str):
        """Open one return of the queue."""
        if isinstance(number, str) and len(number) <= 24 and await self._is_staff():
            self._opened = number
            await self._refresh()

    @rx.event
    async def receive_parcel(self, form_data: dict):
        """Mark the parcel received by its return number or QR payload (R6), then open it."""
        if not await self._is_staff():
            return
        data = form_data if isinstance(form_data, dict) else {}
        typed, postage_text = text_field(data, "code"), text_field(data, "postage").strip()
        postage = parse_euros(postage_text) if postage_text else None
        if postage_text and postage is None:
            postage = "invalid"
        outcome = await asyncio.to_thread(
            _in_session, inspection.receive, self._staff_id, typed, postage
        )
        self._say(outcome)
        if outcome.value and outcome.value.number:
            self._opened, self.tab = outcome.value.number, "to_inspect"
        await self._refresh()

    @rx.event
    async def inspect(self, form_data: dict):
        """Record a line's inspection: the grounds ticked refuse it, none accepts it (R6)."""
        if not await self._is_staff():
            return
        data = dict(form_data) if isinstance(form_data, dict) else {}
        line_id = data.pop("line_id", None)
        grounds = [key for key, value in data.items() if value not in (None, "", False, "off")]
        line = whole_number(line_id)
        outcome = await asyncio.to_thread(
            _in_session, inspection.inspect_line, self._staff_id, line, grounds
        )
        self._say(outcome)
        await self._refresh()

    async def _decide_refund(self, action, settlement_id: str) -> None:
        if not await self._is_staff():
            return
        outcome = await asyncio.to_thread(
            _in_session, action, self._staff_id, whole_number(settlement_id)
        )
        self._say(outcome)
        await self._refresh()

    @rx.event
    async def retry_refund(self, settlement_id: str):
        """Send a refund the provider failed again (R8)."""
        await self._decide_refund(settlement.retry, settlement_id)

    @rx.event
    async def refund_as_credit_note(self, settlement_id: str):
        """Give a credit note instead of a refund the provider cannot make (R8)."""
        await self._decide_refund(settlement.credit_note_instead, settlement_id)
