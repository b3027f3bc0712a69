"""My account: her orders (opened for this tab once they are hers), e-mail and password."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from alme_portal.accounts.services import auth as accounts
from alme_portal.accounts.services import links as account_links
from alme_portal.accounts.views import build_account
from alme_portal.i18n import translate
from alme_portal.orders.services import member_orders
from alme_portal.platform import db, routes, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.refunds.services import progress as refund_progress
from alme_portal.state.account import AccountState, text_field
from alme_portal.state.email_reach import undeliverable
from alme_portal.state.spinner import spins
from alme_portal.state.tracking import unlock


@dataclasses.dataclass
class OrderRow:
    """One of her orders as the list shows it."""

    number: str = ""
    placed: str = ""
    status: str = ""
    summary: str = ""
    guest: str = ""
    parcels: list[str] = dataclasses.field(default_factory=list)
    returns: list[dict[str, str]] = dataclasses.field(default_factory=list)
    refunds: list[str] = dataclasses.field(default_factory=list)
    """Where each part of its refunds is."""
    can_return: bool = False


@dataclasses.dataclass
class AccountView:
    """The page in one language."""

    greeting: str = ""
    email: str = ""
    verified: bool = False
    email_state: str = ""
    orders: list[OrderRow] = dataclasses.field(default_factory=list)


def _views(member_id: int) -> dict[str, dict]:
    with db.session_scope() as session:
        data = member_orders.account_overview(session, member_id)
        if data is None:
            return {}
        ids = [order["id"] for order in data["orders"]]
        refunds = {lang: refund_progress.refund_lines_by_order(session, ids, lang)
                   for lang in settings.LANGUAGES}  # fmt: skip
    return {lang: build_account(data, lang, refunds[lang]) for lang in settings.LANGUAGES}


def _owned_order(member_id: int, number: str) -> int | None:
    with db.session_scope() as session:
        return member_orders.member_order_id(session, member_id, number)


def _in_session(action, *args, **kwargs) -> Outcome:
    with db.session_scope(write=True) as session:
        return action(session, *args, **kwargs)


class MyAccountState(AccountState):
    """The member's account page; every handler re-checks her login session first."""

    account_message: str = ""
    account_message_ok: bool = False
    emailing_undeliverable: str = ""
    """Rule C2 for the address a link was just e-mailed to."""
    _views: dict[str, dict] = {}

    @rx.var
    def member_ready(self) -> bool:
        """Her page's data is loaded: it is shown whole, never filling in (no layout shift)."""
        return self.signed_in and bool(self._views)

    @rx.var
    def account(self) -> AccountView:
        """The page in the visitor's language (empty when nobody is logged in)."""
        data = self._views.get(self.language)
        if not data:
            return AccountView()
        return AccountView(**{**data, "orders": [OrderRow(**row) for row in data["orders"]]})

    @rx.event
    async def load_my_account(self):
        """Open the page: her account for a member, the login form otherwise."""
        self.account_error, self.account_message = "", ""
        await self._resolve()
        await self._refresh()

    async def _refresh(self) -> None:
        self._views = await asyncio.to_thread(_views, self._member_id) if self.signed_in else {}

    async def _say(self, outcome: Outcome, emailing: str = "") -> None:
        self.account_message_ok = outcome.ok
        self.account_message = translate(self.language, outcome.message_key)
        self.emailing_undeliverable = await undeliverable(emailing) if outcome.ok else ""
        await self._refresh()

    async def _still_signed_in(self) -> bool:
        await self._resolve()  # a session that ended meanwhile acts for nobody
        if not self.signed_in:
            self._views = {}
        return self.signed_in

    @rx.event
    @spins("account_busy")
    async def log_in_account(self, form_data: dict):
        """Log in from this page, then show her account."""
        await self._log_in_with(form_data)
        await self._refresh()

    @rx.event
    @spins("account_busy")
    async def sign_up_account(self, form_data: dict):
        """Create my account from this page, then show it."""
        await self._sign_up_with(form_data)
        await self._refresh()

    @rx.event
    async def log_out_account(self):
        """Log out and hide her account."""
        await self._log_out_now()
        self._views, self.account_message = {}, ""

    @rx.event
    async def send_verification(self):
        """E-mail her a link that confirms her address (her guest orders then show)."""
        if await self._still_signed_in():
            outcome = await asyncio.to_thread(
                _in_session, account_links.send_verification, self._member_id
            )
            await self._say(outcome, emailing=self.account.email)

    @rx.event
    async def change_email(self, form_data: dict):
        """Move her account to a new address: password first, then a link to that address."""
        if not await self._still_signed_in():
            return
        data = form_data if isinstance(form_data, dict) else {}
        outcome = await asyncio.to_thread(
            _in_session, account_links.request_email_change, customer_id=self._member_id,
            password=text_field(data, "password"), new_email=text_field(data, "new_email"),
        )  # fmt: skip
        await self._say(outcome, emailing=text_field(data, "new_email"))

    @rx.event
    async def change_password(self, form_data: dict):
        """Change her password with the current one; her other sessions end."""
        if not await self._still_signed_in():
            return
        data = form_data if isinstance(form_data, dict) else {}
        outcome = await asyncio.to_thread(
            _in_session, accounts.change_password, customer_id=self._member_id,
            current=text_field(data, "current"), new=text_field(data, "new"),
            keep_token=self._token(),
        )  # fmt: skip
        await self._say(outcome)

    @rx.event
    async def open_order(self, number: str, destination: str = "track"):
        """Open one of her orders in this tab: its tracking page or the return wizard."""
        if not await self._still_signed_in() or not isinstance(number, str):
            return
        order_id = await asyncio.to_thread(_owned_order, self._member_id, number)
        if order_id is None:
            return
        await unlock(self, order_id)
        number = number.strip().upper()
        if destination == "return":
            return rx.redirect(routes.returns_for(number))
        if isinstance(destination, str) and destination.startswith("return:"):
            return rx.redirect(routes.return_page(destination.removeprefix("return:")[:24]))
        return rx.redirect(routes.order_page(number))
