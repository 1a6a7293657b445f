"""MkDocs adapter for `mkdocs serve --dirty` (make serve): a rebuild renders only pages whose source changed.

MkDocs re-renders every generated page on each dirty rebuild (a File with content counts as modified), so at
a thousand cases an edit took seconds to show. This hook remembers from what each generated page was rendered
(its Markdown, and for a case or method its front matter, which sets the title and panels) and, when that is
unchanged, lets MkDocs keep the page from the previous build. The module lives across rebuilds of one serve.
"""

from __future__ import annotations

import hashlib

from content import get_collection  # sibling hook module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

_dirty_serve = False
_last: dict[str, str] = {}  # page -> digest of what it was last rendered from


def on_startup(command: str, dirty: bool) -> None:
    global _dirty_serve
    _dirty_serve = command == "serve" and dirty


@event_priority(-100)  # after every hook has added its pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _dirty_serve:
        return files
    collection = get_collection(config)
    for file in files.documentation_pages():
        content = file._content  # only generated pages carry their content; files in docs/ are compared by date
        if content is None or not isinstance(content, str):
            continue
        doc = collection.by_page(file.src_uri)
        digest = hashlib.sha256((content + "\0" + (repr(doc.model) if doc else "")).encode("utf-8")).hexdigest()
        if _last.get(file.src_uri) == digest:
            file.is_modified = lambda: False  # type: ignore[method-assign]
        _last[file.src_uri] = digest
    return files
