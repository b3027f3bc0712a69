"""Code 128, subset B: the parcel reference as a linear barcode any carrier scanner reads.

A symbol is a quiet zone, the Start B character, one character per input character, a
checksum character (weighted sum modulo 103) and the Stop character, then a quiet zone.
Every character is three bars and three spaces (the Stop has a fourth bar) whose widths,
in modules, are listed in ``PATTERNS``.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

# Bar/space widths of the 107 symbol values (0-102 data, 103-105 Start A/B/C, 106 Stop).
PATTERNS: tuple[str, ...] = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",
    "132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222",
    "123122", "123221", "223211", "221132", "221231", "213212", "223112", "312131",
    "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321",
    "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121",
    "313121", "211331", "231131", "213113", "213311", "213131", "311123", "311321",
    "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224",
    "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
    "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",
    "114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412",
    "211214", "211232", "2331112",
)  # fmt: skip
START_B = 104
STOP = 106
QUIET_ZONE_MODULES = 10
"""The standard asks for at least ten modules of blank space on each side."""


def values_b(text: str) -> list[int]:
    """Symbol values of ``text`` in subset B (printable ASCII, value = code point - 32).

    Args:
        text: The data to encode; every character must be printable ASCII (space to ``~``).

    Returns:
        One symbol value (0-94) per character.

    Raises:
        ValueError: If ``text`` is empty or holds a character subset B cannot encode.
    """
    if not text:
        raise ValueError("Code 128 needs at least one character")
    values = []
    for char in text:
        if not " " <= char <= "~":
            raise ValueError(f"Code 128 subset B cannot encode {char!r}")
        values.append(ord(char) - 32)
    return values


def checksum(text: str) -> int:
    """The Code 128 B check value of ``text``.

    The Start B value plus each data value times its position (from 1), modulo 103.

    Args:
        text: The data to encode.

    Returns:
        The check symbol value, 0-102.
    """
    data = values_b(text)
    return (START_B + sum(position * value for position, value in enumerate(data, 1))) % 103


def symbol_values(text: str) -> list[int]:
    """All symbol values of the barcode: Start B, data, checksum and Stop.

    Args:
        text: The data to encode.

    Returns:
        The symbol values in printing order.
    """
    return [START_B, *values_b(text), checksum(text), STOP]


def modules(text: str, quiet_zone: int = QUIET_ZONE_MODULES) -> str:
    """The barcode as a run of modules, ``"1"`` for bar and ``"0"`` for space.

    Args:
        text: The data to encode.
        quiet_zone: Blank modules added on each side.

    Returns:
        The module string, quiet zones included.
    """
    runs = []
    for value in symbol_values(text):
        for index, width in enumerate(PATTERNS[value]):
            runs.append(("1" if index % 2 == 0 else "0") * int(width))
    blank = "0" * quiet_zone
    return blank + "".join(runs) + blank


def render(text: str, module_width: int, height: int) -> Image.Image:
    """Draw the barcode as a black-on-white 1-bit image, quiet zones included.

    Args:
        text: The data to encode.
        module_width: Width of the narrowest bar, in pixels.
        height: Height of the bars, in pixels.

    Returns:
        A mode ``"1"`` image ``len(modules(text)) * module_width`` pixels wide.
    """
    if module_width < 1 or height < 1:
        raise ValueError("module width and height must be positive")
    pattern = modules(text)
    image = Image.new("1", (len(pattern) * module_width, height), 1)
    draw = ImageDraw.Draw(image)
    start = None
    for index, module in enumerate(pattern + "0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            draw.rectangle((start * module_width, 0, index * module_width - 1, height - 1), fill=0)
            start = None
    return image
