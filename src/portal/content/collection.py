"""Load every case and method of a content root, validate them, and index them for the pages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from portal.content.cache import ContentCache
from portal.content.conversion import build
from portal.content.frontmatter import INVISIBLE, MAX_FILE_BYTES, Source, dotted, parse_source, read_source
from portal.content.kinds import BY_URL_PREFIX, KINDS
from portal.content.kinds import folders as kind_folders
from portal.content.model import Case, Entry, Method, Video
from portal.content.parallel import parallel_map
from portal.content.problems import FILE, Problem
from portal.content.recovery import readable_field_problems
from portal.content.rules.attachments import ATTACHMENT_SUFFIXES, attachment_problems
from portal.content.rules.links import Link
from portal.content.rules.media import MEDIA_SUFFIXES, media_problems
from portal.content.rules.video import video_problems
from portal.content.schema_check import validator_for
from portal.content.validate import (
    _references,
    collection_problems,
    document_problems,
    link_target_problems,
    own_body_problems,
)
from portal.content.vocabulary import Vocabulary, load_vocabulary
from portal.czech.text import fold

M = TypeVar("M", bound=Entry)

# Line breaks, control and format characters in a name could forge lines of the check's or CI's output.
# Names also refuse tab and line breaks (\t \n \r, U+2028/2029), zero-width characters and the BOM.
_UNSAFE_NAME = re.compile(f"[{INVISIBLE}\t\n\r\u2028\u2029\u200b-\u200f\ufeff]")
RESERVED_NAMES = {"index.md", "readme.md"}  # 'index.md' would be the folder's own page, not a case


@dataclass
class Document(Generic[M]):
    """One case, method or video: its parsed source and its typed model (portal.content.model), addressed by kind and slug.

    Consumers read the model (`doc.model.funding.total`); the front matter (`meta`, `get`) is for the validator.
    """

    kind: str
    slug: str
    source: Source
    model: M = field(repr=False)  # built once from the validated front matter (portal.content.conversion.build)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.meta or {}

    @property
    def body(self) -> str:
        return self.source.body

    @property
    def title(self) -> str:
        return self.model.title or self.slug

    @property
    def summary(self) -> str:
        return self.model.summary.strip()

    @property
    def url(self) -> str:
        """Site-relative address of the page, e.g. 'dobra-praxe/komunitni-centrum-vltavotynska/'."""
        return KINDS[self.kind].url(self.slug)

    @property
    def page_src(self) -> str:
        """The path of the generated page inside the site's docs, e.g. 'dobra-praxe/x.md'."""
        return KINDS[self.kind].page_src(self.slug)

    def problem(self, path: tuple, message: str) -> Problem:
        """A problem about a field of this document, at that field's line."""
        return Problem(self.path, self.source.line(path), dotted(path), message)

    def get(self, *path: str | int, default: Any = None) -> Any:
        """A nested front-matter value, or default when any step is missing."""
        node: Any = self.meta
        for key in path:
            if isinstance(node, dict) and isinstance(key, str):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                return default
            if node is None:
                return default
        return node


@dataclass(repr=False)  # mkdocs-macros serialises config.extra on every build: a full repr would cost a second
class Collection:
    """All content of the portal, with every problem found while loading it."""

    root: Path
    vocab: Vocabulary
    cases: list[Document[Case]] = field(default_factory=list)
    methods: list[Document[Method]] = field(default_factory=list)
    videos: list[Document[Video]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # pictures and files beside the texts

    def __repr__(self) -> str:
        return f"Collection({self.root}, cases={len(self.cases)}, methods={len(self.methods)}, problems={len(self.problems)})"

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def documents(self) -> list[Document[Any]]:
        """Every document: cases, methods, then videos."""
        return [*self.cases, *self.methods, *self.videos]

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], Document[Any]]:
        return {(d.kind, d.slug): d for d in self.documents}

    def case(self, slug: str) -> Document[Case] | None:
        return self._by_key.get(("case", slug))

    def method(self, slug: str) -> Document[Method] | None:
        return self._by_key.get(("method", slug))

    def video(self, slug: str) -> Document[Video] | None:
        return self._by_key.get(("video", slug))

    @cached_property
    def videos_about(self) -> dict[tuple[str, str], list[Document[Video]]]:
        """Videos that name each case or method (key: kind and slug), in library order; the schema declares which fields refer to which kind."""
        index: dict[tuple[str, str], list[Document[Video]]] = {}
        references = list(_references(KINDS["video"].schema()))
        for video in self.videos:
            for field_name, kind in references:
                for slug in getattr(video.model, field_name):
                    index.setdefault((kind, slug), []).append(video)
        return index

    def by_page(self, page_src: str) -> Document[Any] | None:
        """The document published at a generated page path such as 'dobra-praxe/x.md'."""
        prefix, _, name = page_src.partition("/")
        kind = BY_URL_PREFIX.get(prefix)
        return self._by_key.get((kind.name, name.removesuffix(".md"))) if kind and "/" not in name else None

    @cached_property
    def cases_by_region(self) -> dict[str, list[Document[Case]]]:
        """Cases of each region code, in catalogue order."""
        index: dict[str, list[Document[Case]]] = {}
        for case in self.cases:
            index.setdefault(case.model.region, []).append(case)
        return index

    @cached_property
    def cases_by_method(self) -> dict[str, list[Document[Case]]]:
        """Cases that use each method, in catalogue order."""
        index: dict[str, list[Document[Case]]] = {m.slug: [] for m in self.methods}
        for case in self.cases:
            for slug in case.model.methods:
                index.setdefault(slug, []).append(case)
        return index


