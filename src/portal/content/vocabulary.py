"""Controlled vocabularies (regions, programmes, funding sources, target groups) from one data file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from portal.content.frontmatter import parse_yaml_file
from portal.content.messages import did_you_mean
from portal.content.problems import Problem
from portal.czech.text import SLUG_RE, suggest

VOCABULARY_FILE = "vocabularies.yml"

# Section in the data file -> what editors call it in Czech.
SECTIONS = {
    "regions": "kraje",
    "programmes": "programy",
    "funding_sources": "zdroje financování",
    "target_groups": "cílové skupiny",
}


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: its code, Czech name and any extra attributes (NUTS code, EU flag)."""

    code: str
    name: str
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Vocabulary:
    """All controlled vocabularies; each section maps code -> Term in the file's order."""

    sections: dict[str, dict[str, Term]]

    def codes(self, section: str) -> list[str]:
        return list(self.sections[section])

    def labels(self, section: str) -> dict[str, str]:
        return {code: term.name for code, term in self.sections[section].items()}

    def name(self, section: str, code: str) -> str:
        term = self.sections[section].get(code)
        return term.name if term else code

    def term(self, section: str, code: str) -> Term | None:
        return self.sections[section].get(code)


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read vocabularies.yml; every malformed entry is a problem, valid entries are still used."""
    file = root / VOCABULARY_FILE
    rel = VOCABULARY_FILE
    if not file.is_file():
        return Vocabulary({s: {} for s in SECTIONS}), [Problem(rel, 1, "soubor", "chybí soubor s číselníky vocabularies.yml")]
    src = parse_yaml_file(file, rel)
    problems = list(src.problems)
    data = src.meta if isinstance(src.meta, dict) else {}
    sections: dict[str, dict[str, Term]] = {}
    for section, czech in SECTIONS.items():
        sections[section] = {}
        entries = data.get(section)
        if not isinstance(entries, dict):
            problems.append(Problem(rel, src.line((section,)), section, f"chybí číselník {czech} ve tvaru 'kód: {{name: Název}}'"))
            continue
        for code, attrs in entries.items():
            line = src.line((section, code))
            if not SLUG_RE.match(code):
                problems.append(Problem(rel, line, f"{section}.{code}", "kód smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky"))
                continue
            if not isinstance(attrs, dict) or not isinstance(attrs.get("name"), str) or not attrs["name"].strip():
                problems.append(Problem(rel, line, f"{section}.{code}", "chybí český název; očekáváno: {name: Název}"))
                continue
            extra = {k: v for k, v in attrs.items() if k != "name"}
            sections[section][code] = Term(code, attrs["name"].strip(), extra)
    problems += neighbour_problems(sections["regions"], src.line)
    for key in data:
        if key not in SECTIONS:
            problems.append(Problem(rel, src.line((key,)), key, f"neznámý číselník; povolené: {', '.join(SECTIONS)}"))
    return Vocabulary(sections), problems


def neighbour_problems(regions: dict[str, Term], line: Callable[[tuple], int]) -> list[Problem]:
    """A region's neighbours (optional) are codes of other regions, and every neighbour lists the region back."""
    problems = []
    for code, term in regions.items():
        listed = term.extra.get("neighbours")
        if listed is None:
            continue
        where = f"regions.{code}.neighbours"
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            problems.append(Problem(VOCABULARY_FILE, line(("regions", code, "neighbours")), where,
                                    "očekáván seznam kódů sousedních krajů, např. [stredocesky, vysocina]"))
            continue
        for i, other in enumerate(listed):
            at = line(("regions", code, "neighbours", i))
            if other not in regions or other == code:
                choices = [c for c in regions if c != code]
                problems.append(Problem(VOCABULARY_FILE, at, where, f"neznámý kraj '{other}'; očekáváno jedno z: {', '.join(choices)}"
                                                                    f"{did_you_mean(suggest(other, choices))}"))
            elif code not in (regions[other].extra.get("neighbours") or []):
                problems.append(Problem(VOCABULARY_FILE, at, where, f"kraj '{other}' neuvádí '{code}' mezi svými sousedy; sousedství zapište u obou krajů"))
    return problems
