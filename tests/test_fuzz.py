"""Property-based tests: whatever an editor (or an attacker) writes, the loader answers with Czech
problems that name the file and a line, never with a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.collection import load_collection
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
    collection = load_collection(_root)
    n_lines = max(1, target.read_bytes().count(b"\n") + 1)
    for problem in collection.problems:
        assert problem.path in ("good_practice/fuzz.md", "vocabularies.yml")
        assert 1 <= problem.line <= n_lines + 1, problem
        assert problem.field and problem.message
        assert "Traceback" not in problem.message
    assert collection.problems or collection.case("fuzz") is not None


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
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
