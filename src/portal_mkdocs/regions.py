"""MkDocs adapter: a page per region at /kraje/<code>/ (all 14, also those with no case yet)."""

from __future__ import annotations

from portal_mkdocs.content import get_collection
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal.web.region_map import region_page


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = get_collection(config)
    for code in collection.vocab.codes("regions"):
        page_url = f"kraje/{code}/"

        def link(url: str, page_url: str = page_url) -> str:
            return get_relative_url(url, page_url)

        files.append(File.generated(config, f"kraje/{code}.md", content=region_page(collection, code, link)))
    return files
