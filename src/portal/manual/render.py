"""HTML to tagged PDF with WeasyPrint, fetching nothing but data: URIs and files inside the repository."""

from __future__ import annotations

import gc
import hashlib
import logging
import mimetypes
import re
from dataclasses import dataclass, field
from html import unescape
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from portal.content.collection import Collection
from portal.manual.html import edition_html
from portal.manual.model import Edition, Manual, ManualError, PdfFile, Settings, build_manual

WEASYPRINT_LOGGER = "weasyprint"


def stylesheet() -> str:
    """The print stylesheet shipped with the package."""
    return files("portal.manual").joinpath("print.css").read_text(encoding="utf-8")


class LocalFetcher(URLFetcher):
    """Serves data: URIs and files inside one folder; refuses (and records) every other address."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=1)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        raise ValueError(f"adresa mimo repozitář se nenačítá: {url}")


@dataclass
class Renderer:
    """WeasyPrint set up once (fonts, stylesheet, fetcher) for all editions of a build."""

    root: Path
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.fetcher = LocalFetcher(self.root)
        self.fonts = FontConfiguration()
        self.css = CSS(string=stylesheet(), font_config=self.fonts, url_fetcher=self.fetcher)

    def write(self, html: str, target: Path) -> int:
        """Write a tagged PDF; return its number of pages. WeasyPrint's warnings are collected in self.warnings."""
        handler = _Collect(self.warnings)
        logger = logging.getLogger(WEASYPRINT_LOGGER)
        logger.addHandler(handler)
        # The layout creates millions of long-lived objects; Python's cyclic collector then spends about a
        # quarter of the time walking them (measured: 180 cases 45 s -> 31 s, peak memory +15 %).
        collecting = gc.isenabled()
        gc.disable()
        try:
            document = HTML(string=html, base_url=self.root.as_uri() + "/", url_fetcher=self.fetcher).render(
                stylesheets=[self.css], font_config=self.fonts, pdf_tags=True)
            document.write_pdf(target, pdf_tags=True)
            pages = len(document.pages)
        finally:
            logger.removeHandler(handler)
            if collecting:
                gc.enable()
        del document
        gc.collect()
        return pages


class _Collect(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


def render_edition(manual: Manual, edition: Edition, target: Path, renderer: Renderer | None = None) -> PdfFile:
    """Render one edition to a PDF file."""
    renderer = renderer or Renderer(manual.collection.root)
    pages = renderer.write(edition_html(manual, edition), target)
    return PdfFile(edition, target, pages, target.stat().st_size, manual.settings.edition_date)


def build_editions(collection: Collection, settings: Settings, out_dir: Path,
                   cache: dict[str, tuple[bytes, int]] | None = None) -> tuple[list[PdfFile], list[str]]:
    """The full manual and one edition per region with cases, written to out_dir; also WeasyPrint's warnings.

    With a cache (kept by the caller between builds, e.g. by `mkdocs serve`), an edition whose print
    HTML, stylesheet and pictures did not change since the last build is copied instead of rendered.
    """
    if not collection.ok:
        raise ManualError("obsah má chyby, příručku nelze vytvořit")
    manual = build_manual(collection, settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    css = stylesheet()
    renderer: Renderer | None = None
    pdfs: list[PdfFile] = []
    kept: dict[str, tuple[bytes, int]] = {}
    for edition in manual.editions():
        html = edition_html(manual, edition)
        target = out_dir / f"{edition.name}.pdf"
        key = _fingerprint(css, html)
        if cache is not None and key in cache:
            data, pages = cache[key]
            target.write_bytes(data)
        else:
            renderer = renderer or Renderer(collection.root)
            pages = renderer.write(html, target)
        if cache is not None:
            kept[key] = (target.read_bytes(), pages)
        pdfs.append(PdfFile(edition, target, pages, target.stat().st_size, settings.edition_date))
    if cache is not None:
        cache.clear()
        cache.update(kept)
    warnings = list(dict.fromkeys(renderer.warnings)) if renderer else []
    if renderer and renderer.fetcher.refused:
        warnings += [f"nenačteno (mimo repozitář): {url}" for url in dict.fromkeys(renderer.fetcher.refused)]
    return pdfs, warnings


_FILE_SRC = re.compile(r'src="(file://[^"]+)"')


def _fingerprint(css: str, html: str) -> str:
    """What decides the PDF: stylesheet, print HTML, and the size and time of every local picture it shows."""
    digest = hashlib.sha256(css.encode() + b"\0" + html.encode())
    for url in sorted(set(_FILE_SRC.findall(html))):
        path = Path(url2pathname(urlsplit(unescape(url)).path))
        stat = path.stat() if path.is_file() else None
        digest.update(f"\0{url}:{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}".encode())
    return digest.hexdigest()
