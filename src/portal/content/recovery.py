"""One YAML slip must not hide every other problem: the fields that can still be read are checked too.

The header is parsed again with each line a syntax error points at blanked out (and no-break spaces
pasted from Word read as spaces), up to a few times. What then parses is validated like any document,
but only for problems that cannot be echoes of the blanked lines: no "missing field" (the field may be
on a blanked line) and nothing on or just above a blanked line. Nothing recovered is ever published.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from portal.content.conversion import build
from portal.content.documents import Document
from portal.content.frontmatter import Source, parse_source
from portal.content.problems import HEADER, MISSING, Problem
from portal.content.validate import document_problems, link_target_problems, rule_references_exist

if TYPE_CHECKING:
    from portal.content.vocabulary import Vocabulary

MAX_ATTEMPTS = 5


def recovered_source(raw: bytes, rel: str, broken: Source) -> tuple[Source | None, set[int]]:
    """The file parsed with its broken header lines blanked, and the blanked line numbers; None if still unreadable."""
    try:
        lines = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    except UnicodeDecodeError:
        return None, set()
    blanked: set[int] = set()
    problems = broken.problems
    for _ in range(MAX_ATTEMPTS):
        header_lines = {p.line for p in problems if p.field == HEADER and p.line > 1}
        if not header_lines or header_lines <= blanked:
            return None, blanked
        for number in header_lines - blanked:
            if "\u00a0" in lines[number - 1]:
                lines[number - 1] = lines[number - 1].replace("\u00a0", " ")  # meant as a space: read the line as such
            else:
                lines[number - 1] = ""
                blanked.add(number)
        src = parse_source("\n".join(lines).encode("utf-8"), rel)
        if src.meta is not None:
            return src, blanked
        problems = src.problems
    return None, blanked


def readable_field_problems(root: Path, broken: Source, vocab: Vocabulary, docs: Iterable[Document],
                            files: set[str], folders: dict[str, str]) -> list[Problem]:
    """Problems of the readable fields of a file whose header has a syntax error (reported already)."""
    kind = folders.get(broken.path.split("/", 1)[0])
    file = root / broken.path
    if kind is None or not file.is_file():
        return []
    src, blanked = recovered_source(file.read_bytes(), broken.path, broken)
    if src is None:
        return []
    doc = Document(kind, file.stem, src, build(kind, src.meta or {}))
    others = [d for d in docs if d.kind == "method" and d.path != doc.path]  # what references can name
    own, links = document_problems(doc, vocab, folders)
    found = src.problems + own + link_target_problems(doc.path, links, files, folders)  # conversion problems (a comma in {…}) too
    found += rule_references_exist([doc, *others], vocab)  # only this file's references: the others are checked already
    return [p for p in found if p.path == doc.path and p.field != HEADER and p.code != MISSING
            and p.line not in blanked and p.line + 1 not in blanked and p.line < src.body_line]
