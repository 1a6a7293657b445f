"""Deterministic generator of N synthetic valid cases for the benchmarks and their tests.

Czech text with diacritics, every field used, spread over the regions, methods and target groups.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS_PER_CASE = 600  # plus list items: about 700 words per case in all

WORDS = ["obec", "komunita", "sousedé", "spolek", "setkání", "centrum", "pracovník", "lidé", "rodiny", "senioři", "děti", "mládež", "obyvatelé", "starosta", "zastupitelstvo", "plán", "potřeby", "zdroje", "podpora", "služby", "poradenství", "dobrovolníci", "aktivita", "projekt", "výsledek", "cíl", "udržitelnost", "spolupráce", "organizace", "kraj", "region", "venkov", "město", "lokalita", "začleňování", "vyloučení", "důvěra", "vztahy", "zapojení", "diskuse", "anketa", "rozhovor", "mapování", "dotace", "rozpočet", "financování", "akční", "skupina", "škola", "knihovna", "hřiště", "komunitní", "sociální", "místní", "společný", "pravidelný", "otevřený", "bezplatný", "důležitý", "nový", "malý", "velký", "praktický", "připravit", "zjistit", "zapojit", "podpořit", "vyhodnotit", "naplánovat", "otevřít", "pozvat", "sdílet", "řešit", "pomáhat", "scházet", "společně", "postupně", "pravidelně", "nakonec", "zejména", "také", "proto", "přitom", "dnes", "letos", "každý", "žádný", "čtvrtletí", "měsíc", "úřad", "žádost", "příručka", "zkušenost", "příklad", "příležitost", "přínos", "překážka", "řešení", "úspěch", "změna"]
SHORT = ["a", "i", "v", "k", "s", "z", "o", "u"]
HEADINGS = ["Výchozí situace", "Cíle", "Co se dělalo", "Zapojení obyvatel a obcí", "Výsledky a přínosy",
            "Udržitelnost", "Co si odnést pro vlastní praxi"]
METHODS = ["komunitni-centrum", "komunitni-organizovani", "komunitni-planovani", "mapovani-potreb"]
METHOD_TITLES = ["Komunitní centrum", "Komunitní organizování", "Komunitní plánování", "Mapování potřeb"]
PROGRAMMES = ["opz", "opz-plus", "irop", "krajska-dotace", "jine"]
TAGS = ["venkov", "město", "sousedství", "dobrovolnictví", "participace", "senioři", "mládež", "veřejný prostor"]
GROUPS = ["osoby-socialne-vyloucene", "seniori", "rodiny-s-detmi", "deti-a-mladez", "verejnost", "nezamestnani"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(SHORT) if rng.random() < 0.12 else rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, words: int, link: str) -> str:
    """Markdown with sections, paragraphs, a list and a link, about `words` words long."""
    parts, count = [], 0
    for i, heading in enumerate(HEADINGS):
        parts.append(f"## {heading}\n")
        target = words * (i + 1) // len(HEADINGS)
        while count < target:
            para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
            count += len(para.split())
            parts.append(para + "\n")
        if i == 2:
            parts.append("\n".join(f"- **{rng.choice(WORDS).capitalize()}.** {sentence(rng)}" for _ in range(4)) + "\n")
            parts.append(f"Postup odpovídá [metodice]({link}).\n")
    return "\n".join(parts)


def generate(root: Path, n: int) -> None:
    """A content root with the real vocabularies, four methods and n cases."""
    from portal.content.vocabulary import load_vocabulary

    shutil.copy(REPO / "vocabularies.yml", root / "vocabularies.yml")
    (root / "methods").mkdir()
    (root / "good_practice").mkdir()
    rng = random.Random(n)
    for slug, title in zip(METHODS, METHOD_TITLES, strict=False):
        (root / "methods" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\nsummary: {sentence(rng)}\n---\n\n{body(rng, WORDS_PER_CASE, 'mapovani-potreb.md')}", encoding="utf-8")
    regions = load_vocabulary(root)[0].codes("regions")
    for i in range(n):
        total = rng.randint(200_000, 20_000_000)
        eu = total * 85 // 100
        start_year = rng.randint(2016, 2023)
        methods = rng.sample(METHODS, 2)
        front = f"""---
title: Komunitní projekt č. {i + 1} – {rng.choice(WORDS)} a {rng.choice(WORDS)}
summary: {sentence(rng)} {sentence(rng)}
region: {regions[i % len(regions)]}
municipalities: [Obec {i + 1}, Sousední obec {i + 1}]
municipality_count: {2 + i % 5}
organisation: {{name: "Spolek číslo {i + 1}, z.s.", web: "https://spolek{i + 1}.example.cz/"}}
project:
  registration_number: CZ.03.02.01/00/22_008/{i:07d}
  programme: {rng.choice(PROGRAMMES)}
  start: {start_year}-01-01
  end: {start_year + 2}-12-31
funding:
  total: {total}
  sources:
    - {{source: esf, amount: {eu}}}
    - {{source: obec, amount: {total - eu}}}
methods: [{", ".join(methods)}]
target_groups: [{", ".join(rng.sample(GROUPS, 2))}]
indicators:
  - {{label: Setkání obyvatel, target: 10, achieved: {rng.randint(5, 15)}, unit: setkání}}
  - {{label: Zapojení dobrovolníci, target: 20, unit: osob}}
contacts:
  - {{name: Jana Nováková, role: koordinátorka, email: jana{i}@example.cz, phone: "600 000 {i % 1000:03d}", consent: 2026-11-01}}
links:
  - {{title: Fotografie z akcí, url: "https://spolek{i + 1}.example.cz/fotografie"}}
tags: [{", ".join(rng.sample(TAGS, 2))}]
sources:
  - {{title: "Spolek číslo {i + 1}: stránka projektu", url: "https://spolek{i + 1}.example.cz/projekt", accessed: 2026-11-23}}
---

"""
        (root / "good_practice" / f"pripad-{i + 1:04d}.md").write_text(
            front + body(rng, WORDS_PER_CASE, f"../methods/{methods[0]}.md"), encoding="utf-8")
