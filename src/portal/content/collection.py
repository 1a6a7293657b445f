"""Load every case and method of a content root, validate them, and index them for the pages."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any, cast

from portal.content.cache import ContentCache
from portal.content.conversion import build
from portal.content.discovery import discover
from portal.content.documents import Collection, Document, sort_key
from portal.content.frontmatter import MAX_FILE_BYTES, Source, parse_source, read_source
from portal.content.kinds import folders as kind_folders
from portal.content.model import Case, Method, Video
from portal.content.parallel import parallel_batches
from portal.content.problems import Problem
from portal.content.recovery import readable_field_problems
from portal.content.rules.links import Link
from portal.content.rules.video import video_problems
from portal.content.schema_check import kind_schema
from portal.content.validate import (
    _references,
    collection_problems,
    document_problems,
    link_target_problems,
    own_body_problems,
)
from portal.content.vocabulary import Vocabulary, load_vocabulary


def load_collection(root: Path, only: Iterable[Path] | None = None, cache: ContentCache | bool | None = True) -> Collection:
    """Load and validate all content under root; with `only`, check those files alone against the others' names.

    Each file is parsed and validated once: what depends on it alone comes from the content cache when the same
    bytes were seen before (portal.content.cache); links and references are checked against the other files every time.
    With `only`, the other files are listed but not validated (their names and the referenced documents suffice).
    """
    root = root.resolve()
    vocab, problems = load_vocabulary(root)
    files, attachments, more = discover(root)
    problems += more
    store = ContentCache.for_root(root) if cache is True else cache or None
    wanted = None if only is None else {_rel(root, p) for p in only}
    # Only the kinds that the checked files refer to are parsed in full (their titles feed the suggestions).
    checked_kinds = {kind for kind, f in files if wanted is None or _selected(f.relative_to(root).as_posix(), wanted)}
    referenced = {ref for kind in checked_kinds for _, ref in _references(kind_schema(kind, vocab))}
    repo_files = {f.relative_to(root).as_posix() for _, f in files} | set(attachments)
    folders = kind_folders()
    docs: list[Document[Any]] = []
    unreadable: list[Source] = []
    jobs: list[tuple[str, Path, str]] = []
    for kind, file in files:
        rel = file.relative_to(root).as_posix()
        if wanted is not None and kind not in referenced and not _selected(rel, wanted):
            docs.append(Document(kind, file.stem, Source(rel, meta={}), build(kind, {})))  # its name is all a check of others needs
        else:
            jobs.append((kind, file, rel))
    for (kind, file, rel), (key, (src, own, found)) in zip(jobs, _checked_all(jobs, vocab, folders, store), strict=False):
        problems += src.problems + own + link_target_problems(rel, found, repo_files, folders)
        if src.meta is not None:
            # The model is built once per file content and process (the cache on disk keeps only JSON data).
            model = store.model(key, partial(build, kind, src.meta)) if store and key else build(kind, src.meta)
            docs.append(Document(kind, file.stem, src, model))
        elif src.body_line > 1:
            unreadable.append(src)
    problems += collection_problems(docs, vocab)
    checked = [d for d in docs if d.kind == "video" and (wanted is None or _selected(d.path, wanted))]
    problems += video_problems(root, checked, attachments)
    for src in unreadable:  # the header has a syntax error: the fields that can still be read are checked
        problems += readable_field_problems(root, src, vocab, docs, repo_files, folders)
    if wanted is not None:
        problems = [p for p in problems if _selected(p.path, wanted)]
    docs.sort(key=sort_key)
    return Collection(
        root=root,
        vocab=vocab,
        cases=[cast(Document[Case], d) for d in docs if d.kind == "case"],
        methods=[cast(Document[Method], d) for d in docs if d.kind == "method"],
        videos=[cast(Document[Video], d) for d in docs if d.kind == "video"],
        problems=sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message)),
        attachments=attachments,
    )


def _selected(path: str, wanted: set[str]) -> bool:
    return any(path == w or path.startswith(w.rstrip("/") + "/") for w in wanted)


Checked = tuple[Source, list[Problem], list[Link]]
Job = tuple[str | None, str, Path, str, bytes | None]  # cache key if known, kind, file, its path in the root, its bytes if read


def _checked_all(jobs: list[tuple[str, Path, str]], vocab: Vocabulary, folders: dict[str, str],
                 store: ContentCache | None) -> list[tuple[str, Checked]]:
    """Each file's cache key, and the file parsed, with the problems that depend on it alone and its links.

    They come from the cache, or are computed, in parallel processes when there is much of it (a cold check or build).
    """
    results: list[tuple[str, Checked | None]] = []
    misses: list[tuple[int, str | None, str, Path, str, bytes | None]] = []
    for kind, file, rel in jobs:
        if file.stat().st_size > MAX_FILE_BYTES:
            results.append(("", (read_source(file, rel), [], [])))  # the size problem, without reading the file
            continue
        if store is None or store.empty():
            # Nothing to look up (no cache, or a cold one, as in CI): a worker reads the file and makes its key.
            if store is not None:
                store.misses += 1
            misses.append((len(results), None, kind, file, rel, None))
            results.append(("", None))
            continue
        raw = file.read_bytes()
        key = store.key(rel, raw)
        hit = store.get(key)
        if hit is None:
            misses.append((len(results), key, kind, file, rel, raw))  # the bytes go along: a worker need not read again
        results.append((key, hit))
    computed = parallel_batches(_computed_batch, [m[1:] for m in misses], (vocab, folders, store),
                                then=partial(_arrived, store) if store else None)
    for (i, *_), (key, _, entry) in zip(misses, computed, strict=True):
        results[i] = (key, entry)
    return cast(list[tuple[str, Checked]], results)  # every None was replaced above


def _arrived(store: ContentCache, batch: list[tuple[str, str, Checked]]) -> None:
    """A checked batch kept in this process's memory, with its models, while the workers go on (a no-op for its own)."""
    for key, kind, entry in batch:
        if key:
            store.remember(key, entry)
            if entry[0].meta is not None:
                store.model(key, partial(build, kind, entry[0].meta))


def _computed_batch(jobs: list[Job], vocab: Vocabulary, folders: dict[str, str],
                    store: ContentCache | None) -> list[tuple[str, str, Checked]]:
    """Files parsed and checked on their own, and stored in the cache under their keys in one write; with each
    its key and kind."""
    done = []
    for key, kind, file, rel, raw in jobs:
        raw = file.read_bytes() if raw is None else raw
        key = (store.key(rel, raw) if store else "") if key is None else key
        done.append((key, kind, _computed(key, kind, file, rel, raw, vocab, folders, store)))
    if store:
        store.put_many([(key, *entry) for key, _, entry in done if key])
    return done


def _computed(key: str, kind: str, file: Path, rel: str, raw: bytes, vocab: Vocabulary, folders: dict[str, str],
              store: ContentCache | None) -> Checked:
    """One file parsed and checked on its own."""
    src = parse_source(raw, rel)
    if src.meta is not None:
        # The model goes into the cache's memory too, so that in this process the collection does not build it again.
        model = store.model(key, partial(build, kind, src.meta)) if store and key else build(kind, src.meta)
        own, found = document_problems(Document(kind, file.stem, src, model), vocab, folders)
    elif src.body_line > 1:  # the header has a syntax error: still check the body
        own, found = own_body_problems(rel, src.body, src.body_line, folders)
    else:
        own, found = [], []
    return src, own, found


def _rel(root: Path, path: Path) -> str:
    path = path.resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
