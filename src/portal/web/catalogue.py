"""Catalogue cards, facet filters and lists of cases and methods, as escaped HTML with page-relative links."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from html import escape

from portal.content.collection import Collection, Document
from portal.web.facets import facet_values, facets
from portal.web.facts import project_period
from portal.content.schema import ORGANISATION_ROLES

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


# The catalogue at scale: its first page holds PAGE_SIZE cards, static pages /dobra-praxe/strana/<n>/ the rest
# (complete without JavaScript), and the script filters over a compact index (data/katalog.json) and fetches
# the cards of matching cases in chunks of PAGE_SIZE (data/katalog/karty-<n>.json), the same HTML as here.
PAGE_SIZE = 50
INDEX = "data/katalog.json"


def page_count(collection: Collection) -> int:
    """Pages of the catalogue list (at least one, even when it is empty)."""
    return max(1, -(-len(collection.cases) // PAGE_SIZE))


def page_url(n: int) -> str:
    """Site-relative address of list page n (1 is the catalogue itself)."""
    return "dobra-praxe/" if n == 1 else f"dobra-praxe/strana/{n}/"


def page_cases(collection: Collection, n: int) -> list[Document]:
    return collection.cases[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]


def pager(collection: Collection, n: int, link: Link) -> str:
    """Links to every list page; the current one is marked for screen readers (aria-current)."""
    pages = page_count(collection)
    if pages == 1:
        return ""
    items = "".join(f'<li><a href="{link(page_url(k))}" aria-current="page">{k}</a></li>' if k == n else
                    f'<li><a href="{link(page_url(k))}">{k}</a></li>' for k in range(1, pages + 1))
    return (f'<nav class="kp-pager" id="kp-pager" aria-label="Stránky katalogu"><p>Strana {n} z {pages}. '
            f'Příklady lze procházet také <a href="{link("kraje/")}">podle krajů</a>.</p><ul>{items}</ul></nav>')


def catalogue(collection: Collection, link: Link, today: date | None = None) -> str:
    """The catalogue: filters, a live count for screen readers, the first page of cards and links to the other pages."""
    n = len(collection.cases)
    return (filter_form(collection, today)
            + '<h2 class="kp-catalogue__heading" id="seznam-prikladu" tabindex="-1">Seznam příkladů</h2>'
            + f'<p class="kp-result-count" id="kp-result-count" role="status" aria-live="polite">Zobrazeno {n} z {n} příkladů.</p>'
            + f'<div id="kp-catalogue" data-index="{link(INDEX)}" data-total="{n}" data-page-size="{PAGE_SIZE}">'
            + case_cards(collection, link, page_cases(collection, 1), today) + '</div>'
            + '<p class="kp-empty" id="kp-empty" hidden>Zadaným filtrům neodpovídá žádný příklad. Zkuste některý filtr zrušit.</p>'
            + '<p class="kp-more" id="kp-more" hidden><button type="button" class="md-button">Zobrazit další příklady</button></p>'
            + pager(collection, 1, link))


def catalogue_page(collection: Collection, n: int, link: Link, today: date | None = None) -> str:
    """Markdown of list page n (2 and more): its cards and the pager; kept out of search, the cards have pages of their own."""
    pages = page_count(collection)
    first = (n - 1) * PAGE_SIZE + 1
    last = min(n * PAGE_SIZE, len(collection.cases))
    title = f"Příklady dobré praxe – strana {n} z {pages}"
    header = (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
              f"description: {json.dumps(f'Katalog příkladů dobré praxe komunitní práce, příklady {first}–{last}.', ensure_ascii=False)}\n"
              "search_exclude: true\n---\n\n")
    return (f"{header}# {escape(title)}\n\n"
            f'<p>Příklady {first}–{last} z {len(collection.cases)}, seřazené podle názvu. '
            f'Filtrovat je můžete v <a href="{link(page_url(1))}">katalogu</a>.</p>\n\n'
            f"{case_cards(collection, link, page_cases(collection, n), today)}\n\n{pager(collection, n, link)}\n")


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


def catalogue_index(collection: Collection, today: date | None = None) -> str:
    """The compact index the script filters over: per facet its values and a column of every case's value numbers."""
    today = today or date.today()
    active = [f for f in facets(today) if facet_values(collection, f)]
    values = [[v for v, _, _ in facet_values(collection, f)] for f in active]
    columns = []
    for f, vs in zip(active, values):
        pos = {v: i for i, v in enumerate(vs)}
        rows = [[pos[v] for v in f.values(c, collection) if v in pos] for c in collection.cases]
        columns.append({"key": f.key, "values": vs, **facet_column(rows, len(vs))})
    data = {"pageSize": PAGE_SIZE, "total": len(collection.cases), "chunks": "katalog/karty-",  # relative to the index file
            "facets": columns}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def card_chunks(collection: Collection, link: Link, today: date | None = None,
                finish: Callable[[str], str] = lambda html: html) -> list[str]:
    """The cards of each list page as a JSON list of HTML strings (links relative to the catalogue page)."""
    chunks = []
    for n in range(1, page_count(collection) + 1):
        cards = [finish(f"<li>{case_card(c, collection, link, today)}</li>") for c in page_cases(collection, n)]
        chunks.append(json.dumps(cards, ensure_ascii=False, separators=(",", ":")))
    return chunks


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
