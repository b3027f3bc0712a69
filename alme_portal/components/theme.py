"""The Almé look: palette, type and spacing shared by every page."""

from alme_portal.content.brand import (  # noqa: F401 (the pages read the palette here)
    INK,
    IVORY,
    LINE,
    MUTED,
    SAGE,
    SAND,
    SANS,
    SERIF,
    TERRACOTTA,
)

PAGE_WIDTH = "1120px"

APP_STYLE = {
    "font_family": SANS,
    "color": INK,
    "background_color": IVORY,
    "::selection": {"background_color": SAND},
}

HEADING = {"font_family": SERIF, "font_weight": "500", "letter_spacing": "0.01em", "color": INK}

KICKER = {
    "font_size": "12px",
    "letter_spacing": "0.18em",
    "text_transform": "uppercase",
    "color": MUTED,
}

PRIMARY_BUTTON = {
    "background_color": INK,
    "color": IVORY,
    "border_radius": "0",
    "letter_spacing": "0.12em",
    "text_transform": "uppercase",
    "font_size": "13px",
    "padding": "0 1.5em",
    "min_height": "44px",
    "height": "auto",
    "max_width": "100%",
    "white_space": "normal",
    "cursor": "pointer",
    "_hover": {"background_color": TERRACOTTA},
}

SECONDARY_BUTTON = {
    **PRIMARY_BUTTON,
    "variant": "outline",
    "background_color": "transparent",
    "color": INK,
    "border": f"1px solid {INK}",
    "box_shadow": "none",  # Radix's outline is a brown inset shadow inside the ink border
    "_hover": {"background_color": INK, "color": IVORY},
}

CARD = {
    "background_color": "white",
    "border": f"1px solid {LINE}",
    "padding": "1.5em",
    "width": "100%",
}

INPUT = {"border_radius": "0", "height": "44px", "background_color": "white"}
