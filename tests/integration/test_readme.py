"""The README shows people the same demo list as `alme-portal demo list`."""

from pathlib import Path

from alme_portal.demo.loader import demo_listing, listing_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_the_current_demo_data():
    assert listing_markdown(demo_listing()).strip() in README.read_text()
