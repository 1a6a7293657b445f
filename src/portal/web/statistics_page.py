"""The statistics page: headline figures, charts with their tables, and the tables without a chart, all from portal.content.statistics."""

from __future__ import annotations

from collections.abc import Callable

from portal import paths
from portal.content.documents import Collection
from portal.content.statistics import compute
from portal.czech.formats import czk, percent
from portal.web.charts import chart_html, charts
from portal.web.templating import render, safe


def _same(url: str) -> str:
    return url


def statistics_html(collection: Collection, link: Callable[[str], str] = _same) -> str:
    """Headline figures, the charts (regions, methods, start years, funding sources) and the programme and regional funding tables."""
    s = compute(collection)
    t = s.total
    vocab = collection.vocab
    headline = [
        ("Příklady dobré praxe", str(t.cases)),
        ("Metodiky", str(len(collection.methods))),
        ("Zapojené obce", str(t.municipality_count)),
        ("Financování celkem", t.funding_label()),
        ("Z toho prostředky EU", f"{czk(t.eu)} ({percent(t.eu, t.funding)})"),
        ("Indikátory splněné / se známým výsledkem / stanovené", f"{s.indicators_met} / {s.indicators_known} / {s.indicators_set}"),
    ]
    programmes = [("neuvedeno" if code == "neuvedeno" else vocab.name("programmes", code), g) for code, g in s.by_programme.items()]
    regions = [(vocab.name("regions", code), link(paths.region_page(code)), g) for code, g in s.by_region.items()]
    return render("statistics.html", headline=headline, charts=[safe(chart_html(c)) for c in charts(s, collection, link)],
                  programmes=programmes, regions=regions)
