"""Typst adapter: every edition and every case print typeset by the worker pool, from a content-addressed cache.

Measured (README, "PDF příručka ve velkém"): Typst keeps every laid-out page and its memo cache in the
process until it ends (~1.1 MB per page), so the typesetting runs in at most two long-lived worker
processes (workers.py) that retire past a memory limit; an edition with more than LARGE cases is typeset
as parts (front matter, then CHUNK cases each, page numbers continued) and joined with its tags (join.py).
A PDF whose sources (template, chapter files, QR codes, pictures), engine version and options did not
change is taken from the cache instead of being typeset again; so is every part of a large edition.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from portal.content.documents import Collection
from portal.manual.cache import Cache, Done, load_digests, save_digests
from portal.manual.model import (
    Chapter,
    Edition,
    Manual,
    ManualError,
    PdfFile,
    Settings,
    chapter_maker,
)
from portal.manual.pdfs import BATCH, LARGE, Build, chunk_size
from portal.manual.runner import Runner, epoch
from portal.manual.typst_doc import Source, qr_png, start_sources

WORKERS = 2


@dataclass
class Result:
    """What a build of all PDFs gives: the editions, the case prints (by slug), what was typeset anew, warnings."""

    editions: list[PdfFile]
    cases: dict[str, PdfFile]
    rendered: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, list[float]] = field(default_factory=dict)  # kind of job -> [count, wall s, CPU s]


def build_all(collection: Collection, settings: Settings, out_dir: Path, cache_dir: Path,
              digests: dict[str, str] | None = None, workers: int = WORKERS) -> Result:
    """Every edition into out_dir, every case print into out_dir/priklady; only what changed is typeset."""
    if not collection.ok:
        raise ManualError("obsah má chyby, příručku nelze vytvořit")
    root = cache_dir / "src"
    runner = Runner(root, epoch(settings.edition_date), workers)
    wall, cpu = time.perf_counter(), time.process_time()
    intro, make_chapter = chapter_maker(collection, settings)
    manual = Manual(settings, collection, intro, methods=[make_chapter(d) for d in collection.methods],
                    cases=[make_chapter(d) for d in collection.cases])
    cache = Cache(cache_dir / "pdf")
    digests = digests if digests is not None else load_digests(root)
    sources = start_sources(manual, root, digests)
    runner.add("markdown", len(manual.methods) + 1, wall, cpu)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "priklady").mkdir(exist_ok=True)
    build = Build(manual, sources, digests, out_dir, cache, runner)
    jobs = _Jobs(build)
    editions = manual.editions()
    for edition in editions:  # each starts as soon as its chapters are written
        jobs.spawn(jobs.edition, edition)
    try:
        jobs.stream()
    except BaseException:
        runner.failed = True  # the editions waiting for chapters give up
        raise
    finally:
        for t in jobs.threads:
            t.join()
    save_digests(root, digests)
    if jobs.errors:
        runner.stop()
        raise jobs.errors[0]
    cache.keep_only_used()
    shutil.rmtree(build.parts_dir, ignore_errors=True)
    result = Result([], {}, sorted(build.rendered), list(dict.fromkeys(build.warnings)), runner.timings)
    full = editions[0]
    for edition in editions:
        target = out_dir / f"{edition.name}.pdf"
        result.editions.append(PdfFile(edition, target, jobs.pdfs[edition.name].pages, target.stat().st_size, settings.edition_date))
    for source in sources.prints:
        target = out_dir / "priklady" / f"{source.name}.pdf"
        result.cases[source.name] = PdfFile(full, target, jobs.pdfs["priklady/" + source.name].pages, target.stat().st_size,
                                            settings.edition_date)
    return result

class _Jobs:
    """The threads of one build: the editions, and per batch of cases its QR codes and prints; the first error wins."""

    def __init__(self, build: Build) -> None:
        self.build, self.runner = build, build.runner
        self.pdfs: dict[str, Done] = {}
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def spawn(self, fn: Callable[..., None], *args: object) -> threading.Thread:
        def guarded() -> None:
            try:
                fn(*args)
            except BaseException as exc:
                self.errors.append(exc)
                self.runner.failed = True
        thread = threading.Thread(target=guarded)
        self.threads.append(thread)
        thread.start()
        return thread

    def edition(self, edition: Edition) -> None:
        build, sources = self.build, self.build.sources
        target = build.out_dir / f"{edition.name}.pdf"
        if len(edition.cases) > chunk_size(LARGE):
            self.pdfs[edition.name] = build.large(edition, target)
        else:
            self.runner.wait_for(c.anchor for c in edition.cases)
            self.pdfs[edition.name] = build.typst(sources.edition(edition, sources.chapters, sources.intro_file), target,
                                                  cases=len(edition.cases) + len(build.manual.methods))

    def codes(self, pending: list[tuple[str, str]], chapters: list[Chapter]) -> None:
        self.runner.run([{"kind": "qr", "codes": pending}], urgent=True)  # before any print: every PDF needs them
        self.runner.written(c.anchor for c in chapters)

    def prints(self, batch: list[Source], qr: threading.Thread | None) -> None:
        if qr is not None:
            qr.join()
            if self.runner.failed:
                return
        folder = self.build.out_dir / "priklady"
        for target, done in self.build.batch([(s, folder / f"{s.name}.pdf") for s in batch]).items():
            self.pdfs["priklady/" + target.stem] = done

    def stream(self) -> None:
        """Render and write the cases batch by batch; each batch's QR codes and prints go to the workers at once.

        So the workers start at once instead of after every body is rendered (measured at 1,000 cases in
        `mkdocs build`, where this shares its process with MkDocs: workers idle for the first ~17 s; 86 s → 75 s).
        """
        manual, sources, runner = self.build.manual, self.build.sources, self.runner
        for i in range(0, len(manual.cases), BATCH):
            chapters = manual.cases[i:i + BATCH]
            wall, cpu = time.perf_counter(), time.process_time()
            for c in chapters:
                c.body_html  # noqa: B018  # rendered here, to count the Markdown apart from the Typst sources
            runner.add("markdown", len(chapters), wall, cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            batch = sources.add_cases(chapters)
            pending, sources.pending_qr = sources.pending_qr, []
            runner.add("typst-sources", len(chapters), wall, cpu)
            qr = None
            if len(pending) <= 20:  # a few QR codes (an edit): not worth a job (~3 ms each in segno)
                for url, rel in pending:
                    (sources.root / rel).parent.mkdir(parents=True, exist_ok=True)
                    (sources.root / rel).write_bytes(qr_png(url))
                runner.written(c.anchor for c in chapters)
            else:
                qr = self.spawn(self.codes, pending, chapters)
            self.spawn(self.prints, batch, qr)
            if runner.failed:
                break
