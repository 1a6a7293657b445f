"""Catalogue facets: which values each case has for region, method, target group, programme, state, year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from portal.content.documents import Collection, Document
from portal.content.model import Case


@dataclass(frozen=True)
class Facet:
    """A filter of the catalogue: URL parameter, Czech legend, and how to read a case's values."""

    key: str
    legend: str
    values: Callable[[Document[Case], Collection], list[str]]
    label: Callable[[str, Collection], str]


def is_ongoing(doc: Document[Case], today: date) -> bool | None:
    """A project is ongoing when it ends today or later, over when it ended; None when no source gives its end."""
    end = doc.model.project.end
    return None if end is None else end.last >= today


def project_state(doc: Document[Case], today: date) -> str:
    """'probiha', 'ukonceno', or 'neuvedeno' when the end date is not known."""
    ongoing = is_ongoing(doc, today)
    return "neuvedeno" if ongoing is None else "probiha" if ongoing else "ukonceno"


def _start_year(doc: Document[Case], _: Collection) -> list[str]:
    start = doc.model.project.start
    return [start.text[:4]] if start else []


# What a case says of itself: the catalogue's first facets and the search results' filters (portal.search.index).
CASE_FACETS: tuple[Facet, ...] = (
    Facet("kraj", "Kraj", lambda d, c: [d.model.region] if d.model.region else [],
          lambda v, c: c.vocab.name("regions", v)),
    Facet("metoda", "Metoda", lambda d, c: [m for m in d.model.methods if c.method(m)],
          lambda v, c: m.title if (m := c.method(v)) else v),
    Facet("skupina", "Cílová skupina", lambda d, c: list(d.model.target_groups),
          lambda v, c: c.vocab.name("target_groups", v)),
    Facet("program", "Program", lambda d, c: [d.model.project.programme] if d.model.project.programme else [],
          lambda v, c: c.vocab.name("programmes", v)),
)


def facets(today: date) -> list[Facet]:
    """The catalogue's facets in display order: the case's own, then its state on that day and its start year."""
    return [
        *CASE_FACETS,
        Facet("stav", "Stav projektu", lambda d, c: [project_state(d, today)],
              lambda v, c: {"probiha": "Probíhá", "ukonceno": "Ukončený", "neuvedeno": "Konec neuveden"}[v]),
        Facet("rok", "Rok zahájení", _start_year, lambda v, c: v),
    ]


def facet_values(collection: Collection, facet: Facet) -> list[tuple[str, str, int]]:
    """(value, label, number of cases) of one facet, in a stable reader-friendly order."""
    counts = Counter(v for case in collection.cases for v in facet.values(case, collection))
    if facet.key == "rok":
        order = sorted(counts, reverse=True)
    elif facet.key == "kraj":
        order = [c for c in collection.vocab.codes("regions") if c in counts]
    else:
        order = sorted(counts, key=lambda v: facet.label(v, collection).casefold())
    return [(v, facet.label(v, collection), counts[v]) for v in order]
