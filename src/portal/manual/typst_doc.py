"""The manual's model as Typst sources: one shared file per chapter, one small main file per edition and per case print.

A chapter's source is made once and included by the full edition, its regional edition and the case's own
print, so identical content is never generated twice and its hash decides what must be typeset again.
Everything lives in one folder (the compile root) that holds only these sources, the QR codes and copies
of the pictures the texts show: Typst can read nothing else.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import segno

from portal.czech.formats import NBSP, long_date, plural
from portal.czech.typography import bind_short_words, bind_short_words_html
from portal.manual.html_tree import ids_in, parse
from portal.manual.model import Chapter, Edition, Manual, anchor
from portal.manual.typst_facts import facts_source
from portal.manual.typst_markup import Converter, file_of, string, text

TEMPLATE = "manual.typ"
# Chapter sources made by this process, by content: (source text, {file it needs: digest}).
_CHAPTERS: dict[str, tuple[str, dict[str, str]]] = {}
Chapters = dict[str, tuple[str, list[str]]]


def template() -> str:
    """The Typst template shipped with the package."""
    return files("portal.manual").joinpath(TEMPLATE).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Source:
    """One PDF to typeset: its main file (relative to the root), the files it needs, and what it is."""

    name: str                     # output file name without '.pdf'
    main: str                     # path of the main .typ file inside the root
    needs: tuple[str, ...]        # every file of the root it reads (for the content hash)
    kind: str                     # 'edition' or 'case'
    edition: Edition | None = None
    chapter: Chapter | None = None


@dataclass
class Sources:
    """Writes the sources of one build into `root`; `digests` holds the sha256 of every file written."""

    manual: Manual
    root: Path
    digests: dict[str, str] = field(default_factory=dict)
    pending_qr: list[tuple[str, str]] = field(default_factory=list)
    chapters: Chapters = field(default_factory=dict)
    intro_file: str = ""
    prints: list[Source] = field(default_factory=list)
    _context: str | None = None

    def write(self, rel: str, data: str | bytes) -> str:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        digest = hashlib.sha256(raw).hexdigest()
        if self.digests.get(rel) != digest:
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            self.digests[rel] = digest
        return rel

    # ---------- pictures ----------
    def picture(self, url: str) -> str | None:
        """Copy a repository picture into the root under a name made from its content; None if it is gone."""
        path = Path(file_of(url))
        if not path.is_file():
            return None
        data = path.read_bytes()
        rel = f"img/{hashlib.sha256(data).hexdigest()[:32]}{path.suffix.lower()}"
        if rel not in self.digests:
            self.write(rel, data)
        return "/" + rel

    def qr(self, url: str) -> str:
        """Where the QR code of a web address is (named by its content: address and segno's version)."""
        digest = hashlib.sha256(f"qr:{segno.__version__}:{url}".encode()).hexdigest()
        rel = f"qr/{digest[:32]}.png"
        if self.digests.get(rel) != digest or not (self.root / rel).is_file():
            self.pending_qr.append((url, rel))  # made by worker processes, in parallel (segno takes ~10 ms each)
            self.digests[rel] = digest
        return "/" + rel

    # ---------- chapters ----------
    def body(self, html: str, ctx_anchor: str, level_base: int, refs: dict[str, str] | None = None) -> str:
        html = bind_short_words_html(html)
        return Converter(ids_in(parse(html)), self.picture, level_base, refs).convert(html)

    def method_refs(self) -> dict[str, str]:
        return {m.anchor: m.web_url for m in self.manual.methods}

    def chapter_file(self, chapter: Chapter, kind: str) -> tuple[str, list[str]]:
        """The shared source of a chapter (remembered by content, so `mkdocs serve` converts only what changed)."""
        key = hashlib.sha256(repr((kind, chapter.anchor, chapter.body_html, chapter.web_url, chapter.doc.meta,
                                   self.context())).encode()).hexdigest()
        known = _CHAPTERS.get(key)
        if known is not None and all(rel in self.digests and (self.root / rel).is_file() for rel in known[1]):
            src, needs = known
            for rel, digest in needs.items():
                self.digests.setdefault(rel, digest)
            rel = self.write(f"ch/{chapter.anchor}.typ", src)
            return rel, [rel, *needs]
        rel, deps = self._chapter_file(chapter, kind)
        if len(_CHAPTERS) > 20_000:
            _CHAPTERS.clear()
        _CHAPTERS[key] = ((self.root / rel).read_text(encoding="utf-8"), {d: self.digests[d] for d in deps[1:]})
        return rel, deps

    def context(self) -> str:
        """What a chapter's source depends on besides the chapter: method titles and addresses, region names."""
        if self._context is None:
            m = self.manual
            vocabulary = m.collection.root / "vocabularies.yml"
            self._context = repr(([(c.anchor, c.title, c.web_url) for c in m.methods], m.settings.site_url,
                                  vocabulary.stat().st_mtime_ns if vocabulary.is_file() else None))
        return self._context

    def _chapter_file(self, chapter: Chapter, kind: str) -> tuple[str, list[str]]:
        m = self.manual
        title, lead = bind_short_words(chapter.title), bind_short_words(chapter.summary)
        body = self.body(chapter.body_html, chapter.anchor, 2)
        needs: list[str] = []
        if kind == "case":
            region = m.collection.vocab.name("regions", chapter.region)
            kicker = f"Příklad dobré praxe · {region}"
            facts, needs = facts_source(self, chapter)
        else:
            kicker, facts = "Metodika", "none"
        src = (f"#import \"/{TEMPLATE}\": *\n"
               f"#let meta = (name: {string(chapter.anchor)}, kicker: {string(kicker)}, title: {string(title)}, lead: {string(lead)})\n"
               f"#let facts = {facts}\n"
               f"#let body = [\n{body}\n]\n")
        rel = self.write(f"ch/{chapter.anchor}.typ", src)
        return rel, [rel, *needs]

    # ---------- documents ----------
    def _head(self, edition: Edition, cover: bool = True, shift: int = 0) -> list[str]:
        """Import, document metadata and (for the first file of an edition) the cover."""
        m, s = self.manual, self.manual.settings
        title = m.title_of(edition)
        counts = (plural(len(edition.cases), "příklad", "příklady", "příkladů") + " dobré praxe a "
                  + plural(len(m.methods), "metodika", "metodiky", "metodik") + " komunitní práce")
        description = (f"Regionální vydání pro {edition.region_name}: " if edition.region_name else "Úplné vydání: ") + counts + "."
        lines = [f"#import \"/{TEMPLATE}\": *",
                 (f"#show: setup.with(title: {string(title)}, author: {string(s.publisher)}, "
                  f"description: {string(description.replace(NBSP, ' '))}, "
                  "keywords: (\"komunitní práce\", \"příklady dobré praxe\", \"sociální práce\", \"metodiky\"), "
                  f"shift: {shift})")]
        if not cover:
            return lines
        regions = len({c.region for c in edition.cases})
        stats = [plural(len(edition.cases), "příklad dobré praxe", "příklady dobré praxe", "příkladů dobré praxe"),
                 plural(len(m.methods), "metodika", "metodiky", "metodik")]
        if not edition.region_name:
            stats.append(plural(regions, "kraj", "kraje", "krajů"))
        if edition.region_name:
            label = f'[Regionální vydání \\ #text(size: 20pt, weight: "bold", fill: orange, {string(edition.region_name)})]'
        else:
            label = string("Úplné vydání")
        downloads = s.site_url + "ke-stazeni/"
        lines.append(f"#cover(publisher: {string(s.publisher)}, title: {string(s.title)}, edition: {label}, "
                     f"stats: {string(bind_short_words(' · '.join(stats)))}, "
                     f"date: {string('Vydáno ' + long_date(s.edition_date))}, "
                     f"web: [#{string(bind_short_words('Aktuální vydání a webová verze: '))}#link({string(downloads)}, {string(downloads)})], "
                     f"notice: {string(s.notice)})")
        return lines

    def _methods(self, edition: Edition, chapters: Chapters, needs: set[str], parts: bool = False) -> list[str]:
        m = self.manual
        methods_lead = string(bind_short_words(
            "Metodiky popisují osvědčené postupy komunitní práce: k čemu slouží, kdy je použít, jak postupovat, "
            "kdo v nich hraje jakou roli a na co si dát pozor."))
        in_edition = {c.doc.slug for c in edition.cases}
        lines = []
        for i, method in enumerate(m.methods):
            rel, deps = chapters[method.anchor]
            needs.update(deps)
            cases = [c for c in m.collection.cases_by_method.get(method.doc.slug, []) if c.slug in in_edition]
            after = "none"
            if cases:
                target = (lambda slug: f'"kp-dest:{anchor("case", slug)}"') if parts else (lambda slug: f"<{anchor('case', slug)}>")
                items = ", ".join(f"[#link({target(c.slug)})[{text(bind_short_words(c.title))}]]" for c in cases)
                after = f"uses(list({items}))"
            opens = f"(name: \"metodiky\", lead: {methods_lead})" if i == 0 else "none"
            lines.append(f"#import \"/{rel}\" as m{i}")
            lines.append(f"#chapter(\"Metodiky\", m{i}.meta.name, kicker: m{i}.meta.kicker, title: m{i}.meta.title, "
                         f"lead: m{i}.meta.lead, after: {after}, opens: {opens}, m{i}.body)")
        return lines

    def _cases(self, edition: Edition, cases: list[Chapter], chapters: Chapters, needs: set[str], opens_part: bool,
               shift: int = 0) -> list[str]:
        only = f"Vydání pro {edition.region_name} obsahuje jen příklady z tohoto kraje. " if edition.region_name else ""
        lead = (f"{only}Příklady jsou seřazeny podle abecedy. U každého najdete základní údaje o projektu, "
                "popis a doporučení pro vlastní praxi; QR kód vede na jeho webovou stránku s aktuálními informacemi.")
        lines = []
        for i, case in enumerate(cases):
            rel, deps = chapters[case.anchor]
            needs.update(deps)
            opens = f"(name: \"priklady\", lead: {string(bind_short_words(lead))})" if i == 0 and opens_part else "none"
            lines.append(f"#import \"/{rel}\" as c{i}")
            lines.append(f"#chapter(\"Příklady dobré praxe\", c{i}.meta.name, kicker: c{i}.meta.kicker, "
                         f"title: c{i}.meta.title, lead: c{i}.meta.lead, facts: c{i}.facts, opens: {opens}, shift: {shift}, c{i}.body)")
        return lines

    def _finish(self, name: str, rel: str, lines: list[str], needs: set[str], edition: Edition, part: str = "") -> Source:
        main = self.write(rel, "\n".join(lines) + "\n")
        needs.add(main)
        return Source(name, main, tuple(sorted(needs)), part or "edition", edition=edition)

    def edition(self, edition: Edition, chapters: Chapters, intro: str) -> Source:
        """An edition typeset in one go: Typst numbers the contents itself."""
        needs = {TEMPLATE, intro}
        lines = self._head(edition) + ["#contents()", f"#part({string(self.manual.intro.title)}, \"uvod\", include \"/{intro}\")"]
        lines += self._methods(edition, chapters, needs)
        if edition.cases:
            lines += self._cases(edition, edition.cases, chapters, needs, True)
        return self._finish(edition.name, f"ed/{edition.name}.typ", lines, needs, edition)

    def front(self, edition: Edition, chapters: Chapters, intro: str, toc: list[tuple[int, str, str, str]]) -> Source:
        """The first part of a large edition: cover, contents with the given page numbers, introduction, methods.

        Links to labels in other files are written as "kp-dest:<label>" addresses; join.py makes them links
        to the named destinations of the joined PDF.
        """
        needs = {TEMPLATE, intro}
        entries = ", ".join(f"({level}, {string(bind_short_words(title))}, {string(name)}, {string(page)})"
                            for level, title, name, page in toc)
        lines = self._head(edition) + ["#in-part.update(true)", f"#contents-static(({entries},))",
                                       f"#part({string(self.manual.intro.title)}, \"uvod\", include \"/{intro}\")"]
        lines += self._methods(edition, chapters, needs, parts=True)
        return self._finish(edition.name, f"ed/{edition.name}.front.typ", lines, needs, edition, "front")

    def chunk(self, edition: Edition, index: int, cases: list[Chapter], chapters: Chapters, start: int) -> Source:
        """Part index+1 of a large edition: its cases, page numbers from `start`; a later part's headings one level up."""
        needs = {TEMPLATE}
        shift = 1 if index else 0
        lines = self._head(edition, cover=False, shift=shift) + ["#in-part.update(true)", f"#counter(page).update({start})"]
        lines += self._cases(edition, cases, chapters, needs, index == 0, shift)
        return self._finish(f"{edition.name}.{index + 1}", f"ed/{edition.name}.{index + 1}.typ", lines, needs, edition, "chunk")

    def intro(self) -> str:
        body = self.body(self.manual.intro.html, "uvod", 1)
        return self.write("intro.typ", f"#import \"/{TEMPLATE}\": *\n#set heading(offset: 1)\n{body}\n")

    def add_cases(self, cases: list[Chapter]) -> list[Source]:
        """The chapter sources and prints of these cases (a build adds them batch by batch); returns their prints."""
        for c in cases:
            self.chapters[c.anchor] = self.chapter_file(c, "case")
        prints = [self.case_print(c, self.chapters[c.anchor]) for c in cases]
        self.prints += prints
        return prints

    def case_print(self, chapter: Chapter, deps: tuple[str, list[str]]) -> Source:
        s = self.manual.settings
        rel, needs = deps
        lines = [f"#import \"/{TEMPLATE}\": *",
                 f"#import \"/{rel}\" as c",
                 (f"#show: setup.with(title: c.meta.title, author: {string(s.publisher)}, "
                  f"description: {string('Příklad dobré praxe z příručky ' + s.title)}, "
                  "keywords: (\"komunitní práce\", \"příklad dobré praxe\"))"),
                 (f"#case-print(manual: {string(s.title)}, publisher: {string(s.publisher)}, kicker: c.meta.kicker, "
                  f"title: c.meta.title, lead: c.meta.lead, facts: c.facts, "
                  f"date: {string('Vytištěno z portálu ' + long_date(s.edition_date))}, web: {string(chapter.web_url)}, c.body)")]
        main = self.write(f"case/{chapter.doc.slug}.typ", "\n".join(lines) + "\n")
        return Source(chapter.doc.slug, main, tuple(sorted({TEMPLATE, main, *needs})), "case", chapter=chapter)


def qr_png(url: str) -> bytes:
    """The QR code of a web address as a PNG of one pixel per module with the standard quiet zone."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=4)
    return buffer.getvalue()


def write_sources(manual: Manual, root: Path, digests: dict[str, str] | None = None) -> Sources:
    """Template, chapters, introduction and every case print written into root (editions are written on demand)."""
    sources = start_sources(manual, root, digests)
    sources.add_cases(manual.cases)
    return sources


def start_sources(manual: Manual, root: Path, digests: dict[str, str] | None = None) -> Sources:
    """Template, method chapters and introduction written into root; cases follow with Sources.add_cases."""
    root.mkdir(parents=True, exist_ok=True)
    sources = Sources(manual, root, digests if digests is not None else {})
    sources.write(TEMPLATE, template())
    sources.chapters = {c.anchor: sources.chapter_file(c, "method") for c in manual.methods}
    sources.intro_file = sources.intro()
    return sources
