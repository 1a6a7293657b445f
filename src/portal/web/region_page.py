"""A region's page: its totals, its cases as cards, its municipalities and funding, and the cases of neighbouring regions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from portal import paths
from portal.content.documents import Collection, Document
from portal.content.model import Case
from portal.content.statistics import Totals, compute, funding_by_source, municipality_total
from portal.czech.formats import czk, percent, plural
from portal.czech.text import fold
from portal.web.catalogue import cards
from portal.web.templating import markdown_page, render

Link = Callable[[str], str]


def neighbours(collection: Collection, code: str) -> list[str]:
    """The regions that border this one (vocabularies.yml, 'neighbours'), in the vocabulary's order."""
    term = collection.vocab.term("regions", code)
    listed = set(term.extra.get("neighbours", []) if term else [])
    return [c for c in collection.vocab.codes("regions") if c in listed]


def municipalities(cases: list[Document[Case]]) -> tuple[list[str], list[tuple[Document[Case], int]]]:
    """The named municipalities of the cases, each once, in Czech alphabetical order; and the cases that count unnamed ones."""
    named: set[str] = set()
    unnamed: list[tuple[Document[Case], int]] = []
    for case in cases:
        names, more = municipality_total(case)
        named |= names
        if more:
            unnamed.append((case, more))
    return sorted(named, key=lambda n: (fold(n), n)), unnamed


def region_page(collection: Collection, code: str, link: Link, today: date) -> str:
    """Markdown of one region's page: totals, the cards of its cases, municipalities, funding by source, neighbours' cases."""
    vocab = collection.vocab
    name = vocab.name("regions", code)
    term = vocab.term("regions", code)
    nuts = term.extra.get("nuts", "") if term else ""
    cases = collection.cases_by_region.get(code, [])
    t = compute(collection).by_region.get(code, Totals())
    facts = [("Příklady dobré praxe", str(t.cases)), ("Zapojené obce", str(t.municipality_count)),
             ("Financování celkem", t.funding_label()), ("Z toho prostředky EU", f"{czk(t.eu)} ({percent(t.eu, t.funding)})" if t.funded else "neuvedeno"),
             ("Kód NUTS 3", nuts)]
    named, unnamed = municipalities(cases)
    sources = [(vocab.name("funding_sources", s), czk(amount), percent(amount, t.funding)) for s, amount in funding_by_source(cases, collection).items()]
    near = []
    for other in neighbours(collection, code):
        theirs = collection.cases_by_region.get(other, [])
        near.append({"name": vocab.name("regions", other), "href": link(paths.region_page(other)), "count": plural(len(theirs), "příklad", "příklady", "příkladů"),
                     "cases": [(link(c.url), c.title) for c in theirs]})
    body = render("region_page.html", facts=facts, cards=cards(collection, link, today, cases),
                  contribute=link(paths.CONTRIBUTE), named=named, unnamed=[(link(c.url), c.title, n) for c, n in unnamed],
                  sources=sources, funded=t.funded, count=t.cases, near=near)
    return markdown_page(name, f"Příklady dobré praxe komunitní práce – {name}.", body)
