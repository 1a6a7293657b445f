"""The home page as the portal's entry: a search field that works with and without script, key numbers, newest cases, map, methods, a call to contribute."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from portal.content.collection import load_collection
from portal.content.history import file_dates
from portal.content.statistics import compute
from portal.web.home import newest
from tests.conftest import REPO
from tests.readers_browser import overflow, page, results  # noqa: F401 - fixtures


def test_key_numbers_are_computed_as_the_statistics_count():
    from portal.web.home import key_numbers

    collection = load_collection(REPO)
    s = compute(collection)
    html = key_numbers(collection, lambda url: url).replace("\u00a0", " ")
    for key, value, label in (("cases", s.total.cases, "příkladů dobré praxe"), ("municipalities", s.total.municipality_count, "zapojených obcí"),
                              ("regions", len(s.by_region), "krajů s příklady"), ("methods", len(collection.methods), "metodiky")):
        assert f'data-key-number="{key}"><span class="kp-key-numbers__value">{value}</span> <span class="kp-key-numbers__label">{label}</span>' in html


def test_home_page_has_every_part(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<form class="kp-home-search" role="search" action="hledani/" method="get" data-search-combobox>' in html
    assert 'name="q"' in html
    assert 'href="jak-prispet/novy-pripad/">Navrhnout příklad</a>' in html
    assert html.count('class="kp-card"') == 3
    assert 'class="kp-map"' in html and 'class="kp-methods"' in html
    # Light on a phone: one HTML page, no pictures, nothing from other hosts.
    assert len(html.encode()) < 120_000 and "<img" not in html.split('class="md-content"')[1]


def test_newest_cases_are_the_last_added():
    collection = load_collection(REPO)
    created = file_dates(REPO, [c.path for c in collection.cases])
    ranked = newest(collection, created, 10)
    assert len(newest(collection, created)) == 3 and sorted(c.slug for c in ranked) == sorted(c.slug for c in collection.cases)
    order = [created[c.path][0] for c in ranked]
    assert order == sorted(order, reverse=True)


@pytest.mark.browser
def test_home_search_leads_to_results(page, base_url):  # noqa: F811
    page.goto(base_url)
    box = page.get_by_role("search").filter(has=page.locator("#kp-home-q")).get_by_label("Hledat příklady, metodiky a videa")
    box.fill("velke hamry")
    box.press("Enter")
    page.wait_for_url("**/hledani/?q=*")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"q": "velke hamry"}
    assert results(page, "velke hamry")[0] == "Komunitní práce v Libereckém kraji"


@pytest.mark.browser
def test_home_search_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(base_url)
    pg.fill("#kp-home-q", "senioři")
    pg.click(".kp-home-search__button")
    pg.wait_for_url("**/hledani/?q=*")
    assert dict(parse_qsl(urlsplit(pg.url).query)) == {"q": "senioři"}
    context.close()


@pytest.mark.browser
def test_cards_link_to_real_cases(page, base_url):  # noqa: F811
    collection = load_collection(REPO)
    page.goto(base_url)
    links = page.locator(".kp-newest .kp-card__title a")
    titles = [" ".join(t.split()) for t in links.all_inner_texts()]
    assert titles == [c.title for c in newest(collection, file_dates(REPO, [c.path for c in collection.cases]))]
    for i, title in enumerate(titles):
        page.goto(base_url)
        page.locator(".kp-newest .kp-card__title a").nth(i).click()
        page.wait_for_load_state()
        assert " ".join(page.locator("h1").inner_text().split()) == title
        assert page.title().startswith(title)


@pytest.mark.browser
def test_home_numbers_cta_and_phone_layout(page, base_url):  # noqa: F811
    page.goto(base_url)
    s = compute(load_collection(REPO))
    number = page.locator('[data-key-number="municipalities"] .kp-key-numbers__value').inner_text()
    assert number == str(s.total.municipality_count)
    cta = page.get_by_role("link", name="Navrhnout příklad")
    assert cta.evaluate("a => a.href") == base_url + "jak-prispet/novy-pripad/"
    assert cta.is_visible() and cta.bounding_box()["height"] >= 24  # a target large enough to tap
    assert overflow(page) == []
    for path in ("statistiky/", "kraje/olomoucky/", "videa/", "o-portalu/"):
        page.goto(base_url + path)
        assert overflow(page) == [], path
