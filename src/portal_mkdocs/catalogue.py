"""MkDocs adapter: the catalogue at scale, its static list pages, its compact index and its card chunks.

/dobra-praxe/ itself is docs/dobra-praxe/index.md (macro `catalogue()`); this adds /dobra-praxe/strana/<n>/ for
readers without JavaScript and the data files the catalogue script (docs/assets/catalogue.js) filters over.
"""

from __future__ import annotations

import functools

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal import paths
from portal.czech.typography import typeset_html
from portal.web.catalogue import (
    card_chunks,
    catalogue_index,
    catalogue_page,
    page_count,
)
from portal_mkdocs.state import build_state, collection_of

# A card's HTML is typeset once: rebuilds of `mkdocs serve` ask again for the same cards.
_typeset_card = functools.lru_cache(maxsize=50_000)(typeset_html)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = collection_of(config)
    today = build_state(config).today  # the edition's date: SOURCE_DATE_EPOCH makes the catalogue reproducible
    for n in range(2, page_count(collection) + 1):

        def link(url: str, here: str = paths.catalogue_page(n)) -> str:
            return get_relative_url(url, here)

        files.append(File.generated(config, paths.catalogue_page_source(n), content=catalogue_page(collection, n, link, today)))
    files.append(File.generated(config, paths.CATALOGUE_INDEX, content=catalogue_index(collection, today)))
    chunks = card_chunks(collection, lambda url: get_relative_url(url, paths.CATALOGUE), today, finish=_typeset_card)
    for n, chunk in enumerate(chunks, start=1):
        files.append(File.generated(config, paths.card_chunk(n), content=chunk))
    return files
