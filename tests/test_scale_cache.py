"""The content cache and the check of one file: the same problems as a full, uncached check, with less work."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content import cache as cache_module
from portal.content import collection as collection_module
from portal.content import parallel as parallel_module
from portal.content.cache import ContentCache
from portal.content.collection import load_collection
from tests.conftest import REPO, VALID_CASE

BROKEN = {
    "good_practice/spatny-odkaz.md": VALID_CASE + "\n[Metodika](../methods/neexistuje.md) a <a href=\"../methods/chybi.md\">jiná</a>\n",
    "good_practice/spatna-metoda.md": VALID_CASE.replace("region: moravskoslezsky", "region: moravskoslezsky\nmethods: [komunitni-planovan]"),
    "good_practice/spatna-hlavicka.md": "---\ntitle: [neuzavřený\n---\n\n<script>alert(1)</script>\n",
    "good_practice/castka.md": VALID_CASE.replace("region: moravskoslezsky", "region: moravskoslezsky\nfunding: {total: 10.5, sources: [{source: esf, amount: 10.499}]}"),
}


@pytest.fixture
def content(root: Path, write) -> Path:
    for rel, text in BROKEN.items():
        write(rel, text)
    for case in (REPO / "good_practice").glob("*.md"):
        shutil.copy(case, root / "good_practice" / case.name)
    for method in (REPO / "methods").glob("*.md"):
        shutil.copy(method, root / "methods" / method.name)
    return root


@pytest.fixture(autouse=True)
def empty_memory():
    """Each test starts with no entries kept in memory, so the folder's entries are what is tested."""
    cache_module._MEMORY.clear()


def problems(collection) -> list[str]:
    return [str(p) for p in collection.problems]


def test_cached_load_equals_uncached(content: Path, tmp_path: Path):
    store = ContentCache(tmp_path / "cache", (content / "vocabularies.yml").read_bytes())
    plain = load_collection(content, cache=None)
    cold = load_collection(content, cache=store)
    assert store.hits == 0 and store.misses > 0
    warm = load_collection(content, cache=store)
    assert store.hits == store.misses
    assert problems(plain) == problems(cold) == problems(warm)
    assert len(problems(plain)) >= 6
    assert [(d.slug, d.meta, d.body, d.source.lines) for d in plain.cases] == [(d.slug, d.meta, d.body, d.source.lines) for d in warm.cases]


def test_link_targets_are_checked_again_when_files_change(content: Path, tmp_path: Path):
    store = ContentCache(tmp_path / "cache", b"")
    before = problems(load_collection(content, cache=store))
    assert any("neexistující metodiku 'methods/neexistuje.md'" in p for p in before)
    (content / "methods" / "neexistuje.md").write_text("---\ntitle: Nová\nsummary: Nová metodika.\n---\n\nText.\n", encoding="utf-8")
    after = problems(load_collection(content, cache=store))
    assert not any("methods/neexistuje.md" in p for p in after)
    assert after == problems(load_collection(content, cache=None))


def test_an_edited_file_is_parsed_again(content: Path, tmp_path: Path):
    store = ContentCache(tmp_path / "cache", b"")
    load_collection(content, cache=store)
    case = content / "good_practice" / "komunitni-centrum-vltavotynska.md"
    case.write_text(case.read_text(encoding="utf-8").replace("title: ", "title: Upraveno ", 1), encoding="utf-8")
    store.hits = store.misses = 0
    edited = load_collection(content, cache=store)
    assert store.misses == 1
    assert edited.case("komunitni-centrum-vltavotynska").title.startswith("Upraveno ")


def test_a_broken_cache_entry_is_a_miss(content: Path, tmp_path: Path):
    store = ContentCache(tmp_path / "cache", b"")
    expected = problems(load_collection(content, cache=store))
    with sqlite3.connect(tmp_path / "cache" / ContentCache.FILE) as db:
        keys = [key for (key,) in db.execute("SELECT key FROM entry")]
        assert len(keys) == len(list(content.rglob("*.md")))
        for key, broken in zip(keys, itertools.cycle(["{not json", "{}", '{"path": 1}', "[]", "null"]), strict=False):
            db.execute("UPDATE entry SET data = ? WHERE key = ?", (broken, key))
    cache_module._MEMORY.clear()
    assert problems(load_collection(content, cache=store)) == expected
    assert store.misses == 2 * len(keys)


@pytest.mark.parametrize("garbage", [b"", b"not a database at all\n" * 100, b"SQLite format 3\0" + b"\xff" * 4000])
def test_a_cache_file_that_is_not_a_database_is_started_again(content: Path, tmp_path: Path, garbage: bytes):
    expected = problems(load_collection(content, cache=None))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / ContentCache.FILE).write_bytes(garbage)
    store = ContentCache(tmp_path / "cache", b"")
    assert problems(load_collection(content, cache=store)) == expected
    cache_module._MEMORY.clear()
    again = ContentCache(tmp_path / "cache", b"")
    assert problems(load_collection(content, cache=again)) == expected
    assert again.misses == 0 and again.hits == len(list(content.rglob("*.md")))


def test_workers_write_their_entries_into_one_cache(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A cold load in worker processes: every file's entry is written once, and a new process reads them all."""
    for i in range(parallel_module.MIN_JOBS + 20):
        shutil.copy(content / "good_practice" / "komunitni-centrum-vltavotynska.md", content / "good_practice" / f"kopie-{i:03d}.md")
    monkeypatch.setenv("PORTAL_WORKERS", "2")
    store = ContentCache(tmp_path / "cache", b"")
    cold = problems(load_collection(content, cache=store))
    assert store.misses == len(list(content.rglob("*.md")))
    cache_module._MEMORY.clear()
    warm_store = ContentCache(tmp_path / "cache", b"")
    assert problems(load_collection(content, cache=warm_store)) == cold
    assert warm_store.misses == 0


@pytest.mark.parametrize("rel", sorted(BROKEN) + ["good_practice/komunitni-centrum-vltavotynska.md"])
def test_one_file_gets_the_problems_of_the_full_check(content: Path, rel: str):
    full = [p for p in problems(load_collection(content, cache=None)) if p.startswith(rel + ":")]
    assert problems(load_collection(content, [content / rel], cache=None)) == full


def test_one_file_check_parses_that_file_and_the_referenced_methods_only(content: Path, monkeypatch: pytest.MonkeyPatch):
    parsed: list[str] = []
    real = collection_module.parse_source
    monkeypatch.setattr(collection_module, "parse_source", lambda raw, rel: parsed.append(rel) or real(raw, rel))
    collection = load_collection(content, [content / "good_practice" / "castka.md"], cache=None)
    assert sorted(parsed) == ["good_practice/castka.md"] + sorted(f"methods/{m.name}" for m in (content / "methods").glob("*.md"))
    assert len(collection.cases) == len(list((content / "good_practice").glob("*.md")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.sampled_from(list("ab [](<>)!#-*`~|\n:/.žý") + ["../methods/", "https://", '<a href="', "x.md", "```"]),
                     max_size=80).map("".join))
def test_cache_round_trip_keeps_every_problem(root: Path, tmp_path: Path, body: str):
    """Any body: a warm load from the cache reports exactly what an uncached load does."""
    (root / "good_practice" / "x.md").write_text(VALID_CASE + body, encoding="utf-8")
    store = ContentCache(tmp_path / "hyp-cache", b"")
    cold = problems(load_collection(root, cache=store))
    assert problems(load_collection(root, cache=store)) == cold == problems(load_collection(root, cache=None))
