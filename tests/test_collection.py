"""Rules across files, the seed-004 funding, and reporting every problem of every file in one run."""

from __future__ import annotations

import pytest

from portal.content.collection import load_collection
from tests.conftest import VALID_CASE

SEED_004 = """---
title: Podpora komunitní práce v MSK II
summary: Krajský projekt metodické podpory komunitní práce.
region: moravskoslezsky
organisation: {name: Moravskoslezský kraj}
funding:
  total: 14380663.20
  sources:
    - {source: esf, amount: 12223563.72}
    - {source: statni-rozpocet, amount: 1438066.32}
    - {source: kraj, amount: 719033.16}
sources: [{title: Zdroj, url: "https://www.example.cz/", accessed: 2026-11-23}]
---
"""


def test_seed_004_funding_adds_up_to_the_haler(root, write):
    write("good_practice/podpora-komunitni-prace-v-msk-ii.md", SEED_004)
    collection = load_collection(root)
    assert collection.problems == []
    assert [c.slug for c in collection.cases] == ["podpora-komunitni-prace-v-msk-ii"]


def test_case_in_a_subfolder(root, write):
    write("good_practice/komunitni-centrum.md", VALID_CASE)
    write("good_practice/moravskoslezsky/komunitni-centrum.md", VALID_CASE)
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/moravskoslezsky/komunitni-centrum.md:1: soubor: texty musí ležet přímo ve složce good_practice/, ne v podsložce; přesuňte soubor do good_practice/komunitni-centrum.md"
    ]


def test_case_named_index(root, write):
    write("good_practice/index.md", VALID_CASE)
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/index.md:1: soubor: název 'index.md' je vyhrazen pro přehledovou stránku; pojmenujte soubor podle příkladu, např. komunitni-centrum-obce.md"
    ]


def test_slug_with_diacritics_and_capitals(root, write):
    write("good_practice/Komunitní Centrum.md", VALID_CASE)
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/Komunitní Centrum.md:1: soubor: neplatný název souboru 'Komunitní Centrum.md'; název smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky; myslel/a jste 'komunitni-centrum.md'?"
    ]


def test_level_one_heading_in_body(root, write):
    write("good_practice/nadpis.md", VALID_CASE.replace("## Co se dělalo", "# Co se dělalo"))
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/nadpis.md:9: text: nadpis první úrovně ('# …') v textu nepoužívejte, název stránky se bere z pole title; použijte '## …'"
    ]


def test_unknown_related_method(root, write):
    write("methods/mapovani-potreb.md", "---\ntitle: Mapování potřeb\nsummary: Zjišťování potřeb.\nrelated_methods: [komunitni-planovani, komunitni-planovnai]\n---\n")
    assert [str(p) for p in load_collection(root).problems] == [
        "methods/mapovani-potreb.md:4: related_methods[1]: neznámá metodika 'komunitni-planovnai'; očekáváno jedno z: komunitni-planovani, mapovani-potreb; metodika 'komunitni-planovani' je v seznamu už uvedena, tuto položku nejspíš stačí odstranit"
    ]


def test_method_video_needs_https_and_positive_minutes(root, write):
    write("methods/video.md", "---\ntitle: Video\nsummary: Metoda s videem.\nvideos:\n  - {title: Úvod, url: 'ftp://video.cz/a', minutes: 0}\n---\n")
    assert [str(p) for p in load_collection(root).problems] == [
        "methods/video.md:5: videos[0].minutes: hodnota '0' musí být větší než 0",
        "methods/video.md:5: videos[0].url: neplatná hodnota 'ftp://video.cz/a'; očekáváno: webová adresa začínající https:// (nebo http://)",
    ]


