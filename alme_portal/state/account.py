"""Logging in and out, and creating an account, for every page that needs a member."""

from __future__ import annotations

import asyncio

import reflex as rx

from alme_portal.accounts.services import auth as accounts
from alme_portal.accounts.services import links as account_links
from alme_portal.i18n import translate
from alme_portal.platform import clock, db, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.state.ui import UiState

FIELD_MAX = 254
SIGN_UP_FIELDS = ("email", "password", "first_name", "last_name")


def text_field(data: dict, name: str) -> str:
    """A form's text field, cut to a sane length ("" when missing or not text)."""
    value = data.get(name)
    return value[:FIELD_MAX] if isinstance(value, str) else ""


def _log_in(email: str, password: str, client: str) -> Outcome:
    with db.session_scope(write=True) as session:
        return accounts.log_in(session, email=email, password=password, client_address=client)


def _sign_up(fields: dict, language: str, client: str) -> Outcome:
    with db.session_scope(write=True) as session:
        created = accounts.create_account(session, language=language, **fields)
        if not created.ok:
            return created
        account_links.send_verification(session, created.value)
        return accounts.log_in(session, email=fields["email"], password=fields["password"],
                               client_address=client)  # fmt: skip


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
    """Who is logged in on this browser: only a random server-issued token is kept here."""

    login_token: str = rx.Cookie(
        "", name="alme_session", max_age=settings.SESSION_MAX_DAYS * 24 * 3600, same_site="strict"
    )
    signed_in: bool = False
    member_first_name: str = ""
    account_error: str = ""
    account_busy: bool = False
    _member_id: int = 0

    def _client(self) -> str:
        return self.router.session.client_ip or "unknown"

    def _fail(self, outcome: Outcome) -> None:
        when = clock.in_paris(outcome.retry_at).strftime("%H:%M") if outcome.retry_at else ""
        self.account_error = translate(self.language, outcome.message_key, time=when)

    async def _resolve(self) -> None:
        found = await asyncio.to_thread(_member, self.login_token) if self.login_token else None
        self._member_id, self.member_first_name = found or (0, "")
        self.signed_in = found is not None
        if found is None:
            self.login_token = ""

    @rx.event
    async def load_account(self):
        """Recognise a member from her login cookie (an ended session logs her out)."""
        self.account_error = ""
        await self._resolve()

    @rx.event
    async def log_in(self, form_data: dict):
        """Log in with e-mail and password."""
        await self._log_in_with(form_data)

    @rx.event
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
        if self.account_busy:
            return
        self.account_busy = True
        try:
            outcome = await asyncio.to_thread(action, *args)
        finally:
            self.account_busy = False
        if not outcome.ok:
            self._fail(outcome)
            return
        self.login_token, self.account_error = outcome.value.token, ""
        await self._resolve()

    async def _log_out_now(self) -> None:
        if self.login_token:
            await asyncio.to_thread(_log_out, self.login_token)
        self.login_token, self.signed_in, self.member_first_name = "", False, ""
        self._member_id = 0
