"""The fields that make content trustworthy: sources, a municipality count, national co-financing, an unknown end,
contacts only with recorded consent, plans told as plans. Each rule with its Czech message word for word."""

from __future__ import annotations

from datetime import date

import pytest

from portal.content.collection import load_collection
from portal.content.statistics import compute
from portal.web.facts import case_fact_rows, case_facts, indicators_html
from portal.web.region_page import region_page
from portal.web.statistics_page import statistics_html

HEAD = "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\n"
SOURCE = "sources: [{title: Zdroj, url: 'https://www.example.cz/', accessed: 2026-11-23}]\n"

CASES = {
    "sources_missing": (
        HEAD + "---\n",
        ["good_practice/sources-missing.md:1: sources: chybí povinné pole (Zdroje); očekáváno: seznam zdrojů, každý s názvem, adresou a datem návštěvy, "
         "např. - {title: 'Obec Lipová: Komunitní centrum', url: 'https://www.example.cz/projekt', accessed: 2026-11-23}"],
    ),
    "sources_empty": (
        HEAD + "sources: []\n---\n",
        ["good_practice/sources-empty.md:6: sources: seznam je prázdný; očekáváno: seznam zdrojů, každý s názvem, adresou a datem návštěvy, "
         "např. - {title: 'Obec Lipová: Komunitní centrum', url: 'https://www.example.cz/projekt', accessed: 2026-11-23}"],
    ),
    "sources_incomplete": (
        HEAD + "sources:\n  - {title: Stránka projektu}\n  - {title: Web obce, url: 'obec.cz', accessed: 23. 11. 2026}\n---\n",
        ["good_practice/sources-incomplete.md:7: sources[0].accessed: chybí povinné pole (Navštíveno), např. accessed: 2026-11-23",
         "good_practice/sources-incomplete.md:7: sources[0].url: chybí povinné pole (Adresa), např. url: https://www.example.cz/projekt",
         "good_practice/sources-incomplete.md:8: sources[1].accessed: neplatná hodnota '23. 11. 2026'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), případně jen RRRR-MM nebo RRRR; myslel/a jste '2026-11-23'?",
         "good_practice/sources-incomplete.md:8: sources[1].url: neplatná hodnota 'obec.cz'; očekáváno: webová adresa začínající https:// (nebo http://)"],
    ),
    "municipality_count_text": (
        HEAD + SOURCE + "municipality_count: 32 obcí\n---\n",
        ["good_practice/municipality-count-text.md:7: municipality_count: očekáváno: celé číslo; uvedeno: text '32 obcí'"],
    ),
    "municipality_count_zero": (
        HEAD + SOURCE + "municipality_count: 0\n---\n",
        ["good_practice/municipality-count-zero.md:7: municipality_count: hodnota '0' musí být alespoň 1"],
    ),
    "municipality_count_below_named": (
        HEAD + SOURCE + "municipalities: [Lipová, Javorník, Bělá]\nmunicipality_count: 2\n---\n",
        ["good_practice/municipality-count-below-named.md:8: municipality_count: počet obcí 2 je menší než počet jmenovaných obcí (3); "
         "počet zahrnuje i obce jmenované v poli municipalities, uveďte nejméně 3"],
    ),
    "person_without_consent": (
        HEAD + SOURCE + "contacts:\n  - {name: Ing. Jana Nováková, role: projektová manažerka, email: jana.novakova@example.cz, phone: '595 000 111'}\n---\n",
        ["good_practice/person-without-consent.md:8: contacts[0].name: kontakt na osobu 'Ing. Jana Nováková' nemá zaznamenaný souhlas se zveřejněním; "
         "doplňte datum, kdy osoba souhlasila (consent: RRRR-MM-DD), nebo jméno, e-mail a telefon osoby nahraďte kontaktem na pracoviště (office, případně role a web)"],
    ),
    "contact_without_name_or_office": (
        HEAD + SOURCE + "contacts:\n  - {role: koordinátorka, email: koordinatorka@example.cz}\n---\n",
        ["good_practice/contact-without-name-or-office.md:8: contacts[0]: kontakt bez jména musí uvést pracoviště (office), např. office: odbor sociálních věcí krajského úřadu; "
         "e-mail a telefon osoby uveďte jen s jejím jménem (name) a datem souhlasu (consent)"],
    ),
    "consent_not_a_date": (
        HEAD + SOURCE + "contacts:\n  - {name: Jana Nováková, consent: ano}\n---\n",
        ["good_practice/consent-not-a-date.md:8: contacts[0].consent: neplatná hodnota 'ano'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), případně jen RRRR-MM nebo RRRR"],
    ),
    "organisation_role": (
        "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: Liberecký kraj, role: realizátor}\n" + SOURCE + "---\n",
        ["good_practice/organisation-role.md:5: organisation.role: neznámá hodnota 'realizátor'; očekáváno jedno z: realizator, vydavatel; myslel/a jste 'realizator'?"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name, root, write):
    text, expected = CASES[name]
    write(f"good_practice/{name.replace('_', '-')}.md", text)
    assert [str(p) for p in load_collection(root).problems] == expected


VALID = {
    "person_with_consent": "contacts:\n  - {name: Jana Nováková, email: jana@example.cz, consent: 2026-11-01}\n",
    "office_contact": "contacts:\n  - {office: Obecní úřad Lipová, web: 'https://www.example.cz/kontakty', phone: '595 000 000'}\n",
    "count_without_names": "municipality_count: 32\n",
    "count_with_some_names": "municipalities: [Lipová]\nmunicipality_count: 3\n",
    "national_cofinancing": "funding: {total: 100, sources: [{source: eu, amount: 85}, {source: narodni-zdroje, amount: 15}]}\n",
}


@pytest.mark.parametrize("name", list(VALID))
def test_valid_forms(name, root, write):
    write("good_practice/platny.md", HEAD + SOURCE + VALID[name] + "---\n")
    assert load_collection(root).problems == []


def _facts(root, write, extra: str) -> dict[str, str]:
    write("good_practice/pripad.md", HEAD.replace("{name: O}", "{name: O, role: vydavatel}") + SOURCE + extra + "---\n\nText.\n")
    collection = load_collection(root)
    assert collection.problems == []
    rows = case_fact_rows(collection.case("pripad"), collection)
    return {r.label: ", ".join(i.text + (f" ({i.note})" if i.note else "") for i in r.items) for r in rows}


def test_facts_say_what_is_known(root, write):
    facts = _facts(root, write, "project: {start: '2020'}\nmunicipality_count: 32\n"
                                "funding: {total: 100, sources: [{source: eu, amount: 85}, {source: narodni-zdroje, amount: 15}]}\n")
    assert facts["Období realizace"] == "od 2020, konec neuveden"
    assert facts["Obce"] == "32\u00a0obcí (zdroj je nejmenuje)"
    assert facts["Vydavatel informací"] == "O"
    assert "Realizátor" not in facts
    assert facts["Zdroje"] == "Zdroj (navštíveno 23.\u00a011.\u00a02026)"


def test_named_and_counted_municipalities_in_the_facts(root, write):
    facts = _facts(root, write, "municipalities: [Lipová, Javorník]\nmunicipality_count: 5\n")
    assert facts["Obce"] == "Lipová, Javorník a další; celkem 5\u00a0obcí"


def test_case_page_panel_shows_sources_national_funding_and_plans(root, write):
    write("good_practice/pripad.md", HEAD + SOURCE + "funding: {total: 100, sources: [{source: narodni-zdroje, amount: 100}]}\n"
          "indicators:\n  - {label: Setkání, target: 10, unit: setkání}\n"
          "contacts:\n  - {office: Obecní úřad Lipová, role: sociální odbor}\n  - {name: Skrytá Osoba, consent: 2026-11-01, in_pdf: false}\n---\n")
    collection = load_collection(root)
    assert collection.problems == []
    html = case_facts(collection.case("pripad"), collection, lambda url: url)
    assert '<dt>Zdroje</dt><dd><a href="https://www.example.cz/" rel="noopener noreferrer">Zdroj</a> <span class="kp-note">(navštíveno 23.\u00a011.\u00a02026)</span></dd>' in html
    assert "Národní zdroje: 100\u00a0Kč (100,0\u00a0%)" in html
    assert "<caption>Indikátory – plánované hodnoty; dosažené hodnoty zdroj nedokládá</caption>" in html
    assert "<strong>Obecní úřad Lipová</strong>, sociální odbor" in html
    assert "Skrytá Osoba" in html  # consent recorded: shown on the web (in_pdf only keeps it out of print)


def test_indicators_with_a_documented_result_are_not_called_plans():
    html = indicators_html([{"label": "Setkání", "target": 10, "achieved": 12, "unit": "setkání"}])
    assert "<caption>Indikátory</caption>" in html
    assert "(splněno)" in html


# ---------- statistics: a project that only counts its municipalities and one that names them ----------

def test_statistics_count_named_municipalities_once_and_add_counted_ones(root, write):
    write("good_practice/pocitany.md", HEAD.replace("liberecky", "kralovehradecky") + SOURCE + "municipality_count: 32\n---\n")
    write("good_practice/jmenovany.md", HEAD.replace("liberecky", "kralovehradecky") + SOURCE + "municipalities: [Lipová, Javorník]\n---\n")
    write("good_practice/oboji.md", HEAD + SOURCE + "municipalities: [Lipová]\nmunicipality_count: 3\n---\n")
    collection = load_collection(root)
    assert collection.problems == []
    s = compute(collection)
    # Lipová and Javorník once each, 32 counted ones, and the two unnamed of the third case: never Lipová twice.
    assert s.total.municipality_count == 2 + 32 + 2
    assert s.by_region["kralovehradecky"].municipality_count == 34
    assert s.by_region["liberecky"].municipality_count == 3
    page = statistics_html(collection)
    assert '<dt>Zapojené obce</dt><dd data-stat="2">36</dd>' in page
    region = region_page(collection, "kralovehradecky", lambda url: url, date.today())
    assert "<div><dt>Zapojené obce</dt><dd>34</dd></div>" in region


def test_the_real_statistics_count_the_32_municipalities_of_hradecky_venkov():
    from tests.conftest import REPO

    collection = load_collection(REPO)
    named = {m for c in collection.cases for m in c.get("municipalities", default=[])}
    assert "Těšetice" in named and "Těšetice-Rataje" not in named
    assert compute(collection).total.municipality_count == len(named) + 32


def test_open_data_carry_sources_and_count(root, write):
    import csv
    import io
    import json

    from portal.data.exports import CSV_COLUMNS, cases_csv, cases_json

    write("good_practice/pocitany.md", HEAD + SOURCE + "municipality_count: 32\nproject: {start: '2020'}\n---\n")
    collection = load_collection(root)
    data = json.loads(cases_json(collection, "https://portal.example.cz/", date(2026, 11, 23)))
    case = data["cases"][0]
    assert case["sources"] == [{"title": "Zdroj", "url": "https://www.example.cz/", "accessed": "2026-11-23"}]
    assert case["municipality_count"] == 32
    assert case["ongoing"] is None  # the end is not known
    row = next(csv.DictReader(io.StringIO(cases_csv(collection, "https://portal.example.cz/", date(2026, 11, 23)))))
    assert row["sources"] == "Zdroj <https://www.example.cz/> (navštíveno 2026-11-23)"
    assert row["municipality_count"] == "32" and row["ongoing"] == "" and row["end"] == ""
    assert "sources" in CSV_COLUMNS and "municipality_count" in CSV_COLUMNS
