"""The accessibility statement (template of vyhláška č. 523/2020 Sb.) and the privacy page, linked from every page's footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.a11y_tools import pages
from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.conftest import REPO

STATEMENT = "prohlaseni-o-pristupnosti/index.html"
PRIVACY = "ochrana-osobnich-udaju/index.html"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


def article(site: Path, rel: str) -> str:
    html = (site / rel).read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner md-typeset"'):html.index("</article>")]


def test_footer_of_every_page_links_statement_privacy_and_offline(built_site):
    from urllib.parse import urljoin

    for path in built_site.rglob("*.html"):
        rel = path.relative_to(built_site).as_posix()
        if rel.startswith("admin/"):   # the editors' CMS is not a page of the portal
            continue
        html = path.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        here = "https://portal.test/" + rel.removesuffix("index.html")
        links = {urljoin(here, href).removeprefix("https://portal.test/"): text
                 for href, text in re.findall(r'<a href="([^"]+)"(?: aria-current="page")?>([^<]+)</a>', footer)}
        assert links.get("prohlaseni-o-pristupnosti/") == "Prohlášení o přístupnosti", rel
        assert links.get("ochrana-osobnich-udaju/") == "Ochrana osobních údajů", rel
        assert links.get("ke-stazeni/#portal-offline") == "Portál offline", rel
    assert '<a href="./" aria-current="page">Ochrana osobních údajů</a>' in (built_site / PRIVACY).read_text(encoding="utf-8")


def test_statement_follows_the_official_template(built_site):
    html = article(built_site, STATEMENT)
    headings = [h.replace("\u00a0", " ") for h in re.findall(r"<h2[^>]*>(.*?)<", html)]
    assert headings == ["Stav souladu", "Nepřístupný obsah", "Vypracování tohoto prohlášení o přístupnosti",
                        "Zpětná vazba a kontaktní údaje", "Postupy pro vymáhání"]
    text = text_of(html)
    assert ("Metodické centrum komunitní práce Moravskoslezského kraje se zavazuje zpřístupnit své internetové stránky v souladu se "
            "zákonem č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních aplikací") in text
    assert "se vztahuje na internetové stránky https://komunitni-prace.example.cz/" in text
    assert "jsou částečně v souladu se zákonem č. 99/2019 Sb." in text
    assert "Toto prohlášení bylo vypracováno dne 3. 12. 2026." in text
    assert "přístupnost stránek naposledy posouzena dne 3. 12. 2026" in text
    for tool in ("axe-core 4.14.1", "HTML_CodeSniffer 2.5.1", "W3C Nu HTML Checker (vnu-jar 26.9.27)", "Lighthouse 12.8.2"):
        assert tool in text
    assert "jen klávesnicí (Tab, Shift+Tab, Enter, mezerník, Escape)" in text
    assert '<a href="mailto:redakce@komunitni-prace.example.cz">redakce@komunitni-prace.example.cz</a>' in html
    assert "obrátit s podnětem na Ministerstvo vnitra" in text


def test_statement_names_the_tool_versions_that_are_installed():
    """The versions named in the statement are the ones package.json pins, so the statement cannot drift."""
    import json

    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    source = (REPO / "docs" / "prohlaseni-o-pristupnosti.md").read_text(encoding="utf-8")
    for package, name in (("axe-core", "axe-core"), ("html_codesniffer", "HTML_CodeSniffer"), ("vnu-jar", "vnu-jar"), ("lighthouse", "Lighthouse")):
        assert f"{name} {pinned[package]}" in source, package


def test_privacy_page_says_what_is_processed(built_site):
    html = article(built_site, PRIVACY)
    text = text_of(html)
    for claim in ("Žádné cookies.", "Žádné měření návštěvnosti.", "Nic z cizích serverů.", "Vyhledávání běží ve vašem prohlížeči.",
                  "zveřejňujeme jen se souhlasem dotčené osoby", "pole consent", "čl. 6 odst. 1 písm. a)",
                  "do otevřených dat kontakty nezahrnujeme", "Souhlas se zveřejněním můžete kdykoli odvolat."):
        assert claim in text, claim
    assert '<a href="mailto:redakce@komunitni-prace.example.cz">' in html


def test_editors_address_comes_from_the_configuration():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "editors_email: redakce@komunitni-prace.example.cz" in config   # the editors' role address, not a person's
    for page in ("prohlaseni-o-pristupnosti.md", "ochrana-osobnich-udaju.md"):
        assert "{{ config.extra.editors_email }}" in (REPO / "docs" / page).read_text(encoding="utf-8")


@pytest.mark.browser
def test_reading_the_portal_stores_nothing_and_asks_no_other_host(built_site):
    """What the privacy page promises: no cookies, nothing in local or session storage, no request to another host."""
    with serve(built_site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        for path in pages(built_site):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
        cookies = context.cookies()
        browser.close()
    assert cookies == [] and storage == [0, 0, ""]
    assert [u for u in requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))] == []
