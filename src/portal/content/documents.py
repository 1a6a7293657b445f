"""A loaded document (case, method or video) and the collection of them all, with the indexes pages need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from portal.content.kinds import BY_URL_PREFIX, KINDS
from portal.content.model import Case, Entry, Method, Video
from portal.content.problems import Problem
from portal.content.source import Source, dotted
from portal.content.validate import _references
from portal.content.vocabulary import Vocabulary
from portal.czech.text import fold

M = TypeVar("M", bound=Entry)


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
