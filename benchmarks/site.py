"""Benchmark of the site at scale (`make bench`): ours against plain Material on the same Markdown, in one run.

Not a test. For each N (default 100, 1,000 and 3,000) the script generates N synthetic valid cases
(benchmarks/corpus.py) and builds two projects from the same Markdown, one after the other:

- ours: this repository's mkdocs.yml, docs/ and overrides/ (the plugin is installed) with the generated content (plus the five
  real cases the portal's own pages link to), `mkdocs build --strict`, PDF apart (PORTAL_PDF=0), with an empty
  content cache (a cold build, as in CI) and then once more with the cache it left (a warm rebuild);
- plain: Material with its own lunr search, the same case and method files in docs/, cases left out of the nav.

It prints wall seconds, the ratio, peak memory (ru_maxrss of the build process), ms per case, site size, a case
page's size, the catalogue's first view (HTML, CSS, JS and the facet index, gzip), the bytes a reader downloads
before the first search results (both sites served with gzip, measured in Chromium), the time ticking a filter
takes to update the announced count (Chromium, phone viewport, CPU throttled 4x), `portal check` for all files
and for one file (cold and with the cache), and how long `mkdocs serve --dirty` takes to show an edited case.
`--lighthouse` adds Lighthouse's mobile scores of the home page, the catalogue and a case page at the largest N.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

from corpus import REPO, generate  # benchmarks/ is on sys.path when run as a script

sys.path.insert(0, str(REPO))
from scripts.static_server import serve as serve_site

BIN = Path(sys.executable).parent
SIZES = (100, 1000, 3000)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PDF": "0"}


# ---------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------

def make_ours(dest: Path, n: int) -> None:
    """This repository's site with n generated cases (and the real ones its pages link to)."""
    dest.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "src" / "portal").mkdir(parents=True)  # watched by `mkdocs serve`; the package itself is installed
    (dest / "node_modules").symlink_to(REPO / "node_modules")  # the CMS served at /admin/ is copied from here
    generate(dest, n)
    for case in (REPO / "good_practice").glob("*.md"):
        shutil.copy(case, dest / "good_practice" / case.name)


PLAIN_CONFIG = """site_name: Plain Material
site_url: https://example.invalid/
theme:
  name: material
  language: cs
plugins:
  - search
validation:
  nav:
    omitted_files: ignore
markdown_extensions: [toc, tables, admonition, def_list, footnotes, sane_lists, fenced_code]
nav:
  - index.md
"""


