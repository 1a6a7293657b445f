"""MkDocs adapter: case and method pages get their title and description from the front matter,
a facts panel (cases) or the list of cases that use them (methods)."""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from portal.web.catalogue import similar_list
from portal.web.facts import case_facts, method_cases, method_extras
from portal.web.page_parts import lead as page_lead
from portal.web.similar import similar_cases
from portal.web.video_pages import related_videos, video_page
from portal_mkdocs.state import collection_of


@event_priority(100)  # before mkdocs-macros (a plugin) reads page.meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    doc = collection_of(config).by_page(page.file.src_uri)
    if doc is not None:
        # Set from our model, never from the contributed file, so 'render_macros' can't be smuggled in.
        # Escaped here because MkDocs renders theme templates without autoescaping.
        page.meta = {"title": escape(doc.title), "description": escape(doc.summary), "kind": doc.kind}
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    collection = collection_of(config)
    doc = collection.by_page(page.file.src_uri)
    if doc is None:
        return html

    def link(url: str) -> str:
        return get_relative_url(url, page.url)

    lead = page_lead(doc)
    if doc.kind == "video":
        return lead + video_page(doc, collection, link, html)
    videos = related_videos(doc, collection, link)
    if doc.kind == "case":
        return lead + case_facts(doc, collection, link) + html + videos + similar_list(similar_cases(doc, collection), collection, link)
    return lead + html + method_extras(doc) + videos + method_cases(doc, collection, link)
