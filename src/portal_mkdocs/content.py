"""MkDocs adapter: load and validate all content before anything is built, then add its pages.

Every problem of every file is logged, then the build aborts before a single page is written.
Cases and methods are published from their own folders (nothing is copied into docs/).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from portal.content.collection import load_collection
from portal.content.history import file_dates
from portal.content.kinds import BY_FOLDER, KINDS
from portal.content.problems import summary
from portal.release import edition_date
from portal.web.links import page_source, repo_links_to_site
from portal_mkdocs.state import build_state, collection_of

log = logging.getLogger("mkdocs.plugins.portal.content")


@event_priority(100)  # before mkdocs-macros and every other concern read the collection
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    collection = load_collection(content_root(config))
    if collection.problems:
        for problem in collection.problems:
            log.error(str(problem))
        raise PluginError(f"Obsah nelze zveřejnit: {summary(collection.problems)}. Opravte chyby vypsané výše; "
                          "bez sestavení webu je vypíše příkaz 'portal check'.")
    state = build_state(config)
    state.collection = collection
    state.today = edition_date()
    # One git pass for the whole build: the feed, the home page's newest cases and 'Naposledy aktualizováno'.
    state.dates = file_dates(collection.root, [d.path for d in collection.cases + collection.methods])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = collection_of(config)
    for doc in collection.documents:
        existing = files.get_file_from_path(doc.page_src)
        if existing is not None:  # a page in docs/ must not shadow a contributed one
            raise PluginError(f"docs/{doc.page_src}: stránka koliduje s obsahem ze souboru {doc.path}")
        file = File.generated(config, doc.page_src, content=page_source(doc.kind, repo_links_to_site(doc.body)))
        file.edit_uri = doc.path if config.repo_url else None
        files.append(file)
    for rel in collection.attachments:  # pictures beside a text keep their relative place on the site
        folder, _, rest = rel.partition("/")
        files.append(File.generated(config, f"{BY_FOLDER[folder].url_prefix}/{rest}", abs_src_path=str(content_root(config) / rel)))
    if config.repo_url:
        for file in files.documentation_pages():
            if collection.by_page(file.src_uri) is None:
                file.edit_uri = f"docs/{file.src_uri}"
    return files


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when any content folder changes, also one that a fresh clone lacks (not in mkdocs.yml's watch)."""
    for kind in KINDS.values():
        folder = content_root(config) / kind.folder
        if folder.is_dir():
            server.watch(str(folder))
    return server


def content_root(config: MkDocsConfig) -> Path:
    """The repository root: the folder of mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent

