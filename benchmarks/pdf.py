"""Benchmark of the PDF manual: 100 and 500 synthetic cases, each size in a fresh process (`make bench`).

Not a test. For each size a child process generates a content root (the real vocabularies, four
methods, N valid cases of about 700 words of Czech-like text spread over the regions), loads and
validates it, then renders the full edition and every regional edition with WeasyPrint. The parent
prints the child's timings and its peak memory (ru_maxrss from os.wait4).
"""

from __future__ import annotations

import json
import os


import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from corpus import REPO, generate  # benchmarks/ is on sys.path when run as a script

SIZES = (100, 500)


def child(n: int) -> None:
    """Generate, load and render n cases; print the timings as JSON."""
    from portal.collection import load_collection
    from portal.manual import Settings, build_editions, build_manual
    from portal.manual.render import Renderer, render_edition

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        root = Path(tmp) / "content"
        root.mkdir()
        generate(root, n)
        t0 = time.perf_counter()
        collection = load_collection(root)
        if collection.problems:
            sys.exit("Vygenerovaný obsah má chyby:\n" + "\n".join(map(str, collection.problems[:20])))
        t1 = time.perf_counter()
        settings = Settings("Příklady dobré praxe aktivit komunitního typu", "Metodické centrum komunitní práce",
                            "https://komunitni-prace.example.cz/", date.today(), REPO / "docs" / "prirucka-uvod.md")
        manual = build_manual(collection, settings)
        full = render_edition(manual, manual.editions()[0], Path(tmp) / "full.pdf", Renderer(root))
        t2 = time.perf_counter()
        pdfs, _ = build_editions(collection, settings, Path(tmp) / "all")
        t3 = time.perf_counter()
        words = sum(len(c.body.split()) for c in collection.cases) // n
        print(json.dumps({"cases": n, "words": words, "load": t1 - t0, "full": t2 - t1, "all": t3 - t2,
                          "pages": full.pages, "mb": full.size / 1e6, "editions": len(pdfs),
                          "all_pages": sum(p.pages for p in pdfs)}))


def run(n: int) -> dict:
    """One size in a fresh interpreter; its peak memory comes from the kernel's accounting of that child."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(n)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"Měření pro {n} případů selhalo (kód {proc.returncode}).")
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return result


def main() -> None:
    rows = [run(n) for n in SIZES]
    print(f"PDF příručka, WeasyPrint, {os.cpu_count()} jádra, {date.today().isoformat()}")
    print("| případů | slov/případ | načtení | úplné vydání | stran | MB | všechna vydání (počet) | stran celkem | max. paměť |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['cases']} | {r['words']} | {r['load']:.1f} s | {r['full']:.1f} s | {r['pages']} | {r['mb']:.1f} "
              f"| {r['all']:.1f} s ({r['editions']}) | {r['all_pages']} | {r['rss_mb']:.0f} MB |")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main()
