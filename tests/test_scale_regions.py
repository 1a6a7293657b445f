"""`make serve`: a region's page is made again only when a case of it or of a neighbour, a method or the vocabularies changed."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from portal.content.cache import ContentCache
from portal.content.collection import load_collection
from portal.web.region_page import neighbours, region_page
from portal_mkdocs import regions
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import generate

TODAY = date(2026, 12, 4)  # the edition's date the build state hands to the region pages

def _load(root: Path, cache: Path):
    return load_collection(root, cache=ContentCache(cache, (root / "vocabularies.yml").read_bytes()))


def test_unchanged_sources_give_the_last_page_and_an_edit_makes_the_pages_that_show_it_again(tmp_path: Path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    root.mkdir()
    generate(root, 40)
    first = _load(root, cache)
    codes = first.vocab.codes("regions")
    pages = {code: regions.page(first, code, TODAY) for code in codes}
    again = _load(root, cache)
    assert all(regions.page(again, code, TODAY) is pages[code] for code in codes)  # the very same text: not made again

    case = first.cases[0]
    edited_region = case.model.region
    path = root / case.path
    path.write_text(re.sub(r"^title: .*$", "title: Přejmenovaný příklad", path.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    edited = _load(root, cache)
    showing = {edited_region} | {c for c in codes if edited_region in neighbours(edited, c)}
    for code in codes:
        made = regions.page(edited, code, TODAY)
        assert made == region_page(edited, code, lambda url, c=code: regions.get_relative_url(url, regions.paths.region_page(c)), TODAY)
        assert (made is pages[code]) == (code not in showing), code
    assert "Přejmenovaný příklad" in regions.page(edited, edited_region, TODAY)
