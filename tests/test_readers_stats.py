"""Statistics you can see: every chart draws exactly the numbers of portal.content.statistics, with a title, a summary and its table."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content.collection import load_collection
from portal.content.statistics import compute
from portal.web.statistics_page import statistics_html
from tests.conftest import REPO
from tests.readers_browser import overflow, page  # noqa: F401 - fixtures

CHARTS = {"graf-kraje": "Příklady podle krajů", "graf-metody": "Příklady podle metod", "graf-roky": "Příklady podle roku zahájení",
          "graf-financovani": "Financování podle zdrojů"}


class ChartReader(HTMLParser):
    """Bars (data-key -> data-value) and table rows of every chart section of a statistics page."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: dict[str, dict[str, Decimal]] = {}
        self.rows: dict[str, list[list[str]]] = {}
        self.titles: dict[str, str] = {}
        self._chart: str | None = None
        self._cell: list[str] | None = None
        self._title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id") in CHARTS:
            self._chart = a["id"]
            self.bars[self._chart], self.rows[self._chart] = {}, []
        elif self._chart and tag == "g" and "data-key" in a:
            self.bars[self._chart][a["data-key"]] = Decimal(a["data-value"])
        elif self._chart and tag == "tr" and self.rows[self._chart] is not None:
            self.rows[self._chart].append([])
        elif self._chart and tag in ("td", "th"):
            self._cell = []
        elif self._chart and tag == "title":
            self._title = True

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._title:
            self.titles[self._chart] = data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[self._chart][-1].append("".join(self._cell).replace("\u00a0", " "))
            self._cell = None
        elif tag == "title":
            self._title = False
        elif tag == "section":
            self._chart = None


def read_charts(html: str) -> ChartReader:
    reader = ChartReader()
    reader.feed(html)
    return reader


def expected_bars(collection) -> dict[str, dict[str, Decimal]]:
    """What each chart must draw, straight from portal.content.statistics."""
    s = compute(collection)
    return {
        "graf-kraje": {code: Decimal(t.cases) for code, t in s.by_region.items()},
        "graf-metody": {m.slug: Decimal(s.by_method[m.slug].cases if m.slug in s.by_method else 0) for m in collection.methods},
        "graf-roky": {year: Decimal(t.cases) for year, t in s.by_year.items()},
        "graf-financovani": dict(s.by_source),
    }


def test_real_charts_draw_the_statistics_numbers():
    collection = load_collection(REPO)
    charts = read_charts(statistics_html(collection))
    assert charts.bars == expected_bars(collection)
    assert charts.titles == {k: f"Graf: {v}" for k, v in CHARTS.items()}
    # The funding table: every source's exact amount, and together the total of the headline.
    s = compute(collection)
    assert sum(charts.bars["graf-financovani"].values()) == s.total.funding
    amounts = [row[1] for row in charts.rows["graf-financovani"][1:]]
    assert amounts == ["12 223 563,72 Kč", "2 481 452 Kč", "1 438 066,32 Kč", "719 033,16 Kč", "437 903 Kč"]


def test_region_table_gives_cases_and_municipalities_as_counted_by_the_statistics():
    collection = load_collection(REPO)
    s = compute(collection)
    rows = read_charts(statistics_html(collection)).rows["graf-kraje"][1:]
    assert rows == [[collection.vocab.name("regions", c), str(t.cases), str(t.municipality_count)] for c, t in s.by_region.items()]


def test_empty_portal_has_honest_charts(root):
    (root / "methods" / "komunitni-planovani.md").unlink()
    html = statistics_html(load_collection(root))
    for sentence in ("Zatím tu není žádný příklad dobré praxe.", "Zatím žádný příklad neuvádí metodu z portálu.",
                     "Zatím žádný příklad neuvádí rok zahájení projektu.", "Zatím žádný příklad neuvádí svůj rozpočet."):
        assert sentence in html


REGIONS = ["liberecky", "olomoucky", "zlinsky", "vysocina"]
SOURCES = ["esf", "statni-rozpocet", "obec", "vlastni"]
case_specs = st.lists(st.fixed_dictionaries({
    "region": st.sampled_from(REGIONS),
    "methods": st.lists(st.sampled_from(["komunitni-planovani", "mapovani-potreb"]), unique=True, max_size=2),
    "start": st.one_of(st.none(), st.integers(2014, 2026).map(str)),
    "funding": st.lists(st.tuples(st.sampled_from(SOURCES), st.integers(1, 10**9).map(lambda h: Decimal(h) / 100)), max_size=3,
                        unique_by=lambda t: t[0]),
}), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case_specs)
def test_any_content_charts_equal_the_statistics(root, write, cases):
    """Whatever the cases say, the charts draw exactly what portal.content.statistics computes."""
    for path in (root / "good_practice").glob("*.md"):
        path.unlink()
    write("methods/mapovani-potreb.md", "---\ntitle: Mapování potřeb\nsummary: Zjišťování potřeb obyvatel.\n---\n\nText.\n")
    for i, case in enumerate(cases):
        lines = [f"title: Příklad {i}", "summary: Shrnutí.", f"region: {case['region']}", "organisation: {name: Spolek}",
                 "sources: [{title: Zdroj, url: 'https://www.example.cz/', accessed: 2026-11-23}]"]
        if case["methods"]:
            lines.append(f"methods: [{', '.join(case['methods'])}]")
        if case["start"]:
            lines.append(f"project: {{start: '{case['start']}'}}")
        if case["funding"]:
            total = sum(a for _, a in case["funding"])
            lines.append(f"funding: {{total: {total}, sources: [{', '.join(f'{{source: {s}, amount: {a}}}' for s, a in case['funding'])}]}}")
        write(f"good_practice/pripad-{i}.md", "---\n" + "\n".join(lines) + "\n---\n\nText.\n")
    collection = load_collection(root)
    assert collection.problems == []
    assert read_charts(statistics_html(collection)).bars == expected_bars(collection)


# ---------- in Chromium, at desktop and phone width ----------

@pytest.mark.browser
def test_charts_have_accessible_names_summaries_and_the_statistics_numbers(page, base_url):  # noqa: F811
    from playwright.sync_api import expect

    collection = load_collection(REPO)
    expected = expected_bars(collection)
    page.goto(base_url + "statistiky/")
    for chart_id, title in CHARTS.items():
        picture = page.get_by_role("img", name=f"Graf: {title}", exact=True)
        expect(picture).to_have_count(1)
        summary = page.locator(f"#{chart_id}-shrnuti").inner_text()
        expect(picture).to_have_accessible_description(summary)
        drawn = picture.locator("g").evaluate_all("gs => gs.map(g => [g.dataset.key, g.dataset.value])")
        assert {k: Decimal(v) for k, v in drawn} == expected[chart_id]
        table = page.locator(f"#{chart_id} table")
        expect(table.locator("caption")).to_have_text(f"{title} (tabulka)")
        # Numbers right-aligned with tabular figures, and the table fits the screen.
        style = table.locator("td").first.evaluate("td => [getComputedStyle(td).textAlign, getComputedStyle(td).fontVariantNumeric]")
        assert style == ["right", "tabular-nums"]
        assert table.evaluate("t => t.getBoundingClientRect().right") <= page.viewport_size["width"]
    counts = page.locator("#graf-kraje .kp-chart__value").evaluate_all("els => els.map(e => e.textContent)")
    assert counts == [str(int(v)) for v in expected["graf-kraje"].values()]
    assert overflow(page) == []
