"""MkDocs adapter: the catalogue at scale, its static list pages, its compact index and its card chunks.

/dobra-praxe/ itself is docs/dobra-praxe/index.md (macro `catalogue()`); this adds /dobra-praxe/strana/<n>/ for
readers without JavaScript and the data files the catalogue script (docs/assets/catalogue.js) filters over.
"""

from __future__ import annotations

import functools

from content import get_collection  # sibling hook module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal.web.catalogue import INDEX, card_chunks, catalogue_index, catalogue_page, page_count, page_url
from portal.czech.typography import typeset_html

# A card's HTML is typeset once: rebuilds of `mkdocs serve` ask again for the same cards.
_typeset_card = functools.lru_cache(maxsize=50_000)(typeset_html)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = get_collection(config)
    for n in range(2, page_count(collection) + 1):

        def link(url: str, here: str = page_url(n)) -> str:
            return get_relative_url(url, here)

        files.append(File.generated(config, page_url(n).rstrip("/") + ".md", content=catalogue_page(collection, n, link)))
    files.append(File.generated(config, INDEX, content=catalogue_index(collection)))
    chunks = card_chunks(collection, lambda url: get_relative_url(url, page_url(1)), finish=_typeset_card)
    for n, chunk in enumerate(chunks, start=1):
        files.append(File.generated(config, f"{INDEX.removesuffix('.json')}/karty-{n}.json", content=chunk))
    return files
