"""Reflex configuration of the blank benchmark app: the `reflex init` blank template's own."""

import reflex as rx

config = rx.Config(
    app_name="blank_app",
    telemetry_enabled=False,
    plugins=[
        rx.plugins.SitemapPlugin(),
        rx.plugins.TailwindV4Plugin(),
        rx.plugins.RadixThemesPlugin(),
    ],
)
