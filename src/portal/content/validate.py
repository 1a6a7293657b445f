"""Validation of parsed documents against the schema, plus rules the schema cannot express.

Schema errors from jsonschema are translated to Czech messages that say what was expected, what
came, and the closest valid value. Each extra rule is a small pure function whose docstring is the
rule; per-document rules take one document, collection rules take all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from portal.content.frontmatter import dotted
from portal.content.kinds import KINDS
from portal.content.messages import message
from portal.content.model import PartialDate
from portal.content.placeholders import rule_no_placeholders
from portal.content.problems import BODY, FILE, Problem
from portal.content.rules.body import (
    Link,
    html_problems,
    level_one_headings,
    links,
    size_problems,
    structure_problems,
    target_problems,
)
from portal.content.schema import schema_for
from portal.content.vocabulary import Vocabulary
from portal.content.weburl import is_web_url as _is_web_url
from portal.czech.text import SLUG_RE, czk, did_you_mean, shown, slugify, suggest

if TYPE_CHECKING:
    from portal.content.collection import Document

# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------

FORMATS = FormatChecker(formats=())
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@FORMATS.checks("email")
def is_email(value: object) -> bool:
    """An e-mail address is name@domain.tld without spaces."""
    return not isinstance(value, str) or bool(_EMAIL.match(value))


@FORMATS.checks("uri")
def is_web_url(value: object) -> bool:
    """A link is an http(s) URL with a host; other schemes (javascript:, data:, file:) are refused."""
    return not isinstance(value, str) or _is_web_url(value)


@FORMATS.checks("partial-date")
def is_partial_date(value: object) -> bool:
    """A date is ISO 8601: YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is not known."""
    return not isinstance(value, str) or date_range(value) is not None


_CZECH_DATE = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
_CZECH_MONTH = re.compile(r"^\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$")


def iso_date(value: str) -> str | None:
    """A date written the Czech way ('1. 3. 2021', '3/2021') in the ISO form the schema wants, if it is a real date."""
    m = _CZECH_DATE.match(value)
    candidate = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else None
    if candidate is None and (m := _CZECH_MONTH.match(value)):
        candidate = f"{m[2]}-{int(m[1]):02d}"
    return candidate if candidate and date_range(candidate) else None


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day that a (partial) ISO date stands for, or None if it is not a real date."""
    parsed = PartialDate.parse(value)
    return None if parsed is None else (parsed.first, parsed.last)


# ---------------------------------------------------------------------------------------------
# Schema errors in Czech
# ---------------------------------------------------------------------------------------------

_TYPES = {"string": "text", "number": "číslo", "integer": "celé číslo", "array": "seznam",
          "object": "skupina polí 'název: hodnota'", "boolean": "true nebo false", "null": "prázdná hodnota"}


def _kind_of(value: object) -> str:
    if value is None:
        return "prázdná hodnota"
    if isinstance(value, bool):
        return "logická hodnota"
    if isinstance(value, (int, Decimal, float)):
        return "číslo"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "seznam"
    return "skupina polí"


def _type_hint(expected: str, value: object) -> str:
    """What to write instead, for the mistakes editors make most."""
    if expected == "string" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return f"; dejte hodnotu do uvozovek: \"{value}\""
    if expected == "string" and isinstance(value, bool):
        return "; hodnoty jako yes/no/on/off dejte do uvozovek"
    if expected == "number" and isinstance(value, str):
        cleaned = value.replace("\u00a0", "").replace(" ", "").replace("Kč", "").rstrip(".-")
        if re.match(r"^\d{1,3}(\.\d{3})+(,\d+)?$", cleaned):  # 1.200.000 or 1.200.000,50: dots group thousands
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
        try:
            return message("number_hint", number=Decimal(cleaned))
        except ArithmeticError:
            return ""
    if expected == "object" and isinstance(value, str) and (m := re.match(r"^([A-Za-z_]+) +(\S.*)$", value)):
        return message("colon_hint", key=m[1], value=m[2])  # 'name "Spolek"' on the line under 'organisation:'
    if expected == "array" and isinstance(value, (str, int, Decimal)):
        return f"; napište seznam, např. [{value}]"
    return ""


