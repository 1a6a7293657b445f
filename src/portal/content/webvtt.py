"""WebVTT captions read the way browsers read them (W3C WebVTT), with a Czech problem for every slip.

Rules: UTF-8; the first line is `WEBVTT`; blocks are separated by empty lines; a cue has an optional
identifier line, a timing line `00:01.000 --> 00:04.000` (hours optional, a decimal point, three digits
of milliseconds) and at least one line of text; each cue ends after it starts, starts no earlier than the
one before, and ends within the video. NOTE blocks are comments; STYLE and REGION blocks are not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from portal.content.frontmatter import INVISIBLE

MAX_BYTES = 1_000_000  # an hour of dense captions is about 100 kB
MAX_CUES = 5_000

_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+.*)?$")
_LOOSE_TIME = re.compile(r"(\d+:)?\d+:\d+[.,]\d+")
_CONTROL = re.compile(f"[{INVISIBLE}]")
_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
EXPECTED_TIMING = "čas ve tvaru 00:00:01.000 --> 00:00:04.000 (hodiny lze vynechat: 00:01.000 --> 00:04.000; desetinná tečka a tři číslice milisekund)"


@dataclass(frozen=True)
class Cue:
    """One caption: when it is shown (seconds) and its text."""

    line: int
    start: Decimal
    end: Decimal
    text: str


def clock(seconds: Decimal) -> str:
    """A time as a reader of the captions file writes it: 1:05.250, 1:02:03.000."""
    millis = int(seconds * 1000)
    h, rest = divmod(millis, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h}:{m:02d}:{s:02d}.{ms:03d}" if h else f"{m}:{s:02d}.{ms:03d}"


def _seconds(h: str | None, m: str, s: str, ms: str) -> Decimal:
    return Decimal(int(h or 0) * 3600 + int(m) * 60 + int(s)) + Decimal(int(ms)) / 1000


def decode(raw: bytes) -> tuple[str | None, list[tuple[int, str]]]:
    """The text of a captions file (BOM and CRLF allowed), or the reason it cannot be read."""
    if len(raw) > MAX_BYTES:
        return None, [(1, f"soubor s titulky je příliš velký ({len(raw) // 1000} kB); nejvýše {MAX_BYTES // 1000} kB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [(1, "soubor s titulky není v kódování UTF-8; uložte ho znovu jako UTF-8 (v Poznámkovém bloku: Uložit jako → Kódování UTF-8)")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse(text: str, duration: Decimal | None = None, duration_shown: str = "") -> tuple[list[Cue], list[tuple[int, str]]]:
    """The cues of a WebVTT text and every problem as (line, Czech message); `duration` bounds the cue times."""
    lines = text.split("\n")
    problems: list[tuple[int, str]] = []
    for i, line in enumerate(lines, 1):
        if _CONTROL.search(line):
            problems.append((i, "řádek obsahuje neviditelný řídicí znak; smažte ho (přepište řádek znovu)"))
    if not _HEADER.match(lines[0]):
        hint = ("; vypadá to jako titulky SRT: převeďte je do WebVTT (první řádek WEBVTT, v časech desetinná tečka místo čárky)"
                if lines[0].strip().isdigit() or "-->" in text.split("\n\n", 1)[0] else "")
        first = lines[0][:40] + ("…" if len(lines[0]) > 40 else "")
        return [], problems + [(1, f"soubor s titulky musí začínat řádkem 'WEBVTT'; uvedeno: '{first}'{hint}")]
    cues: list[Cue] = []
    attempted = False  # a block that should have been a cue: its own problem says what is wrong
    blocks = _blocks(lines)
    for n, (start_line, block) in enumerate(blocks):
        if n == 0:
            if any("-->" in b for b in block):
                attempted = True
                problems.append((start_line, "za řádkem 'WEBVTT' musí být prázdný řádek, teprve pak první titulek"))
            continue  # the header block
        if block[0].startswith("NOTE") and (len(block[0]) == 4 or block[0][4] in " \t"):
            continue
        if block[0] in ("STYLE", "REGION") or block[0].startswith(("STYLE ", "REGION ")):
            problems.append((start_line, f"bloky {block[0].split()[0]} se v titulcích portálu nepoužívají (vzhled titulků určuje přehrávač); blok odstraňte"))
            continue
        attempted = True
        timing_at = 1 if len(block) > 1 and "-->" not in block[0] else 0
        timing, line_no = block[timing_at], start_line + timing_at
        m = _TIMING.match(timing)
        if not m:
            problems.append((line_no, _timing_problem(timing)))
            continue
        start, end = _seconds(*m.group(1, 2, 3, 4)), _seconds(*m.group(5, 6, 7, 8))
        text_lines = block[timing_at + 1:]
        if end <= start:
            problems.append((line_no, f"titulek končí ({clock(end)}) dřív, než začne ({clock(start)}); konec musí být později než začátek"))
        if cues and start < cues[-1].start:
            problems.append((line_no, (f"titulek začíná v {clock(start)}, dřív než předchozí titulek (v {clock(cues[-1].start)} na řádku {cues[-1].line}); "
                                       "titulky musí jít v časovém pořadí")))
        if duration is not None and end >= duration + 1:  # the duration is given in whole seconds
            problems.append((line_no, f"titulek končí v {clock(end)}, až po konci videa (délka {duration_shown}); opravte čas titulku, nebo délku videa (pole duration)"))
        if "-->" in "".join(text_lines):
            problems.append((line_no, "mezi titulky chybí prázdný řádek; každý titulek oddělte od dalšího prázdným řádkem"))
        elif not any(t.strip() for t in text_lines):
            problems.append((line_no, "titulek nemá žádný text; pod řádek s časem napište, co zazní, nebo titulek smažte"))
        cues.append(Cue(line_no, start, end, "\n".join(text_lines)))
        if len(cues) > MAX_CUES:
            return cues, problems + [(line_no, f"titulků je příliš mnoho; nejvýše {MAX_CUES}")]
    if not attempted:
        problems.append((blocks[-1][0] if blocks else 1, "soubor s titulky neobsahuje žádný titulek; pod řádek 'WEBVTT' a prázdný řádek napište čas a text titulku"))
    return cues, problems


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-empty lines with the line number of their first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for i, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                blocks.append((i, current))
            current.append(line)
        else:
            current = []
    return blocks


def _timing_problem(line: str) -> str:
    """What is wrong with a line that should be a cue's timing."""
    shown = line[:60] + ("…" if len(line) > 60 else "")
    if "-->" not in line:
        return f"očekáván řádek s časem titulku, uvedeno: '{shown}'; očekáváno: {EXPECTED_TIMING}"
    hint = ""
    if "," in line and _LOOSE_TIME.search(line):
        hint = "; v časech pište desetinnou tečku, ne čárku (to je zápis SRT)"
        if _TIMING.match(line.replace(",", ".")):
            hint += f": {line.replace(',', '.')}"
    return f"neplatný čas titulku '{shown}'; očekáváno: {EXPECTED_TIMING}{hint}"
