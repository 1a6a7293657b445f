"""Bar charts of the statistics, drawn at build time as plain SVG with a title, a text summary and their data table.

The SVG has no viewBox: its units are CSS pixels, so labels stay legible at any width while the bars
are sized in percent of the width. Bars only draw the numbers of portal.content.statistics; the table beside a
chart carries the same numbers for screen readers, copying and phones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from portal import paths
from portal.content.documents import Collection
from portal.content.statistics import Statistics
from portal.czech.formats import (
    czk,
    decimal_one_place,
    number,
    percent,
    plural,
    plural_form,
)
from portal.web.templating import render

ROW = 46          # px per bar: a label line, then the bar with its value
BAR_SPAN = 68     # the longest bar takes this percentage of the width; the rest is room for its value
LABEL_CHARS = 48  # longer labels are shortened in the picture (the table has them whole)


@dataclass(frozen=True)
class Bar:
    """One bar: the category's code and Czech label, its value, the value as the picture shows it, its table cells."""

    key: str
    label: str
    value: Decimal
    shown: str
    cells: tuple[str, ...]  # the table row after the label: the value in full, then any further figures
    href: str | None = None


@dataclass
class Chart:
    """A chart: its id (for anchors and ARIA), title, summary sentence(s), table headings and bars."""

    id: str
    title: str
    summary: str
    columns: tuple[str, ...]  # table headings: the category, then one per cell of a bar
    bars: list[Bar] = field(default_factory=list)

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW

    def rows(self) -> list[dict]:
        """Geometry of each bar: y position and width in percent of the chart's width."""
        top = max((b.value for b in self.bars), default=Decimal(0)) or Decimal(1)
        out = []
        for i, bar in enumerate(self.bars):
            width = float(bar.value / top * BAR_SPAN)
            label = bar.label if len(bar.label) <= LABEL_CHARS else bar.label[: LABEL_CHARS - 1].rstrip() + "…"
            out.append({"bar": bar, "y": i * ROW, "width": round(width, 2), "label": label})
        return out


def cases(n: int) -> str:
    """'1 příklad', '3 příklady', '5 příkladů'."""
    return plural(n, "příklad", "příklady", "příkladů")


def verb(n: int, singular: str, plural: str) -> str:
    """Czech agreement with a number as subject: 'uvádí 1', 'uvádějí 3', 'uvádí 5'."""
    return plural_form(n, singular, plural, singular)


def _leaders(bars: list[Bar]) -> tuple[list[Bar], int]:
    top = max((b.value for b in bars), default=Decimal(0))
    return [b for b in bars if b.value == top and top > 0], int(top)