def make_plain(dest: Path, ours: Path) -> None:
    """Plain Material on the same case and method files, cases out of the nav, its own search."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Příklady dobré praxe\n\nKatalog bez navigace.\n", encoding="utf-8")
    for folder in ("good_practice", "methods"):
        shutil.copytree(ours / folder, docs / folder)


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------

def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str, float]:
    """Wall seconds, peak memory (MB) and stderr of one command, and its CPU seconds (user + sys, workers included)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{' '.join(cmd)} v {cwd} selhal:\n{text[-4000:]}")
    return wall, usage.ru_maxrss / 1024, text, usage.ru_utime + usage.ru_stime  # wait4 counts the reaped workers too


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_view(site: Path, page: str, extra: list[str]) -> int:
    """Gzip bytes of a page's HTML, its same-site stylesheets and scripts, and the given data files."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    total = gz(html.encode())
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html)
    for ref in refs:
        if "://" in ref:
            continue
        path = (site / page / ref.split("?")[0]).resolve()
        if path.is_file():
            total += gz(path.read_bytes())
    return total + sum(gz((site / e).read_bytes()) for e in extra if (site / e).is_file())


def browser_figures(ours: Path, plain: Path) -> dict[str, float]:
    """Bytes before the first search results (both sites) and the time a filter takes to update the count."""
    from playwright.sync_api import sync_playwright
    from tests.browser import CHROMIUM_ARGS, chromium_path

    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with serve_site(ours, use_gzip=True) as server:
            page = browser.new_context(service_workers="block").new_page()
            server.reset()
            page.goto(server.url + "hledani/?q=komunitni")
            page.locator(".kp-results .kp-result").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            out["search_ours"] = server.sent
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                          device_scale_factor=3, service_workers="block")
            page = context.new_page()
            page.goto(server.url + "dobra-praxe/")
            page.locator("#kp-filters").wait_for()
            page.wait_for_load_state("networkidle")
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            times = []
            for value in ("moravskoslezsky", "olomoucky", "moravskoslezsky", "olomoucky"):  # tick, tick, untick, untick
                times.append(page.evaluate("""value => {
                    const box = document.querySelector('#kp-filters input[name=kraj][value="' + value + '"]');
                    const status = document.getElementById('kp-result-count');
                    const before = status.textContent;
                    const t0 = performance.now();
                    box.click();  // the change handler counts and announces synchronously
                    const t1 = performance.now();
                    return status.textContent !== before ? t1 - t0 : Infinity;
                }""", value))
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
            out["filter_ms"] = max(times)
        with serve_site(plain, use_gzip=True) as server:
            page = browser.new_context().new_page()  # Material has no service worker; blocking them stops its search worker
            server.reset()
            page.goto(server.url)
            page.wait_for_load_state("networkidle")  # a query typed before lunr's worker is ready is never run
            page.wait_for_timeout(500)
            page.locator(".md-search__input").click()
            page.locator(".md-search__input").press_sequentially("komunitní")  # lunr folds no diacritics
            page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=120_000)
            page.wait_for_load_state("networkidle")
            out["search_plain"] = server.sent
        browser.close()
    return out


def serve_edit(project: Path, edits: int = 3) -> float:
    """Median seconds from saving an edited case until `mkdocs serve --dirty` serves its new title, over a few edits.

    One edit is a noisy sample: MkDocs polls the files every 0.5 s, so where in that interval the save falls adds
    0–0.5 s. Each edit is made on the settled server (the search index of the last one written), as an editor meets it.
    """
    with socket.socket() as probe:  # a free port: other servers may run on this machine
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/dobra-praxe/pripad-0001/"
    indexed = threading.Semaphore(0)  # released at each search index written (its log line)
    try:
        serving = first_index = False
        for line in proc.stderr:  # the first build is done when the server says so; its search index may come first
            serving = serving or "Serving on" in line
            first_index = first_index or "Vyhledávání:" in line
            if serving and first_index:
                indexed.release()
                break

        def drain() -> None:
            for line in proc.stderr:
                if "Vyhledávání:" in line:
                    indexed.release()

        threading.Thread(target=drain, daemon=True).start()
        case = project / "good_practice" / "pripad-0001.md"
        text = case.read_text(encoding="utf-8")
        times = []
        for k in range(edits):
            indexed.acquire(timeout=60)  # the last build's index is written: the server is settled
            time.sleep(0.5)
            marker = f"Upravený název příkladu {k}"
            t0 = time.perf_counter()
            case.write_text(re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M), encoding="utf-8")
            seen = float("nan")
            while time.perf_counter() - t0 < 120:
                try:
                    with urllib.request.urlopen(url, timeout=5) as r:
                        if marker in r.read().decode("utf-8"):
                            seen = time.perf_counter() - t0
                            break
                except OSError:
                    pass
                time.sleep(0.05)
            times.append(seen)
        return sorted(times)[len(times) // 2]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def lighthouse(site: Path) -> dict[str, dict[str, int]]:
    """Lighthouse's mobile scores (0-100) of the home page, the catalogue and a case page, served with gzip."""
    scores: dict[str, dict[str, int]] = {}
    with serve_site(site, use_gzip=True) as server, tempfile.TemporaryDirectory() as tmp:
        for name, path in (("úvod", ""), ("katalog", "dobra-praxe/"), ("příklad", "dobra-praxe/pripad-0001/")):
            report = Path(tmp) / "report.json"
            subprocess.run([str(REPO / "node_modules/.bin/lighthouse"), server.url + path, "--quiet", "--output=json",
                            f"--output-path={report}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                           env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, timeout=600)
            data = json.loads(report.read_text(encoding="utf-8"))
            scores[name] = {k: round((v["score"] or 0) * 100) for k, v in data["categories"].items()}
    return scores


# ---------------------------------------------------------------------------------------------
# One size
# ---------------------------------------------------------------------------------------------

def measure(n: int, tmp: Path, browser: bool, serve: bool) -> dict:
    ours, plain = tmp / f"ours-{n}", tmp / f"plain-{n}"
    make_ours(ours, n)
    make_plain(plain, ours)
    cache = tmp / f"cache-{n}"
    env = {**ENV, "PORTAL_CACHE": str(cache)}
    r: dict = {"n": n, "load_before": os.getloadavg()[0]}
    r["ours"], r["ours_mb"], _, r["ours_cpu"] = timed([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(tmp / f"site-{n}")], ours, env)
    r["plain"], r["plain_mb"], _, r["plain_cpu"] = timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(tmp / f"plain-site-{n}")], plain, ENV)
    r["warm"], r["warm_mb"], _, r["warm_cpu"] = timed([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(tmp / f"site2-{n}")], ours, env)
    shutil.rmtree(tmp / f"site2-{n}")
    site = tmp / f"site-{n}"
    r["site_mb"] = folder_size(site) / 1e6
    r["plain_site_mb"] = folder_size(tmp / f"plain-site-{n}") / 1e6
    r["case_kb"] = (site / "dobra-praxe/pripad-0001/index.html").stat().st_size / 1e3
    r["case_gz_kb"] = first_view(site, "dobra-praxe/pripad-0001", []) / 1e3
    r["catalogue_kb"] = first_view(site, "dobra-praxe", ["data/katalog.json"]) / 1e3
    r["catalogue_html_kb"] = (site / "dobra-praxe/index.html").stat().st_size / 1e3
    check = [str(BIN / "portal"), "--root", str(ours), "check"]
    cold = {**env, "PORTAL_CACHE": str(tmp / f"check-cache-{n}")}
    r["check_cold"], _, _, r["check_cold_cpu"] = timed(check, ours, cold)
    r["check_warm"], _, _, r["check_warm_cpu"] = timed(check, ours, cold)
    r["check_one"], _, _, r["check_one_cpu"] = timed(check + ["good_practice/pripad-0001.md"], ours, cold)
    r["check_one_cold"], _, _, _ = timed(check + ["good_practice/pripad-0001.md"], ours, {**env, "PORTAL_CACHE": str(tmp / f"c1-{n}")})
    if browser:
        r.update(browser_figures(site, tmp / f"plain-site-{n}"))
    if serve:
        r["serve_edit"] = serve_edit(ours)
    r["load_after"] = os.getloadavg()[0]
    shutil.rmtree(tmp / f"plain-site-{n}")
    return r


