"""The fast typography tokeniser gives exactly what the html.parser rewriter gives, on real pages and on any markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.czech.typography import typeset_html
from tests.typography_reference import typeset_html_reference

PIECES = ["v ", "k lidem ", "14 380 663,20 Kč", " 85 %", "1. ledna 2023", "31. 12. 2025", "z. s.", "a", " ", "\n", "&amp;", "&nbsp;",
          "&quot;", "<em>", "</em>", "<strong>k</strong> ", "<a href=\"https://x.cz/a b\" title=\"a > b\">", "</a>", "<br>", "<br/>",
          "</br>", "<code>v lese</code>", "<pre>a b</pre>", "<script>if (a < b) { x = 'v a'; }</script>", "<!-- k poznámce -->",
          "<p class='x'>", "</p>", "https://www.example.cz/v a", "jana@example.cz", "<img src=\"a.png\" alt=\"v domě\">",
          "<svg viewBox=\"0 0 1 1\"><text>v kraji</text></svg>", "<!DOCTYPE html>", "2023", "ledna", "I ", "o "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.booleans())
def test_fast_typography_equals_the_reference(html: str, keep_comments: bool):
    assert typeset_html(html, keep_comments) == typeset_html_reference(html, keep_comments)


def test_real_pages_typeset_the_same(built_site):
    for page in sorted(built_site.rglob("*.html"))[:60]:
        html = page.read_text(encoding="utf-8").replace("\u00a0", " ")
        assert typeset_html(html) == typeset_html_reference(html), page
