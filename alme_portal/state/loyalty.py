"""The Almé Lovers dashboard of the member logged in on this browser (L11)."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from alme_portal import clock, db, settings
from alme_portal.i18n import translate
from alme_portal.services import loyalty
from alme_portal.state.account import AccountState
from alme_portal.views.loyalty_page import build_dashboard


@dataclasses.dataclass
class DashboardView:
    """What the dashboard shows, in one language."""

    greeting: str = ""
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


def _mission(member_id: int, key: str, birthday: str) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty.complete_mission(session, member_id, key, birthday=birthday)


def _redeem(member_id: int, loves: int) -> loyalty.Outcome:
    with db.session_scope(write=True) as session:
        return loyalty.redeem(session, member_id, loves)


def _views(member_id: int, first_name: str) -> dict[str, dict]:
    today = clock.today()
    with db.session_scope() as session:
        data = loyalty.dashboard(session, member_id, today)
    return {lang: build_dashboard(data, first_name, lang, today) for lang in settings.LANGUAGES}


class LoyaltyState(AccountState):
    """The dashboard's data, loaded for the member this browser is logged in as."""

    loyalty_message: str = ""
    loyalty_message_ok: bool = False
    _views: dict[str, dict] = {}

    @rx.var
    def dashboard(self) -> DashboardView:
        """The dashboard in the page's language (empty when nobody is logged in)."""
        return DashboardView(**self._views.get(self.language, {}))

    @rx.event
    async def load_loyalty(self):
        """Open the page: the dashboard for a member, the login and sign-up forms otherwise."""
        self.account_error, self.loyalty_message = "", ""
        await self._resolve()
        await self._refresh()

    async def _refresh(self) -> None:
        if not self.signed_in:
            self._views = {}
            return
        self._views = await asyncio.to_thread(_views, self._member_id, self.member_first_name)

    @rx.event
    async def log_in_here(self, form_data: dict):
        """Log in from the dashboard page, then show it."""
        await self._log_in_with(form_data)
        await self._refresh()

    @rx.event
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
        price = int(loves) if isinstance(loves, str) and loves.isdigit() else -1
        await self._act(_redeem, price)

    async def _act(self, action, *args) -> None:
        await self._resolve()  # a session that ended meanwhile acts for nobody
        if not self.signed_in:
            self._views = {}
            return
        outcome = await asyncio.to_thread(action, self._member_id, *args)
        self.loyalty_message_ok = outcome.status in ("done", "redeemed")
        self.loyalty_message = translate(self.language, outcome.message_key, code=outcome.code,
                                         loves=outcome.loves)  # fmt: skip
        await self._refresh()

    @rx.event
    async def log_out_here(self):
        """Log out and hide the dashboard."""
        await self._log_out_now()
        self._views, self.loyalty_message = {}, ""
