"""Catalogue cards and lists of cases and methods, as escaped HTML with page-relative links."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from portal.collection import Collection, Document
from portal.text import period

Link = Callable[[str], str]


def case_card(doc: Document, collection: Collection, link: Link) -> str:
    """One case as a card: title, summary, region, organisation, period, methods."""
    vocab = collection.vocab
    project = doc.get("project", default={})
    when = period(project.get("start"), project.get("end"))
    methods = [collection.method(m).title for m in doc.get("methods", default=[]) if collection.method(m)]
    facts = [
        ("Kraj", vocab.name("regions", doc.get("region", default=""))),
        ("Realizátor", doc.get("organisation", "name", default="")),
        ("Období", when + ("" if project.get("end") or not when else " (probíhá)")),
        ("Metody", ", ".join(methods)),
    ]
    dl = "".join(f"<div><dt>{k}</dt><dd>{escape(v)}</dd></div>" for k, v in facts if v)
    return (f'<article class="kp-card" data-slug="{escape(doc.slug)}">'
            f'<h3 class="kp-card__title"><a href="{link(doc.url)}">{escape(doc.title)}</a></h3>'
            f'<p class="kp-card__summary">{escape(doc.summary)}</p><dl class="kp-card__facts">{dl}</dl></article>')


def case_cards(collection: Collection, link: Link, cases: list[Document] | None = None) -> str:
    """All (or the given) cases as a list of cards; the list works without JavaScript."""
    cases = collection.cases if cases is None else cases
    items = "".join(f"<li>{case_card(c, collection, link)}</li>" for c in cases)
    return f'<ul class="kp-cards" id="kp-cards">{items}</ul>'


def method_list(collection: Collection, link: Link) -> str:
    """All methods with their summary and the number of cases that use them."""
    items = []
    for m in collection.methods:
        n = len(collection.cases_by_method.get(m.slug, []))
        items.append(f'<li><a href="{link(m.url)}"><strong>{escape(m.title)}</strong></a> '
                     f'<span class="kp-count">(příklady: {n})</span><br>{escape(m.summary)}</li>')
    return f'<ul class="kp-methods">{"".join(items)}</ul>'
