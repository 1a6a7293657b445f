"""The real portal built with `mkdocs build --strict`: pages, facts panels, cross-links, failures."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO, copy_project, mkdocs_build


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """Visible text of a page, tags stripped and white space folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


def test_every_case_and_method_has_a_page(built_site):
    for case in (REPO / "good_practice").glob("*.md"):
        assert (built_site / "dobra-praxe" / case.stem / "index.html").is_file(), case
    for method in (REPO / "methods").glob("*.md"):
        assert (built_site / "metodiky" / method.stem / "index.html").is_file(), method
    assert not (REPO / "docs" / "dobra-praxe" / "podpora-komunitni-prace-v-msk-ii.md").exists()  # nothing copied


def test_case_page_facts_panel(built_site):
    html = read(built_site, "dobra-praxe/podpora-komunitni-prace-v-msk-ii/index.html")
    text = text_of(html)
    assert "<title>Podpora komunitní práce v MSK II - Komunitní práce – příklady dobré praxe</title>" in html
    assert '<html lang="cs"' in html
    panel = text_of(html.split('<aside class="kp-facts"', 1)[1].split("</aside>", 1)[0])
    for expected in ("Základní údaje", "Kraj Moravskoslezský kraj", "Operační program Zaměstnanost (2014–2020)",
                     "CZ.03.2.63/0.0/0.0/15_007/0010387", "Období realizace březen 2019 – únor 2022",
                     "14 380 663,20 Kč", "Evropský sociální fond: 12 223 563,72 Kč (85,0 %)",
                     "Státní rozpočet: 1 438 066,32 Kč (10,0 %)", "Rozpočet kraje: 719 033,16 Kč (5,0 %)",
                     "Indikátory", "Kontakty", "Krajský úřad Moravskoslezského kraje, odbor sociálních věcí",
                     "Realizátor Moravskoslezský kraj", "Zdroje Moravskoslezský kraj: Podpora komunitní práce v MSK II"):
        assert expected in panel, expected
    # The people the source lists never agreed to be published: the panel names the office instead.
    assert "Povýšilová" not in text and "@msk.cz" not in html and "(zavináč) msk.cz" not in text


def test_case_links_to_its_methods_and_method_lists_its_cases(built_site):
    case = read(built_site, "dobra-praxe/komunitni-centra-v-regionu-hana/index.html")
    assert 'href="../../metodiky/komunitni-centrum/"' in case
    method = read(built_site, "metodiky/komunitni-centrum/index.html")
    cases_section = method.split('id="pripady-z-praxe"', 1)[1]
    assert 'href="../../dobra-praxe/komunitni-centra-v-regionu-hana/"' in cases_section
    assert 'href="../../dobra-praxe/komunitni-centrum-vltavotynska/"' in cases_section


def test_links_written_for_github_work_on_the_site(built_site):
    method = read(built_site, "metodiky/komunitni-centrum/index.html")
    assert "good_practice/" not in method.split('id="pripady-z-praxe"')[0].split("md-content")[1]


def test_catalogue_and_methods_index(built_site):
    catalogue = read(built_site, "dobra-praxe/index.html")
    assert catalogue.count('class="kp-card"') == len(list((REPO / "good_practice").glob("*.md")))
    assert 'href="komunitni-centrum-vltavotynska/"' in catalogue
    methods = read(built_site, "metodiky/index.html")
    assert 'href="komunitni-planovani/"' in methods


def test_navigation_and_czech_ui(built_site):
    home = read(built_site, "index.html")
    tabs = text_of(home.split('class="md-tabs__list">', 1)[1].split("</ul>", 1)[0])
    assert tabs.split() == ["Úvod", "Dobrá", "praxe", "Metodiky", "Ke", "stažení", "Jak", "přispět", "O", "portálu"]
    # No case is listed in the navigation: the catalogue lists them.
    nav = home.split('class="md-nav', 1)[1].split("</nav>", 1)[0]
    assert "komunitni-centrum-vltavotynska" not in nav


def test_editor_guide_lists_every_field_from_the_schema(built_site):
    guide = text_of(read(built_site, "jak-prispet/index.html").replace("<wbr>", ""))
    for field in ("organisation.name", "project.registration_number", "funding.sources[].amount", "contacts[].in_pdf", "videos[].minutes"):
        assert field in guide, field


def test_contributed_jinja_is_not_rendered(tmp_path):
    project = copy_project(tmp_path)
    case = project / "good_practice" / "sablona.md"
    case.write_text("---\ntitle: Šablona\nsummary: Text se složenými závorkami.\nregion: liberecky\norganisation: {name: O}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n\n"
                    "## Text\n\nHodnota {{ config.site_name }} a {% if true %}ano{% endif %}.\n", encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    html = read(site, "dobra-praxe/sablona/index.html")
    assert "{{ config.site_name }}" in html and "{% if true %}ano{% endif %}" in html


def test_broken_content_fails_with_every_error_and_writes_no_site(tmp_path):
    project = copy_project(tmp_path)
    (project / "good_practice" / "spatny.md").write_text("---\ntitle: Špatný\nsummary: S.\nregion: liberecko\norganisation: {name: O}\nmethods: [komunitni-planovan]\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n", encoding="utf-8")
    (project / "methods" / "druhy.md").write_text("---\ntitle: Druhý\n", encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "good_practice/spatny.md:4: region: neznámá hodnota 'liberecko'" in result.stderr
    assert "myslel/a jste 'liberecky'?" in result.stderr
    assert "good_practice/spatny.md:6: methods[0]: neznámá metodika 'komunitni-planovan'" in result.stderr
    assert "methods/druhy.md:1: hlavička: hlavička není ukončena" in result.stderr
    assert "Obsah nelze zveřejnit: 3 chyby ve 2 souborech." in result.stderr
    assert not site.exists()


def test_picture_beside_a_case_is_published(tmp_path):
    import base64

    project = copy_project(tmp_path)
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    (project / "good_practice" / "obrazky").mkdir()
    (project / "good_practice" / "obrazky" / "setkani.png").write_bytes(png)
    case = project / "good_practice" / "komunitni-centrum-vltavotynska.md"
    case.write_text(case.read_text(encoding="utf-8") + "\n![Setkání v komunitním centru](obrazky/setkani.png)\n", encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "dobra-praxe" / "obrazky" / "setkani.png").read_bytes() == png
    html = read(site, "dobra-praxe/komunitni-centrum-vltavotynska/index.html")
    assert '<img alt="Setkání v komunitním centru" src="../obrazky/setkani.png">' in html


def test_facts_panel_shows_links_from_the_front_matter(built_site):
    html = read(built_site, "dobra-praxe/komunitni-socialni-prace-na-venkove/index.html")
    panel = html.split('<aside class="kp-facts"', 1)[1].split("</aside>", 1)[0]
    assert '<dt>Odkazy</dt><dd><a href="https://www.hradeckyvenkov.cz/ksp" rel="noopener noreferrer">' in panel
