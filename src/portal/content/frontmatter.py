"""Read a YAML-fronted Markdown file safely, keeping the line of every front-matter value.

Rules: UTF-8 only (BOM and CRLF allowed); the file starts with a `---` line and the header ends with
`---` or `...`; YAML is read by libyaml's safe loader, and custom tags, anchors, aliases, merge keys,
duplicate keys and non-text keys are errors. Dates stay text (validated later against the schema),
decimal numbers become `Decimal` so money adds up to the haléř.
"""

from __future__ import annotations

import re
from pathlib import Path

from portal.content.problems import FILE, HEADER, Problem
from portal.content.source import Source, dotted
from portal.content.yaml_header import parse_header

__all__ = ["INVISIBLE", "MAX_FILE_BYTES", "Source", "dotted", "parse_source", "parse_yaml_file", "read_source"]

MAX_FILE_BYTES = 1_000_000
MAX_HEADER_BYTES = 64 * 1024

# Characters that are invisible or break XML, terminals and PDF text: C0/C1 controls (but tab and line
# breaks), DEL, Unicode non-characters, and bidirectional overrides that make text read differently.
INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{INVISIBLE}]")
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


def read_source(file: Path, rel: str) -> Source:
    """Read and parse one file; every problem is collected, nothing is raised."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        return Source(rel, problems=[Problem(rel, 1, FILE, f"soubor je příliš velký ({size // 1024} kB); největší povolená velikost je {MAX_FILE_BYTES // 1000} kB, rozdělte text nebo zmenšete přílohy")])
    return parse_source(file.read_bytes(), rel)


def parse_source(raw: bytes, rel: str) -> Source:
    """Parse the bytes of a YAML-fronted Markdown file."""
    src = Source(rel)
    text = _decode(raw, src)
    if text is None:
        return src
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _without_controls(text, src)
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        src.problems.append(Problem(rel, 1, HEADER, "soubor musí začínat hlavičkou: první řádek '---', pak pole 'název: hodnota' a nakonec opět řádek '---'"))
        return src
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        src.problems.append(Problem(rel, 1, HEADER, "hlavička není ukončena; za posledním polem chybí řádek '---'"))
        return src
    header = "\n".join(lines[1:end])
    src.body = "\n".join(lines[end + 1 :])
    src.body_line = end + 2
    if len(header.encode("utf-8")) > MAX_HEADER_BYTES:
        src.problems.append(Problem(rel, 2, HEADER, f"hlavička je příliš dlouhá; největší povolená délka je {MAX_HEADER_BYTES // 1024} kB, dlouhé texty patří do těla stránky"))
        return src
    parse_header(header, src, offset=2)  # the header's first line is the file's second line
    return src


def parse_yaml_file(file: Path, rel: str) -> Source:
    """Parse a plain YAML data file (such as the vocabularies) with the same safe rules."""
    src = Source(rel)
    text = _decode(file.read_bytes(), src)
    if text is not None:
        parse_header(_without_controls(text.replace("\r\n", "\n"), src), src, offset=1)
    return src


def _without_controls(text: str, src: Source) -> str:
    """Report every line with an invisible control character, and go on checking the text without them."""
    if not _CONTROL.search(text):
        return text
    lines = text.split("\n")
    fenced = bool(lines and _FENCE.match(lines[0]))  # a Markdown file; a data file (vocabularies) is all header
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), 0) if fenced else len(lines)
    for i, line in enumerate(lines):
        found = _CONTROL.search(line)
        if found:
            where = HEADER if (0 < i < end or not fenced) else "text"
            src.problems.append(Problem(src.path, i + 1, where, f"neviditelný řídicí znak U+{ord(found[0]):04X} není povolen (často vznikne kopírováním z jiného programu); smažte ho a okolní text napište znovu"))
    return _CONTROL.sub("", text)


def _decode(raw: bytes, src: Source) -> str | None:
    """UTF-8 text without BOM, or None with a problem naming the line of the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        src.problems.append(Problem(src.path, 1, FILE, "soubor je v kódování UTF-16; uložte jej jako UTF-8"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        src.problems.append(Problem(src.path, line, FILE, f"soubor není v kódování UTF-8 (neplatný bajt 0x{raw[exc.start]:02X}); uložte jej jako UTF-8"))
        return None
    return text.removeprefix("\ufeff")


