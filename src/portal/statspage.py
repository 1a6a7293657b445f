"""The statistics page's tables, rendered from portal.stats."""

from __future__ import annotations

from html import escape

from portal.collection import Collection
from portal.stats import Totals, compute
from portal.text import czk, percent


def _table(caption: str, first: str, rows: dict[str, Totals], label) -> str:  # noqa: ANN001
    body = "".join(
        f'<tr><th scope="row">{escape(label(k))}</th><td>{t.cases}</td><td>{t.municipality_count}</td>'
        f"<td>{t.funding_label()}</td><td>{czk(t.eu) if t.funded else 'neuvedeno'}</td></tr>" for k, t in rows.items())
    return (f'<table class="kp-stats"><caption>{escape(caption)}</caption><thead><tr><th scope="col">{escape(first)}</th>'
            '<th scope="col">Příklady</th><th scope="col">Obce</th><th scope="col">Financování</th><th scope="col">Z toho EU</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def statistics_html(collection: Collection) -> str:
    """Headline figures and the breakdowns by region, method, programme and year."""
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
    dl = "".join(f'<div><dt>{escape(k)}</dt><dd data-stat="{i}">{escape(v)}</dd></div>' for i, (k, v) in enumerate(headline))

    def programme(code: str) -> str:
        return "neuvedeno" if code == "neuvedeno" else vocab.name("programmes", code)

    return "\n".join([
        f'<dl class="kp-totals">{dl}</dl>',
        _table("Podle krajů", "Kraj", s.by_region, lambda c: vocab.name("regions", c)),
        _table("Podle metod", "Metoda", s.by_method, lambda m: collection.method(m).title),
        _table("Podle programů", "Program", s.by_programme, programme),
        _table("Podle roku zahájení", "Rok", s.by_year, str),
    ])
