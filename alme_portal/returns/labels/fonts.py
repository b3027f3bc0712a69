"""The TrueType fonts the label is drawn with, found once on the machine and cached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
# Sans-serif faces covering Latin-1 and Latin Extended (é, è, ç, œ ...), best first.
_CANDIDATES = {
    False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "FreeSans.ttf"),
    True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "FreeSansBold.ttf"),
}
_MISSING_GLYPH_PROBE = "\U0010fffd"
"""A private-use code point no font maps: whatever it draws is the font's "missing" box."""


@lru_cache(maxsize=2)
def font_path(bold: bool = False) -> Path | None:
    """The TrueType file used for regular or bold text, searched once per process.

    Args:
        bold: Whether the bold face is wanted.

    Returns:
        The font file, or ``None`` when no candidate is installed (Pillow's built-in font
        is used then).
    """
    for name in _CANDIDATES[bold]:
        for folder in FONT_DIRS:
            match = next(folder.rglob(name), None) if folder.is_dir() else None
            if match is not None:
                return match
    return None


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """A font of ``size`` pixels, from the cached TrueType file or Pillow's default.

    Args:
        size: Font size in pixels.
        bold: Whether to use the bold face.

    Returns:
        The loaded font.
    """
    path = font_path(bold)
    if path is None:
        return ImageFont.load_default(size=size)  # type: ignore[return-value]
    return ImageFont.truetype(str(path), size)


@lru_cache(maxsize=4096)
def has_glyph(char: str, bold: bool = False) -> bool:
    """Whether the label font can draw ``char`` (instead of a "missing glyph" box).

    Args:
        char: One character.
        bold: Whether the bold face is asked about.

    Returns:
        ``True`` when the font has a glyph for the character.
    """
    if char.isspace() or " " <= char <= "~":
        return True
    probe = font(24, bold)

    def mask(text: str) -> tuple[tuple[int, int], bytes]:
        drawn = probe.getmask(text)
        return drawn.size, bytes(drawn)

    return mask(char) != mask(_MISSING_GLYPH_PROBE)


def drawable(text: str, bold: bool = False) -> str:
    """``text`` with the characters the font cannot draw replaced by ``?``.

    Args:
        text: Cleaned text.
        bold: Whether the text is drawn in bold.

    Returns:
        Text of the same length the font draws without missing-glyph boxes.
    """
    return "".join(char if has_glyph(char, bold) else "?" for char in text)
