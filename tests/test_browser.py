"""The built portal in a real headless Chromium: search, facets, map links, no third-party requests."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Page

from tests.a11y_tools import axe_violations
from tests.browser import serve

pytestmark = pytest.mark.browser

PAGE_TITLES = ".kp-results .kp-result__title"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="cs-CZ")
    pg = context.new_page()
    yield pg
    context.close()


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type a query into the search box like a reader and return the titles of the result pages."""
    page.goto(base_url + "hledani/")
    box = page.locator("#kp-search-q")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".kp-results__message")
    page.wait_for_function("q => document.querySelector('.kp-results__message').textContent.includes(q)", arg=query)
    page.wait_for_timeout(300)
    return page.locator(PAGE_TITLES).all_inner_texts()


def test_search_folds_diacritics(page, base_url):
    plain = search(page, base_url, "socialni zaclenovani")
    accented = search(page, base_url, "sociální začleňování")
    assert plain and plain == accented
    assert "Komunitní centra v Regionu Haná" in plain
    mixed = search(page, base_url, "socialní")
    assert mixed[0] == "Komunitní sociální práce na venkově"


def test_search_finds_a_town(page, base_url):
    assert search(page, base_url, "velke hamry")[0] == "Komunitní práce v Libereckém kraji"
    excerpt = page.locator(".kp-result__excerpt").first
    assert [m.lower().strip(".,") for m in excerpt.locator("mark").all_inner_texts()][:2] == ["velké", "hamry"]


def test_search_community_centre_cases_and_method(page, base_url):
    titles = search(page, base_url, "komunitni centrum")
    top = titles[:4]
    assert "Komunitní centrum Vltavotýnska" in top
    assert "Komunitní centrum: jak ho založit a provozovat" in top
    assert "Komunitní centra v Regionu Haná" in titles


def test_search_finds_front_matter_facts(page, base_url):
    assert search(page, base_url, "0010387")[0] == "Podpora komunitní práce v MSK II"
    assert search(page, base_url, "MAS Vltava")[0] == "Komunitní centrum Vltavotýnska"
    assert search(page, base_url, "Nechanicko")[0] == "Komunitní sociální práce na venkově"


def test_header_search_form_leads_to_results(page, base_url):
    page.goto(base_url)
    page.fill("#kp-header-q", "velke hamry")
    page.press("#kp-header-q", "Enter")
    page.wait_for_selector(PAGE_TITLES)
    assert urlsplit(page.url).path.endswith("/hledani/")
    assert page.locator(PAGE_TITLES).first.inner_text() == "Komunitní práce v Libereckém kraji"


def plain(texts: list[str]) -> list[str]:
    """Texts with the no-break spaces of Czech typography ('v\u00a0Regionu') read as spaces."""
    return [t.replace("\u00a0", " ") for t in texts]


def visible_cards(page: Page) -> list[str]:
    return plain(page.locator("#kp-catalogue li:not([hidden]) .kp-card__title").all_inner_texts())


def count_for(page: Page, key: str, value: str) -> str:
    return page.locator(f'[data-count-for="{key}={value}"]').inner_text()


def test_facets_combine_with_counts_and_url(page, base_url):
    page.goto(base_url + "dobra-praxe/")
    assert len(visible_cards(page)) == 5
    page.get_by_role("group", name="Metoda").get_by_label("Komunitní centrum: jak ho založit a provozovat").check()
    assert sorted(visible_cards(page)) == ["Komunitní centra v Regionu Haná", "Komunitní centrum Vltavotýnska", "Podpora komunitní práce v MSK II"]
    # Counts of the other facets follow the selection.
    assert count_for(page, "kraj", "olomoucky") == "(1)"
    assert count_for(page, "kraj", "liberecky") == "(0)"
    page.get_by_role("group", name="Kraj").get_by_label("Olomoucký kraj").check()
    assert visible_cards(page) == ["Komunitní centra v Regionu Haná"]
    assert page.locator("#kp-result-count").inner_text() == "Zobrazeno 1 z 5 příkladů."
    assert count_for(page, "metoda", "komunitni-centrum") == "(1)"
    assert parse_qsl(urlsplit(page.url).query) == [("kraj", "olomoucky"), ("metoda", "komunitni-centrum")]


