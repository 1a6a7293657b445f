"""Statistics computed from the content at build time: never typed by hand."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from portal.content.documents import Collection, Document
from portal.content.model import Case, Funding
from portal.czech.formats import czk


@dataclass
class Totals:
    """Aggregates of a group of cases."""

    cases: int = 0
    funded: int = 0  # cases that state their funding
    municipalities: set[str] = field(default_factory=set)  # named ones, each counted once across cases
    unnamed: int = 0  # municipalities a case counts without naming them (municipality_count minus its named ones)
    funding: Decimal = Decimal(0)
    eu: Decimal = Decimal(0)

    def add(self, doc: Document[Case], collection: Collection) -> None:
        self.cases += 1
        named, unnamed = municipality_total(doc)
        self.municipalities.update(named)
        self.unnamed += unnamed
        funding = doc.model.funding
        if funding:
            self.funded += 1
            self.funding += funding.total
            self.eu += eu_amount(funding, collection)

    @property
    def municipality_count(self) -> int:
        """Named municipalities once each, plus those only counted: a named one is never counted twice."""
        return len(self.municipalities) + self.unnamed

    def funding_label(self) -> str:
        """Total funding in Czech, or 'neuvedeno' when no case of the group states its funding."""
        if not self.funded:
            return "neuvedeno"
        return czk(self.funding) + ("" if self.funded == self.cases else f" (uvádí {self.funded} z {self.cases})")


def municipality_total(doc: Document[Case]) -> tuple[set[str], int]:
    """The named municipalities of a case and how many more it counts without naming them."""
    named = set(doc.model.municipalities)
    count = doc.model.municipality_count or 0
    return named, max(0, count - len(named))


def funding_by_source(cases: list[Document[Case]], collection: Collection) -> dict[str, Decimal]:
    """The amounts of the cases' funding sources added up per source, in the vocabulary's order."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for doc in cases:
        for item in doc.model.funding.sources if doc.model.funding else ():
            sums[item.source] += item.amount
    return {code: sums[code] for code in collection.vocab.codes("funding_sources") if code in sums}


def eu_amount(funding: Funding, collection: Collection) -> Decimal:
    """The part of a case's funding that comes from European sources (statistics, region pages and open data)."""
    return sum((s.amount for s in funding.sources if is_eu(s.source, collection)), Decimal(0))


def is_eu(source: str, collection: Collection) -> bool:
    """A funding source is European when the vocabulary marks it with 'eu: true'."""
    term = collection.vocab.term("funding_sources", source)
    return bool(term and term.extra.get("eu"))


@dataclass
class Statistics:
    """All figures of the statistics page."""

    total: Totals
    by_region: dict[str, Totals]
    by_method: dict[str, Totals]
    by_programme: dict[str, Totals]
    by_year: dict[str, Totals]
    indicators_set: int
    indicators_known: int
    indicators_met: int
    by_source: dict[str, Decimal] = field(default_factory=dict)  # funding per source code, in vocabulary order


_last: tuple[Collection, Statistics] | None = None  # one build's figures: the home, statistics and region pages share them


def compute(collection: Collection) -> Statistics:
    """Aggregate every case once into the totals and each breakdown (once per collection; do not modify the result)."""
    global _last
    if _last is None or _last[0] is not collection:
        _last = (collection, _compute(collection))
    return _last[1]


def _compute(collection: Collection) -> Statistics:
    total = Totals()
    groups: dict[str, dict[str, Totals]] = {k: defaultdict(Totals) for k in ("region", "method", "programme", "year")}
    set_, known, met = 0, 0, 0
    for doc in collection.cases:
        case = doc.model
        total.add(doc, collection)
        keys = {
            "region": [case.region],
            "method": [m for m in case.methods if collection.method(m)],
            "programme": [case.project.programme or "neuvedeno"],
            "year": [str(case.project.start.year) if case.project.start else "neuvedeno"],
        }
        for group, values in keys.items():
            for value in values:
                groups[group][value].add(doc, collection)
        for ind in case.indicators:
            set_ += 1
            if ind.met is not None:
                known += 1
                met += ind.met
    regions = {c: groups["region"][c] for c in collection.vocab.codes("regions") if c in groups["region"]}
    methods = {m.slug: groups["method"][m.slug] for m in collection.methods if m.slug in groups["method"]}
    by_source = funding_by_source(collection.cases, collection)
    return Statistics(total, regions, methods, dict(sorted(groups["programme"].items())),
                      dict(sorted(groups["year"].items())), set_, known, met, by_source)
