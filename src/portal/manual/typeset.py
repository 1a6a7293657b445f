"""Typst adapter: every edition and every case print typeset in short-lived worker processes, from a content-addressed cache.

Measured (README, "PDF příručka ve velkém"): Typst keeps the whole laid-out document and its memo cache in
the process that compiled it, so memory grows with the pages compiled by one process and is only given back
when the process ends. Hence: the full edition gets a process of its own, regional editions and case prints
go in batches to processes that end after each batch, at most two at a time (the machine class has two cores).
A PDF whose sources (template, chapter files, QR codes, pictures), engine version and options did not change
is taken from the cache instead of being typeset again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from portal.collection import Collection
from portal.manual.model import ManualError, PdfFile, Settings, build_manual
from portal.manual.typst_doc import Source, qr_png, write_sources

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
STANDARDS = ["ua-1"]
WORKERS = 2
BATCH_PAGES = 300          # pages a batch process typesets before it ends (bounds its memory)
ENGINE_ID = "typst-0.15.2/ua-1/v1"


@dataclass(frozen=True)
class Job:
    """PDFs one worker process typesets: (main file, target, timestamp) each."""

    root: str
    items: tuple[tuple[str, str], ...]
    timestamp: int
    qr: tuple[tuple[str, str], ...] = ()   # (web address, file) of QR codes to make first


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


def typeset(job: Job) -> list[tuple[str, int, list[str]]]:
    """Worker: typeset each item with one compiler (fonts and template are loaded once); (target, pages, warnings)."""
    import typst
    from pypdf import PdfReader

    for url, rel in job.qr:
        path = Path(job.root) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(qr_png(url))
    if not job.items:
        return []
    compiler = typst.Compiler(root=job.root, **_fonts_args())
    out = []
    for main, target in job.items:
        try:
            data, warnings = compiler.compile_with_warnings(input=str(Path(job.root) / main), format="pdf",
                                                            pdf_standards=STANDARDS, timestamp=job.timestamp)
        except typst.TypstError as exc:
            raise ManualError(f"sazba {main} selhala: {exc.message} {exc.diagnostic}".strip()) from None
        Path(target).write_bytes(data)
        pages = len(PdfReader(target).pages)
        out.append((target, pages, [str(getattr(w, "message", w)) for w in warnings]))
    return out


def source_key(source: Source, digests: dict[str, str]) -> str:
    """The content address of a PDF: engine, options and the hash of every file it reads."""
    h = hashlib.sha256(ENGINE_ID.encode())
    h.update(source.main.encode())
    for rel in source.needs:
        h.update(f"\0{rel}\0{digests[rel]}".encode())
    return h.hexdigest()


class Cache:
    """PDFs by content address in a folder: <key>.pdf and <key>.json (pages)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str, target: Path) -> int | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not (pdf.is_file() and meta.is_file()):
            return None
        try:
            pages = int(json.loads(meta.read_text())["pages"])
        except (ValueError, KeyError, OSError):
            return None
        shutil.copyfile(pdf, target)
        return pages

    def put(self, key: str, target: Path, pages: int) -> None:
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        shutil.copyfile(target, tmp)
        os.replace(tmp, self.folder / f"{key}.pdf")
        (self.folder / f"{key}.json").write_text(json.dumps({"pages": pages}))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget entries no build needs now (the cache never grows beyond one build's PDFs)."""
        wanted = set(keys)
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path.stem not in wanted:
                path.unlink(missing_ok=True)


def _timestamp(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


def _estimate_pages(source: Source) -> int:
    if source.kind == "case":
        return 2
    assert source.edition is not None
    return 8 + 3 * len(source.edition.cases)


def build_all(collection: Collection, settings: Settings, out_dir: Path, cache_dir: Path,
              digests: dict[str, str] | None = None, workers: int = WORKERS) -> Result:
    """Every edition into out_dir, every case print into out_dir/priklady; only what changed is typeset."""
    if not collection.ok:
        raise ManualError("obsah má chyby, příručku nelze vytvořit")
    manual = build_manual(collection, settings)
    root = cache_dir / "src"
    cache = Cache(cache_dir / "pdf")
    digests = digests if digests is not None else _load_digests(root)
    sources, qr_codes = write_sources(manual, root, digests)
    if qr_codes:
        run_jobs([Job(str(root), (), 0, tuple(qr_codes[i::workers])) for i in range(max(1, workers))], workers)
    _save_digests(root, digests)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "priklady").mkdir(exist_ok=True)

    def target_of(source: Source) -> Path:
        return out_dir / (f"priklady/{source.name}.pdf" if source.kind == "case" else f"{source.name}.pdf")

    keys = {s.name + s.kind: source_key(s, digests) for s in sources}
    pages: dict[Path, int] = {}
    todo: list[Source] = []
    for source in sources:
        target = target_of(source)
        hit = cache.get(keys[source.name + source.kind], target)
        if hit is None:
            todo.append(source)
        else:
            pages[target] = hit
    result = Result([], {})
    stamp = _timestamp(settings.edition_date)
    for target, count, warnings in run_jobs(plan(todo, str(root), target_of, stamp), workers):
        pages[Path(target)] = count
        result.warnings += warnings
    for source in todo:
        cache.put(keys[source.name + source.kind], target_of(source), pages[target_of(source)])
        result.rendered.append(target_of(source).relative_to(out_dir).as_posix())
    cache.keep_only(keys.values())
    for source in sources:
        target = target_of(source)
        if source.kind == "edition":
            assert source.edition is not None
            result.editions.append(PdfFile(source.edition, target, pages[target], target.stat().st_size, settings.edition_date))
        else:
            assert source.chapter is not None
            edition = next(e for e in manual.editions() if e.region is None)
            result.cases[source.name] = PdfFile(edition, target, pages[target], target.stat().st_size, settings.edition_date)
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def plan(todo: list[Source], root: str, target_of, stamp: int) -> list[Job]:  # noqa: ANN001 - a small closure
    """Batches of about BATCH_PAGES pages, the largest first, so that two workers finish together."""
    jobs: list[Job] = []
    batch: list[tuple[str, str]] = []
    size = 0
    for source in sorted(todo, key=_estimate_pages, reverse=True):
        estimate = _estimate_pages(source)
        if batch and size + estimate > BATCH_PAGES:
            jobs.append(Job(root, tuple(batch), stamp))
            batch, size = [], 0
        batch.append((source.main, str(target_of(source))))
        size += estimate
    if batch:
        jobs.append(Job(root, tuple(batch), stamp))
    return jobs


def run_jobs(jobs: list[Job], workers: int) -> list[tuple[str, int, list[str]]]:
    """Each job in a fresh interpreter (`python -m portal.manual.typeset`), at most `workers` at a time.

    A process per job, not a pool: its memory goes back to the system when it ends, and the build never
    depends on how the calling program (mkdocs, a test, a script) can be re-imported.
    """
    out: list[tuple[str, int, list[str]]] = []
    waiting = list(jobs)
    running: list[tuple[subprocess.Popen, Job]] = []
    try:
        while waiting or running:
            while waiting and len(running) < max(1, workers):
                job = waiting.pop(0)
                proc = subprocess.Popen([sys.executable, "-m", "portal.manual.typeset"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                assert proc.stdin is not None
                proc.stdin.write(json.dumps({"root": job.root, "items": job.items, "timestamp": job.timestamp, "qr": job.qr}))
                proc.stdin.close()
                running.append((proc, job))
            proc, job = running.pop(0)
            assert proc.stdout is not None and proc.stderr is not None
            stdout, stderr = proc.stdout.read(), proc.stderr.read()
            if proc.wait() != 0:
                message = stderr.strip().splitlines()[-1] if stderr.strip() else f"kód {proc.returncode}"
                raise ManualError(message.removeprefix("ManualError: "))
            out += [tuple(item) for item in json.loads(stdout)]  # type: ignore[misc]
    finally:
        for proc, _ in running:
            proc.kill()
            proc.wait()
    return out


def main() -> None:
    """Worker entry: a Job as JSON on stdin, [(target, pages, warnings)] as JSON on stdout."""
    data = json.loads(sys.stdin.read())
    try:
        result = typeset(Job(data["root"], tuple(tuple(i) for i in data["items"]), data["timestamp"],
                             tuple(tuple(i) for i in data["qr"])))
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
