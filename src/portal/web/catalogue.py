"""Catalogue cards, facet filters and lists of cases and methods, from templates with page-relative links."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from portal import paths
from portal.content.documents import Collection, Document
from portal.content.model import Case
from portal.content.schema import ORGANISATION_ROLES
from portal.web.facets import facet_values, facets
from portal.web.facts import case_links, project_period
from portal.web.templating import macro, markdown_page, render

Link = Callable[[str], str]


def card(doc: Document[Case], collection: Collection, link: Link, today: date) -> dict[str, Any]:
    """What a card shows of a case: its link, region, organisation, period and methods; its facet values."""
    vocab, case = collection.vocab, doc.model
    methods = [m.title for slug in case.methods if (m := collection.method(slug))]
    facts = [
        ("Kraj", vocab.name("regions", case.region)),
        (ORGANISATION_ROLES.get(case.organisation.role or "realizator", "Realizátor"), case.organisation.name),
        ("Období", project_period(case.project)),
        ("Metody", ", ".join(methods)),
    ]
    data = [(f.key, f.values(doc, collection)) for f in facets(today)]
    return {"case": doc, "href": link(doc.url), "facts": facts, "data": data}


def cards(collection: Collection, link: Link, today: date, cases: list[Document] | None = None) -> list[dict[str, Any]]:
    return [card(c, collection, link, today) for c in (collection.cases if cases is None else cases)]


def filter_groups(collection: Collection, today: date) -> list[tuple[Any, list[tuple[str, str, int]]]]:
    """Each facet that has values, with its values, their labels and the number of cases that have them."""
    groups = [(facet, facet_values(collection, facet)) for facet in facets(today)]
    return [(facet, values) for facet, values in groups if values]


# The catalogue at scale: its first page holds PAGE_SIZE cards, static pages /dobra-praxe/strana/<n>/ the rest
# (complete without JavaScript), and the script filters over a compact index (paths.CATALOGUE_INDEX) and fetches
# the cards of matching cases in chunks of PAGE_SIZE (paths.card_chunk), the same HTML as here.
PAGE_SIZE = 50
INDEX = paths.CATALOGUE_INDEX
page_url = paths.catalogue_page


def page_count(collection: Collection) -> int:
    """Pages of the catalogue list (at least one, even when it is empty)."""
    return max(1, -(-len(collection.cases) // PAGE_SIZE))


def page_cases(collection: Collection, n: int) -> list[Document]:
    return collection.cases[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]


def _pager(collection: Collection, n: int, link: Link) -> dict[str, Any]:
    return {"current": n, "pages": [link(page_url(k)) for k in range(1, page_count(collection) + 1)], "regions": link(paths.REGIONS)}


def pager(collection: Collection, n: int, link: Link) -> str:
    """Links to every list page; the current one is marked for screen readers (aria-current)."""
    if page_count(collection) == 1:
        return ""
    return render("catalogue_pager.html", **_pager(collection, n, link))


def catalogue(collection: Collection, link: Link, today: date) -> str:
    """The catalogue: filters, a live count for screen readers, the first page of cards and links to the other pages."""
    return render("catalogue.html", groups=filter_groups(collection, today), total=len(collection.cases), index=link(INDEX),
                  page_size=PAGE_SIZE, cards=cards(collection, link, today, page_cases(collection, 1)), **_pager(collection, 1, link))


def catalogue_page(collection: Collection, n: int, link: Link, today: date) -> str:
    """Markdown of list page n (2 and more): its cards and the pager; kept out of search, the cards have pages of their own."""
    pages = page_count(collection)
    first = (n - 1) * PAGE_SIZE + 1
    last = min(n * PAGE_SIZE, len(collection.cases))
    body = render("catalogue_page.html", first=first, last=last, total=len(collection.cases), catalogue=link(page_url(1)),
                  cards=cards(collection, link, today, page_cases(collection, n)), **_pager(collection, n, link))
    return markdown_page(f"Příklady dobré praxe – strana {n} z {pages}",
                         f"Katalog příkladů dobré praxe komunitní práce, příklady {first}–{last}.", body, search_exclude=True)


# The index is columnar: per facet one string with a fixed-width code per case, in digits of this alphabet (64
# symbols that JSON never escapes). A facet whose cases have at most one value codes its number plus one (0: none);
# other facets code a set of values, six per digit, the lowest first. 3,000 cases take ~20 kB instead of ~90 kB.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def _digits(number: int, width: int) -> str:
    out = []
    for _ in range(width):
        number, digit = divmod(number, 64)
        out.append(ALPHABET[digit])
    return "".join(out)


def facet_column(rows: list[list[int]], count: int) -> dict[str, object]:
    """One facet's values of every case as a string of fixed-width codes (see ALPHABET)."""
    if all(len(row) <= 1 for row in rows):
        width = 1
        while 64 ** width <= count:
            width += 1
        return {"kind": "one", "width": width, "column": "".join(_digits(row[0] + 1 if row else 0, width) for row in rows)}
    width = max(1, -(-count // 6))
    return {"kind": "set", "width": width, "column": "".join(_digits(sum(1 << v for v in set(row)), width) for row in rows)}


def catalogue_index(collection: Collection, today: date) -> str:
    """The compact index the script filters over: per facet its values and a column of every case's value numbers."""
    active = [f for f in facets(today) if facet_values(collection, f)]
    values = [[v for v, _, _ in facet_values(collection, f)] for f in active]
    columns = []
    for f, vs in zip(active, values, strict=True):
        pos = {v: i for i, v in enumerate(vs)}
        rows = [[pos[v] for v in f.values(c, collection) if v in pos] for c in collection.cases]
        columns.append({"key": f.key, "values": vs, **facet_column(rows, len(vs))})
    data = {"pageSize": PAGE_SIZE, "total": len(collection.cases), "chunks": paths.CARD_CHUNKS,  # relative to the index file
            "facets": columns}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def card_chunks(collection: Collection, link: Link, today: date,
                finish: Callable[[str], str] = lambda html: html) -> list[str]:
    """The cards of each list page as a JSON list of HTML strings (links relative to the catalogue page)."""
    item = macro("case_card.html", "case_card_item")
    chunks = []
    for n in range(1, page_count(collection) + 1):
        items = [finish(item(card(c, collection, link, today))) for c in page_cases(collection, n)]
        chunks.append(json.dumps(items, ensure_ascii=False, separators=(",", ":")))
    return chunks


def method_list(collection: Collection, link: Link) -> str:
    """All methods with their summary and the number of cases that use them."""
    methods = [(m, link(m.url), len(collection.cases_by_method.get(m.slug, []))) for m in collection.methods]
    return render("method_list.html", methods=methods)


def similar_list(cases: list[Document[Case]], collection: Collection, link: Link) -> str:
    """The 'Podobné příklady' section of a case page."""
    if not cases:
        return ""
    return render("similar_cases.html", cases=case_links(cases, collection, link))
