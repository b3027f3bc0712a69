"""The Almé customer portal: the Reflex app and its pages."""

import reflex as rx

from alme_portal import bootstrap
from alme_portal.api import create_api
from alme_portal.components import theme
from alme_portal.components.page_meta import head_scripts, page_meta
from alme_portal.http_security import security_headers
from alme_portal.i18n import translate
from alme_portal.pages.account_links import confirm_page, reset_page
from alme_portal.pages.friend import friend_page
from alme_portal.pages.help import help_page
from alme_portal.pages.home import home
from alme_portal.pages.loyalty import loyalty_page
from alme_portal.pages.my_account import my_account_page
from alme_portal.pages.not_found import not_found
from alme_portal.pages.order import order_page
from alme_portal.pages.referral import referral_page
from alme_portal.pages.return_status import return_status_page
from alme_portal.pages.returns import returns_page
from alme_portal.pages.staff import staff_page
from alme_portal.pages.track import track_page
from alme_portal.pages.withdrawal import withdrawal_page
from alme_portal.platform import deployment, routes, settings
from alme_portal.state.account_links import AccountLinkState
from alme_portal.state.help import HelpState
from alme_portal.state.loyalty import LoyaltyState
from alme_portal.state.my_account import MyAccountState
from alme_portal.state.order import OrderState
from alme_portal.state.order_change import OrderChangeState
from alme_portal.state.referral import FriendState, ReferralState
from alme_portal.state.return_draft import ReturnState
from alme_portal.state.return_status import ReturnStatusState
from alme_portal.state.staff import StaffState
from alme_portal.state.tab_states import use_periodic_purge
from alme_portal.state.tracking import TrackState
from alme_portal.state.ui import UiState
from alme_portal.state.withdrawal import WithdrawalState


def backend_error(exception: Exception) -> rx.event.EventSpec:
    """Log a failed handler; the page then shows a clear message in her language, no trace.

    Not a toast: Reflex sends a toast as a script to evaluate, which the page's policy forbids.
    """
    rx.utils.console.error(f"Handler failed: {type(exception).__name__}: {exception}")
    return UiState.show_backend_error()


deployment.require_safe_settings()
if not deployment.is_production():
    deployment.order_feed_secret()  # generated now, so the shop's developer finds it in the file
    rx.utils.console.warn(
        "Almé portal: DEMO mode (carrier simulator, secrets generated for this checkout in "
        f"{deployment.DEV_SECRETS_FILE.name}); set ALME_ENV=production for a real deployment."
    )
bootstrap.wire()

app = rx.App(
    style=theme.APP_STYLE,
    stylesheets=["/styles.css"],
    backend_exception_handler=backend_error,
    # "Notifications" in both languages; Sonner's default name adds "alt+T" in English.
    toaster=rx.toast.provider(custom_attrs={"customAriaLabel": "Notifications"}),
    api_transformer=[
        create_api(with_simulator=settings.serve_carrier_simulator()),
        security_headers,
    ],
    head_components=[
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        *head_scripts(),
    ],
)
use_periodic_purge(app)

PAGES = (
    (home, routes.HOME, "home", []),
    (help_page, routes.HELP, "help", [HelpState.load_help]),
    (track_page, routes.TRACK, "track", [TrackState.load_track]),
    (order_page, routes.ORDER, "order", [OrderState.load_order, OrderChangeState.reset_change]),
    (returns_page, routes.RETURNS, "returns", [ReturnState.load_returns]),
    (return_status_page, routes.RETURN, "return", [ReturnStatusState.load_status]),
    (withdrawal_page, routes.WITHDRAW, "withdrawal", [WithdrawalState.load_withdrawal]),
    (loyalty_page, routes.LOYALTY, "loyalty", [LoyaltyState.load_loyalty]),
    (my_account_page, routes.ACCOUNT, "account", [MyAccountState.load_my_account]),
    (reset_page, routes.ACCOUNT_RESET, "reset", [AccountLinkState.load_reset_page]),
    (confirm_page, routes.ACCOUNT_CONFIRM, "confirm", [AccountLinkState.load_confirm_page]),
    (referral_page, routes.REFERRAL, "referral", [ReferralState.load_referral]),
    (friend_page, routes.FRIEND, "friend", [FriendState.load_friend]),
    (staff_page, routes.STAFF, "staff", [StaffState.load_staff]),
    (not_found, routes.NOT_FOUND, "not_found", []),
)
"""Each page, its route, its key in `page.title.*` / `page.description.*`, its loaders."""


def _with_meta(component, key: str):
    return lambda: rx.fragment(component(), page_meta(key))


for component, route, key, on_load in PAGES:
    app.add_page(
        _with_meta(component, key), route=route, title=translate("en", f"page.title.{key}"),
        description=translate("en", f"page.description.{key}"),
        on_load=[UiState.detect_language, *on_load],
    )  # fmt: skip
