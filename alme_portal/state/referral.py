"""The member's referral page (F1, F5): her link, invitations and referrals' states."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day
from alme_portal.platform import clock, db, settings
from alme_portal.platform.inputs import whole_number
from alme_portal.referral.services import invites as referral
from alme_portal.referral.views import build_invites
from alme_portal.returns.labels.render import qr_png
from alme_portal.state.account import AccountState, text_field
from alme_portal.state.email_reach import undeliverable
from alme_portal.state.spinner import spins
from alme_portal.state.ui import UiState


def _page(member_id: int) -> tuple[str, dict[str, list]]:
    with db.session_scope(write=True) as session:  # her code is made the first time
        code = referral.member_code(session, member_id)
        rows = referral.invites(session, member_id)
        today = clock.today()
        views = {lang: build_invites(rows, lang, today) for lang in settings.LANGUAGES}
        return referral.link(code), views


def _in_session(action, *args):
    with db.session_scope(write=True) as session:
        return action(session, *args)


class ReferralState(AccountState):
    """Her link and referrals; every action re-checks her login session first."""

    referral_link: str = ""
    referral_message: str = ""
    referral_ok: bool = False
    invite_undeliverable: str = ""
    """Rule C2 for the friend just invited: "domain", "bounced" or ""."""
    _invites: dict[str, list] = {}

    @rx.var
    def member_ready(self) -> bool:
        """Her page's data is loaded: it is shown whole, never filling in (no layout shift)."""
        return self.signed_in and self.referral_link != ""

    @rx.var
    def invites(self) -> list[dict[str, str]]:
        """Her referrals in the page's language."""
        return self._invites.get(self.language, [])

    @rx.var
    def whatsapp_url(self) -> str:
        """A WhatsApp share with her link and a line in the page's language (F1)."""
        words = translate(self.language, "referral.whatsapp.text")
        return f"https://wa.me/?text={quote(f'{words} {self.referral_link}', safe='')}"

    @rx.event
    async def load_referral(self):
        """Open the page: her link for a member, the login forms otherwise."""
        self.account_error, self.referral_message = "", ""
        await self._resolve()
        await self._refresh()

    async def _refresh(self) -> None:
        if not self.signed_in:
            self.referral_link, self._invites = "", {}
            return
        self.referral_link, self._invites = await asyncio.to_thread(_page, self._member_id)

    async def _act(self, action, *args, emailing: str = "") -> None:
        await self._resolve()  # a session that ended meanwhile acts for nobody
        if not self.signed_in:
            await self._refresh()
            return
        outcome = await asyncio.to_thread(_in_session, action, self._member_id, *args)
        self.referral_ok = outcome.ok
        self.referral_message = translate(self.language, outcome.message_key)
        self.invite_undeliverable = await undeliverable(emailing) if outcome.ok else ""
        await self._refresh()

    @rx.event
    @spins("account_busy")
    async def log_in_referral(self, form_data: dict):
        """Log in from this page, then show her link."""
        await self._log_in_with(form_data)
        await self._refresh()

    @rx.event
    @spins("account_busy")
    async def sign_up_referral(self, form_data: dict):
        """Create my account from this page, then show my link."""
        await self._sign_up_with(form_data)
        await self._refresh()

    @rx.event
    async def send_invite(self, form_data: dict):
        """F1: e-mail a friend her link (the fraud rules say why when refused)."""
        data = form_data if isinstance(form_data, dict) else {}
        email = text_field(data, "email")
        await self._act(referral.invite, email, emailing=email)

    @rx.event
    async def correct_invite(self, form_data: dict):
        """F5: correct a mistyped friend's e-mail while the referral is pending."""
        data = form_data if isinstance(form_data, dict) else {}
        raw = text_field(data, "invite_id")
        email = text_field(data, "email")
        await self._act(referral.correct_email, whole_number(raw), email, emailing=email)

    @rx.event
    def link_copied(self):
        """Say the link is on the clipboard (the browser copied it)."""
        if self.referral_link:
            self.referral_ok = True
            self.referral_message = translate(self.language, "referral.copied")

    @rx.event
    async def download_qr(self):
        """F1: the QR code of her link, as a PNG."""
        await self._resolve()
        if self.signed_in and self.referral_link:
            png = await asyncio.to_thread(qr_png, self.referral_link)
            return rx.download(data=png, filename="alme-referral-qr.png")


class FriendState(UiState):
    """The friend's landing page `/r/<code>` (F1, F3)."""

    referrer_name: str = ""
    link_known: bool = False
    friend_message: str = ""
    friend_code: str = ""
    friend_until: str = ""
    friend_undeliverable: str = ""
    """Rule C2 for the address her code was e-mailed to."""

    @rx.var
    def kicker(self) -> str:
        """The line above the offer, e.g. 'A gift from Sophie', in the page's language."""
        if not self.referrer_name:
            return translate(self.language, "friend.kicker.plain")
        return translate(self.language, "friend.kicker", name=self.referrer_name)

    def _code(self) -> str:
        code = self.router.page.params.get("ref_code", "")
        return code if isinstance(code, str) else ""

    @rx.event
    async def load_friend(self):
        """Open the landing: the offer, or a clear page for an unknown or closed link."""
        self.friend_message, self.friend_code, self.friend_until = "", "", ""
        found = await asyncio.to_thread(_referrer, self._code())
        self.link_known, self.referrer_name = found is not None, found or ""

    @rx.event
    async def get_code(self, form_data: dict):
        """F3: give her e-mail, get the €15 code (shown here and sent by e-mail)."""
        data = form_data if isinstance(form_data, dict) else {}
        email = text_field(data, "email")
        outcome = await asyncio.to_thread(
            _in_session, referral.friend_code, self._code(), email, self.language
        )
        self.friend_message = translate(self.language, outcome.message_key)
        self.friend_undeliverable = await undeliverable(email) if outcome.ok else ""
        if outcome.ok:
            self.friend_code = outcome.value.code
            self.friend_until = translate(
                self.language,
                "friend.until",
                email=email.strip().lower(),
                date=format_day(outcome.value.last_day, self.language),
            )


def _referrer(code: str) -> str | None:
    with db.session_scope() as session:
        member = referral.member_for_code(session, code)
        return member.first_name if member else None
