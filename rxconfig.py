"""Reflex configuration of the Almé customer portal."""

import reflex as rx

config = rx.Config(
    app_name="alme_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="brown", gray_color="sand", radius="none")
        ),
        rx.plugins.SitemapPlugin(),
    ],
)
