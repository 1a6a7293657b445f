"""Typst adapter: every edition and every case print typeset in short-lived worker processes, from a content-addressed cache.

Measured (README, "PDF příručka ve velkém"): Typst keeps every laid-out page and its memo cache in the
process until the PDF is written (~1.1 MB per page, 3.3 GB for the 1,000-case full edition), and gives the
memory back only when the process ends. Hence: at most two worker processes at a time (two cores), each
ending after its job; case prints go in batches; an edition with more than CHUNK cases is typeset as parts
(front matter, then CHUNK cases each, page numbers continued) and joined with its tags (join.py). A PDF
whose sources (template, chapter files, QR codes, pictures), engine version and options did not change is
taken from the cache instead of being typeset again; so is every part of a large edition.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from portal.content.collection import Collection
from portal.manual.model import (
    Edition,
    Manual,
    ManualError,
    PdfFile,
    Settings,
    build_manual,
)
from portal.manual.typst_doc import Source, Sources, qr_png, write_sources

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
STANDARDS = ["ua-1"]
WORKERS = 2
BATCH_PAGES = 300          # pages a batch process typesets before it ends (bounds its memory)
TIMEOUT = 900             # seconds one worker process may take
CHUNK = 100                # cases per part of a large edition (~350 MB in Typst); PORTAL_PDF_CHUNK overrides
ENGINE_ID = "typst-0.15.2/ua-1/v2"



@dataclass
class Done:
    """What a worker reports for one PDF: pages, page index of each asked-for label, warnings."""

    pages: int
    anchors: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Result:
    """What a build of all PDFs gives: the editions, the case prints (by slug), what was typeset anew, warnings."""

    editions: list[PdfFile]
    cases: dict[str, PdfFile]
    rendered: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _fonts_args() -> dict:
    import typst
    dirs = [d for d in FONT_DIRS if Path(d).is_dir()]
    if not dirs:
        raise ManualError("chybí písma DejaVu (/usr/share/fonts/truetype/dejavu); nainstalujte fonts-dejavu-core")
    return {"font_paths": typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=dirs)}


def _anchors(path: Path, names: list[str]) -> dict[str, int]:
    """Page index of each named destination asked for."""
    if not names:
        return {}
    import pikepdf

    from portal.manual.join import _names
    with pikepdf.open(path) as pdf:
        index = {page.objgen: i for i, page in enumerate(pdf.pages)}
        wanted = set(names)
        dests = pdf.Root.Names.Dests if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else None
        return {n: index.get(d[0].objgen, 0) for n, d in _names(dests) if n in wanted}


def work(root: str, timestamp: int, items: list[dict]) -> list[dict]:
    """Worker: QR codes, Typst compiles (one compiler: fonts and template loaded once) and joins, in order."""
    import typst
    from pypdf import PdfReader

    compiler = None
    out: list[dict] = []
    for item in items:
        if item["kind"] == "qr":
            for url, rel in item["codes"]:
                path = Path(root) / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(qr_png(url))
            out.append({})
        elif item["kind"] == "typst":
            compiler = compiler or typst.Compiler(root=root, **_fonts_args())
            try:
                # A later part of a large edition starts with a chapter (level 2): PDF/UA-1 checks a document's
                # first heading, so such a part is checked as tagged PDF only; the joined edition starts with level 1.
                data, warnings = compiler.compile_with_warnings(input=str(Path(root) / item["main"]), format="pdf",
                                                                pdf_standards=STANDARDS if item.get("ua", True) else [],
                                                                pdf_tags=True, timestamp=timestamp)
            except typst.TypstError as exc:
                raise ManualError(f"sazba {item['main']} selhala: {exc.message}") from None
            target = Path(item["target"])
            target.write_bytes(data)
            out.append({"pages": len(PdfReader(target).pages), "anchors": _anchors(target, item.get("anchors", [])),
                        "warnings": [str(getattr(w, "message", w)) for w in warnings]})
        elif item["kind"] == "join":
            from portal.manual.join import join
            pages = join([Path(p) for p in item["parts"]], [set(r) for r in item["real"]], Path(item["target"]),
                         item.get("titles", {}), item.get("pages", {}))
            out.append({"pages": pages})
    return out


def source_key(source: Source, digests: dict[str, str]) -> str:
    """The content address of a PDF: engine, options and the hash of every file it reads."""
    h = hashlib.sha256(ENGINE_ID.encode())
    h.update(source.main.encode())
    for rel in source.needs:
        h.update(f"\0{rel}\0{digests[rel]}".encode())
    return h.hexdigest()


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
            done = Done(int(data["pages"]), {k: int(v) for k, v in data.get("anchors", {}).items()})
            shutil.copyfile(pdf, target)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        with self.lock:
            self.used.add(key)
        return done

    def put(self, key: str, target: Path, done: Done) -> None:
        tmp = self.folder / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
        shutil.copyfile(target, tmp)
        os.replace(tmp, self.folder / f"{key}.pdf")
        (self.folder / f"{key}.json").write_text(json.dumps({"pages": done.pages, "anchors": done.anchors}))
        with self.lock:
            self.used.add(key)

    def keep_only_used(self) -> None:
        """Forget entries this build did not use (the cache never grows beyond one build's PDFs)."""
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path.stem not in self.used:
                path.unlink(missing_ok=True)


class Slots:
    """At most n worker processes at a time; a waiting part of a large edition goes before anything else."""

    def __init__(self, n: int) -> None:
        self.free = max(1, n)
        self.urgent = 0
        self.cond = threading.Condition()

    def acquire(self, urgent: bool) -> None:
        with self.cond:
            if urgent:
                self.urgent += 1
            while self.free == 0 or (not urgent and self.urgent):
                self.cond.wait()
            self.free -= 1
            if urgent:
                self.urgent -= 1

    def release(self) -> None:
        with self.cond:
            self.free += 1
            self.cond.notify_all()


class Runner:
    """Runs worker processes (`python -m portal.manual.typeset`, a job as JSON on stdin) within the slots."""

    def __init__(self, root: Path, timestamp: int, workers: int) -> None:
        self.root, self.timestamp = root, timestamp
        self.slots = Slots(workers)
        self.procs: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.failed = False

    def run(self, items: list[dict], urgent: bool = False) -> list[dict]:
        self.slots.acquire(urgent)
        try:
            if self.failed:
                raise ManualError("sazba jiné části selhala")
            proc = subprocess.Popen([sys.executable, "-m", "portal.manual.typeset"], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with self.lock:
                self.procs.add(proc)
            try:
                stdout, stderr = proc.communicate(json.dumps({"root": str(self.root), "timestamp": self.timestamp, "items": items}),
                                                  timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                self.failed = True
                raise ManualError(f"sazba nedoběhla do {TIMEOUT} s") from None
            with self.lock:
                self.procs.discard(proc)
            if proc.returncode != 0:
                self.failed = True
                lines = [line for line in stderr.strip().splitlines() if line.startswith("ManualError: ")]
                raise ManualError(lines[-1].removeprefix("ManualError: ") if lines else
                                  f"proces sazby skončil s kódem {proc.returncode}: {stderr.strip()[-500:]}")
            return json.loads(stdout)
        finally:
            self.slots.release()

    def stop(self) -> None:
        with self.lock:
            for proc in self.procs:
                proc.kill()


def _timestamp(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def chunk_size() -> int:
    value = os.environ.get("PORTAL_PDF_CHUNK", "").strip()
    return max(1, int(value)) if value.isdigit() else CHUNK


class Build:
    """One build of every PDF: sources, cache look-ups, worker jobs; run() returns the Result."""

    def __init__(self, manual: Manual, sources: Sources, digests: dict[str, str], out_dir: Path, cache: Cache,
                 runner: Runner) -> None:
        self.manual, self.sources, self.digests = manual, sources, digests
        self.out_dir, self.cache, self.runner = out_dir, cache, runner
        self.parts_dir = out_dir / ".parts"
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self.rendered: list[str] = []
        self.warnings: list[str] = []
        self.lock = threading.Lock()

    def _record(self, target: Path, done: Done) -> None:
        with self.lock:
            self.warnings += done.warnings
            if target.parent != self.parts_dir:
                self.rendered.append(target.relative_to(self.out_dir).as_posix())

    def typst(self, source: Source, target: Path, anchors: list[str] = (), urgent: bool = False,  # type: ignore[assignment]
              ua: bool = True) -> Done:
        """One PDF from the cache, or typeset alone in a worker."""
        key = source_key(source, self.digests)
        hit = self.cache.get(key, target)
        if hit is not None:
            return hit
        [raw] = self.runner.run([{"kind": "typst", "main": source.main, "target": str(target), "anchors": list(anchors),
                                  "ua": ua}], urgent)
        done = Done(raw["pages"], raw.get("anchors", {}), raw.get("warnings", []))
        self.cache.put(key, target, done)
        self._record(target, done)
        return done

    def batch(self, sources: list[tuple[Source, Path]]) -> dict[Path, Done]:
        """Several small PDFs: cache hits copied, the rest typeset by one worker."""
        out: dict[Path, Done] = {}
        todo = []
        for source, target in sources:
            key = source_key(source, self.digests)
            hit = self.cache.get(key, target)
            if hit is None:
                todo.append((key, source, target))
            else:
                out[target] = hit
        if todo:
            raws = self.runner.run([{"kind": "typst", "main": s.main, "target": str(t)} for _, s, t in todo])
            for (key, _, target), raw in zip(todo, raws):
                done = Done(raw["pages"], {}, raw.get("warnings", []))
                self.cache.put(key, target, done)
                self._record(target, done)
                out[target] = done
        return out

    def large(self, edition: Edition, target: Path) -> Done:
        """An edition in parts: front matter (contents numbered from the parts), CHUNK cases each, joined."""
        m, src = self.manual, self.sources
        size = chunk_size()
        chunks = [edition.cases[i:i + size] for i in range(0, len(edition.cases), size)]
        front_names = ["uvod", "metodiky"] + [c.anchor for c in m.methods]
        entries = [(1, m.intro.title, "uvod"), (1, "Metodiky", "metodiky")] + [(2, c.title, c.anchor) for c in m.methods]
        entries += [(1, "Příklady dobré praxe", "priklady")] + [(2, c.title, c.anchor) for c in edition.cases]
        estimate = str(8 + 3 * len(edition.cases) + 3 * len(m.methods))
        pages_of: dict[str, int] = {}
        numbers = {name: "0" * len(estimate) for _, _, name in entries}  # same width as most real numbers
        stem = target.stem
        for _ in range(3):  # the contents take as many pages as before with real numbers: one round, rarely two
            front = src.front(edition, src.chapters, src.intro_file, [(lvl, t, n, numbers[n]) for lvl, t, n in entries])
            first = self.typst(front, self.parts_dir / f"{stem}.0.pdf", front_names, urgent=True)
            pages_of.update(first.anchors)
            start = first.pages + 1
            parts, real = [self.parts_dir / f"{stem}.0.pdf"], [front_names]
            for i, chunk in enumerate(chunks):
                names = [c.anchor for c in chunk] + (["priklady"] if i == 0 else [])
                part = self.parts_dir / f"{stem}.{i + 1}.pdf"
                done = self.typst(src.chunk(edition, i, chunk, src.chapters, start), part, names, urgent=True, ua=i == 0)
                pages_of.update({n: start - 1 + p for n, p in done.anchors.items()})
                parts.append(part)
                real.append(names)
                start += done.pages
            wanted = {name: str(pages_of[name] + 1) for _, _, name in entries}
            if wanted == numbers:
                break
            numbers = wanted
        else:
            raise ManualError(f"{target.name}: čísla stran v obsahu se neustálila")
        key = hashlib.sha256(b"join\0" + "\0".join(source_key(s, self.digests) for s in [front]).encode()
                             + "\0".join(map(str, parts)).encode() + json.dumps(numbers, sort_keys=True).encode()).hexdigest()
        for part in parts:
            key = hashlib.sha256((key + hashlib.sha256(part.read_bytes()).hexdigest()).encode()).hexdigest()
        hit = self.cache.get(key, target)
        if hit is not None:
            return hit
        titles = {name: norm_title for _, norm_title, name in entries}
        [raw] = self.runner.run([{"kind": "join", "parts": [str(p) for p in parts], "real": real, "target": str(target),
                                  "titles": titles, "pages": pages_of}], True)
        done = Done(raw["pages"])
        self.cache.put(key, target, done)
        self._record(target, done)
        return done


def build_all(collection: Collection, settings: Settings, out_dir: Path, cache_dir: Path,
              digests: dict[str, str] | None = None, workers: int = WORKERS) -> Result:
    """Every edition into out_dir, every case print into out_dir/priklady; only what changed is typeset."""
    if not collection.ok:
        raise ManualError("obsah má chyby, příručku nelze vytvořit")
    manual = build_manual(collection, settings)
    root = cache_dir / "src"
    cache = Cache(cache_dir / "pdf")
    digests = digests if digests is not None else _load_digests(root)
    sources = write_sources(manual, root, digests)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "priklady").mkdir(exist_ok=True)
    runner = Runner(root, _timestamp(settings.edition_date), workers)
    if 0 < len(sources.pending_qr) <= 50:  # a few: not worth starting processes
        for url, rel in sources.pending_qr:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(qr_png(url))
    elif sources.pending_qr:  # ~10 ms each in segno: shared by the workers, before anything needs them
        codes = sources.pending_qr
        threads = [threading.Thread(target=runner.run, args=([{"kind": "qr", "codes": codes[i::workers]}],))
                   for i in range(max(1, workers))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if runner.failed:
            raise ManualError("QR kódy se nepodařilo vytvořit")
    build = Build(manual, sources, digests, out_dir, cache, runner)
    editions = manual.editions()
    pdfs: dict[str, Done] = {}
    errors: list[BaseException] = []
    size = chunk_size()

    def guard(fn, *args) -> None:
        try:
            fn(*args)
        except BaseException as exc:  # noqa: BLE001 - the first failure is reported; the other threads stop soon
            errors.append(exc)
            runner.failed = True

    def one_edition(edition: Edition) -> None:
        target = out_dir / f"{edition.name}.pdf"
        if len(edition.cases) > size:
            pdfs[edition.name] = build.large(edition, target)
        else:
            pdfs[edition.name] = build.typst(sources.edition(edition, sources.chapters, sources.intro_file), target)

    def prints(batch: list[Source]) -> None:
        for target, done in build.batch([(s, out_dir / "priklady" / f"{s.name}.pdf") for s in batch]).items():
            pdfs["priklady/" + target.stem] = done

    threads = [threading.Thread(target=guard, args=(one_edition, e)) for e in editions]
    per_batch = max(1, BATCH_PAGES // 2)
    threads += [threading.Thread(target=guard, args=(prints, sources.prints[i:i + per_batch]))
                for i in range(0, len(sources.prints), per_batch)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _save_digests(root, digests)
    if errors:
        runner.stop()
        raise errors[0]
    cache.keep_only_used()
    shutil.rmtree(build.parts_dir, ignore_errors=True)
    result = Result([], {}, sorted(build.rendered), list(dict.fromkeys(build.warnings)))
    full = editions[0]
    for edition in editions:
        target = out_dir / f"{edition.name}.pdf"
        result.editions.append(PdfFile(edition, target, pdfs[edition.name].pages, target.stat().st_size, settings.edition_date))
    for source in sources.prints:
        target = out_dir / "priklady" / f"{source.name}.pdf"
        result.cases[source.name] = PdfFile(full, target, pdfs["priklady/" + source.name].pages, target.stat().st_size,
                                            settings.edition_date)
    return result


def main() -> None:
    """Worker entry: {"root", "timestamp", "items"} as JSON on stdin, one result per item as JSON on stdout."""
    data = json.loads(sys.stdin.read())
    try:
        result = work(data["root"], data["timestamp"], data["items"])
    except ManualError as exc:
        sys.exit(f"ManualError: {exc}")
    sys.stdout.write(json.dumps(result))


def _load_digests(root: Path) -> dict[str, str]:
    """Hashes of the source files left by the last build (files whose hash is unchanged are not rewritten)."""
    try:
        data = json.loads((root / ".digests.json").read_text())
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if (root / k).is_file()} if isinstance(data, dict) else {}


def _save_digests(root: Path, digests: dict[str, str]) -> None:
    (root / ".digests.json").write_text(json.dumps(digests))


if __name__ == "__main__":
    main()
