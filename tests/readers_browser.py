"""Browser fixtures of the readers' tests: Debian's Chromium at desktop and phone width (390 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_TITLES = ".kp-results .kp-result__title"


@pytest.fixture(params=list(WIDTHS))
def page(request, browser) -> Page:
    """A page at desktop width and at phone width (a touch device of 390 px)."""
    phone = request.param == "phone"
    context = browser.new_context(locale="cs-CZ", viewport=WIDTHS[request.param], is_mobile=phone, has_touch=phone)
    pg = context.new_page()
    yield pg
    context.close()


def results(page: Page, query: str) -> list[str]:
    """The titles of the search page's results once they are shown for this query."""
    page.wait_for_selector(".kp-results__message")
    page.wait_for_function("q => document.querySelector('.kp-results__message').textContent.includes(q)", arg=query)
    page.wait_for_timeout(300)
    return [" ".join(t.split()) for t in page.locator(PAGE_TITLES).all_inner_texts()]


def overflow(page: Page) -> list[str]:
    """Elements that stick out of the viewport to the right (a page that scrolls sideways on a phone)."""
    return page.evaluate("""() => { const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right > w + 1
        && !e.closest('.md-typeset__scrollwrap')).map(e => e.tagName + '.' + e.className).slice(0, 5); }""")
