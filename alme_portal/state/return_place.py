"""Steps 3 and 4 of the return wizard: her details, then how the parcel travels (R3-R5)."""

import asyncio

import reflex as rx

from alme_portal.adapters.carriers.tracking import shared_mondial_relay_client
from alme_portal.i18n import translate
from alme_portal.platform import db, deployment, settings
from alme_portal.platform.money import format_cents
from alme_portal.platform.vocabulary import ReturnMethod
from alme_portal.returns.services import declaration, relay_points
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.returns.views.return_wizard import format_distance
from alme_portal.state.return_draft import ReturnState, text_field


def _search(country: str, postcode: str):
    with db.session_scope(write=True) as session:
        return relay_points.find_relay_points(
            session, shared_mondial_relay_client(), country=country, postcode=postcode
        )


def reimbursement_cap(language: str) -> str:
    """Rule R5: the self-ship reimbursement cap, written in `language`."""
    return format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, language)


class ReturnPlaceState(ReturnState):
    """The sender's details and the return method: relay point, salon or self-ship."""

    @rx.var
    def methods(self) -> list[str]:
        """Rules R3-R5: how the parcel may travel from her country."""
        return list(self._options().get("methods", []))

    @rx.var
    def salons(self) -> list[dict[str, str]]:
        """Rule R4: the salons that take returns, as select options."""
        return self._salon_choices()

    @rx.var
    def method_choices(self) -> list[dict[str, str]]:
        """Rules R3-R5: the methods offered, in words."""
        cap = reimbursement_cap(self.language)
        return [
            {"value": m, "label": translate(self.language, f"returns.method.{m}", cap=cap)}
            for m in self.methods
        ]

    @rx.var
    def relay_choices(self) -> list[dict[str, str]]:
        """The relay points found, as radio options; `locker` says "Locker" for a locker."""
        locker = translate(self.language, "returns.relay.locker")
        return [
            {
                "value": p["code"],
                "name": p["name"],
                "details": f"{p['address']} · "
                f"{format_distance(int(p['distance_m']), self.language)}",
                "locker": locker if p.get("locker") else "",
            }
            for p in self.relay_results
        ]

    @rx.var
    def paperless_offered(self) -> bool:
        """R3: whether she may choose a QR code to show at the relay point."""
        return deployment.paperless_returns_offered()

    @rx.event
    def choose_paperless(self, checked: bool):
        """No printer? A QR code to show at the relay point instead (R3)."""
        if self._ready("method") and isinstance(checked, bool):
            self.paperless = checked and deployment.paperless_returns_offered()

    @rx.var
    def self_ship_note(self) -> str:
        """Rule R5: the self-ship explanation with the cap."""
        return translate(
            self.language, "returns.method.self_ship_note", cap=reimbursement_cap(self.language)
        )

    @rx.event
    def save_details(self, form_data: dict):
        """Check your details, then continue to the return method."""
        if not self._ready("details"):
            return
        data = form_data if isinstance(form_data, dict) else {}
        sender = {name: text_field(data.get(name)) for name in wizard.SENDER_FIELDS}
        self.sender = {**sender, wizard.SENDER_PHONE: text_field(data.get(wizard.SENDER_PHONE))}
        if not all(sender.values()):
            self.step_error = "returns.invalid.details"
            return
        self.step, self.step_error = "method", ""
        if not self.method and self.methods:
            self.method = self.methods[0]

    @rx.event
    def choose_method(self, method: str):
        """Mondial Relay, salon or self-ship, among what her country allows."""
        if self._ready("method") and method in self.methods:
            self.method, self.step_error = method, ""

    @rx.event
    def choose_place(self, field: str, value: str):
        """Pick a salon (R4) or a relay point from the search results (R3)."""
        if not self._ready("method") or not isinstance(value, str):
            return
        if field == "salon_code" and value in [salon["value"] for salon in self.salons]:
            self.salon_code = value
        elif field == "relay_point_code" and value in [p["code"] for p in self.relay_results]:
            self.relay_point_code = value

    @rx.event(background=True)
    async def search_relay(self, form_data: dict):
        """Find Mondial Relay points near a postcode (France and Belgium).

        A background event: the carrier may take seconds; the button spins, the tab stays usable.
        """
        async with self:
            if not self._ready("method") or self.searching:
                return
            data = form_data if isinstance(form_data, dict) else {}
            self.relay_postcode = text_field(data.get("postcode"))[:12]
            country, postcode = self._options()["order"].get("country", ""), self.relay_postcode
            self.searching = True
        try:
            found = await asyncio.to_thread(_search, country, postcode)
        finally:
            async with self:
                self.searching = False
        async with self:
            if isinstance(found, str):
                self.step_error, self.relay_results = found, []
                return
            self.relay_results, self.relay_point_code, self.step_error = found, "", ""

    def _carrier_problem(self) -> str | None:
        """Rule R3: what Mondial Relay would refuse in her details (phone, street length)."""
        return declaration.carrier_sender_problem(
            self.sender.get("address", ""),
            self.sender.get(wizard.SENDER_PHONE, ""),
            self._options()["order"].get("country", ""),
        )

    @rx.event
    def method_done(self):
        """Continue from the return method to the summary."""
        if not self._ready("method"):
            return
        if self.method not in self.methods:
            self.step_error = "returns.invalid.method"
        elif self.method == ReturnMethod.STORE and not self.salon_code:
            self.step_error = "returns.invalid.salon"
        elif self.method == ReturnMethod.MONDIAL_RELAY and (problem := self._carrier_problem()):
            self.step_error = problem
        else:
            self.step, self.step_error = "review", ""
