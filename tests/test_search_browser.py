"""Search in Chromium over the real portal: inflected queries, no diacritics, the header combobox, filters."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page

from portal.czech.text import fold
from portal.search.index import index_page
from portal.search.lemmas import SEP, decode, encode, lemma_key, light_stem
from portal.search.writer import INDEX_DIR

pytestmark = pytest.mark.browser

# Query -> the page it must find among the first five, although none of its words stands in that page
# in the form typed (checked below against the page itself); the base forms do.
INFLECTED = [
    ("centrech", "dobra-praxe/komunitni-centrum-vltavotynska/"),
    ("v Ralsku", "dobra-praxe/komunitni-prace-v-libereckem-kraji/"),
    ("Velkých Hamrech", "dobra-praxe/komunitni-prace-v-libereckem-kraji/"),
    ("Agentuře", "dobra-praxe/komunitni-prace-v-libereckem-kraji/"),
    ("akčních plánů", "dobra-praxe/komunitni-centrum-vltavotynska/"),
    ("pracovními skupinami", "dobra-praxe/komunitni-socialni-prace-na-venkove/"),
    ("Nechanicku", "dobra-praxe/komunitni-socialni-prace-na-venkove/"),
    ("Vltavotýnsku", "dobra-praxe/komunitni-centrum-vltavotynska/"),
    ("lídrům komunitám", "dobra-praxe/komunitni-centrum-vltavotynska/"),
    ("setkáních", "dobra-praxe/komunitni-centrum-vltavotynska/"),
    ("Olšanech", "dobra-praxe/komunitni-centra-v-regionu-hana/"),  # facts panel: municipalities
    ("Prostějovu", "dobra-praxe/komunitni-centra-v-regionu-hana/"),
    ("manuálem", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/"),
    ("Vltavě", "dobra-praxe/komunitni-centrum-vltavotynska/"),  # facts panel: organisation MAS VLTAVA
]


def plain_text(built_site, url: str) -> str:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", " ", html[html.index("<div data-search-body"):])


def page_words(built_site, url: str) -> set[str]:
    return {fold(w) for w in re.findall(r"\w+", plain_text(built_site, url))}


def page_keys(built_site, url: str) -> set[str]:
    page = index_page((built_site / url / "index.html").read_text(encoding="utf-8"))
    return {key for key, _ in page.words}


@pytest.fixture(scope="module")
def engine(browser, base_url):
    """One page with the search script loaded, to ask the search engine directly."""
    context = browser.new_context(locale="cs-CZ", service_workers="block")
    pg = context.new_page()
    pg.goto(base_url)
    yield pg
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="cs-CZ", service_workers="block")
    pg = context.new_page()
    yield pg
    context.close()


def found(engine: Page, query: str, n: int = 5) -> list[str]:
    """Site-relative addresses of the first n results, as the header panel and the results page rank them."""
    urls = engine.evaluate("""async ([q, n]) => {
        const f = await KPSearch.search(q);
        return Promise.all(f.results.slice(0, n).map(r => r.data().then(d => d.url)));
    }""", [query, n])
    return [urlsplit(u).path.lstrip("/") for u in urls]


@pytest.mark.parametrize("query,target", INFLECTED)
def test_inflected_query_finds_its_page(built_site, engine, query, target):
    words = [w for w in query.split() if len(w) > 1]
    assert not {fold(w) for w in words} & page_words(built_site, target), "the query's forms must be absent from the target"
    assert {lemma_key(w) for w in words} <= page_keys(built_site, target), "other forms of every word must be on the target"
    assert target in found(engine, query), query


@pytest.mark.parametrize("query,target", INFLECTED)
def test_inflected_query_without_diacritics(engine, query, target):
    assert target in found(engine, fold(query)), fold(query)


def test_all_inflected_queries_reach_the_first_five(engine):
    hits = sum(target in found(engine, q) for q, target in INFLECTED)
    assert hits == len(INFLECTED)


def test_exact_forms_rank_first(built_site, engine):
    """'centrech' stands in the MSK and Haná cases; they come before cases and methods with other forms only."""
    ranked = [u for u in found(engine, "centrech", 20) if u.startswith(("dobra-praxe/", "metodiky/")) and u.count("/") == 2]
    exact = [u for u in ranked if "centrech" in page_words(built_site, u)]
    assert exact and ranked[:len(exact)] == exact


def test_help_pages_rank_after_content(engine):
    ranked = found(engine, "registrační číslo", 20)
    kinds = ["content" if u.startswith(("dobra-praxe/", "metodiky/")) and u.count("/") == 2 else "help" for u in ranked]
    assert "content" in kinds and kinds == sorted(kinds), ranked  # every case or method before any help page


def test_the_field_reference_is_not_indexed(engine):
    """Field names of the reference table on 'Jak přispět' (not in its prose) find nothing there."""
    assert "jak-prispet/" not in found(engine, "registration_number", 20)


def test_excerpts_have_no_glued_words(engine):
    excerpt = engine.evaluate("""async () => {
        const f = await KPSearch.search('cílové skupiny');
        const d = await Promise.all(f.results.map(r => r.data()));
        return d.map(x => KPSearch.decode(x.content)).join(' ');
    }""")
    assert "Cílové skupiny" in excerpt or "Cílové skupiny".replace(" ", "\u00a0") in excerpt
    assert not re.search(r"skupiny(Osoby|Senioři|Rodiny|Děti|Široká|Nezaměstnaní|Cizinci)", excerpt)


def index_texts(built_site) -> dict[str, str]:
    """Every indexed page's excerpt text as readers see it (what the panel and the results page cut excerpts from)."""
    texts = {}
    for path in (built_site / INDEX_DIR / "s").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts[data["url"]] = decode(data["content"])
    return texts


