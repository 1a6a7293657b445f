"""Keyboard and screen-reader structure: skip link, a walk with Tab and Shift+Tab with visible focus and no trap,
Enter, Space and Escape in the header search, the catalogue filters, the phone menu and the form; landmarks and headings."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.a11y_tools import pages, wait_ready

pytestmark = pytest.mark.browser

# What the focused element is, and whether its focus can be seen: an outline of 2 px or more, or a box shadow.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return {key: el.tagName + '#' + (el.id || '') + '|' + (el.getAttribute('href') || el.getAttribute('name') || '') + '|' + (el.textContent || '').trim().slice(0, 40),
          visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
          ring: outline || (s.boxShadow && s.boxShadow !== 'none')};
}"""

WALKED = ["", "dobra-praxe/", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/", "kraje/", "hledani/?q=komunitni",
          "prohlaseni-o-pristupnosti/"]


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900}, is_mobile=request.param < 500, locale="cs-CZ")
    pg = context.new_page()
    yield pg
    context.close()


def walk(page: Page, key: str, limit: int = 400) -> list[dict]:
    """Press Tab (or Shift+Tab) until focus leaves the page; every stop is recorded."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = page.evaluate(FOCUSED)
        if now is None:
            return stops
        if stops and now["key"] == stops[0]["key"]:
            return stops
        stops.append(now)
    raise AssertionError(f"{key}: fokus po {limit} stisknutích stránku neopustil (past?): {[s['key'] for s in stops[-5:]]}")


@pytest.mark.parametrize("path", WALKED)
def test_tab_walk_has_visible_focus_and_no_trap(page, base_url, path):
    page.goto(base_url + path)
    wait_ready(page)
    forward = walk(page, "Tab")
    assert len(forward) > 5
    assert forward[0]["key"] == "A#|#hlavni-obsah|Přeskočit na obsah"   # the skip link comes first
    assert [s["key"] for s in forward if not s["visible"]] == []
    assert [s["key"] for s in forward if not s["ring"]] == []
    # Back from the end with Shift+Tab: the same stops in reverse order (nothing that lets in but not out).
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    backward = walk(page, "Shift+Tab")
    assert [s["key"] for s in backward] == [s["key"] for s in reversed(forward)]


def test_skip_link_moves_to_the_content(page, base_url):
    page.goto(base_url + "dobra-praxe/podpora-komunitni-prace-v-msk-ii/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Přeskočit na obsah"
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["y"] >= 0   # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#hlavni-obsah"
    # The target is right before the article (above its heading and the facts panel) ...
    assert page.evaluate("() => document.getElementById('hlavni-obsah').nextElementSibling.matches('article.md-content__inner')")
    page.keyboard.press("Tab")   # ... so the next stop is inside the article, not back in the header or the side menu
    assert page.evaluate("() => !!document.activeElement.closest('article.md-content__inner')")


def focus_by_tab(page: Page, selector: str, limit: int = 200) -> None:
    """Tab from the top of the page until the element is focused (it must be reachable by keyboard)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} není dosažitelný klávesou Tab")


def test_header_search_by_keyboard(page, base_url):
    page.goto(base_url)
    field = "header input[type=search], header [role=combobox], header input[name=q]"
    focus_by_tab(page, field)
    page.keyboard.type("velke hamry")
    page.keyboard.press("Escape")          # closes suggestions or clears; focus stays in the field
    assert page.evaluate("s => document.activeElement.matches(s)", field)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement.matches(s)", field)
    page.keyboard.press("Control+a")
    page.keyboard.type("velke hamry")
    page.keyboard.press("Enter")
    page.wait_for_url("**/hledani/**")
    assert "q=velke" in page.url


def test_catalogue_filters_by_keyboard(page, base_url):
    page.goto(base_url + "dobra-praxe/")
    summary = ".kp-filters__box > summary"
    if not page.locator(".kp-filters__box").evaluate("d => d.open"):
        focus_by_tab(page, summary)
        page.keyboard.press("Enter")       # a closed filter box (phones) opens with Enter
    else:
        focus_by_tab(page, summary)
    assert page.locator(".kp-filters__box").evaluate("d => d.open")
    focus_by_tab(page, 'input[name="kraj"][value="olomoucky"]', limit=60)
    page.keyboard.press("Space")
    assert page.locator("#kp-result-count").inner_text() == "Zobrazeno 1 z 5 příkladů."
    focus_by_tab(page, ".kp-filters__apply", limit=60)
    page.keyboard.press("Enter")            # "Zobrazit příklady" takes focus to the results
    assert page.evaluate("() => document.activeElement.id") == "seznam-prikladu"
    assert "kraj=olomoucky" in page.url
    page.locator(summary).focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")           # Escape in the open box closes it, focus back on its summary
    assert not page.locator(".kp-filters__box").evaluate("d => d.open")
    assert page.evaluate("s => document.activeElement.matches(s)", summary)


def test_phone_menu_opens_and_closes_by_keyboard(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "dobra-praxe/")
    button = "header button.kp-drawer-button"
    focus_by_tab(page, button, limit=10)
    assert page.locator(button).get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.locator("#__drawer").is_checked()
    assert page.locator(button).get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("s => document.activeElement.matches(s)", button)
    page.keyboard.press("Space")
    assert page.locator("#__drawer").is_checked()
    context.close()


def test_proposal_form_by_keyboard_when_present(browser, base_url, built_site):
    """The editors' proposal form (when the site has it): every field reached by Tab, visible focus, no trap."""
    if not (built_site / "jak-prispet/novy-pripad/index.html").is_file():
        assert "jak-prispet/novy-pripad/" not in pages(built_site)
        return
    page = browser.new_page()
    page.goto(base_url + "jak-prispet/novy-pripad/")
    wait_ready(page)
    stops = walk(page, "Tab")
    fields = page.evaluate("() => [...document.querySelectorAll('main form input:not([type=hidden]), main form select, main form textarea, main form button')]"
                           ".filter(e => !e.disabled && e.getClientRects().length).length")
    reached = sum(1 for s in stops if s["key"].split("#")[0] in ("INPUT", "SELECT", "TEXTAREA", "BUTTON"))
    assert reached >= fields
    assert [s["key"] for s in stops if not s["ring"]] == []
    page.close()


STRUCTURE = """() => {
  const count = sel => document.querySelectorAll(sel).length;
  const heads = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => h.getClientRects().length || h.closest('details'));
  const levels = heads.map(h => +h.tagName[1]);
  const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length;
  const navs = [...document.querySelectorAll('nav')].map(n => n.getAttribute('aria-label') || n.getAttribute('aria-labelledby') || '');
  return {lang: document.documentElement.lang, main: count('main'), banner: count('body > header, .md-header'),
          footer: count('footer'), h1: count('h1'), first: levels[0], skips, unnamedNav: navs.filter(n => !n).length,
          inMain: !!document.querySelector('main h1'), title: document.title};
}"""


def test_landmarks_and_heading_order_on_every_page(browser, base_url, built_site):
    page = browser.new_page()
    found = {}
    for path in pages(built_site):
        page.goto(base_url + path)
        wait_ready(page)
        found[path] = page.evaluate(STRUCTURE)
    page.close()
    wrong = {p: s for p, s in found.items()
             if not (s["lang"] == "cs" and s["main"] == 1 and s["banner"] == 1 and s["footer"] == 1 and s["h1"] == 1
                     and s["first"] == 1 and s["skips"] == 0 and s["unnamedNav"] == 0 and s["inMain"] and s["title"])}
    assert wrong == {}
