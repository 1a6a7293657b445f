"""The facts panel of a case: its data from the typed model (case_panel), drawn by one template (templates/facts.html).

The web page and the print show the same facts with the same labels and contacts; only how an item is
drawn differs (the print prints addresses). Labels come from the schema's Czech titles, so renaming a
field's title renames it here too. `link` turns a site-relative address into one relative to the current page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from html import escape
from typing import Any

from portal.content.conversion import as_model
from portal.content.documents import Collection, Document
from portal.content.model import Case, Contact, Funding, Indicator, Method, Project
from portal.content.schema import ORGANISATION_ROLES, subschema
from portal.czech.formats import czech_date, percent, period, plural
from portal.web.templating import macro

Link = Callable[[str], str]


def _title(*path: str) -> str:
    return str(subschema("case", *path).get("title", path[-1]))


def email_html(address: str) -> str:
    """An e-mail shown as 'name (zavináč) domain' and turned into a link only by our script on click."""
    return macro(TEMPLATE, "email")(address)


@dataclass(frozen=True)
class Item:
    """One piece of a fact's value; at most one of method, region, url says what it points at."""

    text: str
    method: str | None = None  # slug of a method of the portal
    region: str | None = None  # region code (the web links its region page)
    url: str | None = None  # an outside http(s) address from the front matter
    note: str | None = None  # plain text after the item, e.g. when a source was read
    href: str | None = None  # where the item links on the page that shows it (set by the web or the print)


@dataclass(frozen=True)
class Fact:
    """One row of the facts panel: the schema path it comes from, its Czech label, and its value."""

    key: str
    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FundingRow:
    """One source of funding as the panel shows it: its name, amount and share of the total."""

    name: str
    amount: Decimal
    share: str


@dataclass(frozen=True)
class FundingFacts:
    """The panel's funding: the total and each source."""

    total: Decimal
    sources: tuple[FundingRow, ...]


@dataclass(frozen=True)
class Panel:
    """Everything the facts panel of a case shows, in order: the web page and the print draw this same data."""

    rows: tuple[Fact, ...]
    funding: FundingFacts | None
    indicators: tuple[Indicator, ...]
    indicator_labels: dict[str, str]
    contacts: tuple[tuple[tuple[str, str], ...], ...]  # per published contact, its bits (contact_bits)
    contacts_label: str


TEMPLATE = "facts.html"
Contacts = Iterable[Contact | Mapping[str, Any]]


def case_fact_rows(doc: Document[Case], collection: Collection) -> list[Fact]:
    """Which facts a case shows, in which order and with which labels: shared by the web page and the PDF.

    Funding, indicators and contacts have parts of their own (case_panel: funding, indicators, contacts).
    """
    vocab, case = collection.vocab, doc.model
    rows: list[Fact] = []

    def add(key: str, items: list[Item], label: str | None = None) -> None:
        if items:
            rows.append(Fact(key, label or subschema("case", *key.split(".")).get("title", key), tuple(items)))

    add("region", [Item(vocab.name("regions", case.region), region=case.region)] if case.region else [])
    add("municipalities", [Item(text)] if (text := municipalities_text(doc)) else [])
    org = case.organisation
    add("organisation", [Item(org.name, url=org.web)] if org.name else [],
        label=ORGANISATION_ROLES.get(org.role) if org.role else None)
    project = case.project
    add("project.programme", [Item(vocab.name("programmes", project.programme))] if project.programme else [])
    add("project.registration_number", [Item(project.registration_number)] if project.registration_number else [])
    when = project_period(project)
    add("period", [Item(when)] if when else [], label="Období realizace")
    add("funding", [Item("")] if case.funding else [])
    add("methods", [Item(m.title, method=slug) for slug in case.methods if (m := collection.method(slug))])
    add("target_groups", [Item(", ".join(vocab.name("target_groups", g) for g in case.target_groups))] if case.target_groups else [])
    add("links", [Item(ln.title, url=ln.url) for ln in case.links])
    add("sources", [Item(s.title, url=s.url, note=f"navštíveno {czech_date(str(s.accessed))}" if s.accessed else None)
                    for s in case.sources])
    return rows


def project_period(project: Project) -> str:
    """A project's period in Czech; without an end date it says 'konec neuveden', since no source says it still runs."""
    start, end = (str(d) if d else None for d in (project.start, project.end))
    when = period(start, end)
    return when + ", konec neuveden" if when and not end else when


def municipalities_text(doc: Document[Case]) -> str:
    """The named municipalities, and how many there are in all when the source gives only a number."""
    named = list(dict.fromkeys(doc.model.municipalities))
    count = doc.model.municipality_count
    if not count or count <= len(named):
        return ", ".join(named)
    total = plural(count, "obec", "obce", "obcí")
    if not named:
        return f"{total} (zdroj je nejmenuje)"
    return f"{', '.join(named)} a další; celkem {total}"


