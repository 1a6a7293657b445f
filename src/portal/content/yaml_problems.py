"""PyYAML's syntax errors as Czech problems, at the line where the editor has to look."""

from __future__ import annotations

import yaml

from portal.content.problems import HEADER, Problem

# PyYAML's English problems, in Czech, with what to do about them.
YAML_PROBLEMS = [
    ("mapping values are not allowed", "dvojtečka na nečekaném místě; hodnotu, která obsahuje dvojtečku, dejte do uvozovek"),
    ("could not find expected ':'", "za názvem pole chybí dvojtečka, nebo je špatně odsazený řádek"),
    ("cannot start any token", "tabulátor nebo nepovolený znak; odsazujte pouze mezerami"),
    ("expected <block end>", "nesprávné odsazení; položky na stejné úrovni musí začínat ve stejném sloupci"),
    ("expected ',' or ']'", "neukončený seznam; chybí ']' nebo čárka mezi položkami"),
    ("expected ',' or '}'", "neukončený slovník; chybí '}' nebo čárka mezi položkami"),
    ("found unexpected end of stream", "neukončené uvozovky nebo závorka"),
    ("found unknown escape character", "neplatná sekvence se zpětným lomítkem v uvozovkách; použijte jednoduché uvozovky"),
    ("expected a single document", "hlavička obsahuje více dokumentů YAML"),
    ("found undefined alias", "odkazy (aliasy) YAML nejsou povoleny"),
    ("expected alphabetic or numeric character", "znak '&' nebo '*' na začátku hodnoty; hodnotu dejte do uvozovek"),
    ("did not find expected key", "nesprávné odsazení nebo chybějící '-' u položky seznamu"),
    ("did not find expected '-' indicator", "nesprávné odsazení položky seznamu"),
    ("found character that cannot start any token", "nepovolený znak na začátku hodnoty; hodnotu dejte do uvozovek"),
    ("found a tab character", "tabulátor v odsazení; odsazujte pouze mezerami"),
    ("did not find expected node content", "chybí hodnota nebo stojí na nečekaném místě; hodnotu dejte do uvozovek"),
    ("found unexpected ':'", "dvojtečka na nečekaném místě; hodnotu, která obsahuje dvojtečku, dejte do uvozovek"),
    ("block sequence entries are not allowed", "pomlčka '-' na nečekaném místě; každou položku seznamu pište na samostatný řádek pod název pole"),
    ("did not find expected comment or line break", "za hodnotou v uvozovkách nesmí na řádku nic dalšího následovat; dejte do uvozovek celý text"),
    ("did not find expected <document start>", "hlavička obsahuje více dokumentů YAML"),
    ("found unexpected document indicator", "řádek '---' nebo '...' uvnitř hlavičky; hlavičku ukončuje jen jeden řádek '---'"),
    ("undefined tag handle", "nepovolený typ YAML (značka '!'); hodnotu začínající '!' dejte do uvozovek"),
    ("directive", "direktivy YAML ('%…') nejsou v hlavičce povoleny"),
    ("found unknown escape character", "neplatná sekvence se zpětným lomítkem v uvozovkách; použijte jednoduché uvozovky"),
    ("found unexpected end of stream", "neukončené uvozovky nebo závorka"),
]
_GENERIC_YAML_PROBLEM = "zápisu nelze porozumět; zkontrolujte na tomto řádku odsazení (jen mezery), dvojtečku za názvem pole a uvozovky"


def yaml_problem(exc: yaml.MarkedYAMLError, path: str, offset: int, header_lines: list[str]) -> Problem:
    """A YAML syntax error in Czech, at the line where it is (where an unclosed bracket opened)."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and mark and mark.line >= len(header_lines) - 1:  # noticed only at the end of the header
        mark = exc.context_mark
    line = (mark.line + offset) if mark else 1
    raw = f"{exc.context or ''} {exc.problem or ''}"
    czech = next((cz for en, cz in YAML_PROBLEMS if en in raw), _GENERIC_YAML_PROBLEM)
    if "could not find expected ':'" in raw and exc.context_mark:  # the key without its colon, not the line after it
        line = exc.context_mark.line + offset
    elif "mapping values are not allowed" in raw and mark is not None:
        previous = _previous_line(header_lines, mark.line)
        if previous is not None and ":" not in header_lines[previous]:
            line, czech = previous + offset, "za názvem pole chybí dvojtečka ('název: hodnota')"
    return Problem(path, line, HEADER, f"chyba zápisu YAML: {czech}")


def _previous_line(lines: list[str], index: int) -> int | None:
    """The nearest non-blank line before a line of the header."""
    for i in range(min(index, len(lines)) - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None
