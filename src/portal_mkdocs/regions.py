"""MkDocs adapter: a page per region at /kraje/<code>/ (all 14, also those with no case yet)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal import paths
from portal.web.region_page import region_page
from portal_mkdocs.content import get_collection
from portal_mkdocs.state import build_state


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = get_collection(config)
    today = build_state(config).today
    for code in collection.vocab.codes("regions"):

        def link(url: str, page_url: str = paths.region_page(code)) -> str:
            return get_relative_url(url, page_url)

        files.append(File.generated(config, paths.region_page_source(code), content=region_page(collection, code, link, today)))
    return files
