"""Region pages: cases as cards, municipalities, funding by source, and the cases of neighbouring regions (neighbours as data)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portal.content.collection import load_collection
from portal.content.statistics import Totals, funding_by_source
from portal.content.vocabulary import load_vocabulary
from portal.web.region_page import neighbours, region_page
from tests.conftest import REPO
from tests.readers_browser import overflow, page  # noqa: F401 - fixtures


def test_every_region_has_neighbours_and_they_list_it_back():
    vocab, problems = load_vocabulary(REPO)
    assert problems == []
    for code, term in vocab.sections["regions"].items():
        assert term.extra["neighbours"], code
        for other in term.extra["neighbours"]:
            assert code in vocab.term("regions", other).extra["neighbours"], (code, other)


def test_neighbours_must_be_regions_that_list_each_other(root):
    text = (root / "vocabularies.yml").read_text(encoding="utf-8")
    text = text.replace("neighbours: [stredocesky]}", "neighbours: [stredocesky, stredoceskz, liberecky]}", 1)
    (root / "vocabularies.yml").write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_vocabulary(root)[1]]
    assert problems == [
        ("vocabularies.yml:6: regions.hlavni-mesto-praha.neighbours: neznámý kraj 'stredoceskz'; očekáváno jedno z: stredocesky, jihocesky, plzensky, "
        "karlovarsky, ustecky, liberecky, kralovehradecky, pardubicky, vysocina, jihomoravsky, olomoucky, zlinsky, moravskoslezsky; myslel/a jste 'stredocesky'?"),
        "vocabularies.yml:6: regions.hlavni-mesto-praha.neighbours: kraj 'liberecky' neuvádí 'hlavni-mesto-praha' mezi svými sousedy; sousedství zapište u obou krajů",
    ]


def test_region_page_lists_cards_municipalities_funding_and_neighbours():
    collection = load_collection(REPO)
    html = region_page(collection, "olomoucky", lambda url: url, date.today())
    [case] = [c for c in collection.cases if c.get("region") == "olomoucky"]
    assert html.count('class="kp-card"') == 1 and f'href="{case.url}"' in html
    towns = html.split('<h2 id="obce">Obce</h2>', 1)[1].split("</p>", 1)[0]
    assert all(name in towns for name in case.get("municipalities"))
    t = Totals()
    t.add(case, collection)
    sums = funding_by_source([case], collection)
    if sums:
        assert sum(sums.values(), Decimal(0)) == t.funding
    near = html.split('id="sousedni-kraje"', 1)[1]
    assert neighbours(collection, "olomoucky") == ["pardubicky", "jihomoravsky", "zlinsky", "moravskoslezsky"]
    msk = next(c for c in collection.cases if c.get("region") == "moravskoslezsky")
    assert 'href="kraje/moravskoslezsky/"><strong>Moravskoslezský kraj</strong></a> (1\u00a0příklad)' in near
    assert f'<a href="{msk.url}">{msk.title}</a>' in near


def test_region_funding_table_adds_up_to_the_total():
    collection = load_collection(REPO)
    html = region_page(collection, "kralovehradecky", lambda url: url, date.today()).replace("\u00a0", " ")
    assert "<td>2 481 452 Kč</td><td>85,0 %</td>" in html and "<td>437 903 Kč</td><td>15,0 %</td>" in html
    assert "se týká 32 obcí, které zdroj nejmenuje" in html


WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "statistiky/", "videa/", "kraje/kralovehradecky/", "o-portalu/"])
def test_readers_pages_meet_wcag_21_aa(page, base_url, path):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == []
    assert overflow(page) == []


@pytest.mark.browser
def test_region_page_links_to_neighbours_cases(page, base_url):  # noqa: F811
    page.goto(base_url + "kraje/olomoucky/")
    page.locator("#sousedni-kraje ~ ul").get_by_role("link", name="Podpora komunitní práce v MSK II").click()
    page.wait_for_url("**/dobra-praxe/podpora-komunitni-prace-v-msk-ii/")