def test_filtered_view_can_be_shared(page, base_url):
    page.goto(base_url + "dobra-praxe/?stav=ukonceno&skupina=verejnost")
    assert page.get_by_role("group", name="Stav projektu").get_by_label("Ukončený").is_checked()
    assert visible_cards(page) == ["Podpora komunitní práce v MSK II"]
    page.get_by_role("button", name="Zrušit filtry").click()
    assert len(visible_cards(page)) == 5
    assert urlsplit(page.url).query == ""


def test_facets_work_by_keyboard(page, base_url):
    page.goto(base_url + "dobra-praxe/")
    box = page.get_by_role("group", name="Kraj").get_by_label("Jihočeský kraj")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert visible_cards(page) == ["Komunitní centrum Vltavotýnska"]
    assert page.locator("#kp-result-count").get_attribute("aria-live") == "polite"


def test_catalogue_without_javascript_lists_everything(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "dobra-praxe/")
    assert len(page.locator(".kp-card").all()) == 5
    assert page.locator("#kp-filters").is_hidden()
    context.close()


def test_map_links_to_region_pages(page, base_url):
    page.goto(base_url + "kraje/")
    tile = page.get_by_role("link", name="Olomoucký kraj 1\u00a0příklad", exact=True)
    tile.click()
    page.wait_for_url("**/kraje/olomoucky/")
    assert page.title().startswith("Olomoucký kraj - ")
    assert plain(page.locator(".kp-card__title").all_inner_texts()) == ["Komunitní centra v Regionu Haná"]


def test_email_becomes_a_link_only_in_the_browser(page, built_site, tmp_path):
    """The real content names no person without consent, so a consented contact is drawn by the facts panel on a test page."""
    import shutil

    from portal.web.facts import contacts_html

    (tmp_path / "assets").mkdir()
    shutil.copy(built_site / "assets" / "portal.js", tmp_path / "assets" / "portal.js")
    panel = contacts_html([{"name": "Jana Nováková", "email": "jana.novakova@example.cz", "consent": "2026-11-01"}])
    (tmp_path / "index.html").write_text(f'<!DOCTYPE html><html lang="cs"><body>{panel}<script src="assets/portal.js"></script></body></html>',
                                         encoding="utf-8")
    assert "jana.novakova@example.cz" not in panel and "mailto:" not in panel
    with serve(tmp_path) as url:
        page.goto(url)
        assert page.locator('a[href="mailto:jana.novakova@example.cz"]').inner_text() == "jana.novakova@example.cz"


@pytest.mark.parametrize("path", ["", "dobra-praxe/", "dobra-praxe/komunitni-centrum-vltavotynska/", "kraje/", "hledani/?q=komunitni"])
def test_no_third_party_requests(page, base_url, path):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert requests, "no request recorded"
    host = urlsplit(base_url).netloc
    foreign = [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host]
    assert foreign == []




@pytest.mark.parametrize("path", ["", "dobra-praxe/", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/", "metodiky/komunitni-centrum/",
                                  "kraje/", "kraje/olomoucky/", "statistiky/", "ke-stazeni/", "jak-prispet/", "hledani/?q=komunitni"])
def test_pages_meet_wcag_21_aa(page, base_url, path):
    """axe-core finds no WCAG 2.1 A/AA violation (it checks what can be checked automatically); axe 4.14.1 from npm."""
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert [(rule, html[:120]) for rule, _, html in violations] == []


def test_catalogue_and_visited_pages_work_offline(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("() => navigator.serviceWorker.ready")
    page.goto(base_url + "dobra-praxe/komunitni-centrum-vltavotynska/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    page.goto(base_url + "dobra-praxe/?kraj=olomoucky")  # precached, with a filter in the URL
    assert plain(page.locator("#kp-catalogue li:not([hidden]) .kp-card__title").all_inner_texts()) == ["Komunitní centra v Regionu Haná"]
    page.goto(base_url + "dobra-praxe/komunitni-centrum-vltavotynska/")  # visited before
    assert page.title().startswith("Komunitní centrum Vltavotýnska")
    context.close()


@pytest.mark.parametrize("path", ["jak-prispet/", "statistiky/", "kraje/", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/", "ke-stazeni/"])
def test_pages_meet_wcag_21_aa_on_a_phone(browser, base_url, path):
    """At phone width wide tables scroll sideways; they must still be reachable by keyboard."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    context.close()
    assert [(rule, html[:120]) for rule, _, html in violations] == []
