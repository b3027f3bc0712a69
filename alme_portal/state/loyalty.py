"""The Almé Lovers dashboard of the member logged in on this browser (L11)."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date

import reflex as rx
from sqlmodel import Session

from alme_portal.i18n import translate
from alme_portal.loyalty.services import claims as loyalty_claims
from alme_portal.loyalty.services import leave as loyalty_leave
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.loyalty.services.ledger import Loves
from alme_portal.loyalty.views import build_dashboard, build_history
from alme_portal.platform import clock, db, settings
from alme_portal.platform.inputs import whole_number
from alme_portal.state.account import AccountState, text_field
from alme_portal.state.email_reach import undeliverable
from alme_portal.state.spinner import spins


@dataclasses.dataclass
class ChartView:
    """The chart of her loves over time (L11): SVG paths and the labels placed over them."""

    view_box: str = "0 0 600 200"
    line: str = ""
    area: str = ""
    dots: str = ""
    pending: str = ""
    grid: str = ""
    ticks: list[dict[str, str]] = dataclasses.field(default_factory=list)
    months: list[dict[str, str]] = dataclasses.field(default_factory=list)
    label: str = ""
    summary: str = ""
    pending_label: str = ""


@dataclasses.dataclass
class HistoryView:
    """One page of her loves history (L11) and whether she can page older or newer."""

    rows: list[dict[str, str]] = dataclasses.field(default_factory=list)
    older: bool = False
    newer: bool = False


@dataclasses.dataclass
class DashboardView:
    """What the dashboard shows, in one language."""

    greeting: str = ""
    left: str = ""
    balance: str = ""
    pending: list[dict[str, str]] = dataclasses.field(default_factory=list)
    tier: str = ""
    tiers: list[dict[str, str]] = dataclasses.field(default_factory=list)
    progress: int = 0
    missing: str = ""
    spend: str = ""
    kept_until: str = ""
    missions: list[dict[str, str]] = dataclasses.field(default_factory=list)
    rewards: list[dict[str, str]] = dataclasses.field(default_factory=list)
    vouchers: list[dict[str, str]] = dataclasses.field(default_factory=list)
    chart: ChartView = dataclasses.field(default_factory=ChartView)


def _mission(member_id: int, key: str, birthday: str) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty.complete_mission(session, member_id, key, birthday=birthday)


def _redeem(member_id: int, loves: int) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty.redeem(session, member_id, loves)


def _claim(member_id: int, order_number: str, email: str, client: str) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty_claims.claim_loves(session, member_id, order_number=order_number,
                                          email=email, client_address=client)  # fmt: skip


def _leave(member_id: int, confirmed: bool) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty_leave.leave_program(session, member_id, confirmed=confirmed)


HistoryPage = tuple[dict[str, list[dict[str, str]]], bool, int]
"""A history page's rows per language, whether older entries follow, the last entry's id."""


def _history_page(
    session: Session, member_id: int, before_id: int | None, today: date
) -> HistoryPage:
    rows, older = loyalty.history(session, member_id, before_id)
    texts = {lang: build_history(rows, lang, today) for lang in settings.LANGUAGES}
    return texts, older, rows[-1].id if rows else 0


def _views(member_id: int, first_name: str) -> tuple[dict[str, dict], HistoryPage]:
    today = clock.today()
    with db.session_scope() as session:
        data = loyalty.dashboard(session, member_id, today)
        history = _history_page(session, member_id, None, today)  # in the same load (L11)
    views = {lang: build_dashboard(data, first_name, lang, today) for lang in settings.LANGUAGES}
    return views, history


def _history(member_id: int, before_id: int | None) -> HistoryPage:
    with db.session_scope() as session:
        return _history_page(session, member_id, before_id, clock.today())


class LoyaltyState(AccountState):
    """The dashboard's data, loaded for the member this browser is logged in as."""

    loyalty_message: str = ""
    loyalty_message_ok: bool = False
    claim_undeliverable: str = ""
    """Rule C2 for the order's address a claim link was e-mailed to."""
    _views: dict[str, dict] = {}
    _history_rows: dict[str, list[dict[str, str]]] = {}
    _history_older: bool = False
    _history_last_id: int = 0
    """The key of the next older page: the last entry shown (keyset paging, L11)."""
    _history_pages: list[int] = []
    """The key of each page from the newest to this one (the newest has none): "Newer" pops."""
    _history_member: int = 0

    @rx.var
    def member_ready(self) -> bool:
        """Her page's data is loaded: it is shown whole, never filling in (no layout shift)."""
        return self.signed_in and bool(self._views)

    @rx.var
    def dashboard(self) -> DashboardView:
        """The dashboard in the page's language (empty when nobody is logged in)."""
        view = self._views.get(self.language, {})
        return DashboardView(**{**view, "chart": ChartView(**view.get("chart", {}))})

    @rx.var
    def history(self) -> HistoryView:
        """The page of her loves history in the page's language (empty when logged out)."""
        return HistoryView(rows=self._history_rows.get(self.language, []),
                           older=self._history_older, newer=bool(self._history_pages))  # fmt: skip

    @rx.event
    async def load_loyalty(self):
        """Open the page: the dashboard for a member, the login and sign-up forms otherwise."""
        self.account_error, self.loyalty_message = "", ""
        await self._resolve()
        await self._refresh()

    async def _refresh(self) -> None:
        if not self.signed_in:
            self._forget()
            return
        self._views, first_page = await asyncio.to_thread(_views, self._member_id,
                                                          self.member_first_name)  # fmt: skip
        self._show_history(first_page, [])

    def _forget(self) -> None:
        """Nothing of a member stays in a tab that is logged out."""
        self._views = {}
        self._show_history(({}, False, 0), [])

    def _show_history(self, page: HistoryPage, pages: list[int]) -> None:
        self._history_rows, self._history_older, self._history_last_id = page
        self._history_pages, self._history_member = pages, self._member_id

    @rx.event
    async def history_older(self):
        """Show the 20 entries of her history before the last one shown (L11)."""
        if self._history_older:
            await self._page_history([*self._history_pages, self._history_last_id])

    @rx.event
    async def history_newer(self):
        """Go back to the page of her history shown before this one (L11)."""
        if self._history_pages:
            await self._page_history(self._history_pages[:-1])

    async def _page_history(self, pages: list[int]) -> None:
        """Show the page after the keys in `pages` (none: the newest), for whoever is logged in.

        The keys are ids this tab was given; the member is resolved again from the session on
        the server and every page is filtered by her id, so a key never shows another's entries.
        """
        await self._resolve()  # a session that ended meanwhile sees nothing
        if not self.signed_in:
            self._forget()
            return
        if self._member_id != self._history_member:  # another member logged in meanwhile
            await self._refresh()
            return
        page = await asyncio.to_thread(_history, self._member_id, pages[-1] if pages else None)
        self._show_history(page, pages)

    @rx.event
    @spins("account_busy")
    async def log_in_here(self, form_data: dict):
        """Log in from the dashboard page, then show it."""
        await self._log_in_with(form_data)
        await self._refresh()

    @rx.event
    @spins("account_busy")
    async def sign_up_here(self, form_data: dict):
        """Create my account from the dashboard page, then show it."""
        await self._sign_up_with(form_data)
        await self._refresh()

    @rx.event
    async def complete_mission(self, key: str, form_data: dict | None = None):
        """Do a mission's step (follow, birthday, newsletter) and credit its loves once (L2)."""
        data = form_data if isinstance(form_data, dict) else {}
        birthday = data.get("birthday")
        await self._act(_mission, key if isinstance(key, str) else "",
                        birthday if isinstance(birthday, str) else "")  # fmt: skip

    @rx.event
    async def redeem(self, loves: str):
        """Turn loves into a voucher from the reward catalogue (L5)."""
        price = whole_number(loves)
        await self._act(_redeem, -1 if price is None else price)

    @rx.event
    async def claim_loves(self, form_data: dict):
        """Count the loves of an order placed logged out or under another e-mail (L9)."""
        data = form_data if isinstance(form_data, dict) else {}
        email = text_field(data, "email")
        await self._act(_claim, text_field(data, "order_number"), email, self._client(),
                        emailing=email)  # fmt: skip

    @rx.event
    async def leave_program(self, form_data: dict):
        """Leave Almé Lovers for good, once she ticked the confirmation (L10)."""
        data = form_data if isinstance(form_data, dict) else {}
        await self._act(_leave, data.get("confirm") in ("on", True, "true"))

    async def _act(self, action, *args, emailing: str = "") -> None:
        await self._resolve()  # a session that ended meanwhile acts for nobody
        if not self.signed_in:
            self._forget()
            return
        outcome = await asyncio.to_thread(action, self._member_id, *args)
        given = outcome.value or Loves()
        self.loyalty_message_ok = outcome.ok
        self.loyalty_message = translate(
            self.language, outcome.message_key, code=given.code, loves=given.loves
        )
        emailed = outcome.message_key == loyalty_claims.CONFIRMATION_SENT
        self.claim_undeliverable = await undeliverable(emailing) if emailed else ""
        await self._refresh()

    @rx.event
    async def log_out_here(self):
        """Log out and hide the dashboard."""
        await self._log_out_now()
        self._forget()
        self.loyalty_message = ""
