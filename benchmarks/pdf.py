"""Benchmark of the PDF manual: 100, 500 and 1,000 synthetic cases, each size in a fresh process (`make bench-pdf`).

Not a test. For each size a child process generates a content root (the real vocabularies, four methods,
N valid cases of about 700 words of Czech-like text spread over the regions), loads and validates it, then
typesets everything the site publishes: the full edition, every regional edition and a print of every
case (Typst, worker processes, empty cache), then once more with one case changed (what `mkdocs serve`
and CI do with the cache). `--engine weasyprint` measures the earlier adapter instead (full and regional
editions only; it has no case prints). Peak memory is the largest sum of the resident memory of the child
and all its descendants, sampled every 20 ms from /proc.

    python benchmarks/pdf.py [--engine typst|weasyprint] [N ...]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from corpus import REPO, generate  # benchmarks/ is on sys.path when run as a script

SIZES = (100, 500, 1000)


def settings():
    from portal.manual import Settings
    return Settings("Příklady dobré praxe aktivit komunitního typu", "Metodické centrum komunitní práce",
                    "https://komunitni-prace.example.cz/", date.today(), REPO / "docs" / "prirucka-uvod.md")


def cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(engine: str, n: int) -> None:
    """Generate, load and typeset n cases; print the timings as JSON."""
    from portal.content.collection import load_collection

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        root = Path(tmp) / "content"
        root.mkdir()
        generate(root, n)
        t0 = time.perf_counter()
        collection = load_collection(root)
        if collection.problems:
            sys.exit("Vygenerovaný obsah má chyby:\n" + "\n".join(map(str, collection.problems[:20])))
        t1, c1 = time.perf_counter(), cpu()
        row = {"engine": engine, "cases": n, "load": t1 - t0}
        if engine == "weasyprint":
            from portal.manual import build_editions
            pdfs, _ = build_editions(collection, settings(), Path(tmp) / "all")
            row.update(all=time.perf_counter() - t1, all_cpu=cpu() - c1, prints=0, again=None, again_cpu=None, rendered_again=None)
        else:
            from portal.manual.typeset import build_all
            result = build_all(collection, settings(), Path(tmp) / "all", Path(tmp) / "cache")
            t2, c2 = time.perf_counter(), cpu()
            pdfs = result.editions
            case = root / "good_practice" / "pripad-0001.md"
            case.write_text(case.read_text(encoding="utf-8") + "\nDoplněný odstavec po úpravě.\n", encoding="utf-8")
            collection = load_collection(root)  # as `mkdocs serve` does; then the PDFs, in the same process
            t3, c3 = time.perf_counter(), cpu()
            again = build_all(collection, settings(), Path(tmp) / "again", Path(tmp) / "cache")
            row.update(all=t2 - t1, all_cpu=c2 - c1, prints=len(result.cases), again=time.perf_counter() - t3,
                       again_cpu=cpu() - c3, rendered_again=again.rendered)
        full = pdfs[0]
        row.update(pages=full.pages, mb=full.size / 1e6, editions=len(pdfs), all_pages=sum(p.pages for p in pdfs))
        print(json.dumps(row))


def tree_rss(pid: int) -> int:
    """Resident memory in bytes of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry.name)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run(engine: str, n: int) -> dict:
    """One size in a fresh interpreter, its process tree sampled for memory."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", engine, str(n)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else ""
    code = proc.wait()
    done.set()
    sampler.join()
    if code:
        sys.exit(f"Měření pro {n} případů selhalo (kód {code}).")
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = peak[0] / 2**20
    return result


def main(argv: list[str]) -> None:
    engine = "typst"
    if argv[:1] == ["--engine"]:
        engine, argv = argv[1], argv[2:]
    sizes = [int(a) for a in argv] or list(SIZES)
    rows = [run(engine, n) for n in sizes]
    print(f"PDF příručka, {engine}, {os.cpu_count()} jádra, {date.today().isoformat()}")
    print("| případů | vše: čas (CPU) | vydání | tisků příkladů | stran úplného | MB úplného | stran všech vydání "
          "| max. paměť (strom procesů) | po úpravě 1 příkladu: čas (CPU) | znovu vysázeno |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        again = f"{r['again']:.1f} s ({r['again_cpu']:.1f} s)" if r["again"] is not None else "–"
        rendered = ", ".join(r["rendered_again"]) if r["rendered_again"] is not None else "–"
        print(f"| {r['cases']} | {r['all']:.1f} s ({r['all_cpu']:.1f} s) | {r['editions']} | {r['prints']} | {r['pages']} "
              f"| {r['mb']:.1f} | {r['all_pages']} | {r['rss_mb']:.0f} MB | {again} | {rendered} |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
    else:
        main(sys.argv[1:])
