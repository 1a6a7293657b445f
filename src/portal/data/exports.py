"""Open data: cases as JSON and CSV, methods as JSON, and an Atom feed of new and updated cases.

Contacts are left out of every export: they are personal data published only on the case page.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree as ET

from portal import paths
from portal.content.documents import Collection, Document
from portal.content.model import Case
from portal.content.statistics import eu_amount
from portal.data.pretty import pretty_json
from portal.web.facets import is_ongoing

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.cs"

# CSV columns: name -> Czech description (shown on the downloads page).
CSV_COLUMNS: dict[str, str] = {
    "slug": "identifikátor příkladu (název souboru)",
    "url": "adresa stránky příkladu na portálu",
    "title": "název",
    "summary": "shrnutí v jednom odstavci",
    "region": "kód kraje",
    "region_name": "název kraje",
    "nuts": "kód NUTS 3 kraje",
    "municipalities": "obce jmenované zdrojem, oddělené středníkem",
    "municipality_count": "počet obcí celkem včetně jmenovaných (prázdné = jen jmenované obce)",
    "organisation": "realizátor",
    "organisation_web": "web realizátora",
    "registration_number": "registrační číslo projektu",
    "programme": "kód programu",
    "programme_name": "název programu",
    "start": "zahájení (RRRR-MM-DD, případně RRRR-MM nebo RRRR)",
    "end": "ukončení (prázdné = zdroj konec neuvádí)",
    "ongoing": "1 = projekt probíhá, 0 = ukončen, prázdné = konec neuveden",
    "funding_total": "celkové financování v Kč (desetinná tečka)",
    "funding_eu": "z toho prostředky EU v Kč",
    "funding_sources": "zdroje ve tvaru kód=částka, oddělené středníkem",
    "methods": "použité metodiky (identifikátory), oddělené středníkem",
    "target_groups": "cílové skupiny (kódy), oddělené středníkem",
    "indicators": "indikátory ve tvaru název: cíl / dosaženo jednotka, oddělené středníkem",
    "tags": "štítky, oddělené středníkem",
    "sources": "zdroje ve tvaru název <adresa> (navštíveno RRRR-MM-DD), oddělené středníkem",
}


def json_value(value: Any) -> Any:
    """Front-matter values as JSON types; exact amounts stay exact (Decimal -> shortest float or int)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def case_record(doc: Document[Case], collection: Collection, site_url: str, today: date) -> dict[str, Any]:
    """One case for cases.json: its front matter as written (field order kept) without contacts, plus names and its address."""
    meta = {k: v for k, v in doc.meta.items() if k != "contacts"}
    vocab, case = collection.vocab, doc.model
    return {
        "slug": doc.slug,
        "url": site_url + doc.url,
        **json_value(meta),
        "region_name": vocab.name("regions", case.region),
        "programme_name": vocab.name("programmes", case.project.programme) if case.project.programme else None,
        "ongoing": is_ongoing(doc, today),
        "funding_eu": json_value(eu_amount(case.funding, collection)) if case.funding else None,
    }


def cases_json(collection: Collection, site_url: str, today: date) -> str:
    """All cases with licence and source, pretty-printed UTF-8 JSON."""
    head = {"licence": LICENCE, "licence_url": LICENCE_URL, "source": site_url, "generated": today.isoformat()}
    return pretty_json(head, "cases", [case_record(c, collection, site_url, today) for c in collection.cases])


def methods_json(collection: Collection, site_url: str) -> str:
    """All methods with the cases that use them."""
    methods = [{"slug": m.slug, "url": site_url + m.url, **json_value(m.meta),
                "cases": [c.slug for c in collection.cases_by_method.get(m.slug, [])]} for m in collection.methods]
    return json.dumps({"licence": LICENCE, "licence_url": LICENCE_URL, "source": site_url, "methods": methods},
                      ensure_ascii=False, indent=2) + "\n"


def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values)


