"""MkDocs adapter: the portal's Czech search index (lemma keys, diacritics folded) of the built site, after every build.

Each page's searchable part is read once (portal.search.index) and the index files are written into
search-index/ (portal.search.writer); the published pages are not changed. With `mkdocs serve` the index is
rebuilt in a background thread, so an edit shows without waiting for it.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from portal.search.index import index_page, page_facets
from portal.search.writer import INDEX_DIR, Entry, write_index
from portal_mkdocs.state import build_state, collection_of

log = logging.getLogger("mkdocs.plugins.portal.search")

# Folders with no pages to search (assets, the editors' CMS, the index itself).
SKIP = ("assets/", INDEX_DIR + "/", "admin/")


def on_post_build(config: MkDocsConfig) -> None:
    if build_state(config).serving:  # an edit shows at once; the index follows in the background
        threading.Thread(target=build_index, args=(config,), name="portal-hledani", daemon=True).start()
        return
    build_index(config)


def build_index(config: MkDocsConfig) -> None:
    """The search index of the built pages: cases, methods and videos with their facets, other pages as help."""
    started = time.perf_counter()
    site = Path(config.site_dir)
    collection = collection_of(config)
    facets = {doc.url: page_facets(doc, collection) for doc in collection.documents}
    entries = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(SKIP):
            continue
        url = rel.removesuffix("index.html")
        page = index_page(path.read_text(encoding="utf-8"), help_page=url not in facets)
        if page is not None:
            entries.append(Entry(url, page, facets.get(url), url not in facets))
    counts = write_index(entries, site)
    log.info(f"Vyhledávání: {counts['pages']} stránek, {counts['keys']} klíčů, {counts['maps']} částí mapy tvarů, "
             f"{time.perf_counter() - started:.1f} s")
