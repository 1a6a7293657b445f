"""Property-based tests: whatever an editor (or an attacker) writes, the loader answers with Czech
problems that name the file and a line, never with a traceback."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content.collection import load_collection
from portal.data.exports import atom_feed, cases_csv, cases_json
from tests.conftest import REPO

REAL_CASE = (REPO / "good_practice" / "podpora-komunitni-prace-v-msk-ii.md").read_text(encoding="utf-8")
HEADER_END = REAL_CASE.index("\n---", 3) + 4
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_root = Path(tempfile.mkdtemp(prefix="fuzz-"))
shutil.copy(REPO / "vocabularies.yml", _root / "vocabularies.yml")
for name in ("good_practice", "methods"):
    (_root / name).mkdir()
for method in (REPO / "methods").glob("*.md"):  # same slugs, no links to cases the fuzz root lacks
    (_root / "methods" / method.name).write_text(f"---\ntitle: {method.stem}\nsummary: Metodika.\n---\n", encoding="utf-8")


def check(content: str | bytes) -> None:
    """Load a file with this content; every problem must be well-formed Czech with a file and line."""
    target = _root / "good_practice" / "fuzz.md"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", errors="surrogatepass")
    started = time.perf_counter()
    collection = load_collection(_root)
    assert time.perf_counter() - started < 5, "každý soubor se zkontroluje v omezeném čase"
    raw = target.read_bytes()  # a lone CR is a line break too, as the parser (and editors) read it
    n_lines = max(1, raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1)
    for problem in collection.problems:
        assert problem.path in ("good_practice/fuzz.md", "vocabularies.yml")
        assert 1 <= problem.line <= n_lines + 1, problem
        assert problem.field and problem.message
        assert "Traceback" not in problem.message
    assert collection.problems or collection.case("fuzz") is not None
    if not collection.problems:  # whatever passes the check also exports: valid XML, JSON and CSV, no traceback
        when = datetime(2026, 1, 1, tzinfo=UTC)
        ET.fromstring(atom_feed(collection, "https://portal.example/", "Portál", {c.path: (when, when) for c in collection.cases}))
        json.loads(cases_json(collection, "https://portal.example/", date(2026, 1, 1)))
        cases_csv(collection, "https://portal.example/", date(2026, 1, 1))


CONTROL = st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufffe", "\uffff", "\u202e", "\u2066"])
hostile_text = st.lists(st.one_of(st.text(max_size=10), CONTROL), max_size=6).map("".join)
huge_numbers = st.one_of(st.integers(min_value=10**14, max_value=10**4000), st.sampled_from([
    "1.0e+100000000", "1e999", "0100", "1:40", "0x1F", "1_000", "-0", ".inf", "9" * 5000, "1" * 20 + ".5"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30), hostile_text,
                    st.dates().map(str), st.sampled_from(["moravskoslezsky", "opz", "esf", "2023-13-40", "CZ.03.2.63/0.0/0.0/15_007/0010387"]))
keys = st.one_of(st.sampled_from(["title", "summary", "region", "organisation", "project", "funding", "methods", "target_groups",
                                  "indicators", "contacts", "links", "tags", "name", "total", "sources", "amount", "start", "end"]),
                 st.text(min_size=1, max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)), max_leaves=20)


@SETTINGS
@given(st.dictionaries(keys, values, max_size=12))
def test_random_front_matter(data):
    check("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n\n## Text\n")


@SETTINGS
@given(st.text(max_size=400))
def test_random_text_as_a_file(text):
    check(text)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_a_file(raw):
    check(raw)


TOKENS = [":", "-", "[", "]", "{", "}", '"', "'", "\t", "&a", "*a", "!!python/object:os.system", "\n", " ", "  ", "#", "|", ">",
          "<script>", "{{ config }}", "0x1F", "1e999", ".nan", "<<: *a", "? ", "%", "@", "\ufeff", "\r\n", "…", "ž"]


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, HEADER_END), st.sampled_from(["insert", "delete", "duplicate"]), st.sampled_from(TOKENS)), min_size=1, max_size=6))
def test_mutated_real_case(mutations):
    text = REAL_CASE
    for position, operation, token in mutations:
        position = min(position, len(text))
        if operation == "insert":
            text = text[:position] + token + text[position:]
        elif operation == "delete":
            text = text[:position] + text[position + len(token):]
        else:
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            text = text[:end] + "\n" + text[start:end] + text[end:]
    check(text)


@SETTINGS
@given(st.sampled_from(["target", "achieved", "total", "amount", "title"]), huge_numbers, st.integers(1, 1200))
def test_huge_numbers_and_deep_nesting(field, number, depth):
    value = number if isinstance(number, str) else str(number)
    check(f"---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {{name: O}}\n"
          f"sources: [{{title: Z, url: 'https://www.example.cz/', accessed: 2026-11-23}}]\n"
          f"indicators:\n  - {{label: L, {field}: {value}}}\ntags: {'[' * depth}x{']' * depth}\n---\n\nText.\n")


BODY_PIECES = ["<a\n href='javascript:x'>", "[x](\njavascript:alert(1))", "<img src=//h.example/p>", "<img src='\\\\h.example/p'>",
               "<!-->", "<!--", "-->", "```", "~~~", "    ", "> ", "- ", "1. ", "# ", "| a | b |\n|---|---|", "<td colspan=999999>",
               "<iframe src='https://evil.example\\@www.youtube-nocookie.com/embed/x'>", "<svg onload=x>", "{{ 7*7 }}",
               "---\nrender_macros: true\n---", "jana@obec.cz", "[^1]: <abbr>x</abbr>", "[r]:\n  javascript:x", "\n", "\n\n",
               "<source srcset='//h.example/a 1x'>", "<span id=kp-filters>", "á" * 200, "\x00", "\u202e"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(BODY_PIECES), st.text(max_size=20)), max_size=30), st.integers(0, 600))
def test_hostile_bodies(pieces, depth):
    body = "".join(pieces) + "\n" + ">" * depth + " hluboko\n" + "".join("  " * i + "- a\n" for i in range(depth // 20))
    check("---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\n"
          "sources: [{title: Z, url: 'https://www.example.cz/', accessed: 2026-11-23}]\n---\n\n" + body)
