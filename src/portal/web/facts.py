"""The facts panel of a case page, rendered from its front matter; every value is escaped.

Labels come from the schema's Czech titles, so renaming a field's title renames it here too.
`link` turns a site-relative address into one relative to the current page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from portal.content.collection import Collection, Document
from portal.content.schema import ORGANISATION_ROLES, subschema
from portal.czech.text import czech_date, czk, number, percent, period, plural

Link = Callable[[str], str]


def _title(*path: str) -> str:
    return escape(subschema("case", *path).get("title", path[-1]))


def _row(label: str, value_html: str) -> str:
    return f"<div><dt>{label}</dt><dd>{value_html}</dd></div>"


def external(url: str, text: str) -> str:
    """An outbound link; the URL was validated as http(s) and is escaped again here."""
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(text)}</a>'


def email_html(address: str) -> str:
    """An e-mail shown as 'name (zavináč) domain' and turned into a link only by our script on click."""
    user, _, domain = address.partition("@")
    return (f'<span class="kp-email" data-u="{escape(user[::-1])}" data-d="{escape(domain[::-1])}">'
            f'{escape(user)}<span class="kp-at"> (zavináč) </span>{escape(domain)}</span>')


@dataclass(frozen=True)
class Item:
    """One piece of a fact's value; at most one of method, region, url says what it points at."""

    text: str
    method: str | None = None  # slug of a method of the portal
    region: str | None = None  # region code (the web links its region page)
    url: str | None = None  # an outside http(s) address from the front matter
    note: str | None = None  # plain text after the item, e.g. when a source was read


@dataclass(frozen=True)
class Fact:
    """One row of the facts panel: the schema path it comes from, its Czech label, and its value."""

    key: str
    label: str
    items: tuple[Item, ...]


def case_fact_rows(doc: Document, collection: Collection) -> list[Fact]:
    """Which facts a case shows, in which order and with which labels: shared by the web page and the PDF.

    Funding, indicators and contacts have panels of their own (funding_html, indicators_html, contacts).
    """
    vocab = collection.vocab
    rows: list[Fact] = []

    def add(key: str, items: list[Item], label: str | None = None) -> None:
        if items:
            rows.append(Fact(key, label or subschema("case", *key.split(".")).get("title", key), tuple(items)))

    region = doc.get("region")
    add("region", [Item(vocab.name("regions", region), region=region)] if region else [])
    add("municipalities", [Item(text)] if (text := municipalities_text(doc)) else [])
    org = doc.get("organisation", default={})
    add("organisation", [Item(org["name"], url=org.get("web"))] if org.get("name") else [],
        label=ORGANISATION_ROLES.get(org.get("role", "realizator")) if org.get("role") else None)
    project = doc.get("project", default={})
    add("project.programme", [Item(vocab.name("programmes", project["programme"]))] if project.get("programme") else [])
    add("project.registration_number", [Item(project["registration_number"])] if project.get("registration_number") else [])
    when = project_period(project)
    add("period", [Item(when)] if when else [], label="Období realizace")
    add("funding", [Item("")] if doc.get("funding") else [])
    add("methods", [Item(collection.method(m).title, method=m) for m in doc.get("methods", default=[]) if collection.method(m)])
    groups = doc.get("target_groups", default=[])
    add("target_groups", [Item(", ".join(vocab.name("target_groups", g) for g in groups))] if groups else [])
    add("links", [Item(ln["title"], url=ln["url"]) for ln in doc.get("links", default=[])])
    add("sources", [Item(s["title"], url=s.get("url"), note=f"navštíveno {czech_date(str(s['accessed']))}" if s.get("accessed") else None)
                    for s in doc.get("sources", default=[])])
    return rows


def project_period(project: dict) -> str:
    """A project's period in Czech; without an end date it says 'konec neuveden', since no source says it still runs."""
    when = period(project.get("start"), project.get("end"))
    return when + ", konec neuveden" if when and not project.get("end") else when


def municipalities_text(doc: Document) -> str:
    """The named municipalities, and how many there are in all when the source gives only a number."""
    named = list(dict.fromkeys(doc.get("municipalities", default=[])))
    count = doc.get("municipality_count")
    if not count or count <= len(named):
        return ", ".join(named)
    total = plural(count, "obec", "obce", "obcí")
    if not named:
        return f"{total} (zdroj je nejmenuje)"
    return f"{', '.join(named)} a další; celkem {total}"


def fact_cells(doc: Document, collection: Collection, item_html: Callable[[Fact, Item], str],
               code_html: Callable[[str], str]) -> list[tuple[str, str]]:
    """(label, value) HTML of each fact; the caller says how to draw an item and a code such as a registration number."""
    cells = []
    for fact in case_fact_rows(doc, collection):
        if fact.key == "funding":
            value = funding_html(doc.get("funding"), collection)
        elif fact.key == "project.registration_number":
            value = code_html(fact.items[0].text)
        else:
            value = ("<br>" if fact.key in ("links", "sources") else ", ").join(
                item_html(fact, i) + (f' <span class="kp-note">({escape(i.note)})</span>' if i.note else "") for i in fact.items)
        cells.append((escape(fact.label), value))
    return cells


