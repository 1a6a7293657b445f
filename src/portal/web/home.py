"""The home page's parts: a search form that works without script, key numbers from the content, the newest cases, the call to contribute."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from portal import paths
from portal.content.documents import Collection, Document
from portal.content.model import Case
from portal.content.statistics import compute
from portal.czech.formats import number, plural_form
from portal.web.catalogue import cards
from portal.web.templating import render

Link = Callable[[str], str]

SUGGEST_URL = paths.NEW_CASE_FORM  # the editors' form for a new case
SEARCH_URL = paths.SEARCH


def search_form(link: Link) -> str:
    """A plain GET form to the search page (?q=…); the header's search-as-you-type script enhances it (data-search-combobox)."""
    return render("home_search.html", action=link(SEARCH_URL))


def key_numbers(collection: Collection, link: Link) -> str:
    """Cases, municipalities (counted as the statistics count them), regions with a case, methods and videos."""
    s = compute(collection)
    n_cases, n_towns, n_regions, n_methods = s.total.cases, s.total.municipality_count, len(s.by_region), len(collection.methods)
    items = [
        (link(paths.CATALOGUE), number(n_cases), plural_form(n_cases, "příklad dobré praxe", "příklady dobré praxe", "příkladů dobré praxe"), "cases"),
        (link(paths.STATISTICS), number(n_towns), plural_form(n_towns, "zapojená obec", "zapojené obce", "zapojených obcí"), "municipalities"),
        (link(paths.REGIONS), number(n_regions), plural_form(n_regions, "kraj s příklady", "kraje s příklady", "krajů s příklady"), "regions"),
        (link(paths.METHODS), number(n_methods), plural_form(n_methods, "metodika", "metodiky", "metodik"), "methods"),
    ]
    return render("home_numbers.html", items=items)


def newest(collection: Collection, dates: Mapping[str, tuple[datetime, datetime]], count: int = 3) -> list[Document[Case]]:
    """The cases added to the portal last (first commit of the file, portal.content.history); ties by the project's start, latest first."""
    epoch = datetime.min

    def key(doc: Document[Case]) -> tuple:
        created = dates.get(doc.path, (None, None))[0]
        return (created.replace(tzinfo=None) if created else epoch, str(doc.model.project.start or ""), doc.slug)

    return sorted(collection.cases, key=key, reverse=True)[:count]


def newest_cases(collection: Collection, dates: Mapping[str, tuple[datetime, datetime]], link: Link, today: date, count: int = 3) -> str:
    """The newest cases as catalogue cards, and a link to all of them."""
    return render("home_newest.html", cards=cards(collection, link, today, newest(collection, dates, count)), catalogue=link(paths.CATALOGUE), total=len(collection.cases))


def suggest_case(link: Link) -> str:
    """The call to contribute: 'Navrhnout příklad' leads to the form for a new case."""
    return render("home_suggest.html", href=link(SUGGEST_URL))
