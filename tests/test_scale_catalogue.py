"""The catalogue at scale: static list pages without JavaScript, and the script's counts over the compact index.

A site with 120 generated cases (three list pages of 50) plus the real ones is built once for the module.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.conftest import BIN, REPO, copy_project

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import generate

N = 120


def build_without_pdf(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with PORTAL_PDF=0: the manual has tests of its own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PDF": "0"}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("scale-project"))
    generated = tmp_path_factory.mktemp("generated")
    generate(generated, N)
    for path in (generated / "good_practice").glob("*.md"):
        (project / "good_practice" / path.name).write_bytes(path.read_bytes())
    site = tmp_path_factory.mktemp("scale-site") / "site"
    result = build_without_pdf(project, site)
    assert result.returncode == 0, result.stderr
    return site


class _Cards(HTMLParser):
    """Cards (slug and facet data attributes) and links of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article" and "kp-card" in a.get("class", "").split():
            self.cards.append(a)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])


def cards_of(site: Path, url: str) -> _Cards:
    parser = _Cards()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def all_cases(site: Path) -> list[str]:
    return [c["slug"] for c in json.loads((site / "data/cases.json").read_text(encoding="utf-8"))["cases"]]


def list_pages(site: Path) -> list[str]:
    """Every list page reachable from the catalogue by its pager links, in order."""
    first = cards_of(site, "dobra-praxe")
    pages = ["dobra-praxe/"] + sorted({urljoin("dobra-praxe/", h) for h in first.links if "strana/" in h},
                                      key=lambda u: int(u.rstrip("/").rsplit("/", 1)[1]))
    return pages


