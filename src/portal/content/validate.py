"""Validation of parsed documents against the schema, plus rules the schema cannot express.

Schema errors from jsonschema are translated to Czech messages that say what was expected, what
came, and the closest valid value. Each extra rule is a small pure function whose docstring is the
rule; per-document rules take one document, collection rules take all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from portal.content.kinds import KINDS
from portal.content.messages import did_you_mean, message
from portal.content.placeholders import rule_no_placeholders
from portal.content.problems import FILE, LIMIT, Problem
from portal.content.rules.body import structure_problems
from portal.content.rules.html import html_problems
from portal.content.rules.limits import size_problems
from portal.content.rules.links import Link, links, target_problems
from portal.content.schema_check import date_range, kind_schema, schema_problems
from portal.content.vocabulary import Vocabulary
from portal.czech.formats import czk
from portal.czech.text import SLUG_RE, shown, slugify, suggest

if TYPE_CHECKING:
    from portal.content.documents import Document

# ---------------------------------------------------------------------------------------------
# Rules beyond the schema: one pure function each, the docstring is the rule
# ---------------------------------------------------------------------------------------------

DocRule = Callable[["Document"], Iterable[Problem]]


def rule_slug(doc: Document) -> Iterator[Problem]:
    """The file name (the slug in the page address) uses only lower-case letters without diacritics, digits and hyphens."""
    if not SLUG_RE.match(doc.slug):
        yield Problem(doc.path, 1, FILE, f"neplatný název souboru '{doc.slug}.md'; název smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky; myslel/a jste '{slugify(doc.slug) or 'pripad'}.md'?")


def rule_summary_is_one_paragraph(doc: Document) -> Iterator[Problem]:
    """The summary is a single paragraph: no empty line inside it."""
    summary = doc.meta.get("summary")
    if isinstance(summary, str) and re.search(r"\n\s*\n", summary.strip()):
        yield doc.problem(("summary",), message("summary_paragraph"))


def rule_period_in_order(doc: Document) -> Iterator[Problem]:
    """A project ends on or after the day it starts."""
    project = doc.meta.get("project")
    if not isinstance(project, dict):
        return
    start, end = project.get("start"), project.get("end")
    if isinstance(start, str) and isinstance(end, str):
        s, e = date_range(start), date_range(end)
        if s and e and e[1] < s[0]:
            yield doc.problem(("project", "end"), message("period", end=shown(end), start=shown(start)))


def _money(value: object) -> Decimal | None:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    return None


def rule_money_in_halere(doc: Document) -> Iterator[Problem]:
    """Amounts are in CZK with at most two decimal places (haléře)."""
    funding = doc.meta.get("funding")
    if not isinstance(funding, dict):
        return
    places: list[tuple[tuple, object]] = [(("funding", "total"), funding.get("total"))]
    sources = funding.get("sources")
    if isinstance(sources, list):
        places += [(("funding", "sources", i, "amount"), s.get("amount")) for i, s in enumerate(sources) if isinstance(s, dict)]
    for path, value in places:
        amount = _money(value)
        if amount is not None and amount != amount.quantize(Decimal("0.01")):
            yield doc.problem(path, message("halere", value=shown(value), rounded=amount.quantize(Decimal("0.01"), ROUND_HALF_UP)))


def rule_funding_adds_up(doc: Document) -> Iterator[Problem]:
    """The funding sources add up exactly, to the haléř, to the total."""
    funding = doc.meta.get("funding")
    if not isinstance(funding, dict) or not isinstance(funding.get("sources"), list):
        return
    total = _money(funding.get("total"))
    amounts = [_money(s.get("amount")) if isinstance(s, dict) else None for s in funding["sources"]]
    known = [a for a in amounts if a is not None]
    if total is None or len(known) != len(amounts) or not amounts:
        return  # the schema already reports the missing or malformed amounts
    added = sum(known, Decimal(0))
    if added != total:
        diff = added - total
        yield doc.problem(("funding", "total"), message("funding_sum", added=czk(added), total=czk(total), diff=czk(diff) if diff > 0 else "−" + czk(-diff)))




def _references(schema: dict) -> Iterator[tuple[str, str]]:
    """(field, referenced kind) for every list field whose items name documents of another kind (x-reference)."""
    for name, sub in schema.get("properties", {}).items():
        kind = sub.get("items", {}).get("x-reference") if sub.get("type") == "array" else None
        if kind:
            yield name, kind


def rule_references_exist(docs: list[Document], vocab: Vocabulary) -> Iterator[Problem]:
    """Every value of a field declared as a reference (x-reference) names an existing document of that kind, once."""
    by_kind: dict[str, dict[str, str]] = {}
    for d in docs:
        by_kind.setdefault(d.kind, {})[d.slug] = d.title
    for doc in docs:
        for field, kind in _references(kind_schema(doc.kind, vocab)):
            values = doc.meta.get(field)
            if not isinstance(values, list):
                continue
            titles = by_kind.get(kind, {})
            slugs = sorted(titles)
            noun, accusative, unknown, listed = KINDS[kind].noun, KINDS[kind].accusative, KINDS[kind].unknown, KINDS[kind].listed
            for i, value in enumerate(values):
                if not isinstance(value, str) or value in titles:
                    continue
                others = [s for s in slugs if s not in values]
                guess = suggest(value, slugs, titles)
                if guess is not None and guess in values:  # never suggest what the list already has
                    advice = f"; {noun} '{guess}' je v seznamu už {listed}, tuto položku nejspíš stačí odstranit"
                else:
                    advice = did_you_mean(suggest(value, others, titles))
                if SLUG_RE.match(value):
                    yield doc.problem((field, i), f"{unknown} {noun} '{value}'; očekáváno jedno z: {', '.join(slugs)}{advice}")
                else:
                    yield doc.problem((field, i), f"neplatná hodnota {shown(value)}; uveďte {accusative} názvem souboru bez .md, jedním z: {', '.join(slugs)}{advice}")


def rule_unique_slugs(docs: list[Document]) -> Iterator[Problem]:
    """Two files of the same kind never share a slug, whatever their folder or letter case."""
    seen: dict[tuple[str, str], Document] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        key = (doc.kind, slugify(doc.slug))
        if key in seen:
            yield Problem(doc.path, 1, FILE, f"adresa stránky '{key[1]}' je už použita souborem {seen[key].path}; přejmenujte jeden ze souborů")
        else:
            seen[key] = doc


def own_body_problems(path: str, body: str, first_line: int, folders: dict[str, str]) -> tuple[list[Problem], list[Link]]:
    """The body rules that depend on this file alone, and its links to files of the site, to be checked against them.

    Split from the check of link targets so that the result can be cached by the file's content (portal.content.cache).
    """
    problems = size_problems(path, body, first_line)
    if problems:
        return problems, []  # not parsed any further: the limits are what keep the check fast
    problems += structure_problems(path, body, first_line)
    if any(p.code == LIMIT for p in problems):
        return problems, []  # over a count limit: one message is enough, not one per link
    found: list[Link] = []
    problems += html_problems(path, body, first_line, None, folders, found)
    return problems, list(links(body, first_line)) + found


def link_target_problems(path: str, found: list[Link], files: set[str], folders: dict[str, str]) -> list[Problem]:
    """The links of one file against the files of the repository: safe, and pointing at files that exist."""
    return [p for link in found for p in target_problems(path, link, files, folders)]


def body_problems(path: str, body: str, first_line: int, files: set[str] | None, folders: dict[str, str]) -> list[Problem]:
    """The body's own rules: bounded size and structure, safe raw HTML, safe links to files that exist.

    Checked even when the header cannot be read, so that one YAML slip does not hide the rest.
    """
    problems, found = own_body_problems(path, body, first_line, folders)
    if files is not None:
        problems += link_target_problems(path, found, files, folders)
    return problems

def rule_contact_consent(doc: Document) -> Iterator[Problem]:
    """A contact names a person only with a recorded consent date; a contact without a name names its office."""
    contacts = doc.meta.get("contacts")
    if not isinstance(contacts, list):
        return
    for i, contact in enumerate(contacts):
        if not isinstance(contact, dict):
            continue
        name = contact.get("name")
        if isinstance(name, str) and name.strip() and "consent" not in contact:
            yield doc.problem(("contacts", i, "name"), message("consent", name=shown(name)))
        elif not name and not contact.get("office"):
            yield doc.problem(("contacts", i), message("contact_office"))


def rule_municipality_count(doc: Document) -> Iterator[Problem]:
    """The number of municipalities includes the named ones, so it is never smaller than their count."""
    count, named = doc.meta.get("municipality_count"), doc.meta.get("municipalities")
    if isinstance(count, int) and not isinstance(count, bool) and isinstance(named, list):
        distinct = len({n for n in named if isinstance(n, str)})
        if count < distinct:
            yield doc.problem(("municipality_count",), message("municipality_count", count=count, named=distinct))


DOC_RULES: list[DocRule] = [rule_slug, rule_summary_is_one_paragraph, rule_period_in_order, rule_money_in_halere,
                            rule_funding_adds_up, rule_contact_consent, rule_municipality_count, rule_no_placeholders]


def document_problems(doc: Document, vocab: Vocabulary, folders: dict[str, str]) -> tuple[list[Problem], list[Link]]:
    """Everything about one document that depends on it alone (schema, rules, body), and its links to check later."""
    problems = schema_problems(doc, vocab)
    for rule in DOC_RULES:
        problems += rule(doc)
    body, found = own_body_problems(doc.path, doc.body, doc.source.body_line, folders)
    return problems + body, found


def collection_problems(docs: list[Document], vocab: Vocabulary) -> list[Problem]:
    """Rules over all documents: unique addresses, references to documents that exist."""
    return list(rule_unique_slugs(docs)) + list(rule_references_exist(docs, vocab))
