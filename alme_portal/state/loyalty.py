"""The Almé Lovers dashboard of the member logged in on this browser (L11)."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from alme_portal import clock, db, settings
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


def _views(member_id: int, first_name: str) -> dict[str, dict]:
    today = clock.today()
    with db.session_scope() as session:
        data = loyalty.dashboard(session, member_id, today)
    return {lang: build_dashboard(data, first_name, lang, today) for lang in settings.LANGUAGES}


class LoyaltyState(AccountState):
    """The dashboard's data, loaded for the member this browser is logged in as."""

    _views: dict[str, dict] = {}

    @rx.var
    def dashboard(self) -> DashboardView:
        """The dashboard in the page's language (empty when nobody is logged in)."""
        return DashboardView(**self._views.get(self.language, {}))

    @rx.event
    async def load_loyalty(self):
        """Open the page: the dashboard for a member, the login and sign-up forms otherwise."""
        self.account_error = ""
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
    async def log_out_here(self):
        """Log out and hide the dashboard."""
        await self._log_out_now()
        self._views = {}
