"""Offline edition: the built site as a zip that works opened from disk (file://), with its own search.

On file:// a browser neither turns a folder link into its index.html nor lets a page fetch() other files,
so the site's search (which fetches its index files) cannot run there. The copy therefore links every folder's index.html, its search page reads a
plain script (`assets/offline-index.js`, loaded by <script>) with the text of every indexed page, and every
JSON file gets a script twin that a small fetch() shim (`assets/offline-fetch.js`) answers from, so the
portal's other scripts (the catalogue's index and cards) work from disk unchanged.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from portal import paths
from portal.czech.formats import long_date
from portal.html_names import VOID
from portal.search.index import BODY, IGNORED_CLASSES
from portal.web.templating import render, safe

ZIP_NAME = paths.OFFLINE_ZIP_NAME
FOLDER = "komunitni-prace"      # the one top folder inside the zip
DOWNLOADS = paths.DOWNLOADS     # where the zip is published, and the page that links it
# Online-only parts: the search index (needs fetch), the service worker, the sitemap, the editors' CMS.
SKIP_DIRS = {paths.SEARCH_INDEX.rstrip("/"), paths.ADMIN.rstrip("/")}
SKIP_FILES = {"sw.js", "sitemap.xml", "sitemap.xml.gz", ZIP_NAME}
# Already compressed: deflating them again took most of the zip's time (PDFs are ~90 % of its bytes) for ~1 %.
STORED = {".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".woff", ".woff2", ".gz", ".zip", ".mp4", ".webm"}
# Elements the online index leaves out too (src/portal_mkdocs/search.py), by class or attribute.
TEXT_LIMIT = 20_000             # characters of text per page in the offline index (a case is ~5,000)
ASSETS = Path(__file__).parent.parent / "assets"             # package data (pyproject: portal = ["assets/*"])
SEARCH_SCRIPT = ASSETS / "offline-search.js"
FETCH_SCRIPT = ASSETS / "offline-fetch.js"               # answers fetch() of a local .json from its .json.js twin

_ATTR = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>)(.*?)(</article>)', re.DOTALL)
_H1 = re.compile(r"<h1\b.*?</h1>", re.DOTALL)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
PLACEHOLDER = re.compile(r'<p class="kp-offline-edition"[^>]*>.*?</p>', re.DOTALL)


@dataclass(frozen=True)
class OfflineZip:
    path: Path
    size: int
    day: date


def file_link(value: str) -> str:
    """A page-relative link as file:// needs it: 'kraje/' -> 'kraje/index.html', '..' -> '../index.html'.

    Addresses with a scheme, protocol-relative and root-relative ones, fragments and bare queries stay as they are.
    """
    if not value or value.startswith(("#", "/", "?")) or _SCHEME.match(value):
        return value
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    return path + rest


def file_links(html: str) -> str:
    """Every href, src and action of a page rewritten by file_link."""
    return _ATTR.sub(lambda m: m[1] + file_link(m[2]) + m[3], html)


class _PageText(HTMLParser):
    """Title and text of what the search indexes: inside data-search-body, minus the ignored parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []   # (tag, opens the body, is ignored)
        self.body = 0
        self.ignored = 0
        self.in_h1 = False
        self.title: list[str] = []
        self.text: list[str] = []
        self.indexed = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        opens = "data-search-body" in a
        ignored = (tag in ("script", "style", "template") or "data-search-ignore" in a
                   or bool(IGNORED_CLASSES & set((a.get("class") or "").split())))
        self.stack.append((tag, opens, ignored))
        self.body += opens
        self.indexed |= opens
        self.ignored += ignored
        if tag == "h1" and self.body:
            self.in_h1 = True
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "div", "br"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or all(name != tag for name, _, _ in self.stack):
            return   # a stray end tag closes nothing
        while self.stack:
            name, opens, ignored = self.stack.pop()
            self.body -= opens
            self.ignored -= ignored
            if name == "h1":
                self.in_h1 = False
            if name == tag:
                break
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.body and not self.ignored:
            self.text.append(data)
            if self.in_h1:
                self.title.append(data)




def page_record(url: str, html: str) -> dict[str, str] | None:
    """The offline index entry of one page (url, title, text), or None for a page the search leaves out.

    Only the indexed part is parsed: from the body's opening tag to the article's end (the header, navigation and
    footer around it are two thirds of a case page); none of its ancestors is left out of the index.
    """
    start, end = html.find(BODY), html.rfind("</article>")
    return _record(url, html[start:end] if 0 <= start < end else html)


def _record(url: str, html: str) -> dict[str, str] | None:
    parser = _PageText()
    parser.feed(html)
    parser.close()
    if not parser.indexed:
        return None
    text = " ".join("".join(parser.text).split())
    title = " ".join("".join(parser.title).split())
    return {"u": url, "t": title, "x": text[:TEXT_LIMIT]}


def index_script(records: list[dict[str, str]]) -> str:
    """The index as a script that a page loads with <script src> (works on file://, unlike fetch)."""
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    # '</' never appears inside the script text, so the data cannot close a <script> element.
    return "// Offline search index of the portal (generated).\nwindow.KP_OFFLINE_INDEX = " + data.replace("</", "<\\/") + ";\n"