def _funding(funding: Funding, collection: Collection) -> FundingFacts:
    return FundingFacts(funding.total, tuple(FundingRow(collection.vocab.name("funding_sources", s.source), s.amount, percent(s.amount, funding.total))
                                             for s in funding.sources))


def _indicator_labels(indicators: tuple[Indicator, ...]) -> dict[str, str]:
    labels = {k: _title("indicators", "[]", k) for k in ("label", "target", "achieved", "deadline")}
    caption = _title("indicators")
    if all(ind.achieved is None for ind in indicators):
        # Plans are told as plans: without a documented result the table says so in its caption.
        caption += " – plánované hodnoty; dosažené hodnoty zdroj nedokládá"
    return {**labels, "caption": caption}


def contact_bits(contact: Contact) -> tuple[tuple[str, str], ...]:
    """What a published contact shows, in order, as (kind, text): the web and the print draw each kind their own way."""
    bits = [("strong", contact.name or contact.office or ""), ("text", contact.role or ""),
            ("text", (contact.office or "") if contact.name else ""), ("email", contact.email or ""),
            ("phone", contact.phone or ""), ("web", contact.web or "")]
    return tuple((kind, text) for kind, text in bits if text)


def case_panel(doc: Document[Case], collection: Collection, printed: bool = False, href: Callable[[Item], str | None] | None = None) -> Panel:
    """The facts panel of a case; `href` says where an item links on the page (web: the method's or region's page, print: its chapter)."""
    case = doc.model
    rows = tuple(Fact(f.key, f.label, tuple(replace(i, href=href(i)) for i in f.items)) if href else f
                 for f in case_fact_rows(doc, collection))
    return Panel(rows, _funding(case.funding, collection) if case.funding else None, case.indicators, _indicator_labels(case.indicators),
                 tuple(contact_bits(c) for c in case.public_contacts(printed)), _title("contacts"))


def case_facts(doc: Document[Case], collection: Collection, link: Link) -> str:
    """The facts panel of a case page as an HTML <aside>."""

    def href(item: Item) -> str | None:
        if item.method and (method := collection.method(item.method)):
            return link(method.url)
        return link(f"kraje/{item.region}/") if item.region else None

    return macro(TEMPLATE, "panel")(case_panel(doc, collection, href=href))


def print_cells(doc: Document[Case], collection: Collection, method_href: Callable[[str], str]) -> list[tuple[str, str]]:
    """(label, value) HTML of each fact for the print: the same facts as the web, addresses printed; methods link to their chapter."""
    panel = case_panel(doc, collection, printed=True, href=lambda item: method_href(item.method) if item.method else None)
    return [(escape(fact.label), macro(TEMPLATE, "value")(fact, panel, True)) for fact in panel.rows]


def indicators_html(indicators: Iterable[Indicator | Mapping[str, Any]]) -> str:
    """Indicators as a table: target against achieved."""
    rows = tuple(as_model(Indicator, i) for i in indicators)
    return macro(TEMPLATE, "indicators")(rows, _indicator_labels(rows))


def public_contacts(contacts: Contacts, printed: bool = False) -> list[Any]:
    """The contacts that may be published: offices, and people with a recorded consent; in print, only those meant for print."""
    return [c for c in contacts if isinstance(c, Contact | Mapping) and as_model(Contact, c).public(printed)]


def contacts_html(contacts: Contacts, printed: bool = False) -> str:
    """Offices and people who agreed to be published (in print: and printed); on the web e-mails are not plain mailto: links."""
    rows = tuple(contact_bits(as_model(Contact, c)) for c in public_contacts(contacts, printed))
    return macro(TEMPLATE, "contacts")(rows, _title("contacts"), printed)


def method_cases(doc: Document[Method], collection: Collection, link: Link) -> str:
    """The list of cases that use a method, appended to the method's page."""
    return macro("method_parts.html", "cases")(case_links(collection.cases_by_method.get(doc.slug, []), collection, link))


def case_links(cases: list[Document[Case]], collection: Collection, link: Link) -> list[tuple[str, str, str]]:
    """Cases as (address, title, region name), for every list of links to cases (similar cases, a method's cases)."""
    return [(link(c.url), c.title, collection.vocab.name("regions", c.model.region)) for c in cases]


def method_extras(doc: Document[Method]) -> str:
    """A method's videos (as links with their length; nothing is embedded) and its sources."""
    return macro("method_parts.html", "extras")(doc.model, subschema("method", "videos")["title"], subschema("method", "sources")["title"])
