"""The content-addressed cache of typeset PDFs: a PDF is typeset again only when something it reads changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from portal.manual.typst_doc import Source

ENGINE_ID = "typst-0.15.2/ua-1/v4"   # part of every address: a new engine or template output format invalidates all


@dataclass
class Done:
    """What a worker reports for one PDF: pages, page index of each asked-for label, warnings."""

    pages: int
    anchors: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    layout: dict | None = None    # a joined edition: where each part went (join.py), for replacing one part later


def source_key(source: Source, digests: dict[str, str]) -> str:
    """The content address of a PDF: engine, options and the hash of every file it reads."""
    h = hashlib.sha256(ENGINE_ID.encode())
    h.update(source.main.encode())
    for rel in source.needs:
        h.update(f"\0{rel}\0{digests[rel]}".encode())
    return h.hexdigest()


def place(source: Path, target: Path) -> None:
    """A file at target with source's bytes: a hard link where possible (cache entries are replaced, never changed)."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class Cache:
    """PDFs by content address in a folder: <key>.pdf and <key>.json (pages, label pages)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()
        self.lock = threading.Lock()

    def get(self, key: str, target: Path) -> Done | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        try:
            data = json.loads(meta.read_text())
            done = Done(int(data["pages"]), {k: int(v) for k, v in data.get("anchors", {}).items()}, layout=data.get("layout"))
            place(pdf, target)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        with self.lock:
            self.used.add(key)
        return done

    def put(self, key: str, target: Path, done: Done) -> None:
        tmp = self.folder / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
        shutil.copyfile(target, tmp)
        os.replace(tmp, self.folder / f"{key}.pdf")
        meta = {"pages": done.pages, "anchors": done.anchors} | ({"layout": done.layout} if done.layout else {})
        (self.folder / f"{key}.json").write_text(json.dumps(meta))
        with self.lock:
            self.used.add(key)

    def last(self, name: str, key: str | None = None) -> tuple[Path, Done] | None:
        """The cached PDF and meta of the last build of `name` (a joined edition); with key, remember this one instead."""
        pointer = self.folder / f"{name}.last"
        if key is not None:
            pointer.write_text(key)
            return None
        try:
            last = pointer.read_text().strip()
            data = json.loads((self.folder / f"{last}.json").read_text())
        except (OSError, ValueError):
            return None
        pdf = self.folder / f"{last}.pdf"
        if not pdf.is_file() or not isinstance(data.get("layout"), dict):
            return None
        return pdf, Done(int(data["pages"]), layout=data["layout"])

    def keep_only_used(self) -> None:
        """Forget entries this build did not use (the cache never grows beyond one build's PDFs)."""
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path.stem not in self.used:
                path.unlink(missing_ok=True)


def load_digests(root: Path) -> dict[str, str]:
    """Hashes of the source files left by the last build (files whose hash is unchanged are not rewritten)."""
    try:
        data = json.loads((root / ".digests.json").read_text())
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if (root / k).is_file()} if isinstance(data, dict) else {}


def save_digests(root: Path, digests: dict[str, str]) -> None:
    (root / ".digests.json").write_text(json.dumps(digests))
