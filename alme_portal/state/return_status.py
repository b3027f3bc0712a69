"""A return's status page and its label downloads, for the tab that found the order (R3)."""

import asyncio
import dataclasses

import reflex as rx

from alme_portal.adapters.carriers.tracking import shared_tracking_service
from alme_portal.components.refund_progress import RefundPart, refund_parts
from alme_portal.i18n import translate
from alme_portal.loyalty.services import take_back
from alme_portal.platform import clock, db
from alme_portal.returns.services import parcel_tracking
from alme_portal.returns.services import status as return_status
from alme_portal.returns.views.return_page import build_return_page
from alme_portal.returns.views.return_wizard import loves_note_for
from alme_portal.state.tracking import unlocked_orders
from alme_portal.state.ui import UiState


@dataclasses.dataclass
class ReturnPageView:
    """The status page in one language."""

    number: str = ""
    title: str = ""
    order: str = ""
    steps: list[dict[str, str]] = dataclasses.field(default_factory=list)
    lines: list[dict[str, str]] = dataclasses.field(default_factory=list)
    money: list[str] = dataclasses.field(default_factory=list)
    place_title: str = ""
    place: list[str] = dataclasses.field(default_factory=list)
    label_note: str = ""
    label_available: bool = False
    label_pending: bool = False
    paperless: bool = False
    parcel_steps: list[dict[str, str]] = dataclasses.field(default_factory=list)
    parcel_problem: str = ""
    parcel: str = ""
    received: bool = False
    email_undeliverable: str = ""
    refund_parts: list[RefundPart] = dataclasses.field(default_factory=list)
    shoes_note: str = ""
    loves_note: str = ""


def _views(number: str, order_ids: list[int]) -> dict[str, dict] | None:
    with db.session_scope() as session:
        request = return_status.owned_return(session, number, order_ids)
        if request is None:
            return None
        progress = parcel_tracking.live_progress(shared_tracking_service(), request)
        # L4: until it is received, what it will do to her pending loves (the wizard said so).
        preview = None if request.received_at else take_back.return_preview(
            session, request.order_id
        )  # fmt: skip
        refund = return_status.refund_cents_asked(session, request)
        return {
            lang: {
                **build_return_page(
                    return_status.return_view(session, request, lang, progress=progress), lang
                ),
                "loves_note": loves_note_for(preview, refund, lang, clock.today()),
            }
            for lang in ("en", "fr")
        }


def _label(number: str, order_ids: list[int], file_format: str):
    with db.session_scope() as session:
        request = return_status.owned_return(session, number, order_ids)
        if request is None:
            return "returns.status.denied"
        return return_status.label_file(session, request, file_format, clock.now())


class ReturnStatusState(UiState):
    """The return named in the address, if this tab found its order."""

    status_loaded: bool = False
    status_denied: bool = False
    download_error: str = ""
    _pages: dict[str, dict] = {}
    _loads: int = 0
    """Page loads started by this tab: only the latest one's answer is shown."""
    _shown: str = ""
    """The return whose page is on screen (a reconnect loads it again, on_load)."""

    @rx.var
    def page(self) -> ReturnPageView:
        """The status page in the visitor's language."""
        data = self._pages.get(self.language)
        if not data:
            return ReturnPageView()
        return ReturnPageView(**{**data, "refund_parts": refund_parts(data["refund_parts"])})

    @rx.var
    def download_message(self) -> str:
        """Why a label could not be downloaded."""
        return translate(self.language, self.download_error) if self.download_error else ""

    @rx.event(background=True)
    async def load_status(self):
        """Show the return named in the address to the tab that found its order.

        A background event: the parcel's progress comes from Mondial Relay; meanwhile the page
        spins and the tab's other events are served.
        """
        async with self:
            self._loads += 1
            load = self._loads
            self.download_error = ""
            number = self.router.page.params.get("return_ref", "")
            if number != self._shown:  # the same return stays on screen while it refreshes
                self.status_loaded, self.status_denied, self._pages = False, False, {}
            unlocked = await unlocked_orders(self)
        pages = await asyncio.to_thread(_views, number, unlocked)
        async with self:
            if load != self._loads:
                return  # she has opened another return since
            self.status_denied, self._pages = pages is None, pages or {}
            self._shown = number if pages else ""
            self.status_loaded = True

    @rx.event
    async def download_label(self, number: str, file_format: str):
        """Download your return label, as PDF or PNG (R3: 14 days after the declaration)."""
        unlocked = await unlocked_orders(self)
        found = await asyncio.to_thread(_label, number, unlocked, file_format)
        if isinstance(found, str):
            self.download_error = found
            return
        self.download_error = ""
        return rx.download(data=found.content, filename=found.filename, mime_type=found.media_type)
