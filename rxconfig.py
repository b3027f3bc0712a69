"""Reflex configuration of the Almé customer portal."""

import reflex as rx

from alme_portal.http_security import allowed_origins
from alme_portal.platform import settings

config = rx.Config(
    app_name="alme_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    cors_allowed_origins=allowed_origins(),
    trusted_proxy_hops=settings.trusted_proxy_hops(),
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="brown", gray_color="sand", radius="none")
        ),
        rx.plugins.SitemapPlugin(),
    ],
)
