"""Every validation rule of a case: exact Czech message, field and line."""

from __future__ import annotations

import pytest

from portal.content.collection import load_collection

SOURCES = "sources: [{title: Zdroj, url: 'https://www.example.cz/', accessed: 2026-11-23}]"

CASES = {
    'unknown_key': (
        '---\ntitle: A\nsummary: Shrnutí.\nregoin: liberecky\norganisation: {name: O}\n---\n',
        [
            'good_practice/unknown-key.md:1: region: chybí povinné pole (Kraj), např. region: moravskoslezsky',
            "good_practice/unknown-key.md:4: regoin: neznámé pole; povolená pole jsou: title, summary, region, municipalities, municipality_count, organisation, project, funding, methods, target_groups, indicators, contacts, links, sources, tags; myslel/a jste 'region'?",
        ],
    ),
    'missing_required': (
        '---\ntitle: A\norganisation: {web: https://a.cz}\n---\n',
        [
            'good_practice/missing-required.md:1: region: chybí povinné pole (Kraj), např. region: moravskoslezsky',
            'good_practice/missing-required.md:1: summary: chybí povinné pole (Shrnutí), např. summary: Obec s místním spolkem otevřela komunitní centrum, kde se obyvatelé setkávají a společně řeší místní problémy.',
            'good_practice/missing-required.md:3: organisation.name: chybí povinné pole (Název organizace), např. name: Spolek Naše obec, z.s.',
        ],
    ),
    'wrong_types': (
        '---\ntitle: 2020\nsummary: [a, b]\nregion: liberecky\norganisation: Spolek\nmunicipalities: Lipová\nproject: {start: 2020}\n---\n',
        [
            'good_practice/wrong-types.md:2: title: očekáváno: text; uvedeno: číslo \'2020\'; dejte hodnotu do uvozovek: "2020"',
            "good_practice/wrong-types.md:3: summary: očekáváno: text; uvedeno: seznam '['a', 'b']'",
            "good_practice/wrong-types.md:5: organisation: očekáváno: skupina polí 'název: hodnota'; uvedeno: text 'Spolek'",
            "good_practice/wrong-types.md:6: municipalities: očekáváno: seznam; uvedeno: text 'Lipová'; napište seznam, např. [Lipová]",
            'good_practice/wrong-types.md:7: project.start: očekáváno: text; uvedeno: číslo \'2020\'; dejte hodnotu do uvozovek: "2020"',
        ],
    ),
    'unknown_vocab': (
        '---\ntitle: A\nsummary: S.\nregion: Moravskoslezský kraj\norganisation: {name: O}\nproject: {programme: opz+}\nfunding: {total: 10, sources: [{source: EU, amount: 10}]}\ntarget_groups: [senioři]\nmethods: [komunitni-planovan]\n---\n',
        [
            "good_practice/unknown-vocab.md:4: region: neznámá hodnota 'Moravskoslezský kraj'; očekáváno jedno z: hlavni-mesto-praha, stredocesky, jihocesky, plzensky, karlovarsky, ustecky, liberecky, kralovehradecky, pardubicky, vysocina, jihomoravsky, olomoucky, zlinsky, moravskoslezsky; myslel/a jste 'moravskoslezsky'?",
            "good_practice/unknown-vocab.md:6: project.programme: neznámá hodnota 'opz+'; očekáváno jedno z: opz, opz-plus, irop, krajska-dotace, jine; myslel/a jste 'opz'?",
            "good_practice/unknown-vocab.md:7: funding.sources[0].source: neznámá hodnota 'EU'; očekáváno jedno z: esf, eu, statni-rozpocet, narodni-zdroje, kraj, obec, vlastni, jine; myslel/a jste 'eu'?",
            "good_practice/unknown-vocab.md:8: target_groups[0]: neznámá hodnota 'senioři'; očekáváno jedno z: osoby-socialne-vyloucene, osoby-ohrozene-socialnim-vyloucenim, seniori, rodiny-s-detmi, deti-a-mladez, osoby-se-zdravotnim-postizenim, cizinci-a-narodnostni-mensiny, nezamestnani, verejnost; myslel/a jste 'seniori'?",
            "good_practice/unknown-vocab.md:9: methods[0]: neznámá metodika 'komunitni-planovan'; očekáváno jedno z: komunitni-planovani; myslel/a jste 'komunitni-planovani'?",
        ],
    ),
    'bad_formats': (
        "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O, web: www.spolek.cz}\nproject: {registration_number: CZ.03.2.63/0.0/0.0/15_007/001038, start: 2023-02-30}\ncontacts:\n  - {name: Jana, email: jana(at)spolek.cz, phone: '595 622 754', consent: 2026-11-01}\nlinks:\n  - {title: Video, url: 'javascript:alert(1)'}\n---\n",
        [
            "good_practice/bad-formats.md:5: organisation.web: neplatná hodnota 'www.spolek.cz'; očekáváno: webová adresa začínající https:// (nebo http://)",
            "good_practice/bad-formats.md:6: project.registration_number: neplatná hodnota 'CZ.03.2.63/0.0/0.0/15_007/001038'; očekáváno: registrační číslo ve tvaru CZ.03.2.63/0.0/0.0/15_007/0010387 (OP Z 2014–2020) nebo CZ.03.02.01/00/22_008/0000016 (OP Z+ 2021–2027)",
            "good_practice/bad-formats.md:6: project.start: neplatná hodnota '2023-02-30'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), případně jen RRRR-MM nebo RRRR",
            "good_practice/bad-formats.md:8: contacts[0].email: neplatná hodnota 'jana(at)spolek.cz'; očekáváno: e-mailová adresa ve tvaru jmeno@domena.cz",
            "good_practice/bad-formats.md:10: links[0].url: neplatná hodnota 'javascript:alert(1)'; očekáváno: webová adresa začínající https:// (nebo http://)",
        ],
    ),
    'end_before_start': (
        '---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nproject:\n  start: 2023-01-01\n  end: 2022-12\n---\n',
        [
            "good_practice/end-before-start.md:8: project.end: ukončení '2022-12' je dříve než zahájení '2023-01-01'; zkontrolujte pořadí dat",
        ],
    ),
    'funding_sum': (
        '---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nfunding:\n  total: 14380663.20\n  sources:\n    - {source: esf, amount: 12223563.72}\n    - {source: statni-rozpocet, amount: 1438066.32}\n    - {source: kraj, amount: 719033.15}\n---\n',
        [
            'good_practice/funding-sum.md:7: funding.total: součet zdrojů 14\xa0380\xa0663,19\xa0Kč se neshoduje s celkovou částkou 14\xa0380\xa0663,20\xa0Kč (rozdíl −0,01\xa0Kč); opravte částky tak, aby součet seděl na haléř',
        ],
    ),
    'haler': (
        '---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nfunding:\n  total: 100.005\n  sources:\n    - {source: obec, amount: 100.005}\n---\n',
        [
            "good_practice/haler.md:7: funding.total: částka '100.005' má více než dvě desetinná místa; uveďte ji na haléře, např. 100.01",
            "good_practice/haler.md:9: funding.sources[0].amount: částka '100.005' má více než dvě desetinná místa; uveďte ji na haléře, např. 100.01",
        ],
    ),
    'summary_paragraphs': (
        '---\ntitle: A\nsummary: |\n  Jeden.\n\n  Druhý.\nregion: liberecky\norganisation: {name: O}\n---\n',
        [
            'good_practice/summary-paragraphs.md:3: summary: shrnutí musí být jeden odstavec; delší text patří do těla stránky',
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name, root, write):
    text, expected = CASES[name]
    write(f"good_practice/{name.replace('_', '-')}.md", text.replace("\n---\n", f"\n{SOURCES}\n---\n", 1))
    assert [str(p) for p in load_collection(root).problems] == expected
