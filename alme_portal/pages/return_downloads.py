"""Rule R3: "Download your return label", as PDF to print or as an image for the phone."""

import reflex as rx

from alme_portal.components import theme
from alme_portal.components.cards import notice, section_title
from alme_portal.components.i18n import t
from alme_portal.state.return_status import ReturnStatusState as S


def label_downloads(number, paperless=False) -> rx.Component:
    """The download buttons of a return's label, and why a download failed.

    A printed label comes as a PDF and a PNG; a paperless one is the carrier's QR code (PNG).
    """
    return rx.vstack(
        section_title(t("returns.download")),
        rx.hstack(
            rx.cond(paperless, rx.fragment(),
                    rx.button(rx.icon("file-down", size=16), t("returns.download.pdf"),
                              on_click=S.download_label(number, "pdf"), id="download-pdf",
                              **theme.PRIMARY_BUTTON)),
            rx.button(rx.icon("image-down", size=16),
                      rx.cond(paperless, t("returns.download.qr"), t("returns.download.png")),
                      on_click=S.download_label(number, "png"), id="download-png",
                      **theme.SECONDARY_BUTTON),
            spacing="3",
            wrap="wrap",
        ),
        rx.cond(S.download_message != "",
                notice(S.download_message, tone="warning", notice_id="download-error")),
        spacing="2",
        width="100%",
        id="label-downloads",
    )  # fmt: skip
