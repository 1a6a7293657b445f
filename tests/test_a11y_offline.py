"""The offline edition: a zip of the whole portal that works opened from disk, with search and the catalogue."""

from __future__ import annotations

import re
import zipfile
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import sync_playwright

from portal.web.offline import (
    FOLDER,
    ZIP_NAME,
    file_link,
    file_links,
    index_script,
    page_record,
)
from tests.browser import CHROMIUM_ARGS, chromium_path


def czech_results(n: int) -> str:
    return "jeden výsledek" if n == 1 else f"{n} výsledky" if 2 <= n <= 4 else f"{n} výsledků"


segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
folder_link = st.one_of(
    st.sampled_from([".", "..", "./", "../", "../.."]),
    st.builds(lambda ups, parts: "../" * ups + "".join(p + "/" for p in parts), st.integers(0, 3), st.lists(segment, min_size=1, max_size=3)))
suffix = st.one_of(st.just(""), st.builds(lambda s: "?kraj=" + s, segment), st.builds(lambda s: "#" + s, segment))


@given(folder_link, suffix)
def test_every_folder_link_opens_its_index_file(link, rest):
    out = file_link(link + rest)
    path, tail = out[: len(out) - len(rest)], out[len(out) - len(rest):]
    assert tail == rest
    assert path.endswith("index.html") and path.removesuffix("index.html") in (link, link + "/")


@given(st.sampled_from(["https://", "http://", "mailto:", "data:", "//", "/", "#", "?"]), segment)
def test_other_addresses_stay_as_they_are(start, rest):
    assert file_link(start + rest) == start + rest


def test_file_links_in_a_page():
    html = ('<a href="../">Úvod</a><a href="./">Tady</a><a href=".">Tu</a><a href="..">Nahoru</a><form action="../hledani/">'
            '<a href="a.pdf">PDF</a><link href="assets/x.css"><a href="dobra-praxe/?kraj=olomoucky#x">K</a><a href="https://example.cz/">W</a>')
    assert file_links(html) == ('<a href="../index.html">Úvod</a><a href="./index.html">Tady</a><a href="./index.html">Tu</a>'
                                '<a href="../index.html">Nahoru</a><form action="../hledani/index.html"><a href="a.pdf">PDF</a>'
                                '<link href="assets/x.css"><a href="dobra-praxe/index.html?kraj=olomoucky#x">K</a><a href="https://example.cz/">W</a>')


def test_index_record_takes_only_the_marked_body():
    html = ('<html><body><nav>Menu</nav><div data-search-body><h1 id="t">Název <a class="headerlink" href="#t">#</a></h1>'
            '<p>Text <b>tučně</b></p><ul data-search-ignore><li>jiný příklad</li></ul><p>konec</p></div><footer>pata</footer></body></html>')
    assert page_record("x/index.html", html) == {"u": "x/index.html", "t": "Název", "x": "Název Text tučně konec"}
    assert page_record("y/index.html", "<html><body><p>bez indexu</p></body></html>") is None


@given(st.text(max_size=60))
def test_index_script_never_closes_its_script_element(text):
    script = index_script([{"u": "a/index.html", "t": text, "x": text}])
    assert "</" not in script.split("=", 1)[1]


@given(st.text(max_size=80))
def test_json_twin_carries_the_text_exactly(text):
    import json

    from portal.web.offline import json_twin

    twin = json_twin(text)
    literal = twin.split("] = ", 1)[1].rstrip(";\n")
    assert json.loads(literal) == text and "</" not in literal


