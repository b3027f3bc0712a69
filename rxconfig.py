"""Reflex configuration of the Almé customer portal."""

import reflex as rx

config = rx.Config(
    app_name="alme_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(), rx.plugins.SitemapPlugin()],
)
