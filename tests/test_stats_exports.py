"""Statistics and open data from the real content: every case appears with its facts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from portal.content.collection import load_collection
from portal.content.history import file_dates
from portal.content.statistics import compute
from portal.data.exports import CSV_COLUMNS, atom_feed, cases_csv, cases_json, methods_json
from portal.web.similar import similar_cases
from tests.conftest import REPO

SITE = "https://portal.example.cz/"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def collection():
    c = load_collection(REPO)
    assert c.problems == []
    return c


def test_statistics_totals(collection):
    s = compute(collection)
    assert s.total.cases == len(collection.cases)
    funded = [c for c in collection.cases if c.get("funding")]
    assert s.total.funding == sum(Decimal(c.get("funding", "total")) for c in funded)
    # ESF and 'eu' are European; seed 004 and seed 001 carry EU money.
    assert s.total.eu == Decimal("12223563.72") + Decimal("2481452")
    assert s.by_region["moravskoslezsky"].funding == Decimal("14380663.20")
    assert sum(t.cases for t in s.by_region.values()) == s.total.cases
    assert s.by_method["komunitni-centrum"].cases == len(collection.cases_by_method["komunitni-centrum"])
    assert s.by_programme["opz"].cases == 2
    assert s.by_year["2019"].cases == 2
    assert s.indicators_set == sum(len(c.get("indicators", default=[])) for c in collection.cases)
    municipalities = {m for c in collection.cases for m in c.get("municipalities", default=[])}
    assert s.total.municipalities == municipalities


def test_cases_json_has_every_case_with_its_facts(collection):
    data = json.loads(cases_json(collection, SITE, TODAY))
    assert data["licence"] == "CC BY 4.0"
    by_slug = {c["slug"]: c for c in data["cases"]}
    assert set(by_slug) == {c.slug for c in collection.cases}
    msk = by_slug["podpora-komunitni-prace-v-msk-ii"]
    assert msk["url"] == SITE + "dobra-praxe/podpora-komunitni-prace-v-msk-ii/"
    assert msk["region_name"] == "Moravskoslezský kraj"
    assert msk["project"]["registration_number"] == "CZ.03.2.63/0.0/0.0/15_007/0010387"
    assert msk["funding"]["total"] == 14380663.2
    assert [s["amount"] for s in msk["funding"]["sources"]] == [12223563.72, 1438066.32, 719033.16]
    assert msk["funding_eu"] == 12223563.72
    assert msk["ongoing"] is False
    assert all("contacts" not in c for c in data["cases"])  # personal data stays on the page


def test_cases_csv_has_every_case_with_its_facts(collection):
    text = cases_csv(collection, SITE, TODAY)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    by_slug = {r["slug"]: r for r in rows}
    assert set(by_slug) == {c.slug for c in collection.cases}
    hana = by_slug["komunitni-centra-v-regionu-hana"]
    assert hana["region"] == "olomoucky" and hana["nuts"] == "CZ071"
    assert hana["registration_number"] == "CZ.03.2.65/0.0/0.0/16_047/0010190"
    assert hana["start"] == "2019-09" and hana["end"] == "2022-02" and hana["ongoing"] == "0"
    assert "Náměšť na Hané" in hana["municipalities"].split("; ")
    msk = by_slug["podpora-komunitni-prace-v-msk-ii"]
    assert msk["funding_total"] == "14380663.20"
    assert msk["funding_sources"] == "esf=12223563.72; statni-rozpocet=1438066.32; kraj=719033.16"
    assert "@" not in text  # no e-mail addresses in open data


def test_methods_json_lists_cases(collection):
    data = json.loads(methods_json(collection, SITE))
    by_slug = {m["slug"]: m for m in data["methods"]}
    assert "komunitni-centra-v-regionu-hana" in by_slug["komunitni-centrum"]["cases"]


def test_atom_feed(collection):
    dates = file_dates(REPO, [c.path for c in collection.cases])
    feed = atom_feed(collection, SITE, "Portál", dates)
    from xml.etree import ElementTree as ET

    root = ET.fromstring(feed)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [e.find("a:id", ns).text for e in root.findall("a:entry", ns)]
    assert sorted(ids) == sorted(SITE + c.url for c in collection.cases)
    updated = [e.find("a:updated", ns).text for e in root.findall("a:entry", ns)]
    assert updated == sorted(updated, reverse=True)


def test_similar_cases_share_methods_groups_or_region(collection):
    vltava = collection.case("komunitni-centrum-vltavotynska")
    similar = similar_cases(vltava, collection)
    assert similar and vltava not in similar
    assert similar[0].slug == "komunitni-centra-v-regionu-hana"  # shares the community-centre method and target groups


def test_built_site_publishes_the_data(built_site):
    for path in ("data/cases.json", "data/cases.csv", "data/methods.json", "data/schema/case.schema.json",
                 "data/schema/method.schema.json", "feed.xml", "ke-stazeni/index.html", "statistiky/index.html"):
        assert (built_site / path).is_file(), path
    schema = json.loads((built_site / "data/schema/case.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["region"]["enum"][-1] == "moravskoslezsky"
    downloads = (built_site / "ke-stazeni/index.html").read_text(encoding="utf-8")
    for name in ("cases.json", "cases.csv", "methods.json", "case.schema.json", "feed.xml", "CC BY 4.0", "funding_total"):
        assert name in downloads, name
    stats = (built_site / "statistiky/index.html").read_text(encoding="utf-8")
    assert "14\u00a0380\u00a0663,20\u00a0Kč" in stats


def test_similar_index_agrees_with_pairwise_scores(collection):
    from portal.web.similar import similarity

    for doc in collection.cases:
        others = [(similarity(doc, o), i, o) for i, o in enumerate(collection.cases) if o.slug != doc.slug]
        expected = [o for score, _, o in sorted(others, key=lambda t: (-t[0], t[1])) if score > 0][:3]
        assert similar_cases(doc, collection) == expected


@pytest.mark.parametrize("kind", ["case", "method"])
def test_published_json_schema_is_valid_and_accepts_the_real_content(collection, kind):
    from jsonschema import Draft202012Validator

    from portal.content.schema import public_json_schema
    from portal.data.exports import json_value

    schema = public_json_schema(kind, collection.vocab, SITE)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    docs = collection.cases if kind == "case" else collection.methods
    for doc in docs:
        assert list(validator.iter_errors(json_value(doc.meta))) == [], doc.path
    assert list(validator.iter_errors({"title": "A", "summary": "B", "regoin": "x"}))  # unknown keys stay refused