def sort_key(doc: Document) -> tuple[str, str]:
    """Catalogue order: by title as a Czech reader looks it up (ignoring diacritics and case)."""
    return fold(doc.title), doc.slug


def discover(root: Path) -> tuple[list[tuple[str, Path]], list[str], list[Problem]]:
    """Content files and attachments under the kind folders; any other file is a problem."""
    found: list[tuple[str, Path]] = []
    attachments: list[str] = []
    problems: list[Problem] = []
    for kind in KINDS.values():
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            rel = file.relative_to(root).as_posix()
            parts = file.relative_to(folder).parts
            if _UNSAFE_NAME.search(rel):
                shown = _UNSAFE_NAME.sub(lambda m: f"\\u{ord(m[0]):04x}", rel)
                problems.append(Problem(shown, 1, FILE, "název souboru či složky obsahuje zalomení řádku nebo neviditelný řídicí znak; přejmenujte ho jen písmeny bez diakritiky, číslicemi a pomlčkami"))
            elif file.is_symlink():  # a link could publish any file of the build machine
                problems.append(Problem(rel, 1, FILE, "symbolické odkazy nejsou povoleny; vložte soubor přímo"))
            elif file.is_dir() or file.name == ".gitkeep":
                continue
            elif any(part.startswith(".") for part in parts):
                problems.append(Problem(rel, 1, FILE, "skrytý soubor (název začíná tečkou) by se nezveřejnil; přejmenujte ho, nebo ho odstraňte"))
            elif file.suffix.lower() == ".md" and len(parts) > 1:
                problems.append(Problem(rel, 1, FILE, f"texty musí ležet přímo ve složce {kind.folder}/, ne v podsložce; přesuňte soubor do {kind.folder}/{file.name}"))
            elif file.name.lower() in RESERVED_NAMES:
                problems.append(Problem(rel, 1, FILE, f"název '{file.name}' je vyhrazen pro přehledovou stránku; pojmenujte soubor podle příkladu, např. komunitni-centrum-obce.md"))
            elif file.suffix == ".md":
                found.append((kind.name, file))
            elif kind.name == "video" and file.suffix.lower() in MEDIA_SUFFIXES:  # videos and their captions
                attachments.append(rel)
                problems += media_problems(file, rel)
            elif file.suffix.lower() in ATTACHMENT_SUFFIXES:
                attachments.append(rel)
                problems += attachment_problems(file, rel)
            else:
                allowed = sorted(ATTACHMENT_SUFFIXES | (MEDIA_SUFFIXES if kind.name == "video" else set()))
                problems.append(Problem(rel, 1, FILE, f"neočekávaný soubor; ve složce {kind.folder}/ mohou být jen texty .md a obrázky či přílohy ({', '.join(allowed)})"))
    return found, attachments, problems


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
    referenced = {ref for kind in checked_kinds for _, ref in _references(validator_for(kind, vocab).schema)}
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


def _checked_all(jobs: list[tuple[str, Path, str]], vocab: Vocabulary, folders: dict[str, str],
                 store: ContentCache | None) -> list[tuple[str, Checked]]:
    """Each file's cache key, and the file parsed, with the problems that depend on it alone and its links.

    They come from the cache, or are computed, in parallel processes when there is much of it (a cold check or build).
    """
    results: list[tuple[str, Checked | None]] = []
    misses: list[tuple[int, str, str, Path, str]] = []
    for kind, file, rel in jobs:
        if file.stat().st_size > MAX_FILE_BYTES:
            results.append(("", (read_source(file, rel), [], [])))  # the size problem, without reading the file
            continue
        key = store.key(rel, file.read_bytes()) if store else ""
        hit = store.get(key) if store else None
        if hit is None:
            misses.append((len(results), key, kind, file, rel))
        results.append((key, hit))
    computed = parallel_map(_computed, [m[1:] for m in misses], (vocab, folders, store))
    for (i, key, *_), entry in zip(misses, computed, strict=True):
        results[i] = (key, entry)
        if store:
            store.remember(key, entry)  # a worker stored it on disk; this process keeps it in memory too
    return cast(list[tuple[str, Checked]], results)  # every None was replaced above


def _computed(job: tuple[str, str, Path, str], vocab: Vocabulary, folders: dict[str, str],
              store: ContentCache | None) -> Checked:
    """One file parsed and checked on its own, and stored in the cache under its key."""
    key, kind, file, rel = job
    src = parse_source(file.read_bytes(), rel)
    if src.meta is not None:
        own, found = document_problems(Document(kind, file.stem, src, build(kind, src.meta)), vocab, folders)
    elif src.body_line > 1:  # the header has a syntax error: still check the body
        own, found = own_body_problems(rel, src.body, src.body_line, folders)
    else:
        own, found = [], []
    if store:
        store.put(key, src, own, found)
    return src, own, found


def _rel(root: Path, path: Path) -> str:
    path = path.resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
