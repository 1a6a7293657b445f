"""MkDocs adapter: the PDF manual, its regional editions and a print of every case, made from the validated collection.

The PDFs are typeset by Typst in worker processes (src/portal/manual/typeset.py) while MkDocs builds the
pages; on_post_build waits for them, copies them under ke-stazeni/ and fills in the list on the downloads
page (its size and page counts are known only then). Only what changed is typeset again: PDFs are kept in a
content-addressed cache (.cache/prirucka/, or PORTAL_PDF_CACHE). PORTAL_PDF=0 builds everything but the PDFs.
Any failure stops the build: the site never goes out without them.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from portal import paths
from portal.czech.formats import file_size
from portal.manual import ManualError, Settings
from portal.manual.cache import place
from portal.manual.typeset import Result, build_all
from portal.release import edition_date
from portal.web.page_parts import case_pdf_link, downloads_list, downloads_placeholder
from portal_mkdocs.content import content_root
from portal_mkdocs.state import BuildState, build_state, collection_of

log = logging.getLogger("mkdocs.plugins.portal.manual")

DOWNLOADS = paths.DOWNLOADS  # folder of the PDFs, and the URL of the page that lists them
CASES = paths.CASE_PRINTS
PENDING = downloads_placeholder()  # replaced once the PDFs exist


class _Build:
    """The PDFs of one MkDocs build, typeset in a background thread while the pages are built."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.result: Result | None = None
        self.error: BaseException | None = None
        self.out: Path | None = None


def _job(state: BuildState) -> _Build:
    """This build's PDF job, kept in the plugin's state (it lives across the rebuilds of one serve)."""
    if not isinstance(state.manual_job, _Build):
        state.manual_job = _Build()
    return state.manual_job


def cache_dir(config: MkDocsConfig) -> Path:
    return Path(os.environ.get("PORTAL_PDF_CACHE") or (content_root(config) / ".cache" / "prirucka"))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start typesetting every PDF; the downloads page gets a placeholder filled in by on_post_build."""
    state = build_state(config)
    _build = _job(state)
    _clean_up(_build)
    if not state.pdf:
        state.downloads_html = downloads_placeholder(enabled=False)
        return files
    settings = manual_settings(config)
    collection = collection_of(config)
    cache = cache_dir(config)
    cache.mkdir(parents=True, exist_ok=True)
    _build.out = Path(tempfile.mkdtemp(prefix="vystup-", dir=cache))  # beside the cache: its PDFs are hard links

    def work() -> None:
        try:
            _build.result = build_all(collection, settings, _build.out, cache)  # type: ignore[arg-type]
        except BaseException as exc:
            _build.error = exc

    _build.thread = threading.Thread(target=work, name="portal-prirucka", daemon=True)
    _build.thread.start()
    state.downloads_html = PENDING
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A case page offers the print of that case, right below its facts panel."""
    if not build_state(config).pdf:
        return html
    doc = collection_of(config).by_page(page.file.src_uri)
    if doc is None or doc.kind != "case":
        return html
    link = case_pdf_link(get_relative_url(paths.case_print(doc.slug), page.url))
    head, sep, rest = html.partition("</aside>")
    return head + sep + link + rest if sep else link + html


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the PDFs, put them into the site and list them on the downloads page."""
    _build = _job(build_state(config))
    if _build.thread is None:
        return
    _build.thread.join()
    try:
        if _build.error is not None:
            exc = _build.error
            if isinstance(exc, ManualError):
                raise PluginError(f"PDF příručku nelze vytvořit: {exc}. Web bez příručky nezveřejníme.") from exc
            raise PluginError(f"PDF příručku nelze vytvořit ({type(exc).__name__}: {exc}). Web bez příručky nezveřejníme.") from exc
        result = _build.result
        assert result is not None and _build.out is not None
        site = Path(config.site_dir)
        (site / CASES).mkdir(parents=True, exist_ok=True)
        for message in result.warnings:
            log.warning(f"PDF příručka: {message}")
        for pdf in result.editions:
            place(pdf.path, site / DOWNLOADS / pdf.path.name)
            log.info(f"PDF příručka: {DOWNLOADS}{pdf.path.name} ({pdf.pages} stran, {file_size(pdf.size)})")
        for slug, pdf in result.cases.items():
            place(pdf.path, site / paths.case_print(slug))
        log.info(f"PDF příručka: {len(result.cases)} tisků příkladů v {CASES}; nově vysázeno {len(result.rendered)} PDF")
        page = site / DOWNLOADS / "index.html"
        if page.is_file():
            listing = downloads_list(result.editions, lambda url: get_relative_url(url, DOWNLOADS))
            html = page.read_text(encoding="utf-8")
            if PENDING not in html:
                raise PluginError(f"PDF příručka: stránka {DOWNLOADS} nemá místo pro seznam PDF (makro downloads()).")
            page.write_text(html.replace(PENDING, listing, 1), encoding="utf-8")
    finally:
        _clean_up(_build)


def on_build_error(error: Exception, state: BuildState) -> None:
    """A failed build waits for its workers (they end by themselves) and removes the temporary folder."""
    _build = _job(state)
    if _build.thread is not None:
        _build.thread.join()
    _clean_up(_build)


def manual_settings(config: MkDocsConfig) -> Settings:
    """The manual's settings from mkdocs.yml (the portal plugin's manual, extra.publisher, site_url, markdown_extensions)."""
    options = build_state(config).settings
    manual = dict(options.manual) if options is not None else {}
    missing = [key for key, value in (("plugins.portal.manual.title", manual.get("title")),
                                      ("plugins.portal.manual.intro", manual.get("intro")),
                                      ("extra.publisher", config.extra.get("publisher")), ("site_url", config.site_url)) if not value]
    if missing:
        raise PluginError(f"PDF příručku nelze vytvořit: v mkdocs.yml chybí {', '.join(missing)}.")
    root = content_root(config)
    docs = Path(config.docs_dir).resolve()
    try:
        docs_dir = docs.relative_to(root).as_posix()
    except ValueError:
        docs_dir = "docs"
    intro = docs / str(manual["intro"])
    if not intro.is_file():  # said at once, before anything is typeset
        raise PluginError(f"PDF příručku nelze vytvořit: chybí úvod příručky {docs_dir}/{manual['intro']} "
                          "(nastavení plugins.portal.manual.intro). Web bez příručky nezveřejníme.")
    return Settings(
        title=str(manual["title"]),
        publisher=str(config.extra["publisher"]),
        site_url=str(config.site_url),
        edition_date=edition_date(),
        intro=intro,
        docs_dir=docs_dir,
        notice=str(config.copyright or ""),
        extensions=list(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
    )


def _clean_up(_build: _Build) -> None:
    """Forget the last build and delete its temporary folder."""
    if _build.out is not None:
        shutil.rmtree(_build.out, ignore_errors=True)
    _build.thread, _build.result, _build.error, _build.out = None, None, None, None
