"""Drawing the A6 return label: PNG at 300 dpi and a one-page PDF of the same image."""

from __future__ import annotations

import io
import re

import qrcode
from PIL import Image, ImageDraw

from alme_portal.returns.labels import code128
from alme_portal.returns.labels.fonts import drawable, font
from alme_portal.returns.labels.model import ReturnLabel, validate_reference
from alme_portal.returns.labels.texts import ELLIPSIS, LabelTexts, label_texts

DPI = 300
WIDTH, HEIGHT = 1240, 1748
"""A6 portrait (105 x 148 mm) at 300 dpi."""
MARGIN = 36
"""Blank paper around the frame (3 mm), so printers that cannot print to the edge cope."""
PAD = 30
"""Space between the frame or a rule and the text (2.5 mm)."""
FRAME = 5
RULE = 4
THIN_RULE = 2
BLACK, WHITE = 0, 255
LEFT, RIGHT = MARGIN + FRAME + PAD, WIDTH - MARGIN - FRAME - PAD
CONTENT_WIDTH = RIGHT - LEFT
QR_SIZE = 330
"""Largest side of the QR code, quiet zone included (28 mm)."""
BAR_HEIGHT = 210
"""Height of the Code 128 bars (18 mm)."""
_POSTCODE_LINE = re.compile(r"\d{4,5}\s")
"""A "postcode city" address line, printed in bold like carriers do."""


def _width(text: str, size: int, bold: bool) -> float:
    return font(size, bold).getlength(text)


