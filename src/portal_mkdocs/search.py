"""MkDocs adapter: index the built site with Pagefind (Czech, diacritics folded, lemma keys) after every build.

Pagefind reads a shadow copy of each page's searchable part (portal.search.index): words carry their lemma
key, blocks are separated by spaces, case pages carry filters. The published pages are not changed.
The browser's form -> key map goes to search-forms/ (one small file per two first letters).
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from portal_mkdocs.content import get_collection
from portal_mkdocs.state import build_state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.search.index import help_page_ids, page_facets, shadow_page, write_query_map

log = logging.getLogger("mkdocs.hooks.search")

# Only content inside data-pagefind-body (overrides/main.html) is indexed; lists that repeat other
# pages' summaries carry data-pagefind-ignore, so a query lands on the case itself.
EXCLUDE = [".headerlink", ".md-content__button", ".md-source-file", "[data-pagefind-ignore]"]
FORMS_DIR = "search-forms"
SKIP = ("pagefind/", "assets/", FORMS_DIR + "/", "admin/")


def on_post_build(config: MkDocsConfig) -> None:
    if build_state(config).serving:  # an edit shows at once; the index follows in the background
        threading.Thread(target=build_index, args=(config,), name="portal-hledani", daemon=True).start()
        return
    build_index(config)


def build_index(config: MkDocsConfig) -> None:
    """Pagefind over a shadow copy of the built pages with Czech word keys, the form map and the help-page list."""
    started = time.perf_counter()
    site = Path(config.site_dir)
    collection = get_collection(config)
    facets = {doc.url: page_facets(doc, collection) for doc in collection.cases + collection.methods}
    counts: Counter[str] = Counter()
    shadow = Path(tempfile.mkdtemp(prefix="portal-hledani-"))
    try:
        for path in site.rglob("*.html"):
            rel = path.relative_to(site).as_posix()
            if rel.startswith(SKIP):
                continue
            url = rel.removesuffix("index.html")
            page = shadow_page(path.read_text(encoding="utf-8"), facets.get(url), counts, help_page=url not in facets)
            if page is not None:
                target = shadow / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page, encoding="utf-8")
        shutil.rmtree(site / FORMS_DIR, ignore_errors=True)
        chunks = write_query_map(counts, site / FORMS_DIR)
        cmd = [sys.executable, "-m", "pagefind", "--site", str(shadow), "--output-path", str(site / "pagefind"),
               "--force-language", "cs", "--quiet"]
        for selector in EXCLUDE:
            cmd += ["--exclude-selectors", selector]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, check=False)
    finally:
        shutil.rmtree(shadow, ignore_errors=True)
    if result.returncode != 0:
        raise PluginError(f"Vyhledávací index (Pagefind) se nepodařilo vytvořit:\n{result.stdout}\n{result.stderr}")
    help_ids = help_page_ids(site / "pagefind", set(facets))
    (site / FORMS_DIR / "help.json").write_text(json.dumps(help_ids), encoding="utf-8")
    log.info(f"Vyhledávání: {len(counts)} tvarů slov, {chunks} částí mapy tvarů, {time.perf_counter() - started:.1f} s")
