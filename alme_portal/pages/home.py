"""Home page: the four jobs of the portal, and help."""

import functools

import reflex as rx

from alme_portal.components.cards import job_card, page_heading
from alme_portal.components.i18n import t
from alme_portal.components.layout import shell
from alme_portal.platform import routes, settings
from alme_portal.platform.money import format_cents


def home() -> rx.Component:
    """The home page."""
    referral_amount = functools.partial(format_cents, settings.REFERRAL_AMOUNT_CENTS)
    referral_body = t("home.referral.body", amount=referral_amount)
    jobs = (
        ("package-search", "home.track", routes.TRACK, "job-track"),
        ("repeat", "home.returns", routes.RETURNS, "job-returns"),
        ("heart", "home.loyalty", routes.LOYALTY, "job-loyalty"),
    )
    cards = [
        job_card(
            icon,
            t(f"{key}.title"),
            t(f"{key}.body", days=settings.RETURN_WINDOW_DAYS),
            t(f"{key}.cta"),
            href,
            card_id,
        )
        for icon, key, href, card_id in jobs
    ]
    cards.append(
        job_card(
            "gift",
            t("home.referral.title"),
            referral_body,
            t("home.referral.cta"),
            routes.REFERRAL,
            "job-referral",
        )
    )
    return shell(
        page_heading(t("home.kicker"), t("home.title"), t("home.intro")),
        rx.grid(*cards, columns=rx.breakpoints(initial="1", sm="2", lg="4"), spacing="4"),
        rx.box(
            job_card(
                "circle-help",
                t("home.help.title"),
                t("home.help.body"),
                t("home.help.cta"),
                routes.HELP,
                "job-help",
            ),
            margin_top="1em",
        ),
    )
