"""The pages behind the one-time links: forgotten password and e-mail confirmation."""

from __future__ import annotations

import asyncio

import reflex as rx

from alme_portal.accounts.services import links as account_links
from alme_portal.i18n import translate
from alme_portal.platform import db
from alme_portal.state.account import text_field
from alme_portal.state.email_reach import undeliverable
from alme_portal.state.spinner import spins
from alme_portal.state.ui import UiState

TOKEN_MAX = 100


def _in_session(action, *args, **kwargs):
    with db.session_scope(write=True) as session:
        return action(session, *args, **kwargs)


class AccountLinkState(UiState):
    """What the link pages show: the form or the outcome of the link."""

    has_token: bool = False
    link_message: str = ""
    link_ok: bool = False
    link_done: bool = False
    link_busy: bool = False
    reset_undeliverable: str = ""
    """Rule C2 for the address a reset link was asked for."""

    def _token(self) -> str:
        token = self.router.page.params.get("token", "")
        return token[:TOKEN_MAX] if isinstance(token, str) else ""

    def _open_clean(self) -> None:
        self.has_token = bool(self._token())
        self.link_message, self.link_ok, self.link_done = "", False, False

    @rx.event
    def load_reset_page(self):
        """Open the reset page clean: the new-password form when the address has a link."""
        self._open_clean()

    @rx.event
    def load_confirm_page(self):
        """Open the confirmation page; an address without its link says so at once."""
        self._open_clean()
        if not self.has_token:
            self.link_message = translate(self.language, "account.confirm.invalid")

    async def _run(self, action, *args, **kwargs) -> None:
        if self.link_done:
            return
        outcome = await asyncio.to_thread(_in_session, action, *args, **kwargs)
        key = outcome if isinstance(outcome, str) else outcome.message_key
        self.link_ok = isinstance(outcome, str) or outcome.ok
        self.link_done = self.link_ok
        self.link_message = translate(self.language, key)

    @rx.event
    @spins("link_busy")
    async def request_reset(self, form_data: dict):
        """E-mail a reset link if the address has an account (the answer never tells)."""
        data = form_data if isinstance(form_data, dict) else {}
        email = text_field(data, "email")
        await self._run(account_links.request_password_reset, email=email)
        self.reset_undeliverable = await undeliverable(email) if self.link_ok else ""

    @rx.event
    @spins("link_busy")
    async def choose_password(self, form_data: dict):
        """Save the new password chosen through the link of this page's address."""
        data = form_data if isinstance(form_data, dict) else {}
        await self._run(account_links.reset_password, token=self._token(),
                        password=text_field(data, "password"))  # fmt: skip

    @rx.event
    @spins("link_busy")
    async def confirm_email(self):
        """Confirm the address this page's link was sent to."""
        await self._run(account_links.confirm_email, self._token())