def _names(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " a " + labels[-1]


def _count_bar(key: str, label: str, n: int, href: str | None = None, *more: str) -> Bar:
    return Bar(key, label, Decimal(n), number(n), (number(n), *more), href)


def region_chart(s: Statistics, collection: Collection, link: Callable[[str], str]) -> Chart:
    """Cases by region: the regions that have a case, in the vocabulary's order; the others named in the summary."""
    vocab = collection.vocab
    bars = [_count_bar(code, vocab.name("regions", code), t.cases, link(paths.region_page(code)), number(t.municipality_count))
            for code, t in s.by_region.items()]
    leaders, top = _leaders(bars)
    empty = [vocab.name("regions", c) for c in vocab.codes("regions") if c not in s.by_region]
    if not bars:
        summary = "Zatím tu není žádný příklad dobré praxe."
    else:
        summary = f"Kraje s alespoň jedním příkladem: {len(bars)} (krajů je celkem {len(vocab.codes('regions'))}). "
        if len(leaders) == len(bars):
            summary += f"Každý z nich má {cases(top)}." if len(bars) > 1 else f"Je to {leaders[0].label} ({cases(top)})."
        elif len(leaders) == 1:
            summary += f"Nejvíce příkladů má {leaders[0].label} ({cases(top)})."
        else:
            summary += f"Nejvíce příkladů ({cases(top)}) mají {_names([b.label for b in leaders])}."
        if empty:
            summary += f" Bez příkladu jsou zatím: {', '.join(empty)}."
    return Chart("graf-kraje", "Příklady podle krajů", summary, ("Kraj", "Příklady", "Obce"), bars)


def method_chart(s: Statistics, collection: Collection, link: Callable[[str], str]) -> Chart:
    """Cases by method: every method of the portal, also one no case uses yet (a case may use several)."""
    bars = []
    for m in collection.methods:
        t = s.by_method.get(m.slug)
        bars.append(_count_bar(m.slug, m.title, t.cases if t else 0, link(m.url)))
    leaders, top = _leaders(bars)
    without = sum(1 for c in collection.cases if not any(collection.method(x) for x in c.model.methods))
    if not top:
        summary = "Zatím žádný příklad neuvádí metodu z portálu."
    else:
        names = [f"„{b.label}“" for b in leaders]
        summary = (f"Nejčastěji uváděná metoda je {names[0]} ({cases(top)}). " if len(names) == 1
                   else f"Nejčastěji uváděné metody jsou {_names(names)}: každou {verb(top, 'uvádí', 'uvádějí')} {cases(top)}. ")
        summary += "Jeden příklad může používat více metod, proto součet neodpovídá počtu příkladů."
        if without:
            summary += f" Žádnou metodu z portálu {verb(without, 'neuvádí', 'neuvádějí')} {cases(without)}."
    return Chart("graf-metody", "Příklady podle metod", summary, ("Metoda", "Příklady"), bars)


def year_chart(s: Statistics) -> Chart:
    """Cases by the year their project started, oldest first; cases without a start year last."""
    bars = [_count_bar(year, year, t.cases) for year, t in s.by_year.items()]
    years = [b for b in bars if b.key != "neuvedeno"]
    leaders, top = _leaders(years)
    unknown = s.by_year.get("neuvedeno")
    if not years:
        summary = "Zatím žádný příklad neuvádí rok zahájení projektu."
    else:
        summary = (f"Nejstarší projekt začal v roce {years[0].key}, nejnovější v roce {years[-1].key}. " if len(years) > 1
                   else f"Všechny projekty s uvedeným rokem začaly v roce {years[0].key}. ")
        if len(years) > 1:
            summary += (f"Nejvíce projektů začalo v roce {leaders[0].key} ({cases(top)})." if len(leaders) == 1
                        else f"Nejvíce projektů ({cases(top)}) začalo v letech {_names([b.key for b in leaders])}.")
        if unknown:
            summary += f" Rok zahájení {verb(unknown.cases, 'neuvádí', 'neuvádějí')} {cases(unknown.cases)}."
    return Chart("graf-roky", "Příklady podle roku zahájení", summary.strip(), ("Rok zahájení", "Příklady"), bars)


def short_czk(amount: Decimal) -> str:
    """A chart label for money: '12,2 mil. Kč'; below a million the amount in whole crowns."""
    if amount >= 1_000_000:
        return decimal_one_place(amount / 1_000_000) + "\u00a0mil.\u00a0Kč"
    return czk(amount.quantize(Decimal(1)))


def funding_chart(s: Statistics, collection: Collection) -> Chart:
    """Funding by source, summed over the cases that state their budget, largest source first."""
    vocab = collection.vocab
    total = s.total.funding
    items = sorted(s.by_source.items(), key=lambda kv: -kv[1])
    bars = [Bar(code, vocab.name("funding_sources", code), amount, short_czk(amount), (czk(amount), percent(amount, total)))
            for code, amount in items]
    if not bars:
        summary = "Zatím žádný příklad neuvádí svůj rozpočet."
    else:
        first = bars[0]
        funded = s.total.funded
        summary = (f"Rozpočet {verb(funded, 'uvádí', 'uvádějí')} {funded} z {cases(s.total.cases)}, dohromady {czk(total)}. "
                   f"Největší část pochází ze zdroje {first.label}: {czk(first.value)} ({percent(first.value, total)}). "
                   f"Z evropských zdrojů je {percent(s.total.eu, total)} těchto prostředků.")
    return Chart("graf-financovani", "Financování podle zdrojů", summary, ("Zdroj", "Částka", "Podíl"), bars)


def charts(s: Statistics, collection: Collection, link: Callable[[str], str]) -> list[Chart]:
    """The charts of the statistics page, in reading order."""
    return [region_chart(s, collection, link), method_chart(s, collection, link), year_chart(s), funding_chart(s, collection)]


def chart_html(chart: Chart, heading: str = "h2") -> str:
    """One chart: heading, summary, the SVG picture and its data table."""
    return render("chart.html", chart=chart, heading=heading)
