"""The page image of a label PDF, read back (its CCITT G4 stream wrapped in a TIFF for Pillow)."""

from __future__ import annotations

import io
import re
import struct

from PIL import Image


def page_image(pdf: bytes) -> Image.Image:
    """The one CCITT-compressed image of a one-page PDF, as a Pillow image."""
    header = re.search(
        rb"/Width (\d+)\s*/Height (\d+)\s*/Filter \[ /CCITTFaxDecode \]"
        rb".*?/Length (\d+)\s*>>stream\n",
        pdf, re.S,
    )  # fmt: skip
    width, height, length = (int(value) for value in header.groups())
    data = pdf[header.end() : header.end() + length]
    entries = [  # tag, type (3 SHORT, 4 LONG), value
        (256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 4),  # 1 bit, CCITT G4
        (262, 3, 1), (273, 4, 0), (277, 3, 1), (278, 4, height), (279, 4, len(data)),
    ]  # fmt: skip
    ifd_size = 2 + 12 * len(entries) + 4
    data_offset = 8 + ifd_size
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        value = data_offset if tag == 273 else value
        packed = struct.pack("<HI", value, 0)[:4] if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, 1) + packed
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x00\x00\x00\x00" + data
    image = Image.open(io.BytesIO(tiff))
    image.load()
    return image
