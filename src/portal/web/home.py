"""The home page's parts: a search form that works without script, key numbers from the content, the newest cases, the call to contribute."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from portal.web.catalogue import case_cards
from portal.content.collection import Collection, Document
from portal.content.kinds import KINDS
from portal.content.model import Case
from portal.content.history import file_dates
from portal.content.statistics import compute
from portal.web.templating import render
from portal.czech.text import number

Link = Callable[[str], str]

SUGGEST_URL = "jak-prispet/novy-pripad/"  # the editors' form for a new case
SEARCH_URL = "hledani/"


def search_form(link: Link) -> str:
    """A plain GET form to the search page (?q=…); the header's search-as-you-type script enhances it (data-search-combobox)."""
    return render("home_search.html", action=link(SEARCH_URL))


def key_numbers(collection: Collection, link: Link) -> str:
    """Cases, municipalities (counted as the statistics count them), regions with a case, methods and videos."""
    s = compute(collection)
    n_cases, n_towns, n_regions, n_methods = s.total.cases, s.total.municipality_count, len(s.by_region), len(collection.methods)
    items = [
        (link(KINDS["case"].url_prefix + "/"), number(n_cases), _form(n_cases, "příklad dobré praxe", "příklady dobré praxe", "příkladů dobré praxe"), "cases"),
        (link("statistiky/"), number(n_towns), _form(n_towns, "zapojená obec", "zapojené obce", "zapojených obcí"), "municipalities"),
        (link("kraje/"), number(n_regions), _form(n_regions, "kraj s příklady", "kraje s příklady", "krajů s příklady"), "regions"),
        (link(KINDS["method"].url_prefix + "/"), number(n_methods), _form(n_methods, "metodika", "metodiky", "metodik"), "methods"),
    ]
    return render("home_numbers.html", items=items)


def _form(n: int, one: str, few: str, many: str) -> str:
    return one if n == 1 else few if 2 <= n <= 4 else many


def newest(collection: Collection, count: int = 3) -> list[Document[Case]]:
    """The cases added to the portal last (first commit of the file); ties by the project's start, latest first."""
    dates = file_dates(collection.root, [c.path for c in collection.cases])
    epoch = datetime.min

    def key(doc: Document[Case]) -> tuple:
        created = dates.get(doc.path, (None, None))[0]
        return (created.replace(tzinfo=None) if created else epoch, str(doc.model.project.start or ""), doc.slug)

    return sorted(collection.cases, key=key, reverse=True)[:count]


def newest_cases(collection: Collection, link: Link, count: int = 3) -> str:
    """The newest cases as catalogue cards, and a link to all of them."""
    cards = case_cards(collection, link, newest(collection, count))
    return render("home_newest.html", cards=cards, catalogue=link(KINDS["case"].url_prefix + "/"), total=len(collection.cases))


def suggest_case(link: Link) -> str:
    """The call to contribute: 'Navrhnout příklad' leads to the form for a new case."""
    return render("home_suggest.html", href=link(SUGGEST_URL))