def case_facts(doc: Document, collection: Collection, link: Link) -> str:
    """The facts panel of a case page as an HTML <aside>."""

    def item_html(item: Item) -> str:
        if item.method:
            return f'<a href="{link(collection.method(item.method).url)}">{escape(item.text)}</a>'
        if item.region:
            return f'<a href="{link(f"kraje/{item.region}/")}">{escape(item.text)}</a>'
        return external(item.url, item.text) if item.url else escape(item.text)

    cells = fact_cells(doc, collection, lambda fact, item: item_html(item), lambda text: f"<code>{escape(text)}</code>")
    parts = [f'<dl class="kp-facts__list">{"".join(_row(label, value) for label, value in cells)}</dl>']
    if doc.get("indicators"):
        parts.append(indicators_html(doc.get("indicators")))
    contacts = doc.get("contacts", default=[])
    if public_contacts(contacts):
        parts.append(contacts_html(contacts))
    # The facts weigh more in search than running text: a registration number or organisation names the case.
    return ('<aside class="kp-facts" aria-labelledby="kp-facts-title" data-pagefind-weight="4">'
            '<h2 id="kp-facts-title" class="kp-facts__title">Základní údaje</h2>' + "".join(parts) + "</aside>")


def funding_html(funding: dict, collection: Collection) -> str:
    """Total and each source with its share of the total."""
    total = Decimal(funding["total"])
    items = "".join(
        f"<li>{escape(collection.vocab.name('funding_sources', s['source']))}: {czk(s['amount'])} ({percent(s['amount'], total)})</li>"
        for s in funding.get("sources", []))
    return f'<strong>{czk(total)}</strong><ul class="kp-facts__sources">{items}</ul>'


def indicators_html(indicators: list[dict]) -> str:
    """Indicators as a table: target against achieved."""
    head = "".join(f'<th scope="col">{_title("indicators", "[]", k)}</th>' for k in ("label", "target", "achieved", "deadline"))
    rows = []
    for ind in indicators:
        unit = f" {escape(ind['unit'])}" if ind.get("unit") else ""
        achieved = f"{number(ind['achieved'])}{unit}" if ind.get("achieved") is not None else "neuvedeno"
        met = ""
        if ind.get("achieved") is not None:
            met = ' <span class="kp-met">(splněno)</span>' if ind["achieved"] >= ind["target"] else ' <span class="kp-unmet">(nesplněno)</span>'
        deadline = escape(czech_date(ind["deadline"])) if ind.get("deadline") else "–"
        labels = [_title("indicators", "[]", k) for k in ("target", "achieved", "deadline")]
        rows.append(f'<tr><th scope="row">{escape(ind["label"])}</th><td data-label="{labels[0]}">{number(ind["target"])}{unit}</td>'
                    f'<td data-label="{labels[1]}">{achieved}{met}</td><td data-label="{labels[2]}">{deadline}</td></tr>')
    caption = _title("indicators")
    if all(ind.get("achieved") is None for ind in indicators):
        # Plans are told as plans: without a documented result the table says so in its caption.
        caption += " – plánované hodnoty; dosažené hodnoty zdroj nedokládá"
    return (f'<table class="kp-indicators"><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def public_contacts(contacts: list[dict], printed: bool = False) -> list[dict]:
    """The contacts that may be published: offices, and people with a recorded consent; in print, only those meant for print."""
    return [c for c in contacts if isinstance(c, dict) and (not c.get("name") or c.get("consent"))
            and not (printed and c.get("in_pdf") is False)]


def contacts_html(contacts: list[dict]) -> str:
    """Offices and people who agreed to be published; e-mails are not written as plain mailto: links."""
    items = []
    for c in public_contacts(contacts):
        bits = [f"<strong>{escape(c['name'])}</strong>" if c.get("name") else "",
                f"<strong>{escape(c['office'])}</strong>" if c.get("office") and not c.get("name") else "", escape(c.get("role", ""))]
        if c.get("office") and c.get("name"):
            bits.append(escape(c["office"]))
        if c.get("email"):
            bits.append(email_html(c["email"]))
        if c.get("phone"):
            bits.append(f'tel. <a href="tel:{escape(c["phone"].replace(" ", ""))}">{escape(c["phone"])}</a>')
        if c.get("web"):
            bits.append(external(c["web"], "kontakty na webu"))
        items.append("<li>" + ", ".join(b for b in bits if b) + "</li>")
    if not items:
        return ""
    return f'<h3 class="kp-facts__subtitle">{_title("contacts")}</h3><ul class="kp-contacts">{"".join(items)}</ul>'


def method_cases(doc: Document, collection: Collection, link: Link) -> str:
    """The list of cases that use a method, appended to the method's page."""
    cases = collection.cases_by_method.get(doc.slug, [])
    heading = '<h2 id="pripady-z-praxe">Příklady dobré praxe s touto metodou</h2>'
    if not cases:
        return heading + "<p>Zatím žádný příklad dobré praxe tuto metodu neuvádí.</p>"
    items = "".join(
        f'<li><a href="{link(c.url)}">{escape(c.title)}</a> – {escape(collection.vocab.name("regions", c.get("region", default="")))}</li>'
        for c in cases)
    return f'{heading}<ul class="kp-method-cases">{items}</ul>'


def method_extras(doc: Document) -> str:
    """A method's videos (as links with their length; nothing is embedded) and its sources."""
    parts = []
    videos = doc.get("videos", default=[])
    if videos:
        items = "".join(
            f"<li>{external(v['url'], v['title'])}" + (f" ({number(v['minutes'])} min)" if v.get("minutes") else "") + "</li>"
            for v in videos)
        parts.append(f'<h2 id="videa">{escape(subschema("method", "videos")["title"])}</h2><ul class="kp-videos">{items}</ul>')
    sources = doc.get("sources", default=[])
    if sources:
        items = "".join(f"<li>{external(s['url'], s['title']) if s.get('url') else escape(s['title'])}</li>" for s in sources)
        parts.append(f'<h2 id="zdroje">{escape(subschema("method", "sources")["title"])}</h2><ul class="kp-sources">{items}</ul>')
    return "".join(parts)
