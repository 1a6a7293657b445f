"""MkDocs adapter: contributed pages are sanitised after Markdown, before our own markup is added."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.web.sanitize import sanitize_for_web
from portal_mkdocs.state import collection_of


@event_priority(50)  # before pages.py adds the (trusted) facts panel
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if collection_of(config).by_page(page.file.src_uri) is None:
        return html  # our own pages in docs/
    return sanitize_for_web(html)