def test_no_excerpt_has_glued_words_or_doubled_punctuation(built_site):
    """Over all real pages: blocks are joined by one space or one full stop; every word is a word of the page."""
    texts = index_texts(built_site)
    assert len(texts) > 30
    for url, text in texts.items():
        html = (built_site / (url if url.endswith(".html") else url + "index.html")).read_text(encoding="utf-8")
        words = set(re.findall(r"\w+", unescape(plain_text_of(html))))
        assert SEP not in text, url
        assert not re.search(r"[.,;:!?]\s+[.,;:!?]|[^.]\.\.(?!\.)|\s\s", text), (url, re.findall(r".{20}[.,;:!?]\s+[.,;:!?].{20}", text))
        glued = [w for w in re.findall(r"\w+", text) if w not in words
                 and any(w[:i] in words and w[i:] in words for i in range(2, len(w) - 1))]
        assert not glued, (url, glued)


def plain_text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html[html.index("<div data-search-body"):])


def test_registration_number_still_finds_the_msk_case(engine):
    assert found(engine, "0010387")[0] == "dobra-praxe/podpora-komunitni-prace-v-msk-ii/"


def test_a_query_answers_in_under_100_ms_once_loaded(engine):
    timings = engine.evaluate("""async () => {
        const qs = ['centrech', 'akčních plánů', 'pracovnimi skupinami', 'velke hamry', 'komunitni centrum'];
        for (const q of qs) { await KPSearch.search(q); }  // chunks loaded
        const out = [];
        for (const q of qs) { const t = performance.now(); await KPSearch.search(q); out.push(performance.now() - t); }
        return out;
    }""")
    assert max(timings) < 100, timings


# ---------- the header field: ARIA 1.2 combobox, keyboard ----------

def open_panel(page: Page, base_url: str, query: str) -> None:
    page.goto(base_url + "metodiky/")
    box = page.locator("#kp-header-q")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_function("q => document.querySelector('#kp-header-q-list')?.getAttribute('data-kp-query') === q", arg=query)


def test_header_panel_shows_first_results_from_the_second_letter(page, base_url):
    page.goto(base_url)
    box = page.locator("#kp-header-q")
    box.click()
    box.press_sequentially("h", delay=30)
    page.wait_for_timeout(400)
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("amrech", delay=30)
    page.wait_for_function("() => document.querySelector('#kp-header-q-list')?.getAttribute('data-kp-query') === 'hamrech'")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    first = listbox.locator("[role=option]").first
    assert first.locator(".kp-suggest__title").inner_text() == "Komunitní práce v Libereckém kraji"
    assert first.locator(".kp-suggest__meta").inner_text() == "Liberecký kraj"
    assert first.locator(".kp-suggest__excerpt mark").first.inner_text().strip(".,") == "Hamry"
    assert listbox.locator("[role=option]").last.inner_text().startswith("Všechny výsledky")
    assert re.search(r"Nalezeno \d+ výsled", page.locator("#kp-header-q-status").inner_text())


def test_keyboard_arrows_enter_and_escape(page, base_url):
    open_panel(page, base_url, "komunitni centrum")
    box = page.locator("#kp-header-q")
    options = page.locator("#kp-header-q-list [role=option]")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    box.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "komunitni centrum"
    box.press("ArrowDown")  # opens again
    box.press("ArrowDown")
    box.press("ArrowDown")
    title = options.nth(1).locator(".kp-suggest__title").inner_text()
    with page.expect_navigation():
        box.press("Enter")
    assert page.locator("h1").first.inner_text().replace("\u00a0", " ") == title.replace("\u00a0", " ")


