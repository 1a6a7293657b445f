"""MkDocs adapter: Czech typography (no-break spaces) on every page's rendered content, panels included."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.czech.typography import typeset_html


@event_priority(-100)  # after every other hook has added its panels and lists to the content
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return typeset_html(html)
