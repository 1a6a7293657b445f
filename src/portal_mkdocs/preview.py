"""MkDocs adapter for `mkdocs serve --dirty` (make serve): a rebuild renders only pages whose source changed.

MkDocs re-renders every generated page on each dirty rebuild (a File with content counts as modified), so at
a thousand cases an edit took seconds to show. This hook remembers from what each generated page was rendered
(its Markdown; for a case, method or video its front matter, which sets the title and panels, and the front matter
of every other document the page shows: its methods, cases and videos, its similar cases) and, when that is
unchanged, lets MkDocs keep the page from the previous build. The plugin's state lives across rebuilds of one serve.
MkDocs also makes a new Jinja environment for every rebuild, which compiled the theme's templates again (a fifth of
a rebuild): their compiled code is kept in memory, keyed by each template's source, as Jinja's bytecode cache does.
"""

from __future__ import annotations

import hashlib

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from portal.content.documents import Collection, Document
from portal.web.similar import similar_cases
from portal_mkdocs.state import build_state, collection_of


@event_priority(-100)  # after every hook has added its pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = build_state(config)
    if not state.dirty_serving:
        return files
    last = state.rendered  # page -> digest of what it was last rendered from
    collection = collection_of(config)
    before, state.shown_reprs = state.shown_reprs, {}
    for file in files.documentation_pages():
        content = file._content  # only generated pages carry their content; files in docs/ are compared by date
        if content is None or not isinstance(content, str):
            continue
        doc = collection.by_page(file.src_uri)
        shown = [doc.model, *(other.model for other in _shown(doc, collection))] if doc else []
        reprs = [_repr(m, before, state.shown_reprs) for m in shown]
        digest = hashlib.sha256("\0".join([content, *reprs]).encode("utf-8")).hexdigest()
        if last.get(file.src_uri) == digest:
            file.is_modified = lambda: False  # type: ignore[method-assign]
        last[file.src_uri] = digest
    return files


def _repr(model: object, before: dict[int, tuple[object, str]], now: dict[int, tuple[object, str]]) -> str:
    """The model's repr, reused when this very object was shown before (kept alive with it, so its id is its own).

    The content cache hands back the same model object for an unchanged file, so a rebuild writes out only the
    changed ones: the repr of every model of every page was a third of a second at 1,000 cases.
    """
    kept = now.get(id(model)) or before.get(id(model))
    if kept is None or kept[0] is not model:
        kept = (model, repr(model))
    now[id(model)] = kept
    return kept[1]


def _shown(doc: Document, collection: Collection) -> list[Document]:
    """The other documents whose title or facts a content page shows (portal_mkdocs.pages): renaming one renders the page again."""
    model = doc.model
    if doc.kind == "case":
        shown = [m for slug in model.methods if (m := collection.method(slug))] + similar_cases(doc, collection)
    elif doc.kind == "method":
        shown = list(collection.cases_by_method.get(doc.slug, []))
    else:
        shown = [c for slug in model.cases if (c := collection.case(slug))] + [m for slug in model.methods if (m := collection.method(slug))]
    return shown + collection.videos_about.get((doc.kind, doc.slug), [])


class _MemoryBytecode(BytecodeCache):
    """Compiled templates of the theme for the life of the process; Jinja checks each entry against the template's source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecode()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if build_state(config).dirty_serving:
        env.bytecode_cache = _BYTECODE
    return env