def _fit(text: str, size: int, bold: bool, max_width: float) -> str:
    """Cut ``text`` with an ellipsis until it fits ``max_width`` pixels."""
    text = drawable(text, bold)
    if _width(text, size, bold) <= max_width:
        return text
    while text and _width(text + ELLIPSIS, size, bold) > max_width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def _fit_size(text: str, size: int, bold: bool, max_width: float, smallest: int) -> int:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits."""
    while size > smallest and _width(text, size, bold) > max_width:
        size -= 2
    return size


def _wrap(text: str, size: int, bold: bool, max_width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size, bold) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(_fit(word, size, bold, max_width))
    return lines


class _Canvas:
    """A white A6 page and the few drawing helpers the label blocks share."""

    def __init__(self) -> None:
        self.image = Image.new("L", (WIDTH, HEIGHT), WHITE)
        self.draw = ImageDraw.Draw(self.image)

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        size: int,
        bold: bool = False,
        max_width: float = CONTENT_WIDTH,
        anchor: str = "la",
        fill: int = BLACK,
    ) -> None:
        line = _fit(text, size, bold, max_width)
        self.draw.text(xy, line, font=font(size, bold), fill=fill, anchor=anchor)

    def heading(
        self, x: float, y: float, text: str, size: int = 25, tracking: int = 3, anchor: str = "la"
    ) -> None:
        """A bold caption, letter-spaced (small upper-case section titles, the brand)."""
        for char in drawable(text, True):
            self.draw.text((x, y), char, font=font(size, True), fill=BLACK, anchor=anchor)
            x += _width(char, size, True) + tracking

    def hline(self, y: int, weight: int = RULE) -> None:
        self.draw.rectangle((MARGIN, y, WIDTH - MARGIN - 1, y + weight - 1), fill=BLACK)

    def vline(self, x: int, top: int, bottom: int, weight: int = THIN_RULE) -> None:
        self.draw.rectangle((x, top, x + weight - 1, bottom), fill=BLACK)


def qr_png(data: str, size: int = 720) -> bytes:
    """A square PNG of the QR code of ``data`` (a referral link: F1), sharp at any scale."""
    buffer = io.BytesIO()
    _qr_image(data, size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _qr_image(data: str, max_size: int) -> Image.Image:
    """The QR code of ``data`` (error correction M, 4-module quiet zone), whole-pixel modules."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = len(matrix)
    small = Image.new("L", (side, side), WHITE)
    small.putdata([BLACK if dark else WHITE for row in matrix for dark in row])
    box = max(1, max_size // side)
    return small.resize((side * box, side * box), Image.Resampling.NEAREST)


def _barcode_image(data: str, max_width: int) -> Image.Image:
    """The Code 128 barcode of ``data`` with the widest whole-pixel module that fits."""
    module = max(1, min(6, max_width // len(code128.modules(data))))
    return code128.render(data, module, BAR_HEIGHT).convert("L")


def _header(canvas: _Canvas, texts: LabelTexts, top: int) -> int:
    bottom = top + 118
    middle = (top + bottom) // 2
    canvas.heading(LEFT, middle, texts.brand, size=44, tracking=9, anchor="lm")
    badge_size = 32
    badge = _fit(texts.prepaid.upper(), badge_size, True, CONTENT_WIDTH - 260)
    badge_width = _width(badge, badge_size, True)
    box = (RIGHT - badge_width - 40, middle - 34, RIGHT, middle + 34)
    canvas.draw.rectangle(box, fill=BLACK)
    canvas.draw.text(
        ((box[0] + box[2]) / 2, middle), badge, font=font(badge_size, True), fill=WHITE, anchor="mm"
    )
    return bottom


def _from_block(canvas: _Canvas, texts: LabelTexts, top: int) -> int:
    y = top + PAD - 4
    canvas.heading(LEFT, y, texts.from_heading)
    y += 44
    for index, line in enumerate(texts.sender):
        canvas.text((LEFT, y), line, 36, bold=index == 0)
        y += 46
    return top + 320


def _to_block(canvas: _Canvas, texts: LabelTexts, top: int) -> int:
    y = top + PAD - 4
    canvas.heading(LEFT, y, texts.to_heading)
    y += 50
    for index, line in enumerate(texts.recipient):
        bold = index == 0 or _POSTCODE_LINE.match(line) is not None
        canvas.text((LEFT, y), line, 54 if index == 0 else 48, bold=bold)
        y += 66 if index == 0 else 60
    return top + 400


def _split_reference(reference: str) -> list[str]:
    """A long reference on two lines, broken after the hyphen nearest its middle."""
    cuts = [index + 1 for index, char in enumerate(reference) if char == "-"]
    middle = len(reference) // 2
    cut = min(cuts, key=lambda index: abs(index - middle)) if cuts else middle
    return [reference[:cut], reference[cut:]]


def _return_block(canvas: _Canvas, texts: LabelTexts, top: int) -> int:
    qr = _qr_image(texts.return_number, QR_SIZE)  # the Atelier scans it at receipt
    bottom = top + QR_SIZE + 2 * 14
    divider = RIGHT - QR_SIZE - PAD + 4
    canvas.vline(divider, top, bottom - 1)
    centre = (RIGHT + 14 + divider) // 2
    canvas.image.paste(qr, (centre - qr.width // 2, (top + bottom - qr.height) // 2))
    column = divider - PAD - LEFT
    y = top + PAD - 4
    canvas.heading(LEFT, y, texts.return_heading)
    lines = [texts.return_number]
    size = _fit_size(texts.return_number, 88, True, column, 56)
    if _width(texts.return_number, size, True) > column:
        lines = _split_reference(texts.return_number)
        size = min(_fit_size(line, 64, True, column, 30) for line in lines)
    y += 48
    for line in lines:
        canvas.text((LEFT, y), line, size, bold=True, max_width=column)
        y += round(size * 1.15)
    valid = _fit_size(texts.valid_until, 34, True, column, 24)
    canvas.text((LEFT, bottom - PAD - 8), texts.valid_until, valid, True, column, anchor="ld")
    return bottom


def _barcode_block(canvas: _Canvas, texts: LabelTexts, top: int) -> int:
    y = top + PAD - 4
    canvas.heading(LEFT, y, texts.parcel_heading)
    bars = _barcode_image(texts.parcel_reference, CONTENT_WIDTH)
    canvas.image.paste(bars, ((WIDTH - bars.width) // 2, y + 42))
    y += 42 + bars.height + 14
    spaced = " ".join(texts.parcel_reference)
    size = _fit_size(spaced, 36, True, CONTENT_WIDTH, 22)
    canvas.text((WIDTH / 2, y), spaced, size, bold=True, anchor="ma")
    return y + 48 + PAD - 10


def _instructions(canvas: _Canvas, texts: LabelTexts, top: int) -> None:
    size, leading = 31, 41
    sentences = re.split(r"(?<=[.!?])\s+", texts.instructions)
    lines = [line for sentence in sentences for line in _wrap(sentence, size, False, CONTENT_WIDTH)]
    bottom = HEIGHT - MARGIN - FRAME
    y = top + (bottom - top - leading * len(lines)) // 2 + 4
    for line in lines:
        canvas.text((LEFT, y), line, size)
        y += leading


def draw(label: ReturnLabel) -> Image.Image:
    """Draw the label as a 1240 x 1748 grayscale image (A6 at 300 dpi).

    Args:
        label: The return label.

    Returns:
        The label image, black on white.
    """
    validate_reference(label.parcel_reference, "parcel reference")
    validate_reference(label.return_number, "return number")
    texts = label_texts(label)
    canvas = _Canvas()
    canvas.draw.rectangle(
        (MARGIN, MARGIN, WIDTH - MARGIN - 1, HEIGHT - MARGIN - 1), outline=BLACK, width=FRAME
    )
    y = _header(canvas, texts, MARGIN + FRAME)
    for block in (_from_block, _to_block, _return_block, _barcode_block):
        canvas.hline(y, RULE)
        y = block(canvas, texts, y + RULE)
    canvas.hline(y, THIN_RULE)
    _instructions(canvas, texts, y + THIN_RULE)
    return canvas.image


def render_png(label: ReturnLabel) -> bytes:
    """The label as a PNG, A6 portrait at 300 dpi (1240 x 1748 pixels).

    Args:
        label: The return label.

    Returns:
        The PNG file's bytes.
    """
    buffer = io.BytesIO()
    draw(label).save(buffer, format="PNG", dpi=(DPI, DPI))
    return buffer.getvalue()


def render_pdf(label: ReturnLabel) -> bytes:
    """The label as a one-page A6 PDF (105 x 148 mm), drawn at 300 dpi.

    The page is stored as a 1-bit image (CCITT G4 compressed), so the bars stay sharp.

    Args:
        label: The return label.

    Returns:
        The PDF file's bytes.
    """
    bilevel = draw(label).point(lambda value: 255 if value >= 128 else 0).convert("1")
    buffer = io.BytesIO()
    bilevel.save(buffer, format="PDF", resolution=DPI, title=f"Return label {label.return_number}")
    return buffer.getvalue()
