"""Benchmark of the PDF manual: 100, 500 and 1,000 synthetic cases, each size in a fresh process (`make bench-pdf`).

Not a test. For each size a child process generates a content root (the real vocabularies, four methods,
N valid cases of about 700 words of Czech-like text spread over the regions), loads and validates it, then
typesets everything the site publishes: the full edition, every regional edition and a print of every
case (Typst, worker processes, empty cache), then once more with one case changed (what `mkdocs serve`
and CI do with the cache), and again after a second change of the same case (an editor saving again). It prints where the time went (kind of job: count, wall and CPU seconds).
`--site` also builds, for each size, the whole portal with the PDF (`mkdocs build --strict`, empty caches)
and plain Material on the same Markdown with the cases out of the nav (benchmarks/site.py's projects), one
after the other, and prints the ratio. Peak memory is the largest sum of the resident memory of the child
and all its descendants, sampled every 20 ms from /proc.

    python benchmarks/pdf.py [--site] [N ...]
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
    """CPU seconds of this process, of its finished children and of its live descendants (the worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0
    for pid in descendants(os.getpid()):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            live += int(fields[11]) + int(fields[12])   # utime, stime in clock ticks
        except OSError:
            continue
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + live / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    children.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
            except OSError:
                continue
    out, stack = [], list(children.get(pid, []))
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


def child(n: int) -> None:
    """Generate, load and typeset n cases; print the timings as JSON."""
    from portal.content.collection import load_collection
    from portal.manual.typeset import build_all

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        root = Path(tmp) / "content"
        root.mkdir()
        generate(root, n)
        t0 = time.perf_counter()
        collection = load_collection(root)
        if collection.problems:
            sys.exit("Vygenerovaný obsah má chyby:\n" + "\n".join(map(str, collection.problems[:20])))
        t1, c1 = time.perf_counter(), cpu()
        row: dict = {"cases": n, "load": t1 - t0}
        result = build_all(collection, settings(), Path(tmp) / "all", Path(tmp) / "cache")
        t2, c2 = time.perf_counter(), cpu()
        pdfs = result.editions
        case = root / "good_practice" / "pripad-0001.md"
        case.write_text(case.read_text(encoding="utf-8") + "\nDoplněný odstavec po úpravě.\n", encoding="utf-8")
        collection = load_collection(root)  # as `mkdocs serve` does; then the PDFs, in the same process
        t3, c3 = time.perf_counter(), cpu()
        again = build_all(collection, settings(), Path(tmp) / "again", Path(tmp) / "cache")
        t4, c4 = time.perf_counter(), cpu()
        # The same case once more, as an editor saves it again and again under `mkdocs serve`.
        case.write_text(case.read_text(encoding="utf-8") + "\nA ještě jeden doplněný odstavec.\n", encoding="utf-8")
        collection = load_collection(root)
        t5, c5 = time.perf_counter(), cpu()
        third = build_all(collection, settings(), Path(tmp) / "third", Path(tmp) / "cache")
        row.update(all=t2 - t1, all_cpu=c2 - c1, prints=len(result.cases), again=t4 - t3, again_cpu=c4 - c3,
                   third=time.perf_counter() - t5, third_cpu=cpu() - c5, rendered_again=again.rendered,
                   timings=result.timings, timings_again=again.timings, timings_third=third.timings)
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


def sampled(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak memory of the whole process tree (MB) and stdout of one command."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, cwd=cwd, env=env)
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
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        if code:
            err.seek(0)
            sys.exit(f"{' '.join(cmd)} selhal (kód {code}):\n{err.read().decode('utf-8', 'replace')[-3000:]}")
    return wall, peak[0] / 2**20, out


def run(n: int) -> dict:
    """One size in a fresh interpreter, its process tree sampled for memory."""
    _, peak, out = sampled([sys.executable, __file__, "--child", str(n)], REPO)
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = peak
    return result


def site_row(n: int) -> dict:
    """The whole portal with the PDF against plain Material nav-less, same Markdown, one after the other."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).with_name("site.py"))
    bench = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    with tempfile.TemporaryDirectory(prefix="portal-bench-site-") as tmp:
        ours, plain = Path(tmp) / "ours", Path(tmp) / "plain"
        bench.make_ours(ours, n)
        bench.make_plain(plain, ours)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PDF": "1", "PORTAL_PDF_CACHE": str(Path(tmp) / "pdf-cache")}
        load = os.getloadavg()[0]
        wall, peak, _ = sampled([mkdocs, "build", "--strict", "-q", "-d", str(Path(tmp) / "site")], ours, env)
        pages = len(list((Path(tmp) / "site").rglob("*.pdf")))
        plain_wall, plain_peak, _ = sampled([mkdocs, "build", "-q", "-d", str(Path(tmp) / "plain-site")], plain,
                                            {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return {"cases": n, "ours": wall, "ours_mb": peak, "pdfs": pages, "plain": plain_wall, "plain_mb": plain_peak,
            "load": load}


def timings_table(rows: list[dict], key: str, title: str) -> None:
    kinds = list(dict.fromkeys(k for r in rows if r.get(key) for k in r[key]))
    if not kinds:
        return
    print(f"\n{title} (počet · čas na hodinách · čas CPU; čas úloh běžících souběžně se sčítá)")
    print("| úloha | " + " | ".join(f"{r['cases']} případů" for r in rows) + " |")
    print("| --- |" + " ---: |" * len(rows))
    for kind in kinds:
        cells = []
        for r in rows:
            c, w, u = r.get(key, {}).get(kind, (0, 0.0, 0.0))
            cells.append(f"{int(c)} · {w:.1f} s · {u:.1f} s" if c else "–")
        print(f"| {kind} | " + " | ".join(cells) + " |")


def main(argv: list[str]) -> None:
    with_site = argv[:1] == ["--site"]
    argv = argv[1:] if with_site else argv
    sizes = [int(a) for a in argv] or list(SIZES)
    load = os.getloadavg()
    rows = [run(n) for n in sizes]
    print(f"PDF příručka, typst, {os.cpu_count()} jádra, {date.today().isoformat()}, "
          f"zátěž stroje (load average 1/5/15 min) na začátku {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}, "
          f"na konci {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| případů | vše: čas (CPU) | vydání | tisků příkladů | stran úplného | MB úplného | stran všech vydání "
          "| max. paměť (strom procesů) | po úpravě 1 příkladu: čas (CPU) | znovu vysázeno | jeho další úprava: čas (CPU) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for r in rows:
        again = f"{r['again']:.1f} s ({r['again_cpu']:.1f} s)"
        rendered = ", ".join(r["rendered_again"])
        print(f"| {r['cases']} | {r['all']:.1f} s ({r['all_cpu']:.1f} s) | {r['editions']} | {r['prints']} | {r['pages']} "
              f"| {r['mb']:.1f} | {r['all_pages']} | {r['rss_mb']:.0f} MB | {again} | {rendered} "
              f"| {r['third']:.1f} s ({r['third_cpu']:.1f} s) |")
    timings_table(rows, "timings", "Kam jde čas: sazba všeho s prázdnou mezipamětí")
    timings_table(rows, "timings_again", "Kam jde čas: po úpravě jednoho příkladu")
    timings_table(rows, "timings_third", "Kam jde čas: po další úpravě téhož příkladu")
    if with_site:
        site = [site_row(n) for n in sizes]
        print("\nCelé sestavení (`mkdocs build --strict` s PDF, prázdné mezipaměti) proti čistému Material bez navigace")
        print("| případů | náš web s PDF | max. paměť | PDF souborů | čistý Material | poměr | zátěž na začátku |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in site:
            print(f"| {r['cases']} | {r['ours']:.1f} s | {r['ours_mb']:.0f} MB | {r['pdfs']} | {r['plain']:.1f} s "
                  f"| {r['ours'] / r['plain']:.1f}× | {r['load']:.1f} |")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main(sys.argv[1:])
