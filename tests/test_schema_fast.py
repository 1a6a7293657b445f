"""The quick validity test (fastjsonschema) agrees with jsonschema on every document, valid or broken in any field."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content.collection import load_collection
from portal.content.schema_check import is_valid, validator_for
from tests.conftest import REPO

COLLECTION = load_collection(REPO)
DOCS = COLLECTION.cases + COLLECTION.methods + COLLECTION.videos

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**16, 10**16), st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.text(max_size=12), st.sampled_from(["", " ", "2023-01-31", "2023-02", "2023", "2023-13-01", "31. 1. 2023",
                                           "jana@obec.cz", "jana@obec", "https://www.example.cz/", "javascript:alert(1)",
                                           "http://", "liberecky", "esf", "koordinátorka", "x" * 900, "0", "-1"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(st.sampled_from(["name", "title", "url", "source", "amount",
                                                                                       "label", "target", "achieved", "email",
                                                                                       "consent", "accessed", "x"]), inner, max_size=4)),
                      max_leaves=8)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, prefix + (i,))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DOCS), st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["set", "delete", "add"]), values),
                                       min_size=1, max_size=4))
def test_quick_test_and_jsonschema_agree(doc, edits):
    meta = copy.deepcopy(doc.meta)
    for index, operation, value in edits:
        paths = [p for p in _paths(meta) if p]
        if not paths:
            break
        path = paths[index % len(paths)]
        parent = meta
        for step in path[:-1]:
            parent = parent[step]
        if operation == "set":
            parent[path[-1]] = value
        elif operation == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[f"{path[-1]}_navic" if index % 2 else str(value)[:8]] = value
        else:
            parent.append(value)
    assert is_valid(doc.kind, COLLECTION.vocab, meta) == validator_for(doc.kind, COLLECTION.vocab).is_valid(meta), meta


def test_every_real_document_is_valid_for_both():
    for doc in DOCS:
        assert is_valid(doc.kind, COLLECTION.vocab, doc.meta) and validator_for(doc.kind, COLLECTION.vocab).is_valid(doc.meta)
    assert Decimal("1.5")  # numbers with a decimal point reach both as Decimal (yaml_header.py)


def test_a_document_with_an_error_still_gets_jsonschema_s_message(tmp_path: Path):
    from tests.test_frontmatter import problems
    (tmp_path / "good_practice").mkdir()
    src = (REPO / "good_practice" / f"{COLLECTION.cases[0].slug}.md").read_text(encoding="utf-8")
    (tmp_path / "vocabularies.yml").write_bytes((REPO / "vocabularies.yml").read_bytes())
    (tmp_path / "methods").mkdir()
    for method in (REPO / "methods").glob("*.md"):
        (tmp_path / "methods" / method.name).write_bytes(method.read_bytes())
    (tmp_path / "good_practice" / "a.md").write_text(src.replace("region: ", "region: x", 1), encoding="utf-8")
    found = [p for p in problems(tmp_path) if p.startswith("good_practice/a.md:")]
    assert any(p.split(": ", 1)[1].startswith("region: neznámá hodnota 'x") for p in found), found
