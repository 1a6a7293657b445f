"""A cache of parsed and validated files, keyed by their content, so each file is parsed once across builds and checks.

An entry holds what depends on one file alone: its parsed front matter with the line of every value, its body,
its own problems and its links to files of the site (checked against the repository on every load, since other
files may come and go). The key is a hash of the file's path and bytes, the vocabularies and the code that
parses and validates, so any change to one of them misses the cache. Entries are JSON text (never pickle: a cache
must not be a way to run code) in one SQLite file outside the repository, by default in
~/.cache/portal-komunitni-prace/; PORTAL_CACHE names another folder, or PORTAL_CACHE=0 turns the cache off.
SQLite, not a file per entry: a worker writes its whole batch in one transaction, where two workers creating
thousands of small files in the same folders cost a cold check of 3,000 files about a second.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from portal.content.frontmatter import Source
from portal.content.problems import Problem
from portal.content.rules.links import Link

T = TypeVar("T")

# The code that decides what a file parses to and which problems it has: the content and Czech packages.
_CODE_PACKAGES = ("content", "czech")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the parsing and validating code: a new version of it never reads an old entry."""
    portal = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in _CODE_PACKAGES:
        for path in sorted((portal / package).rglob("*.py")):
            digest.update(path.relative_to(portal).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path | None:
    """The cache folder, or None when PORTAL_CACHE=0."""
    setting = os.environ.get("PORTAL_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "portal-komunitni-prace"


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, dict):
        return {"$m": [[k, _encode(v)] for k, v in value.items()]}  # keys stay in order and may look like tags
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$d" in value:
            return Decimal(value["$d"])
        return {k: _decode(v) for k, v in value["$m"]}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


# Entries already read in this process: `mkdocs serve` loads the collection again on every rebuild.
_MEMORY: dict[str, tuple[Source, list[Problem], list[Link]]] = {}
_MEMORY_LIMIT = 50_000
# Models of those entries (portal.content.model); never written to disk, rebuilt from the entry's front matter.
_MODELS: dict[str, Any] = {}


class ContentCache:
    """Entries by key in one SQLite file (and in memory for the life of the process); a broken entry or file is a miss, never an error."""

    FILE = "obsah.sqlite"

    def __init__(self, folder: Path, vocabulary: bytes) -> None:
        self.folder = folder
        self.salt = hashlib.sha256(code_version().encode() + b"\0" + vocabulary).digest()
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pid = 0  # a connection never crosses a fork: each process opens its own

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_db": None, "_pid": 0}

    @classmethod
    def for_root(cls, root: Path) -> ContentCache | None:
        folder = cache_dir()
        if folder is None:
            return None
        vocab = root / "vocabularies.yml"
        return cls(folder, vocab.read_bytes() if vocab.is_file() else b"")

    def key(self, rel: str, raw: bytes) -> str:
        return hashlib.sha256(self.salt + rel.encode("utf-8") + b"\0" + raw).hexdigest()

    def _connection(self, create: bool) -> sqlite3.Connection | None:
        """This process's connection; None when there is no cache file yet (and create is False) or it cannot be used."""
        if self._db is not None and self._pid == os.getpid():
            return self._db
        path = self.folder / self.FILE
        if not create and not path.exists():
            return None
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
                db.execute("PRAGMA synchronous=OFF")  # a cache lost in a power cut is rebuilt, not trusted
                db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID")
            except sqlite3.DatabaseError:
                if attempt or not create:
                    return None
                for suffix in ("", "-wal", "-shm"):  # not a database (a broken or foreign file): start it again
                    (self.folder / (self.FILE + suffix)).unlink(missing_ok=True)
                continue
            except OSError:
                return None
            self._db, self._pid = db, os.getpid()
            return db
        return None

    def empty(self) -> bool:
        """Whether no entry can be found: nothing in this process's memory and no cache file yet."""
        return not _MEMORY and not (self.folder / self.FILE).exists()

    def get(self, key: str) -> tuple[Source, list[Problem], list[Link]] | None:
        if key in _MEMORY:
            self.hits += 1
            return _MEMORY[key]
        try:
            db = self._connection(create=False)
            row = db.execute("SELECT data FROM entry WHERE key = ?", (key,)).fetchone() if db else None
            if row is None:
                self.misses += 1
                return None
            data = json.loads(row[0])
            src = Source(data["path"], meta=None if data["meta"] is None else _decode(data["meta"]),
                         lines={tuple(p): n for p, n in data["lines"]}, body=data["body"], body_line=data["body_line"],
                         problems=[Problem(*p) for p in data["source_problems"]], broken={tuple(b) for b in data["broken"]})
            problems = [Problem(*p) for p in data["problems"]]
            found = [Link(*link) for link in data["links"]]
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        self.remember(key, (src, problems, found))
        return src, problems, found

    @staticmethod
    def model(key: str, make: Callable[[], T]) -> T:
        """The typed model of an entry, made once per process: `mkdocs serve` shares one frozen model across rebuilds."""
        if key not in _MODELS:
            if len(_MODELS) >= _MEMORY_LIMIT:
                _MODELS.clear()
            _MODELS[key] = make()
        return _MODELS[key]

    @staticmethod
    def remember(key: str, entry: tuple[Source, list[Problem], list[Link]]) -> None:
        if len(_MEMORY) >= _MEMORY_LIMIT:
            _MEMORY.clear()
        _MEMORY[key] = entry

    def put_many(self, entries: list[tuple[str, Source, list[Problem], list[Link]]]) -> None:
        """The entries kept in memory and written in one transaction."""
        rows = []
        for key, src, problems, found in entries:
            self.remember(key, (src, problems, found))
            data = {"path": src.path, "meta": None if src.meta is None else _encode(src.meta),
                    "lines": [[list(p), n] for p, n in src.lines.items()], "body": src.body, "body_line": src.body_line,
                    "source_problems": [list(_fields(p)) for p in src.problems], "broken": [list(b) for b in src.broken],
                    "problems": [list(_fields(p)) for p in problems], "links": [[k.line, k.target, k.image] for k in found]}
            rows.append((key, json.dumps(data, ensure_ascii=False, separators=(",", ":"))))  # dumps is C, json.dump is Python
        if not rows:
            return
        try:
            db = self._connection(create=True)
            if db is not None:
                with db:  # one transaction: BEGIN … COMMIT, or ROLLBACK on an error
                    db.execute("BEGIN")
                    db.executemany("INSERT OR REPLACE INTO entry (key, data) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass  # a read-only, full or locked disk makes the cache slower, never the result different


def _fields(p: Problem) -> tuple[str, int, str, str, str]:
    return p.path, p.line, p.field, p.message, p.code
