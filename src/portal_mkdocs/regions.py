"""MkDocs adapter: a page per region at /kraje/<code>/ (all 14, also those with no case yet).

`mkdocs serve` asks for every region's page on each rebuild; a page is made again only when something it is made
from changed (the content cache hands an unchanged file's model over as the same object), else the last one is used.
"""

from __future__ import annotations

from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal import paths
from portal.content.documents import Collection
from portal.web.region_page import neighbours, region_page
from portal_mkdocs.state import build_state, collection_of

# Region code -> what its page was made from, and the page's Markdown.
_made: dict[str, tuple[tuple, str]] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = collection_of(config)
    today = build_state(config).today
    for code in collection.vocab.codes("regions"):
        files.append(File.generated(config, paths.region_page_source(code), content=page(collection, code, today)))
    return files


def page(collection: Collection, code: str, today: date) -> str:
    """A region's page: made again only when its sources differ from the last time."""
    sources = _sources(collection, code, today)
    last = _made.get(code)
    if last is not None and _same(last[0], sources):
        return last[1]

    def link(url: str, page_url: str = paths.region_page(code)) -> str:
        return get_relative_url(url, page_url)

    markdown = region_page(collection, code, link, today)
    _made[code] = (sources, markdown)
    return markdown


def _sources(collection: Collection, code: str, today: date) -> tuple:
    """Everything a region's page reads: today (project states), the vocabularies, the cases of the region and of its
    neighbours, and the methods (their titles are on the cards)."""
    docs = [d for region in (code, *neighbours(collection, code)) for d in collection.cases_by_region.get(region, [])]
    return today, collection.vocab, tuple((d.slug, d.model) for d in docs + collection.methods)


def _same(a: tuple, b: tuple) -> bool:
    """Same day and vocabularies, and the same documents with the very same models (compared by identity)."""
    return (a[0] == b[0] and a[1] == b[1] and len(a[2]) == len(b[2])
            and all(x[0] == y[0] and x[1] is y[1] for x, y in zip(a[2], b[2], strict=True)))