def _expected(schema: dict) -> str:
    return schema.get("x-expected") or _TYPES.get(schema.get("type", ""), "")


def _missing(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """Every required field that is missing, each with its own message (not only the first)."""
    path = tuple(error.absolute_path)
    for missing in [k for k in error.validator_value if k not in error.instance]:
        sub = error.schema["properties"].get(missing, {})
        hint = sub.get("x-example")
        example = message("missing_example", key=missing, example=hint) if isinstance(hint, (str, int)) else (
            message("missing_expected", expected=sub["x-expected"]) if sub.get("x-expected") else "")
        yield path + (missing,), message("missing", title=sub.get("title", missing), example=example)


def _translate(error: ValidationError, vocab: Vocabulary) -> tuple[tuple, str] | None:
    """(field path, Czech message) for one jsonschema error; None for errors reported otherwise."""
    path = tuple(error.absolute_path)
    value, schema, kind = error.instance, error.schema, error.validator
    if kind == "additionalProperties":
        return None  # reported per key by _unknown_keys, with each key's own line
    if kind == "type":
        expected = error.validator_value
        if value is None:
            return path, message("empty", expected=_expected(schema))
        return path, message("type", expected=_TYPES.get(expected, expected), kind=_kind_of(value), value=shown(value), hint=_type_hint(expected, value))
    if kind == "enum" and value is None:
        return None  # the type error already says the field is empty
    if kind == "enum":
        section = schema.get("x-vocabulary")
        labels = vocab.labels(section) if section else {}
        choices = ", ".join(map(str, error.validator_value))
        what = f"neznámá hodnota {shown(value)}"
        return path, f"{what}; očekáváno jedno z: {choices}{did_you_mean(suggest(value, error.validator_value, labels))}"
    if kind in ("pattern", "format"):
        if kind == "pattern" and schema.get("format") == "uri" and not is_web_url(value):
            return None  # the format error says it better
        if kind == "pattern" and "x-reference" in schema:
            return None  # rule_references_exist names the document meant
        hint = did_you_mean(iso_date(value)) if schema.get("format") == "partial-date" and isinstance(value, str) else ""
        return path, message("invalid", value=shown(value), expected=_expected(schema), hint=hint)
    if kind in ("minimum", "exclusiveMinimum"):
        return path, message(kind, value=shown(value), limit=error.validator_value)
    if kind == "minLength":
        return path, message("empty", expected=_expected(schema))
    if kind == "maxLength":
        return path, message("maxLength", length=len(value), limit=error.validator_value)
    if kind == "minItems":
        if schema.get("x-expected"):  # a list that must not be empty says what belongs in it
            return path, message("minItems_expected", expected=schema["x-expected"])
        return path, message("minItems")
    if kind == "minProperties":
        return path, message("minProperties")
    if kind == "uniqueItems":
        seen: set[str] = set()
        dupes = []
        for v in value:
            if repr(v) in seen:
                dupes.append(v)
            seen.add(repr(v))
        return path, message("uniqueItems", value=shown(dupes[0]) if dupes else "").replace("  ", " ")
    return path, f"neplatná hodnota {shown(value)} ({error.message})"


def _unknown_keys(meta: Any, schema: dict, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every key the schema does not know, with the closest known key."""
    if isinstance(meta, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        for key, value in meta.items():
            if key in TEMPLATE_KEYS:
                yield path + (key,), "šablony (Jinja) se v příspěvcích nezpracovávají a pole nastavení stránky nejsou povolena; pole odstraňte"
            elif key not in props:
                yield path + (key,), f"neznámé pole; povolená pole jsou: {', '.join(props)}{did_you_mean(suggest(key, props))}"
            else:
                yield from _unknown_keys(value, props[key], path + (key,))
    elif isinstance(meta, list) and schema.get("type") == "array":
        for i, item in enumerate(meta):
            yield from _unknown_keys(item, schema.get("items", {}), path + (i,))


# Page settings of MkDocs and mkdocs-macros that a contributed file could try to set.
TEMPLATE_KEYS = {"render_macros", "template", "hide", "search", "status", "ignore_macros"}

_VALIDATORS: dict[tuple[str, int], Draft202012Validator] = {}


def _validator(kind: str, vocab: Vocabulary) -> Draft202012Validator:
    """One compiled validator per kind for the current vocabulary (a new vocabulary replaces them)."""
    key = (kind, id(vocab))
    if key not in _VALIDATORS:
        for stale in [k for k in _VALIDATORS if k[1] != id(vocab)]:
            del _VALIDATORS[stale]
        _VALIDATORS[key] = Draft202012Validator(schema_for(kind, vocab), format_checker=FORMATS)
    return _VALIDATORS[key]


def schema_problems(doc: Document, vocab: Vocabulary) -> list[Problem]:
    """Every schema violation of one document, each at the line of the offending value."""
    validator = _validator(doc.kind, vocab)
    found: list[tuple[tuple, str]] = list(_unknown_keys(doc.meta, validator.schema))
    for error in validator.iter_errors(doc.meta):
        if error.validator == "required":
            found += _missing(error)
            continue
        translated = _translate(error, vocab)
        if translated:
            found.append(translated)
    broken = doc.source.broken
    return [Problem(doc.path, doc.source.line(path), dotted(path), message) for path, message in found
            if not any(path[: len(b)] == b for b in broken)]


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


def rule_no_level_one_heading(doc: Document) -> Iterator[Problem]:
    """The body has no level-1 heading: the title comes from the header."""
    for line in sorted(set(level_one_headings(doc.body))):
        yield Problem(doc.path, doc.source.body_line + line, BODY, message("level_one_heading"))


DOC_RULES: list[DocRule] = [rule_slug, rule_summary_is_one_paragraph, rule_period_in_order, rule_money_in_halere,
                            rule_funding_adds_up, rule_no_level_one_heading]



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
        for field, kind in _references(_validator(doc.kind, vocab).schema):
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
    if any(p.message.startswith("text má ") for p in problems):
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


DOC_RULES += [rule_contact_consent, rule_municipality_count]
DOC_RULES.append(rule_no_placeholders)

COLLECTION_RULES = [rule_unique_slugs]


def document_problems(doc: Document, vocab: Vocabulary, folders: dict[str, str]) -> tuple[list[Problem], list[Link]]:
    """Everything about one document that depends on it alone (schema, rules, body), and its links to check later."""
    problems = schema_problems(doc, vocab)
    for rule in DOC_RULES:
        problems += rule(doc)
    body, found = own_body_problems(doc.path, doc.body, doc.source.body_line, folders)
    return problems + body, found


def collection_problems(docs: list[Document], vocab: Vocabulary) -> list[Problem]:
    """Rules over all documents: unique addresses, references to documents that exist."""
    problems: list[Problem] = []
    for collection_rule in COLLECTION_RULES:
        problems += collection_rule(docs)
    return problems + list(rule_references_exist(docs, vocab))


def validate(docs: list[Document], vocab: Vocabulary, files: set[str] | None = None, folders: dict[str, str] | None = None) -> list[Problem]:
    """All problems of all documents: schema, per-document rules, collection rules, then links to files."""
    problems: list[Problem] = []
    for doc in docs:
        own, found = document_problems(doc, vocab, folders or {})
        problems += own
        if files is not None:
            problems += link_target_problems(doc.path, found, files, folders or {})
    return problems + collection_problems(docs, vocab)
