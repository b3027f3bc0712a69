"""Language of the page: the visitor's choice if she made one, else her browser's."""

import reflex as rx

from alme_portal import i18n
from alme_portal.platform import settings


class UiState(rx.State):
    """Root state for what every page shares: the language."""

    language_choice: str = rx.Cookie("", name="alme_lang", max_age=365 * 24 * 3600, same_site="lax")
    browser_language: str = settings.DEFAULT_LANGUAGE
    cookie_codes: list[str] = []
    """One-time codes of HttpOnly cookies the page fetches (`state.browser.set_cookie`)."""
    backend_failed: bool = False
    """A handler of this tab failed: the page says so ("Something went wrong on our side")."""

    @rx.var
    def language(self) -> str:
        """The language the page is shown in."""
        return i18n.normalise_language(self.language_choice) or self.browser_language

    @rx.var
    def is_french(self) -> bool:
        """Whether the page is shown in French."""
        return self.language == "fr"

    @rx.event
    def detect_language(self):
        """Take the browser's preferred language from its Accept-Language header."""
        # Assigned only when they change: Reflex marks any assignment dirty, and a dirty
        # language recomputes and resends every language-dependent var of the page (issue 21).
        language = i18n.pick_language(self.router.headers.accept_language)
        if self.browser_language != language:
            self.browser_language = language
        if self.cookie_codes:
            self.cookie_codes = []
        if self.backend_failed:
            self.backend_failed = False

    @rx.event
    def show_backend_error(self):
        """Say that something failed on our side (the app's `backend_exception_handler`)."""
        self.backend_failed = True

    @rx.event
    def dismiss_backend_error(self):
        """Hide the message once she has read it."""
        self.backend_failed = False

    @rx.event
    def choose_language(self, language: str):
        """Switch the portal to `language`; anything but a supported code changes nothing."""
        chosen = i18n.normalise_language(language)
        if chosen:
            self.language_choice = chosen
