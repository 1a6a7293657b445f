"""Every page type passes three independent checkers: axe-core 4.14, HTML_CodeSniffer (WCAG2AA) and the Nu HTML Checker."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.a11y_tools import (
    AXE,
    HTMLCS,
    VNU,
    axe_violations,
    htmlcs_errors,
    pages,
    wait_ready,
)
from tests.browser import serve

pytestmark = pytest.mark.browser   # Chromium, Java and the npm tools are installed by `make test`

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def checked(browser, base_url, built_site):
    """axe and HTML_CodeSniffer findings of every page at both widths, collected in one pass."""
    found: dict[tuple[str, int], tuple[list, list]] = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, locale="cs-CZ")
        page = context.new_page()
        for path in pages(built_site):
            response = page.goto(base_url + path)
            assert response is not None and response.status == 200, path
            wait_ready(page)
            found[(path, viewport["width"])] = (axe_violations(page), htmlcs_errors(page))
        context.close()
    return found


def test_the_npm_checkers_are_the_ones_run():
    assert AXE.is_file() and HTMLCS.is_file() and VNU.is_file()
    assert json.loads((AXE.parent / "package.json").read_text())["version"] == "4.14.1"


def test_the_page_list_covers_every_page_type(built_site):
    listed = pages(built_site)
    for path in ("", "dobra-praxe/?kraj=olomoucky", "kraje/", "kraje/olomoucky/", "hledani/?q=komunitni", "prohlaseni-o-pristupnosti/"):
        assert path in listed
    # The proposal form joins the list as soon as the site has it.
    assert ("jak-prispet/novy-pripad/" in listed) == (built_site / "jak-prispet/novy-pripad/index.html").is_file()


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
def test_axe_finds_no_wcag_21_aa_violation(checked, width):
    """axe-core 4.14.1, WCAG 2.1 A and AA rules with label-content-name-mismatch, on every page type."""
    assert {path: axe for (path, w), (axe, _) in checked.items() if w == width and axe} == {}


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
def test_html_codesniffer_finds_no_wcag2aa_error(checked, width):
    """A second, independent checker: HTML_CodeSniffer's WCAG2AA standard, errors only."""
    assert {path: errors for (path, w), (_, errors) in checked.items() if w == width and errors} == {}


def test_the_checkers_do_find_problems(browser, tmp_path):
    """The harness is not blind: a page with known faults is reported by both checkers."""
    (tmp_path / "index.html").write_text('<!DOCTYPE html><html lang="cs"><head><title>Chyby</title></head><body><main>'
                                         '<img src="x.png"><a href="/"><svg aria-label="Domů"><text>Úvod</text></svg></a>'
                                         '<input type="text"></main></body></html>', encoding="utf-8")
    with serve(tmp_path) as url:
        page = browser.new_page()
        page.goto(url)
        rules = {rule for rule, _, _ in axe_violations(page)}
        codes = {code for code, _, _ in htmlcs_errors(page)}
        page.close()
    assert {"image-alt", "label"} <= rules
    assert any("H37" in c for c in codes) and any("F68" in c or "H91" in c for c in codes)


def test_nu_html_checker_finds_no_error_on_any_page(built_site):
    """All built pages in one run of the W3C Nu HTML Checker (vnu.jar, errors only)."""
    files = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(files) > 20
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(result.stderr)["messages"]
    assert [(m["url"].rsplit("/site/", 1)[-1], m.get("lastLine"), m["message"]) for m in messages] == []
