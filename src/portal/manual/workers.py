"""Long-lived Typst worker processes: at most two at a time, each retiring once its memory passes a limit.

Typst keeps every laid-out page and its memo cache until the process ends (README, "PDF příručka ve
velkém"), so the typesetting runs in worker processes, not in MkDocs' own. A worker stays alive from job to
job (one interpreter start, one font scan and one parsed template for hundreds of PDFs; under `mkdocs serve`
it survives from one rebuild to the next) and ends by itself once its resident memory after a job passes
RETIRE_MB; the next job starts a fresh one. Protocol: one JSON job per line on stdin, one JSON answer per
line on stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from portal.manual.model import ManualError
from portal.manual.typst_doc import qr_png

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
STANDARDS = ["ua-1"]
TIMEOUT = 900        # seconds one job may take
RETIRE_MB = 450      # a worker whose resident memory passed this after a job ends
FRESH_MB = 110       # a fresh worker with its fonts loaded
BUDGET_MB = 1100     # what the busy workers together may hold at most (memory already held + what their jobs need)
# Measured memory a job adds (README): Typst ~3.5 MB per case chapter it lays out; join ~0.26 MB per page; replacing
# one part of a joined edition ~0.115 MB per page (a fresh worker peaked at 434 MB on 2,804 pages).
MB_PER_CASE = 3.5
MB_PER_JOINED_PAGE = 0.26
MB_PER_REJOINED_PAGE = 0.12
RECENT = 8           # compiles whose memoised layout a worker is taken to still have (Typst keeps ~10)


def _fonts_args() -> dict:
    import typst
    dirs = [d for d in FONT_DIRS if Path(d).is_dir()]
    if not dirs:
        raise ManualError("chybí písma DejaVu (/usr/share/fonts/truetype/dejavu); nainstalujte fonts-dejavu-core")
    return {"font_paths": typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=dirs)}


def _pages_and_anchors(path: Path, names: list[str]) -> tuple[int, dict[str, int]]:
    """Page count of a PDF and the page index of each named destination asked for (qpdf: ~0.2 ms a file)."""
    import pikepdf

    from portal.manual.join import _names
    with pikepdf.open(path) as pdf:
        if not names:
            return len(pdf.pages), {}
        index: dict[Any, int] = {page.objgen: i for i, page in enumerate(pdf.pages)}
        wanted = set(names)
        dests = pdf.Root.Names.Dests if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else None
        return len(pdf.pages), {n: index.get(d[0].objgen, 0) for n, d in _names(dests) if n in wanted}


_COMPILER: dict[str, object] = {}  # the worker's compiler for the root it was last given


def work(root: str, timestamp: int, items: list[dict]) -> list[dict]:
    """QR codes, Typst compiles and joins, in order; each result also says its wall and CPU seconds."""
    import typst

    out: list[dict] = []
    for item in items:
        wall, cpu = time.perf_counter(), time.process_time()
        if item["kind"] == "qr":
            for url, rel in item["codes"]:
                path = Path(root) / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(qr_png(url))
            result: dict = {}
        elif item["kind"] == "typst":
            if root not in _COMPILER:
                _COMPILER.clear()
                _COMPILER[root] = typst.Compiler(root=root, **_fonts_args())
            try:
                data, warnings = _COMPILER[root].compile_with_warnings(  # type: ignore[attr-defined]
                    input=str(Path(root) / item["main"]), format="pdf", pdf_standards=STANDARDS, pdf_tags=True,
                    timestamp=timestamp)
            except typst.TypstError as exc:
                raise ManualError(f"sazba {item['main']} selhala: {exc.message}") from None
            target = Path(item["target"])
            target.write_bytes(data)
            if "prepare" in item:  # a part of a large edition (join.py)
                from portal.manual.join import prepare
                prepare(target, item["prepare"]["prefix"], item["prepare"]["shift"])
            pages, anchors = _pages_and_anchors(target, item.get("anchors", []))
            result = {"pages": pages, "anchors": anchors, "warnings": [str(getattr(w, "message", w)) for w in warnings]}
        elif item["kind"] == "join":
            from portal.manual.join import join
            pages, layout = join([Path(p) for p in item["parts"]], [set(r) for r in item["real"]], Path(item["target"]),
                                 item.get("titles", {}), item.get("pages", {}), item.get("hashes"))
            result = {"pages": pages, "layout": layout}
        elif item["kind"] == "rejoin":
            from portal.manual.rejoin import rejoin
            pages, layout = rejoin(Path(item["base"]), item["layout"], item["index"], Path(item["part"]), set(item["real"]),
                                   Path(item["target"]), item.get("titles", {}), item.get("pages", {}), item["hash"])
            result = {"pages": pages, "layout": layout}
        else:
            raise ManualError(f"neznámá úloha sazby {item['kind']!r}")
        result["wall"], result["cpu"] = time.perf_counter() - wall, time.process_time() - cpu
        out.append(result)
    return out


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    """Worker loop: a job per stdin line, an answer per stdout line; ends at end of input or past RETIRE_MB."""
    for line in sys.stdin:
        job = json.loads(line)
        try:
            answer: dict = {"results": work(job["root"], job["timestamp"], job["items"])}
        except ManualError as exc:
            answer = {"error": str(exc)}
        answer["rss"] = _rss_mb()
        retire = answer["rss"] > RETIRE_MB
        answer["retire"] = retire
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
        if retire or "error" in answer:
            return


class _Worker:
    def __init__(self) -> None:
        self.rss: float = FRESH_MB  # as last reported
        self.recent: list[tuple[str, bool, float]] = []  # its last compiles (main file, urgent, MB): Typst still has their layout
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close(); a file, not a pipe: a chatty worker can never block on it
        self.proc = subprocess.Popen([sys.executable, "-m", "portal.manual.workers"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, text=True, bufsize=1)

    def memo_value(self) -> tuple[bool, float]:
        """What ending this worker would lose: the memoised layout of an urgent job (a part of a large edition) first."""
        return any(urgent for _, urgent, _ in self.recent), sum(mb for _, _, mb in self.recent)

    def ask(self, job: dict) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        timer = threading.Timer(TIMEOUT, self.proc.kill)
        timer.start()
        try:
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        finally:
            timer.cancel()
        if not line:
            self.proc.kill()
            self.proc.wait()
            self.stderr.seek(0)
            stderr = self.stderr.read().decode("utf-8", "replace")
            raise ManualError(f"proces sazby skončil (kód {self.proc.returncode}): {stderr.strip()[-500:]}")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.stderr.close()


class Pool:
    """At most n workers busy at a time, within BUDGET_MB of memory; a waiting urgent job (a part of a large
    edition) goes before anything else. A job says how much memory it needs; an idle worker that would pass
    RETIRE_MB plus that is replaced by a fresh one; a job larger than the budget runs alone."""

    def __init__(self, n: int) -> None:
        self.n = max(1, n)
        self.urgent = 0
        self.idle: list[_Worker] = []
        self.busy: dict[_Worker, float] = {}   # worker -> memory reserved for its job
        self.cond = threading.Condition()

    def _take(self, need: float, mains: set[str]) -> tuple[_Worker | None, float] | None:
        """The idle worker for a job of `need` MB (None: start one) and its reservation, if the job fits now.

        A worker that compiled one of the job's main files lately goes first: Typst still has its layout
        memoised, so typesetting it again after a small change takes a fraction of the time (measured ~8×
        faster; Typst forgets what ten compiles did not use).
        """
        warm = [w for w in self.idle if mains.intersection(main for main, _, _ in w.recent)]
        if warm:
            worker: _Worker | None = warm[0]
        elif not mains and self.idle:  # a join: to the worker whose memoised layout is worth least
            worker = min(self.idle, key=lambda w: (w.memo_value(), w.rss))
        else:
            worker = min(self.idle, key=lambda w: w.rss) if self.idle else None
        if worker is not None and worker.rss > FRESH_MB * 1.5 and worker.rss + need > RETIRE_MB + 150:
            self.idle.remove(worker)  # too full for this job: a fresh process gives its memory back
            worker.close()
            worker = None
        cost = (worker.rss if worker else FRESH_MB) + need
        if len(self.busy) >= self.n or (self.busy and sum(self.busy.values()) + cost > BUDGET_MB):
            return None
        return worker, cost

    def run(self, job: dict, urgent: bool = False, need_mb: float = 0.0) -> list[dict]:
        mains = [str(item["main"]) for item in job["items"] if item.get("kind") == "typst"]
        with self.cond:
            if urgent:
                self.urgent += 1
            while (not urgent and self.urgent) or (taken := self._take(need_mb, set(mains))) is None:
                self.cond.wait()
            if urgent:
                self.urgent -= 1
            worker, cost = taken
            worker = worker or _Worker()
            if worker in self.idle:
                self.idle.remove(worker)
            self.busy[worker] = cost
        try:
            answer = worker.ask(job)
        except BaseException:
            worker.close()
            raise
        finally:
            with self.cond:
                self.busy.pop(worker, None)
                self.cond.notify_all()
        with self.cond:
            worker.rss = float(answer.get("rss", worker.rss))
            worker.recent = (worker.recent + [(m, urgent, need_mb / len(mains)) for m in mains])[-RECENT:]
            if answer.get("retire") or "error" in answer:
                worker.close()
            else:
                self.idle.append(worker)
            self.cond.notify_all()
        if "error" in answer:
            raise ManualError(answer["error"])
        return answer["results"]

    def stop(self) -> None:
        """End every worker (a failed build: the busy ones are killed; their callers get an error)."""
        with self.cond:
            for worker in list(self.busy) + self.idle:
                worker.close()
            self.idle.clear()


_POOLS: dict[int, Pool] = {}
_POOLS_LOCK = threading.Lock()


def pool(n: int) -> Pool:
    """The process's pool of n workers, kept between builds (`mkdocs serve` rebuilds find warm workers)."""
    with _POOLS_LOCK:
        if n not in _POOLS:
            _POOLS[n] = Pool(n)
        return _POOLS[n]


if __name__ == "__main__":
    main()
