"""Prepaid return labels (rule R3): an A6 label with Code 128 and QR codes, as PNG or PDF.

Plain Python (Pillow, qrcode); no Reflex, no database. Customer text is cleaned and
bounded before it is printed.
"""

from alme_portal.returns.labels.model import ReturnLabel, validate_reference
from alme_portal.returns.labels.render import render_pdf, render_png
from alme_portal.returns.labels.texts import LabelTexts, clean_line, label_texts

__all__ = [
    "LabelTexts",
    "ReturnLabel",
    "clean_line",
    "label_texts",
    "render_pdf",
    "render_png",
    "validate_reference",
]