def _amount(value: Any) -> str:
    return f"{Decimal(value):.2f}" if value is not None else ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def case_row(doc: Document[Case], collection: Collection, site_url: str, today: date) -> dict[str, str]:
    """One CSV row: every column of CSV_COLUMNS as text."""
    vocab, case = collection.vocab, doc.model
    project, funding = case.project, case.funding
    indicators = [f"{i.label}: {i.target} / {_text(i.achieved)} {_text(i.unit)}".strip() for i in case.indicators]
    term = vocab.term("regions", case.region)
    row = {
        "slug": doc.slug, "url": site_url + doc.url, "title": doc.title, "summary": doc.summary,
        "region": case.region, "region_name": vocab.name("regions", case.region), "nuts": term.extra.get("nuts", "") if term else "",
        "municipalities": _join(case.municipalities),
        "municipality_count": _text(case.municipality_count),
        "organisation": case.organisation.name, "organisation_web": _text(case.organisation.web),
        "registration_number": _text(project.registration_number), "programme": _text(project.programme),
        "programme_name": vocab.name("programmes", project.programme) if project.programme else "",
        "start": _text(project.start), "end": _text(project.end), "ongoing": {True: "1", False: "0", None: ""}[is_ongoing(doc, today)],
        "funding_total": _amount(funding.total) if funding else "", "funding_eu": _amount(eu_amount(funding, collection)) if funding else "",
        "funding_sources": _join(f"{s.source}={_amount(s.amount)}" for s in funding.sources) if funding else "",
        "methods": _join(case.methods), "target_groups": _join(case.target_groups),
        "indicators": _join(indicators), "tags": _join(case.tags),
        "sources": _join(f"{s.title} <{_text(s.url)}> (navštíveno {_text(s.accessed)})" for s in case.sources),
    }
    return row


def cases_csv(collection: Collection, site_url: str, today: date) -> str:
    """All cases, one row each, UTF-8 with a header row (RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for doc in collection.cases:
        writer.writerow({k: spreadsheet_safe(v) for k, v in case_row(doc, collection, site_url, today).items()})
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
CSV_FORMULA_NOTE = ("Text, který by tabulkový procesor mohl spustit jako vzorec (začíná znakem =, +, −, @, tabulátorem "
                    "nebo zalomením řádku), začíná v CSV apostrofem ('), jak doporučuje OWASP; čísla zůstávají čísly.")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that Excel or LibreOffice will not run as a formula: such text gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def atom_feed(collection: Collection, site_url: str, site_name: str, dates: dict[str, tuple[datetime, datetime]], limit: int = 50) -> str:
    """An Atom feed of the most recently added or changed cases."""
    atom = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", atom)
    feed = ET.Element(f"{{{atom}}}feed", {"xml:lang": "cs"})
    cases = sorted(collection.cases, key=lambda c: dates[c.path][1], reverse=True)[:limit]
    newest = max((dates[c.path][1] for c in cases), default=datetime(2000, 1, 1).astimezone())

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{atom}}}{tag}", attrs)
        el.text = text
        return el

    sub(feed, "title", f"{site_name}: nové a upravené příklady")
    sub(feed, "id", site_url + paths.FEED)
    sub(feed, "link", href=site_url + paths.FEED, rel="self")
    sub(feed, "link", href=site_url + paths.CATALOGUE)
    sub(feed, "updated", newest.isoformat())
    sub(feed, "rights", f"Obsah je k dispozici pod licencí {LICENCE}.")
    for case in cases:
        created, updated = dates[case.path]
        entry = sub(feed, "entry")
        sub(entry, "title", case.title)
        sub(entry, "id", site_url + case.url)
        sub(entry, "link", href=site_url + case.url)
        sub(entry, "published", created.isoformat())
        sub(entry, "updated", updated.isoformat())
        sub(entry, "summary", case.summary)
        author = sub(entry, "author")
        sub(author, "name", case.model.organisation.name or site_name)
        sub(entry, "category", term=case.model.region, label=collection.vocab.name("regions", case.model.region))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