def table(rows: list[dict]) -> str:
    def f(r: dict, key: str, fmt: str) -> str:
        return format(r[key], fmt) if key in r else "–"

    lines = [f"Portál proti čistému Material (bez navigace případů), PDF stranou, {os.cpu_count()} jádra, {date.today().isoformat()}",
             "| případů | náš web (studený) | čistý Material | poměr | znovu s mezipamětí | růst | paměť (špička) | ms na případ "
             "| velikost webu | stránka případu | katalog, první zobrazení (gzip) | do prvních výsledků hledání (náš / Material) "
             "| filtr (CPU 4×) | check vše (studený / s mezipamětí) | check 1 soubor | serve: úprava vidět | zátěž |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    prev = None
    for r in rows:
        growth = f"{r['ours'] / prev['ours']:.2f}× ({prev['n']}→{r['n']})" if prev else "–"
        search = (f"{r['search_ours'] / 1e3:.0f} kB / {r['search_plain'] / 1e3:.0f} kB" if "search_ours" in r else "–")
        lines.append(
            f"| {r['n']:,} | {r['ours']:.1f} s (CPU {r['ours_cpu']:.1f} s) | {r['plain']:.1f} s (CPU {r['plain_cpu']:.1f} s) "
            f"| {r['ours'] / r['plain']:.2f}× | {r['warm']:.1f} s (CPU {r['warm_cpu']:.1f} s) | {growth} "
            f"| {r['ours_mb']:.0f} MB | {1000 * r['ours'] / r['n']:.1f} | {r['site_mb']:.1f} MB | {r['case_kb']:.0f} kB ({r['case_gz_kb']:.0f} kB gzip s CSS a JS) "
            f"| {r['catalogue_kb']:.0f} kB | {search} | {f(r, 'filter_ms', '.0f')} ms "
            f"| {r['check_cold']:.2f} s (CPU {r['check_cold_cpu']:.2f}) / {r['check_warm']:.2f} s (CPU {r['check_warm_cpu']:.2f}) "
            f"| {r['check_one']:.2f} s (CPU {r['check_one_cpu']:.2f}) | {f(r, 'serve_edit', '.2f')} s "
            f"| {r['load_before']:.1f}–{r['load_after']:.1f} |".replace(",", "\u00a0"))
        prev = r
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="počty případů oddělené čárkou")
    parser.add_argument("--no-browser", action="store_true", help="bez měření v Chromiu")
    parser.add_argument("--serve-max", type=int, default=1000, help="serve měřit jen do tohoto počtu případů")
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse (mobil) u největšího N")
    parser.add_argument("--json", help="uložit výsledky i jako JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-site-") as tmp:
        for n in sizes:
            rows.append(measure(n, Path(tmp), not args.no_browser, n <= args.serve_max))
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
        if args.lighthouse:
            rows[-1]["lighthouse"] = lighthouse(Path(tmp) / f"site-{sizes[-1]}")
    print(table(rows))
    if args.lighthouse:
        print(f"\nLighthouse (mobil, gzip), {sizes[-1]:,} případů:".replace(f"{sizes[-1]:,}", f"{sizes[-1]:,}".replace(",", "\u00a0")))
        for page, scores in rows[-1]["lighthouse"].items():
            print(f"- {page}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
