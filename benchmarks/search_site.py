"""Build the portal over a generated corpus (no PDF) and serve a site with gzip, for the search budget."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus import generate  # noqa: E402 - after the repository is on sys.path
from scripts.static_server import serve  # noqa: E402


def build_generated(dest: Path, n: int, log: list[str] | None = None) -> Path:
    """A project with the real config, pages, hooks and templates and n generated cases, built without the PDF.

    `log`: receives the build's log lines (the search hook reports its own time there).
    """
    project = dest / "project"
    project.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "src").symlink_to(REPO / "src")
    (project / "node_modules").symlink_to(REPO / "node_modules")  # the CMS served at /admin/ is copied from here
    generate(project, n)
    for folder in ("good_practice", "methods"):  # the real cases and methods too: the pages link to them
        for path in (REPO / folder).glob("*.md"):
            shutil.copy(path, project / folder / path.name)
    site = dest / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PDF": "0"}
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-5000:])
    if log is not None:
        log += result.stderr.splitlines()
    return site


@contextmanager
def serve_gzip(site: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 with gzip (the one local server, scripts/static_server.py); yields the base URL."""
    with serve(site, use_gzip=True) as server:
        yield server.url


def transferred(page, action) -> tuple[int, list[tuple[str, int]]]:
    """Bytes received (headers and encoded bodies) by the page and its workers while `action` runs, per URL."""
    done: list = []
    def handler(request) -> None:
        done.append(request)
    page.context.on("requestfinished", handler)
    action()
    page.wait_for_timeout(300)
    page.context.remove_listener("requestfinished", handler)
    sizes = []
    for request in done:
        s = request.sizes()
        sizes.append((request.url, s["responseBodySize"] + s["responseHeadersSize"]))
    return sum(n for _, n in sizes), sizes


def header_query(page, base_url: str, query: str) -> None:
    """Open the home page, type a query into the header field and wait for the first results in its panel."""
    page.goto(base_url, wait_until="load")
    box = page.locator("#kp-header-q")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_function("q => document.querySelector('#kp-header-q-list')?.getAttribute('data-kp-query') === q", arg=query.strip(),
                           timeout=60000)


# One- and two-word queries for the budget: words of the generated cases, in other forms too.
BUDGET_QUERIES = ["komunitní", "obec", "obcím", "centrech", "senioři", "rodinám seniorům", "komunitní centrum",
                  "sousedé dobrovolníci", "akčního plánu", "dotace rozpočet", "pracovníků knihovny", "zastupitelstvo starosta",
                  "mapování potřeb", "udržitelnost projektu", "velke hamry", "socialni zaclenovani"]


def measure(site: Path, queries: list[str]) -> list[dict]:
    """For each query, in a fresh browser profile: bytes from opening the home page to the first results in the
    header panel, and how long the query takes once its index files are loaded: ranked again (no result cache)
    and the first five results' data read (median of 5)."""
    from playwright.sync_api import sync_playwright
    from tests.browser import CHROMIUM_ARGS, chromium_path

    rows = []
    with serve_gzip(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for query in queries:
                context = browser.new_context(service_workers="block")  # the offline cache would add its own downloads
                page = context.new_page()
                total, sizes = transferred(page, lambda page=page, query=query: header_query(page, base, query))
                ms = page.evaluate("""async q => { const t = [];
                    for (let i = 0; i < 5; i++) {
                        const s = performance.now();
                        const f = await KPSearch.search(q, {}, { fresh: true });
                        await Promise.all(f.results.slice(0, 5).map(r => r.data()));
                        t.push(performance.now() - s);
                    }
                    return t.sort((a, b) => a - b)[2]; }""", query)
                titles = page.locator(".kp-suggest__title").all_inner_texts()
                index = sum(n for u, n in sizes if "/search-index/" in u)
                rows.append({"query": query, "bytes": total, "index_bytes": index, "ms": ms, "results": titles, "requests": len(sizes)})
                context.close()
        finally:
            browser.close()
    return rows