def test_enter_without_a_choice_and_all_results_lead_to_the_results_page(page, base_url):
    open_panel(page, base_url, "velke hamry")
    with page.expect_navigation():
        page.locator("#kp-header-q").press("Enter")
    assert urlsplit(page.url).path.endswith("/hledani/") and parse_qsl(urlsplit(page.url).query) == [("q", "velke hamry")]
    open_panel(page, base_url, "Hamrech")
    box = page.locator("#kp-header-q")
    box.press("ArrowUp")  # from the top, up goes to the last option: "Všechny výsledky"
    with page.expect_navigation():
        box.press("Enter")
    assert parse_qsl(urlsplit(page.url).query) == [("q", "Hamrech")]
    page.wait_for_selector(".kp-results .kp-result__title")
    assert page.locator(".kp-result__title").first.inner_text() == "Komunitní práce v Libereckém kraji"


def test_any_field_with_the_attribute_becomes_a_combobox(page, base_url):
    """The component is reusable (e.g. for the home page): a field added later is enhanced by KPSearch.combobox."""
    page.goto(base_url)
    page.evaluate("""() => { const i = document.createElement('input'); i.id = 'jine-pole'; i.setAttribute('data-kp-search', '3');
                             document.querySelector('article').prepend(i); KPSearch.combobox(i); }""")
    box = page.locator("#jine-pole")
    box.press_sequentially("obcim", delay=30)
    page.wait_for_function("() => document.querySelector('#jine-pole-list')?.getAttribute('data-kp-query') === 'obcim'")
    assert page.locator("#jine-pole-list .kp-suggest__title").count() <= 3
    assert box.get_attribute("role") == "combobox"


# ---------- the results page: filters with counts, state in the URL ----------

def counts(page: Page, name: str) -> dict[str, str]:
    """Value -> its count, as the filter group with that legend shows them."""
    group = page.get_by_role("group", name=name)
    return {lab.locator("input").get_attribute("value"): lab.locator(".kp-facet__count").inner_text().strip("()")
            for lab in group.locator("label").all()}


def test_results_page_filters_with_counts_and_url(page, base_url):
    page.goto(base_url + "hledani/?q=komunitni+centrum")
    page.wait_for_selector(".kp-result__title")
    page.wait_for_function("document.querySelector('.kp-results__message').textContent.includes('–')")
    before = page.locator(".kp-result__title").count()
    olomoucky = counts(page, "Kraj")["Olomoucký kraj"]
    assert olomoucky == "1"
    page.get_by_role("group", name="Kraj").get_by_label("Olomoucký kraj").check()
    page.wait_for_function("document.querySelector('.kp-results__message').textContent.includes('1 výsledek')")
    assert plain(page.locator(".kp-result__title").all_inner_texts()) == ["Komunitní centra v Regionu Haná"]
    assert ("kraj", "Olomoucký kraj") in parse_qsl(urlsplit(page.url).query)
    # Values of the same filter add up: their counts do not shrink when one of them is chosen.
    assert int(counts(page, "Kraj")["Jihočeský kraj"]) >= 1
    assert before > 1
    # The state is in the URL: opening it again gives the same view.
    page.goto(page.url)
    page.wait_for_function("document.querySelector('.kp-results__message').textContent.includes('1 výsledek')")
    assert page.get_by_role("group", name="Kraj").get_by_label("Olomoucký kraj").is_checked()


def test_results_page_narrows_by_method_group_and_programme(page, base_url):
    page.goto(base_url + "hledani/?q=obcim&metoda=Mapov%C3%A1n%C3%AD+pot%C5%99eb")
    page.wait_for_function("document.querySelector('.kp-results__message').textContent.includes('–')")
    titles = plain(page.locator(".kp-result__title").all_inner_texts())
    assert titles and all(t != "Komunitní práce v Libereckém kraji" for t in titles)
    for name in ("Metoda", "Cílová skupina", "Program", "Kraj", "Druh"):
        assert page.get_by_role("group", name=name).count() == 1


def plain(texts: list[str]) -> list[str]:
    return [t.replace("\u00a0", " ") for t in texts]


# ---------- browser and build compute the same keys and text ----------

@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(alphabet="aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvxyýzžAÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ", min_size=2, max_size=14), min_size=5, max_size=20))
def test_browser_folds_stems_and_decodes_like_the_build(engine, words):
    tokens = [encode(w) or w for w in words]
    text = "a. " + " ".join(tokens) + ": x " + tokens[0] + ", (" + tokens[-1] + ")."
    got = engine.evaluate("""([ws, text]) => [ws.map(([w, t]) => [KPSearch.fold(w), KPSearch.lightStem(KPSearch.fold(w)), KPSearch.decode(t)]),
                                                KPSearch.decode(text)]""", [[[w, t] for w, t in zip(words, tokens, strict=False)], text])
    assert got == [[[fold(w), light_stem(fold(w)), decode(t)] for w, t in zip(words, tokens, strict=False)], decode(text)]
