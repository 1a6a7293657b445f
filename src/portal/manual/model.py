"""The manual as a document structure: settings, introduction, method and case chapters, editions.

Every body is rendered once and shared by all editions: the full edition has every case, each
regional edition only the cases of its region; all editions carry every method.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from portal.content.documents import Collection, Document
from portal.content.frontmatter import read_source
from portal.content.model import Case
from portal.manual.markup import DEFAULT_EXTENSIONS, BodyContext, MarkdownRenderer

FILE_STEM = "prirucka-dobre-praxe"


class ManualError(Exception):
    """The manual cannot be made; the message is Czech and says what to fix."""


@dataclass(frozen=True)
class Settings:
    """What the manual needs from the site's configuration."""

    title: str
    publisher: str
    site_url: str                 # public address ending with '/'; QR codes and links point here
    edition_date: date
    intro: Path                   # Markdown page used as the introduction
    docs_dir: str = "docs"        # folder of the site's own pages, relative to the content root
    notice: str = ""              # licence line printed on the title page
    extensions: list[Any] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    extension_configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Intro:
    """The introduction: its title and rendered text."""

    title: str
    html: str


@dataclass(frozen=True)
class Chapter:
    """One method or case: its anchor in the print, texts, web address and body, rendered when first asked for."""

    doc: Document[Any]  # a case or a method
    anchor: str
    web_url: str
    render: Callable[[], str] = field(repr=False, compare=False)

    @cached_property
    def body_html(self) -> str:
        """The rendered body (a build renders the chapters batch by batch, not all before typesetting starts)."""
        return self.render()

    @property
    def title(self) -> str:
        return self.doc.title

    @property
    def summary(self) -> str:
        return self.doc.summary

    @property
    def region(self) -> str:
        return self.doc.model.region if isinstance(self.doc.model, Case) else ""


@dataclass(frozen=True)
class Edition:
    """One PDF: the full manual or a region's edition."""

    name: str                     # file name without '.pdf'
    region: str | None            # vocabulary code, None for the full edition
    region_name: str | None
    cases: list[Chapter]


@dataclass
class Manual:
    """Everything printed, shared by all editions."""

    settings: Settings
    collection: Collection
    intro: Intro
    methods: list[Chapter]
    cases: list[Chapter]

    def title_of(self, edition: Edition) -> str:
        """The title of an edition's PDF: the manual's title, with the region for a regional edition."""
        title = self.settings.title
        return f"{title} – {edition.region_name}" if edition.region_name else title

    def editions(self) -> list[Edition]:
        """The full edition first, then one per region that has cases, in the vocabulary's order."""
        out = [Edition(FILE_STEM, None, None, list(self.cases))]
        vocab = self.collection.vocab
        for code in vocab.codes("regions"):
            cases = [c for c in self.cases if c.region == code]
            if cases:
                out.append(Edition(f"{FILE_STEM}-{code}", code, vocab.name("regions", code), cases))
        return out


@dataclass(frozen=True)
class PdfFile:
    """A rendered edition: where the PDF is, how many pages and bytes it has, and its date."""

    edition: Edition
    path: Path
    pages: int
    size: int
    edition_date: date


def anchor(kind: str, slug: str) -> str:
    """The id of a chapter in the print document."""
    return f"{'metoda' if kind == 'method' else 'pripad'}-{slug}"


# Bodies rendered by this process, by content: `mkdocs serve` renders again only the bodies that changed.
_RENDERED: dict[str, str] = {}
_RENDERED_MAX = 20_000


def build_manual(collection: Collection, settings: Settings) -> Manual:
    """The chapters in catalogue order; each body is rendered once, when first used."""
    intro, chapter = chapter_maker(collection, settings)
    return Manual(settings, collection, intro,
                  methods=[chapter(d) for d in collection.methods],
                  cases=[chapter(d) for d in collection.cases])


def chapter_maker(collection: Collection, settings: Settings) -> tuple[Intro, Callable[[Document[Any]], Chapter]]:
    """The introduction and a function that makes one document's chapter (its body is rendered when first used)."""
    if not settings.site_url.endswith("/"):
        raise ManualError(f"adresa webu (site_url) musí končit lomítkem, je '{settings.site_url}'")
    renderer = MarkdownRenderer(settings.extensions, settings.extension_configs)
    intro = load_intro(settings, collection.root, renderer)
    config = repr((settings.extensions, sorted((k, repr(v)) for k, v in settings.extension_configs.items()),
                   settings.site_url, settings.docs_dir, str(collection.root)))
    if len(_RENDERED) > _RENDERED_MAX:
        _RENDERED.clear()

    def chapter(doc: Document[Any]) -> Chapter:
        ctx = BodyContext(doc.path, anchor(doc.kind, doc.slug), settings.site_url, collection.root, 3, settings.docs_dir)
        # Pictures are looked up on disk while rendering: a body that shows one is always rendered afresh.
        key = hashlib.sha256(f"{config}\0{doc.path}\0{doc.body}".encode()).hexdigest()

        def render() -> str:
            html = _RENDERED.get(key)
            if html is None:
                html = renderer.render(doc.body, ctx)
                if "file://" not in html:
                    _RENDERED[key] = html
            return html

        return Chapter(doc, ctx.anchor, settings.site_url + doc.url, render)

    return intro, chapter


def load_intro(settings: Settings, root: Path, renderer: MarkdownRenderer) -> Intro:
    """Read the introduction page; its front matter must be valid and give a title."""
    file = settings.intro
    try:
        rel = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = f"{settings.docs_dir}/{file.name}"
    if not file.is_file():
        raise ManualError(f"chybí úvod příručky {rel} (nastavení extra.manual.intro)")
    src = read_source(file, rel)
    if src.problems:
        raise ManualError("úvod příručky má chybnou hlavičku: " + "; ".join(str(p) for p in src.problems))
    title = str((src.meta or {}).get("title") or "").strip()
    if not title:
        raise ManualError(f"{rel}: v hlavičce chybí 'title', název úvodu příručky")
    ctx = BodyContext(rel, "uvod", settings.site_url, root, 2, settings.docs_dir)
    return Intro(title, renderer.render(src.body, ctx))