@pytest.mark.pdf  # the zip carries the PDF manual
def test_downloads_page_links_the_zip_with_its_size_and_date(built_site):
    archive = built_site / "ke-stazeni" / ZIP_NAME
    assert archive.is_file()
    html = (built_site / "ke-stazeni" / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<a href="komunitni-prace-offline\.zip" type="application/zip">Portál offline – celý web v jednom souboru</a> '
                  r'<span class="kp-downloads__meta">\(ZIP, ([\d,]+)\u00a0(MB|kB), vydáno (\d+)\.\u00a0(\w+)\u00a0(\d{4})\)</span>', html)
    assert m, "odkaz na offline vydání chybí"
    size = float(m[1].replace(",", ".")) * (1_000_000 if m[2] == "MB" else 1000)
    assert abs(size - archive.stat().st_size) <= (50_000 if m[2] == "MB" else 500)
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        methods = {i.filename: i.compress_type for i in zf.infolist()}
    # PDFs and pictures are compressed already: stored as they are; pages, scripts and data deflated.
    assert {methods[n] for n in names if n.endswith((".pdf", ".png"))} == {zipfile.ZIP_STORED}
    assert {methods[n] for n in names if n.endswith((".html", ".js", ".css", ".csv", ".json"))} == {zipfile.ZIP_DEFLATED}
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/assets/offline-index.js" in names
    assert f"{FOLDER}/ke-stazeni/prirucka-dobre-praxe.pdf" in names and f"{FOLDER}/data/cases.csv" in names
    assert not [n for n in names if n.startswith(f"{FOLDER}/admin/") or n.endswith((".zip", ".part", "sw.js"))]
    assert len(names) == len(set(names))
    # Every page of the site is in the copy.
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "admin"}
    assert {f"{FOLDER}/{p}" for p in pages} <= set(names)


@pytest.mark.browser
def test_unpacked_zip_works_from_disk(built_site, tmp_path):
    """Unpacked and opened from file:// in Chromium: links, header search, the search page and a facet filter."""
    with zipfile.ZipFile(built_site / "ke-stazeni" / ZIP_NAME) as zf:
        zf.extractall(tmp_path)
    root = (tmp_path / FOLDER).as_uri() + "/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(root + "index.html")
        # A folder link leads to a page, not to a directory listing.
        page.get_by_role("link", name="Katalog příkladů").first.click()
        assert page.url == root + "dobra-praxe/index.html"
        page.get_by_role("group", name="Kraj").get_by_label("Olomoucký kraj").check()
        assert page.locator("#kp-result-count").inner_text() == "Zobrazeno 1 z 5 příkladů."
        assert page.locator("#kp-catalogue li:not([hidden]) .kp-card__title").all_inner_texts() == ["Komunitní centra v\u00a0Regionu Haná"]
        # The header search leads to the offline search page, which finds with or without diacritics.
        page.fill("#kp-header-q", "velke hamry")
        page.press("#kp-header-q", "Enter")
        page.wait_for_url(root + "hledani/index.html?q=velke+hamry")
        titles = page.locator(".kp-offline-search__title").all_inner_texts()
        assert titles[0] == "Komunitní práce v Libereckém kraji"
        marks = [m.lower() for m in page.locator(".kp-offline-search__excerpt").first.locator("mark").all_inner_texts()]
        assert marks[:2] == ["velké", "hamry"]
        assert page.locator("#kp-offline-status").inner_text() == "Hledání „velke hamry“ – " + czech_results(len(titles)) + "."
        page.fill("#kp-offline-q", "sociální začleňování")
        page.press("#kp-offline-q", "Enter")
        accented = page.locator(".kp-offline-search__title").all_inner_texts()
        page.fill("#kp-offline-q", "socialni zaclenovani")
        page.press("#kp-offline-q", "Enter")
        assert accented and page.locator(".kp-offline-search__title").all_inner_texts() == accented
        assert "Komunitní centra v Regionu Haná" in [t.replace("\u00a0", " ") for t in accented]
        page.fill("#kp-offline-q", "0010387")
        page.press("#kp-offline-q", "Enter")
        assert page.locator(".kp-offline-search__title").first.inner_text() == "Podpora komunitní práce v MSK II"
        page.locator(".kp-offline-search__title a").first.click()
        assert page.url == root + "dobra-praxe/podpora-komunitni-prace-v-msk-ii/index.html"
        # The downloads page of the copy says which edition it is instead of linking itself.
        page.goto(root + "ke-stazeni/index.html")
        assert "Právě čtete offline vydání portálu ze dne" in page.locator(".kp-offline-edition").inner_text()
        # The portal's scripts may fetch() its JSON files from disk: the shim answers from their script twins.
        fetched = page.evaluate("""() => Promise.all([
            fetch('../data/cases.json').then(r => r.json()).then(d => [true, JSON.stringify(d).includes('podpora-komunitni-prace-v-msk-ii')]),
            fetch(new URL('../data/methods.json', location.href)).then(r => r.ok),
            fetch('../data/chybi.json').then(() => 'found', e => e.name)])""")
        assert fetched == [[True, True], True, "TypeError"]
        browser.close()
    assert [u for u in requests if urlsplit(u).scheme not in ("file", "data", "blob")] == []
