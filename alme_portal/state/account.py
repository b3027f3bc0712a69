"""Logging in and out, and creating an account, for every page that needs a member."""

from __future__ import annotations

import asyncio

import reflex as rx

from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import auth as accounts
from alme_portal.accounts.services import links as account_links
from alme_portal.i18n import translate
from alme_portal.platform import clock, cookies, db, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.state import browser
from alme_portal.state.spinner import spins
from alme_portal.state.ui import UiState

FIELD_MAX = 254
SESSION_SECONDS = settings.SESSION_MAX_DAYS * 24 * 3600
SIGN_UP_FIELDS = ("email", "password", "first_name", "last_name")


def text_field(data: dict, name: str) -> str:
    """A form's text field, cut to a sane length ("" when missing or not text)."""
    value = data.get(name)
    return value[:FIELD_MAX] if isinstance(value, str) else ""


def _log_in(email: str, password: str, client: str) -> Outcome:
    with db.session_scope() as session:  # the slow hash runs outside the write lock
        check = accounts.check_password(
            session, Customer, email=email, password=password, client_address=client
        )
    with db.session_scope(write=True) as session:
        return accounts.open_login(session, check)


def _sign_up(fields: dict, language: str, client: str) -> Outcome:
    checked = accounts.new_account(language=language, **fields)  # hashed before any lock
    if isinstance(checked, Outcome):
        return checked
    with db.session_scope(write=True) as session:
        created = accounts.add_account(session, checked, client_address=client)
        if not created.ok:
            return created
        account_links.send_verification(session, created.value)
        return accounts.open_login(session, accounts.PasswordCheck(created.value, None))


def _member(token: str) -> tuple[int, str] | None:
    # Read-only as a rule: the idle clock is written at most every few minutes, so that pages
    # opened by many members at once do not queue for the database's write lock.
    with db.session_scope() as session:
        login = accounts.live_login(session, token)
        if login is None:
            return None
        member = login.customer_id, accounts.first_name(session, login.customer_id)
        stale = accounts.needs_touch(login)
    if stale:
        with db.session_scope(write=True) as session:
            accounts.member_for_token(session, token)
    return member


def _log_out(token: str) -> None:
    with db.session_scope(write=True) as session:
        accounts.log_out(session, token)


class AccountState(UiState):
    """Who is logged in on this browser.

    Her random login token lives in an HttpOnly cookie and, for this tab, in a backend-only var
    bound to the connection it was set on (see `state.browser`); the page never sees it.
    """

    signed_in: bool = False
    member_first_name: str = ""
    account_error: str = ""
    account_busy: bool = False
    _member_id: int = 0
    _login_token: str = ""
    _login_connection: str = ""

    def _token(self) -> str:
        """Her login token: the one given on this connection, else this handshake's cookie."""
        here = browser.connection(self)
        if self._login_connection != here:
            self._login_token = browser.handshake_cookie(self, cookies.SESSION)
            self._login_connection = here
        return self._login_token

    def _client(self) -> str:
        return self.router.session.client_ip or "unknown"

    def _fail(self, outcome: Outcome) -> None:
        when = clock.in_paris(outcome.retry_at).strftime("%H:%M") if outcome.retry_at else ""
        self.account_error = translate(self.language, outcome.message_key, time=when)

    async def _resolve(self) -> None:
        token = self._token()
        found = await asyncio.to_thread(_member, token) if token else None
        self._member_id, self.member_first_name = found or (0, "")
        self.signed_in = found is not None
        if found is None:
            self._login_token = ""

    @rx.event
    async def load_account(self):
        """Recognise a member from her login cookie (an ended session logs her out)."""
        self.account_error = ""
        await self._resolve()

    @rx.event
    @spins("account_busy")
    async def log_in(self, form_data: dict):
        """Log in with e-mail and password."""
        await self._log_in_with(form_data)

    @rx.event
    @spins("account_busy")
    async def sign_up(self, form_data: dict):
        """Create my account, then log in."""
        await self._sign_up_with(form_data)

    @rx.event
    async def log_out(self):
        """End this login session on the server and forget it here."""
        await self._log_out_now()

    async def _log_in_with(self, form_data: object) -> None:
        data = form_data if isinstance(form_data, dict) else {}
        email, password = text_field(data, "email"), text_field(data, "password")
        await self._open(_log_in, email, password, self._client())

    async def _sign_up_with(self, form_data: object) -> None:
        data = form_data if isinstance(form_data, dict) else {}
        fields = {name: text_field(data, name) for name in SIGN_UP_FIELDS}
        await self._open(_sign_up, fields, self.language, self._client())

    async def _open(self, action, *args) -> None:
        outcome = await asyncio.to_thread(action, *args)
        if not outcome.ok:
            self._fail(outcome)
            return
        token = outcome.value.token
        self._login_token, self._login_connection = token, browser.connection(self)
        self.account_error = ""
        await browser.set_cookie(self, cookies.Cookie(cookies.SESSION, token, SESSION_SECONDS))
        await self._resolve()

    async def _log_out_now(self) -> None:
        token = self._token()
        if token:
            await asyncio.to_thread(_log_out, token)
            await browser.set_cookie(self, cookies.Cookie(cookies.SESSION, "", 0))
        self._login_token, self.signed_in, self.member_first_name = "", False, ""
        self._member_id = 0
