"""MkDocs adapter: the PDF manual and its regional editions, made from the validated collection on every build.

The PDFs are rendered into a temporary folder, added to the site under ke-stazeni/, and listed for the
page ke-stazeni.md (macro `downloads()`). Any failure stops the build: the site never goes out without them.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

from content import content_root, get_collection  # sibling hook module; importable while hooks load
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from portal.manual import ManualError, Settings, build_editions, downloads_html
from portal.manual.typography import file_size

log = logging.getLogger("mkdocs.hooks.manual")

DOWNLOADS = "ke-stazeni/"   # folder of the PDFs, and the URL of the page that lists them
_work_dirs: list[Path] = []
_unchanged: dict[str, tuple[bytes, int]] = {}  # editions of the last build; `mkdocs serve` re-renders only what changed


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Render every edition, add the PDFs to the site and the list of them to config.extra['portal_downloads']."""
    if os.environ.get("PORTAL_PDF") == "0":  # benchmarks and search tests at scale: the web without the manual
        config.extra["portal_downloads"] = ""
        return files
    settings = manual_settings(config)
    out = Path(tempfile.mkdtemp(prefix="portal-prirucka-"))
    _work_dirs.append(out)
    try:
        pdfs, warnings = build_editions(get_collection(config), settings, out, _unchanged)
    except ManualError as exc:
        raise PluginError(f"PDF příručku nelze vytvořit: {exc}. Web bez příručky nezveřejníme.") from exc
    except Exception as exc:  # WeasyPrint, fonts, disk: the build must fail, never publish without the manual
        raise PluginError(f"PDF příručku nelze vytvořit ({type(exc).__name__}: {exc}). Web bez příručky nezveřejníme.") from exc
    for message in warnings:
        log.warning(f"PDF příručka: {message}")
    for pdf in pdfs:
        src_uri = DOWNLOADS + pdf.path.name
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, abs_src_path=str(pdf.path)))
        log.info(f"PDF příručka: {src_uri} ({pdf.pages} stran, {file_size(pdf.size)})")
    config.extra["portal_downloads"] = downloads_html(pdfs, lambda url: get_relative_url(url, DOWNLOADS))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """The PDFs are copied into the site by now: remove the temporary folder."""
    _clean_up()


def on_build_error(error: Exception) -> None:
    """Remove the temporary folder of a failed build too."""
    _clean_up()


def manual_settings(config: MkDocsConfig) -> Settings:
    """The manual's settings from mkdocs.yml (extra.manual, extra.publisher, site_url, markdown_extensions)."""
    manual = config.extra.get("manual") or {}
    missing = [key for key, value in (("extra.manual.title", manual.get("title")), ("extra.manual.intro", manual.get("intro")),
                                      ("extra.publisher", config.extra.get("publisher")), ("site_url", config.site_url)) if not value]
    if missing:
        raise PluginError(f"PDF příručku nelze vytvořit: v mkdocs.yml chybí {', '.join(missing)}.")
    root = content_root(config)
    docs = Path(config.docs_dir).resolve()
    try:
        docs_dir = docs.relative_to(root).as_posix()
    except ValueError:
        docs_dir = "docs"
    return Settings(
        title=str(manual["title"]),
        publisher=str(config.extra["publisher"]),
        site_url=str(config.site_url),
        edition_date=edition_date(),
        intro=docs / str(manual["intro"]),
        docs_dir=docs_dir,
        notice=str(config.copyright or ""),
        extensions=list(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
    )


def edition_date() -> date:
    """The build date, or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def _clean_up() -> None:
    """Delete the temporary folders of this process's builds."""
    while _work_dirs:
        shutil.rmtree(_work_dirs.pop(), ignore_errors=True)