def search_page(html: str) -> str:
    """The search page of the copy: the page's own heading, a form and the results of offline-search.js."""
    def replace(m: re.Match[str]) -> str:
        h1 = _H1.search(m[2])
        return m[1] + render("offline_search.html", heading=safe(h1[0] if h1 else '<h1 id="hledani">Hledání</h1>')) + "\n" + m[3]
    return _ARTICLE.sub(replace, html, count=1)


def with_fetch_shim(html: str, rel: str) -> str:
    """The page loads the fetch shim first, so that its other scripts can fetch() the site's JSON files from disk."""
    prefix = "../" * rel.count("/")
    shim = render("offline_fetch_shim.html", prefix=prefix) + "\n"
    return _HEAD_END.sub(lambda m: shim + m[0], html, count=1)


def json_twin(text: str) -> str:
    """A JSON file as a script that hands its text to the fetch shim (works on file://, unlike fetch)."""
    data = json.dumps(text, ensure_ascii=False).replace("</", "<\\/")
    return f"window.KP_OFFLINE_DATA = window.KP_OFFLINE_DATA || {{}};\nwindow.KP_OFFLINE_DATA[document.currentScript.src.replace(/\\.js$/, '')] = {data};\n"


def offline_note(day: date, site_url: str) -> str:
    """What the downloads page of the copy says in place of the download link."""
    return render("offline_note.html", day=day, site_url=site_url)


def download_link(size: int, day: date) -> str:
    """The link to the zip on the downloads page, with its size and date."""
    return render("offline_link.html", href=ZIP_NAME, size=size, day=day)


README = """Portál komunitní práce – offline vydání ze dne {day}

1. Rozbalte celý archiv (všechny soubory a složky).
2. Ve složce {folder} otevřete v prohlížeči soubor index.html.

Stránky, katalog s filtry i vyhledávání fungují bez připojení k internetu.
Aktuální verze portálu: {site_url}
"""


def site_files(site: Path) -> Iterator[Path]:
    """Files of the built site that belong in the offline copy, in a stable order (sorted as paths).

    The skipped folders are never entered: the search index may be written into its folder at the same time.
    """
    found: list[Path] = []
    for folder, dirs, names in os.walk(site):
        here = Path(folder)
        if here == site:
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            names = [n for n in names if n not in SKIP_DIRS]
        found += [here / name for name in names]
    for path in sorted(found):
        rel = path.relative_to(site)
        if path.is_file() and rel.as_posix() not in SKIP_FILES and path.name not in SKIP_FILES:
            yield path


def build_offline_zip(site: Path, target: Path, day: date, site_url: str) -> OfflineZip:
    """Write the offline copy of a built site into one zip; every HTML page rewritten for file://."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)   # reproducible: the edition date, not the clock

    def add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(f"{FOLDER}/{name}", stamp)
        info.external_attr = 0o644 << 16
        if Path(name).suffix.lower() in STORED:
            zf.writestr(info, data, compress_type=zipfile.ZIP_STORED)
        else:
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)

    records: list[dict[str, str]] = []
    target.parent.mkdir(parents=True, exist_ok=True)
    files = list(site_files(site))   # listed before the archive exists: it is written into the site itself
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w") as zf:
        for path in files:
            rel = path.relative_to(site).as_posix()
            if path.suffix != ".html":
                add(zf, rel, path.read_bytes())
                if path.suffix == ".json":
                    add(zf, rel + ".js", json_twin(path.read_text(encoding="utf-8")).encode("utf-8"))
                continue
            html = path.read_text(encoding="utf-8")
            if rel != "404.html" and (record := page_record(rel, html)) is not None:
                records.append(record)
            if rel == paths.SEARCH + "index.html":
                html = search_page(html)
            if rel == DOWNLOADS + "index.html":
                html = PLACEHOLDER.sub(lambda _: offline_note(day, site_url), html)
            add(zf, rel, file_links(with_fetch_shim(html, rel)).encode("utf-8"))
        add(zf, "assets/offline-index.js", index_script(records).encode("utf-8"))
        add(zf, "assets/offline-search.js", SEARCH_SCRIPT.read_bytes())
        add(zf, "assets/offline-fetch.js", FETCH_SCRIPT.read_bytes())
        add(zf, "ČTĚTE-MĚ.txt", README.format(day=long_date(day).replace("\u00a0", " "), folder=FOLDER, site_url=site_url).encode("utf-8"))
    partial.replace(target)
    return OfflineZip(target, target.stat().st_size, day)


def publish_offline_edition(site: Path, day: date, site_url: str) -> OfflineZip:
    """Build the zip into the site's downloads folder and put its link, size and date on the downloads page."""
    return link_offline_edition(site, build_offline_zip(site, site / DOWNLOADS / ZIP_NAME, day, site_url))


def link_offline_edition(site: Path, result: OfflineZip) -> OfflineZip:
    """Put the zip's link, size and date on the downloads page (after the zip and the search index have read it)."""
    day = result.day
    page = site / DOWNLOADS / "index.html"
    if page.is_file():
        html = page.read_text(encoding="utf-8")
        page.write_text(PLACEHOLDER.sub(lambda _: download_link(result.size, day), html, count=1), encoding="utf-8")
    return result
