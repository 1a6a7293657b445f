"""Catalogue cards, facet filters and lists of cases and methods, as escaped HTML with page-relative links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from portal.collection import Collection, Document
from portal.facets import facet_values, facets
from portal.facts import project_period
from portal.schema import ORGANISATION_ROLES

Link = Callable[[str], str]


def case_card(doc: Document, collection: Collection, link: Link, today: date | None = None) -> str:
    """One case as a card: title, summary, region, organisation, period, methods; facet values as data attributes."""
    vocab = collection.vocab
    project = doc.get("project", default={})
    when = project_period(project)
    methods = [collection.method(m).title for m in doc.get("methods", default=[]) if collection.method(m)]
    facts = [
        ("Kraj", vocab.name("regions", doc.get("region", default=""))),
        (ORGANISATION_ROLES.get(doc.get("organisation", "role", default="realizator"), "Realizátor"), doc.get("organisation", "name", default="")),
        ("Období", when),
        ("Metody", ", ".join(methods)),
    ]
    dl = "".join(f"<div><dt>{k}</dt><dd>{escape(v)}</dd></div>" for k, v in facts if v)
    data = "".join(f' data-{f.key}="{escape(" ".join(f.values(doc, collection)))}"' for f in facets(today or date.today()))
    return (f'<article class="kp-card" data-slug="{escape(doc.slug)}"{data}>'
            f'<h3 class="kp-card__title"><a href="{link(doc.url)}">{escape(doc.title)}</a></h3>'
            f'<p class="kp-card__summary">{escape(doc.summary)}</p><dl class="kp-card__facts">{dl}</dl></article>')


def case_cards(collection: Collection, link: Link, cases: list[Document] | None = None, today: date | None = None) -> str:
    """All (or the given) cases as a list of cards; the list works without JavaScript."""
    cases = collection.cases if cases is None else cases
    items = "".join(f"<li>{case_card(c, collection, link, today)}</li>" for c in cases)
    return f'<ul class="kp-cards" data-pagefind-ignore>{items}</ul>'


def filter_form(collection: Collection, today: date | None = None) -> str:
    """Facet checkboxes with counts; hidden until the catalogue script runs (the full list needs no script)."""
    groups = []
    for facet in facets(today or date.today()):
        values = facet_values(collection, facet)
        if not values:
            continue
        boxes = "".join(
            f'<li><label><input type="checkbox" name="{facet.key}" value="{escape(v)}"> '
            f'<span class="kp-facet__label">{escape(label)}</span> <span class="kp-facet__count" data-count-for="{facet.key}={escape(v)}">({n})</span></label></li>'
            for v, label, n in values)
        groups.append(f'<fieldset class="kp-facet"><legend>{escape(facet.legend)}</legend><ul>{boxes}</ul></fieldset>')
    return ('<form class="kp-filters" id="kp-filters" hidden aria-label="Filtry katalogu">'
            '<details class="kp-filters__box" open><summary>Filtrovat příklady</summary>'
            f'<div class="kp-filters__groups">{"".join(groups)}</div>'
            '<button type="submit" class="md-button md-button--primary kp-filters__apply">Zobrazit příklady</button> '
            '<button type="reset" class="md-button kp-filters__reset">Zrušit filtry</button></details></form>')


def catalogue(collection: Collection, link: Link, today: date | None = None) -> str:
    """The catalogue: filters, a live count for screen readers, and every case as a card."""
    n = len(collection.cases)
    return (filter_form(collection, today)
            + '<h2 class="kp-catalogue__heading" id="seznam-prikladu" tabindex="-1">Seznam příkladů</h2>'
            + f'<p class="kp-result-count" id="kp-result-count" role="status" aria-live="polite">Zobrazeno {n} z {n} příkladů.</p>'
            + f'<div id="kp-catalogue">{case_cards(collection, link, today=today)}</div>'
            + '<p class="kp-empty" id="kp-empty" hidden>Zadaným filtrům neodpovídá žádný příklad. Zkuste některý filtr zrušit.</p>')


def method_list(collection: Collection, link: Link) -> str:
    """All methods with their summary and the number of cases that use them."""
    items = []
    for m in collection.methods:
        n = len(collection.cases_by_method.get(m.slug, []))
        items.append(f'<li><a href="{link(m.url)}"><strong>{escape(m.title)}</strong></a> '
                     f'<span class="kp-count">(příklady: {n})</span><br>{escape(m.summary)}</li>')
    return f'<ul class="kp-methods" data-pagefind-ignore>{"".join(items)}</ul>'


def similar_list(cases: list[Document], collection: Collection, link: Link) -> str:
    """The 'Podobné příklady' section of a case page."""
    if not cases:
        return ""
    items = "".join(f'<li><a href="{link(c.url)}">{escape(c.title)}</a> – {escape(collection.vocab.name("regions", c.get("region", default="")))}</li>' for c in cases)
    return f'<section class="kp-similar" data-pagefind-ignore aria-labelledby="podobne-priklady"><h2 id="podobne-priklady">Podobné příklady</h2><ul>{items}</ul></section>'
