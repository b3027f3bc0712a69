"""Issue 21: no page pulls in code it does not show.

An `rx.icon` named by a var compiles to Lucide's `DynamicIcon`, whose map of every icon
(567 KB, 103 KB compressed) was preloaded by every page of the portal: on Lighthouse's slow
4G that is half a second before her page shows. Icons are named in the code, never by a var.
"""

import pytest

from alme_portal.alme_portal import PAGES

HEAVY_TAGS = {"DynamicIcon"}


@pytest.mark.parametrize("page", PAGES, ids=[key for _, _, key, _ in PAGES])
def test_no_page_imports_every_icon(page):
    component, *_ = page
    imported = component()._get_all_imports()
    tags = {item.tag for items in imported.values() for item in items}
    assert not tags & HEAVY_TAGS