def test_paginated_catalogue_lists_every_case_exactly_once(scale_site):
    pages = list_pages(scale_site)
    assert len(pages) == -(-(N + 5) // 50)
    listed = [c["data-slug"] for page in pages for c in cards_of(scale_site, page.rstrip("/")).cards]
    assert Counter(listed) == Counter(all_cases(scale_site))
    assert all(len(cards_of(scale_site, p.rstrip("/")).cards) == 50 for p in pages[:-1])
    assert "Strana 2 z\u00a03." in (scale_site / "dobra-praxe/strana/2/index.html").read_text(encoding="utf-8")


def test_region_pages_list_every_case_exactly_once(scale_site):
    codes = [p.parent.name for p in (scale_site / "kraje").glob("*/index.html")]
    listed = [c["data-slug"] for code in codes for c in cards_of(scale_site, f"kraje/{code}").cards]
    assert Counter(listed) == Counter(all_cases(scale_site))


def test_list_pages_stay_out_of_search(scale_site):
    html = (scale_site / "dobra-praxe/strana/2/index.html").read_text(encoding="utf-8")
    assert "data-search-body" not in html


def test_catalogue_first_view_holds_one_page(scale_site):
    assert len(cards_of(scale_site, "dobra-praxe").cards) == 50


def static_cards(site: Path) -> list[dict[str, str]]:
    """The cards of every static list page: the data a reader without JavaScript gets, in catalogue order."""
    return [c for page in list_pages(site) for c in cards_of(site, page.rstrip("/")).cards]


def expected(cards: list[dict[str, str]], selection: dict[str, list[str]]) -> tuple[list[str], dict[str, int]]:
    """Matching slugs, and for every value the count the facet shows, computed from the static cards."""
    def values(card: dict[str, str], key: str) -> list[str]:
        return card.get(f"data-{key}", "").split()

    def matches(card: dict[str, str], skip: str | None) -> bool:
        return all(k == skip or any(v in values(card, k) for v in vs) for k, vs in selection.items() if vs)

    counts: Counter[str] = Counter()
    for card in cards:
        for key in ("kraj", "metoda", "skupina", "program", "stav", "rok"):
            if matches(card, key):
                for v in values(card, key):
                    counts[f"{key}={v}"] += 1
    return [c["data-slug"] for c in cards if matches(c, None)], dict(counts)


SELECTIONS = [
    {"kraj": ["moravskoslezsky"]},
    {"kraj": ["moravskoslezsky", "olomoucky"], "metoda": ["komunitni-centrum"]},
    {"skupina": ["seniori"], "program": ["opz"]},
    {"rok": ["2019", "2020"], "stav": ["ukonceno"]},
    {"metoda": ["mapovani-potreb"]},
]


@pytest.mark.browser
def test_filters_count_the_same_with_the_chunked_data_as_the_static_pages(scale_site):
    cards = static_cards(scale_site)
    with serve(scale_site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for selection in SELECTIONS:
            slugs, counts = expected(cards, selection)
            query = urlencode([(k, v) for k, vs in selection.items() for v in vs])
            page.goto(f"{base}dobra-praxe/?{query}")
            status = page.locator("#kp-result-count")
            status.filter(has_text=f"Zobrazeno {len(slugs)} z ").wait_for()
            assert status.inner_text() == f"Zobrazeno {len(slugs)} z {N + 5} příkladů."
            shown = {el.get_attribute("data-count-for"): el.inner_text() for el in page.locator("[data-count-for]").all()}
            assert shown == {k: f"({counts.get(k, 0)})" for k in shown}
            idle = page.locator("#kp-catalogue:not([aria-busy])")  # the cards follow the count after a paint
            idle.wait_for(state="attached")
            while page.locator("#kp-more").is_visible():
                before = page.locator("#kp-catalogue .kp-card").count()
                page.locator("#kp-more button").click()
                page.wait_for_function(f"document.querySelectorAll('#kp-catalogue .kp-card').length > {before}")
                idle.wait_for(state="attached")
            listed = [el.get_attribute("data-slug") for el in page.locator("#kp-catalogue .kp-card").all()]
            assert listed == slugs
            assert page.locator("#kp-pager").is_hidden()
        # Ticking a box counts from the index too; clearing the filters brings back the first page and its pager.
        page.goto(f"{base}dobra-praxe/")
        page.locator("#kp-filters details").evaluate("d => d.open = true")
        page.get_by_role("group", name="Kraj").get_by_label("Zlínský kraj").check()
        slugs, _ = expected(cards, {"kraj": ["zlinsky"]})
        page.locator("#kp-result-count").filter(has_text=f"Zobrazeno {len(slugs)} z").wait_for()
        assert re.search(r"kraj=zlinsky", page.url)
        page.get_by_role("button", name="Zrušit filtry").click()
        page.locator("#kp-pager").wait_for()
        page.locator("#kp-catalogue:not([aria-busy])").wait_for(state="attached")
        assert page.locator("#kp-catalogue .kp-card").count() == 50
        browser.close()


def test_offline_index_reads_only_the_indexed_part_with_the_same_result(scale_site):
    from portal.web.offline import _record, page_record

    pages = sorted(scale_site.rglob("*.html"))
    assert len(pages) > N
    for path in pages:
        rel = path.relative_to(scale_site).as_posix()
        html = path.read_text(encoding="utf-8")
        assert page_record(rel, html) == _record(rel, html), rel


def decoded(index: dict) -> list[dict[str, list[str]]]:
    """The compact index read back the way catalogue.js reads it: per case, per facet key, its values."""
    from portal.web.catalogue import ALPHABET

    cases: list[dict[str, list[str]]] = [{} for _ in range(index["total"])]
    for facet in index["facets"]:
        w, col = facet["width"], facet["column"]
        assert len(col) == w * index["total"]
        for i, case in enumerate(cases):
            digits = [ALPHABET.index(ch) for ch in col[i * w:(i + 1) * w]]
            if facet["kind"] == "one":
                n = sum(d * 64 ** j for j, d in enumerate(digits))
                have = [n - 1] if n else []
            else:
                have = [k * 6 + b for k, d in enumerate(digits) for b in range(6) if d & (1 << b)]
            case[facet["key"]] = [facet["values"][v] for v in have]
    return cases


def test_compact_index_holds_the_facet_values_of_every_card(scale_site):
    index = json.loads((scale_site / "data/katalog.json").read_text(encoding="utf-8"))
    cards = static_cards(scale_site)
    assert len(decoded(index)) == len(cards) == N + 5
    for card, values in zip(cards, decoded(index), strict=False):
        for key, vs in values.items():
            assert sorted(vs) == sorted(card.get(f"data-{key}", "").split()), (card["data-slug"], key)


@settings(deadline=None)  # a loaded machine, not the code, sets the time of one example
@given(st.data())
def test_facet_columns_read_back_to_the_same_values(data):
    from portal.web.catalogue import facet_column

    count = data.draw(st.integers(1, 140))
    single = data.draw(st.booleans())
    value = st.integers(0, count - 1)
    rows = data.draw(st.lists(st.lists(value, max_size=1) if single else st.lists(value, max_size=8, unique=True), max_size=60))
    column = facet_column(rows, count)
    index = {"total": len(rows), "facets": [{"key": "k", "values": [str(v) for v in range(count)], **column}]}
    assert [sorted(int(v) for v in case["k"]) for case in decoded(index)] == [sorted(row) for row in rows]