def test_all_errors_of_all_files_in_one_run(root, write):
    write("good_practice/prvni.md", "---\ntitle: První\nsummary: S.\nregion: moravskoslezko\norganisation: {name: O, web: ftp://x}\nfunding: {total: 10, sources: [{source: obec, amount: 9}]}\n---\n# Nadpis\n")
    write("good_practice/druhy.md", "---\ntitle: Druhý\nsummary: S.\n")
    write("methods/treti.md", "---\ntitle: Třetí\nsumary: S.\n---\n")
    found = [str(p) for p in load_collection(root).problems]
    assert found == [
        "good_practice/druhy.md:1: hlavička: hlavička není ukončena; za posledním polem chybí řádek '---'",
        "good_practice/prvni.md:1: sources: chybí povinné pole (Zdroje); očekáváno: seznam zdrojů, každý s názvem, adresou a datem návštěvy, např. - {title: 'Obec Lipová: Komunitní centrum', url: 'https://www.example.cz/projekt', accessed: 2026-11-23}",
        "good_practice/prvni.md:4: region: neznámá hodnota 'moravskoslezko'; očekáváno jedno z: hlavni-mesto-praha, stredocesky, jihocesky, plzensky, karlovarsky, ustecky, liberecky, kralovehradecky, pardubicky, vysocina, jihomoravsky, olomoucky, zlinsky, moravskoslezsky; myslel/a jste 'moravskoslezsky'?",
        "good_practice/prvni.md:5: organisation.web: neplatná hodnota 'ftp://x'; očekáváno: webová adresa začínající https:// (nebo http://)",
        "good_practice/prvni.md:6: funding.total: součet zdrojů 9\u00a0Kč se neshoduje s celkovou částkou 10\u00a0Kč (rozdíl −1\u00a0Kč); opravte částky tak, aby součet seděl na haléř",
        "good_practice/prvni.md:8: text: nadpis první úrovně ('# …') v textu nepoužívejte, název stránky se bere z pole title; použijte '## …'",
        "methods/treti.md:1: summary: chybí povinné pole (Shrnutí), např. summary: Obec s místním spolkem otevřela komunitní centrum, kde se obyvatelé setkávají a společně řeší místní problémy.",
        "methods/treti.md:3: sumary: neznámé pole; povolená pole jsou: title, summary, videos, sources, related_methods; myslel/a jste 'summary'?",
    ]


def test_vocabulary_can_be_extended_without_code(root, write):
    vocab = root / "vocabularies.yml"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "  osoby-bez-domova: {name: Osoby bez domova}\n", encoding="utf-8")
    write("good_practice/nocleharna.md", VALID_CASE.replace("organisation:", "target_groups: [osoby-bez-domova]\norganisation:"))
    collection = load_collection(root)
    assert collection.problems == []
    assert collection.vocab.name("target_groups", "osoby-bez-domova") == "Osoby bez domova"


def test_broken_vocabulary_entry(root):
    vocab = root / "vocabularies.yml"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "  Senioři 80+: {name: Starší senioři}\n  bez-nazvu: {nuts: X}\n", encoding="utf-8")
    assert [str(p) for p in load_collection(root).problems] == [
        "vocabularies.yml:50: target_groups.Senioři 80+: kód smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky",
        "vocabularies.yml:51: target_groups.bez-nazvu: chybí český název; očekáváno: {name: Název}",
    ]


def test_the_real_content_is_valid():
    from tests.conftest import REPO

    collection = load_collection(REPO)
    assert collection.problems == []
    assert {c.slug for c in collection.cases} >= {
        "komunitni-socialni-prace-na-venkove", "komunitni-centrum-vltavotynska", "komunitni-centra-v-regionu-hana",
        "komunitni-prace-v-libereckem-kraji", "podpora-komunitni-prace-v-msk-ii"}
    assert {m.slug for m in collection.methods} >= {"komunitni-organizovani", "komunitni-planovani", "mapovani-potreb", "komunitni-centrum"}


def test_method_written_by_its_title_gets_its_file_name(root, write):
    write("good_practice/titulek.md", VALID_CASE.replace("region: moravskoslezsky", "region: moravskoslezsky\nmethods: [Komunitní plánování]"))
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/titulek.md:5: methods[0]: neplatná hodnota 'Komunitní plánování'; uveďte metodiku názvem souboru bez .md, jedním z: komunitni-planovani; myslel/a jste 'komunitni-planovani'?"
    ]


@pytest.mark.parametrize("line, expected", [
    ("region:", "good_practice/x.md:4: region: pole je prázdné; očekáváno: text"),
    ("region: liberecky\nproject: {start: 1. 3. 2021}", "good_practice/x.md:5: project.start: neplatná hodnota '1. 3. 2021'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), případně jen RRRR-MM nebo RRRR; myslel/a jste '2021-03-01'?"),
    ("region: liberecky\nfunding: {total: 1.200.000, sources: [{source: esf, amount: 1200000}]}", "good_practice/x.md:5: funding.total: očekáváno: číslo; uvedeno: text '1.200.000'; napište číslo bez mezer s desetinnou tečkou: 1200000"),
    ("region: liberecky\nfunding: {total: 800000, sources: [{source: esf, amount: 800000,00}]}", "good_practice/x.md:5: funding.sources[0]: čárka uvnitř {…} rozdělila číslo '800000,00'; desetinnou čárku pište jako tečku: 800000.00"),
])
def test_editor_slips_get_a_usable_hint(root, write, line, expected):
    write("good_practice/x.md", "---\ntitle: A\nsummary: S.\n" + line + "\norganisation: {name: O}\n"
          "sources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    assert [str(p) for p in load_collection(root).problems] == [expected]
