"""Issue 19.15: sizes read smallest first (L, M, S, XL, XS was alphabetical)."""

from alme_portal.orders.rules.sizes import size_order


def test_letter_sizes_smallest_first_then_shoe_sizes_by_number():
    sizes = ["L", "M", "S", "XL", "XS", "41", "36", "38.5", "One size", "xxl"]
    assert sorted(sizes, key=size_order) == [
        "XS", "S", "M", "L", "XL", "xxl", "36", "38.5", "41", "One size"
    ]  # fmt: skip
