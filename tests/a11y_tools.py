"""Accessibility checkers for browser tests: axe-core and HTML_CodeSniffer from npm, run inside the page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parent.parent
NODE = REPO / "node_modules"
AXE = NODE / "axe-core" / "axe.min.js"
HTMLCS = NODE / "html_codesniffer" / "build" / "HTMLCS.js"
VNU = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Every page type of the portal; the proposal form is checked as soon as the site has it.
PAGES = ["", "dobra-praxe/?kraj=olomoucky", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/", "metodiky/",
         "metodiky/komunitni-centrum/", "statistiky/", "kraje/", "kraje/olomoucky/", "hledani/?q=komunitni",
         "ke-stazeni/", "jak-prispet/", "o-portalu/", "prohlaseni-o-pristupnosti/", "ochrana-osobnich-udaju/"]
OPTIONAL_PAGES = ["jak-prispet/novy-pripad/"]

# WCAG 2.1 A and AA rules; label-content-name-mismatch is "experimental" in axe 4.14, so it is named explicitly.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "rules": {"label-content-name-mismatch": {"enabled": True}}, "resultTypes": ["violations"]}


def pages(site: Path) -> list[str]:
    """The page list, with the optional pages that exist in this build."""
    return PAGES + [p for p in OPTIONAL_PAGES if (site / p / "index.html").is_file()]


def wait_ready(page: Page) -> None:
    """Wait until the page's own scripts (search results, catalogue) have drawn what they draw."""
    page.wait_for_load_state("networkidle")
    if "hledani/" in page.url and "q=" in page.url:
        # Results drawn by whichever search UI the page has (the portal's own or the offline one).
        page.wait_for_selector("#kp-search a[href], .kp-results .kp-result, .kp-offline-search__result", timeout=15_000)
    page.wait_for_timeout(200)


def axe_violations(page: Page) -> list[tuple[str, str, str]]:
    """axe-core's WCAG 2.1 A/AA violations as (rule, target, html) per node."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    assert page.evaluate("() => axe.version") == "4.14.1"
    result = page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)
    return [(v["id"], " ".join(map(str, n["target"])), n["html"][:160]) for v in result["violations"] for n in v["nodes"]]


def htmlcs_errors(page: Page) -> list[tuple[str, str, str]]:
    """HTML_CodeSniffer's WCAG2AA errors as (code, element, message)."""
    if not page.evaluate("() => !!window.HTMLCS"):
        page.add_script_tag(path=str(HTMLCS))
    return page.evaluate("""() => new Promise(resolve => {
        HTMLCS.process('WCAG2AA', document, () => {
            resolve(HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR)
                .map(m => [m.code, (m.element.outerHTML || '').slice(0, 160), m.msg.slice(0, 200)]));
        }, () => resolve([['HTMLCS failed', '', '']]), 'en');
    })""")
