"""Contributed Markdown turned into safe print HTML.

The body is rendered with the site's Markdown extensions, then sanitised (contributed text is
untrusted: no scripts, styles, frames, forms or event attributes survive). A last pass makes it fit
into one big print document: ids are prefixed with the chapter's anchor so that two chapters never
clash, headings move below the chapter title, links written for GitHub become web addresses, and
pictures are kept only when they are files inside the repository (nothing is fetched from the net).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

import markdown
import nh3

from portal.content.html_policy import PRINT, replace_iframes
from portal.content.kinds import KINDS
from portal.czech.typography import start_tag
from portal.html_names import VOID

# What mkdocs.yml lists, plus fenced_code, which MkDocs always adds.
DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "def_list", "footnotes", "sane_lists"]
# Options that only make sense on a web page (the '#' permalink after every heading).
_WEB_ONLY = {"toc": {"permalink", "permalink_title", "permalink_class", "permalink_leading", "anchorlink", "anchorlink_class"}}

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

_HEADING = re.compile(r"<h([1-6])[\s>]")


@dataclass(frozen=True)
class BodyContext:
    """Where a body comes from and where it goes: its source path, its chapter's anchor, the public site."""

    source: str          # repository path of the Markdown file, e.g. 'good_practice/x.md' or 'docs/prirucka-uvod.md'
    anchor: str          # id of the chapter; every id inside the body gets it as a prefix
    site_url: str        # public address of the site, ending with '/'
    root: Path           # the repository; pictures are taken from here and from nowhere else
    top_level: int = 3   # the level the body's highest headings get in the print
    docs_dir: str = "docs"


class MarkdownRenderer:
    """One python-markdown instance with the site's extensions, reused for every body."""

    def __init__(self, extensions: list[Any] | None = None, extension_configs: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        configs = {name: {k: v for k, v in opts.items() if k not in _WEB_ONLY.get(name, set())}
                   for name, opts in (extension_configs or {}).items()}
        self._md = markdown.Markdown(extensions=list(extensions or DEFAULT_EXTENSIONS), extension_configs=configs)

    def render(self, text: str, ctx: BodyContext) -> str:
        """Markdown -> sanitised HTML ready to be placed in the print document."""
        self._md.reset()
        return adapt(sanitize_for_print(self._md.convert(text)), ctx)


def sanitize_for_print(html: str) -> str:
    """Keep text structure (headings, lists, tables, links, emphasis, code, quotes, pictures); drop everything active."""
    return nh3.clean(replace_iframes(html, _video_link), **PRINT.nh3(), link_rel=None)


def _video_link(url: str) -> str:
    """An embedded video cannot play on paper: its address is printed instead."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return ""
    return f'<p class="kp-omitted">[Video: <a href="{escape(url)}">{escape(url)}</a>]</p>'


def adapt(html: str, ctx: BodyContext) -> str:
    """Prefix ids, shift headings, rewrite links to web addresses and keep only local pictures."""
    levels = [int(n) for n in _HEADING.findall(html)]
    shift = ctx.top_level - min(levels) if levels else 0
    rewriter = _BodyRewriter(ctx, shift)
    rewriter.feed(html)
    rewriter.close()
    return rewriter.result()


def web_address(href: str, ctx: BodyContext) -> str | None:
    """The address a link of a body points to in print: in-chapter anchors stay, the rest becomes absolute."""
    href = href.strip()
    if href.startswith("#"):
        return f"#{ctx.anchor}--{href[1:]}" if len(href) > 1 else None
    if href.startswith("//"):
        return "https:" + href
    parts = urlsplit(href)
    if parts.scheme:
        return href if parts.scheme.lower() in PRINT.url_schemes else None
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if parts.path.startswith("/"):
        return urljoin(ctx.site_url, parts.path.lstrip("/")) + fragment
    if not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.source), unquote(parts.path)))
    if target == ".." or target.startswith("../"):
        return None
    return ctx.site_url + quote(site_path(target, ctx.docs_dir)) + fragment


def site_path(target: str, docs_dir: str = "docs") -> str:
    """Where a repository file is published: 'methods/x.md' -> 'metodiky/x/', 'docs/a/index.md' -> 'a/'."""
    for kind in KINDS.values():
        if target.startswith(kind.folder + "/"):
            rest = target[len(kind.folder) + 1:]
            if rest.endswith(".md") and "/" not in rest:
                return f"{kind.url_prefix}/{rest[:-3]}/"
            return f"{kind.url_prefix}/{rest}"
    prefix = docs_dir.strip("/") + "/"
    if target.startswith(prefix):
        rest = target[len(prefix):]
        if rest.endswith(".md"):
            rest = rest[:-3]
            if rest == "index" or rest.endswith("/index"):
                return rest[:-5]
            return rest + "/"
        return rest
    return target


def local_image(src: str, ctx: BodyContext) -> str | None:
    """A picture's file:// address when it is a picture file inside the repository, else None."""
    src = src.strip()
    parts = urlsplit(src)
    if parts.scheme or src.startswith(("/", "\\")) or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.source), unquote(parts.path)))
    root = ctx.root.resolve()
    file = (root / target).resolve()
    if not file.is_relative_to(root) or not file.is_file() or file.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    return file.as_uri()


def omitted_image(alt: str) -> str:
    """What is printed instead of a picture that is not a file in the repository."""
    name = f" „{escape(alt.strip())}“" if alt.strip() else ""
    return f'<span class="kp-omitted">[Obrázek{name} je k dispozici ve webové verzi.]</span>'


class _BodyRewriter(HTMLParser):
    """Re-serialises sanitised HTML with the changes of `adapt`."""

    def __init__(self, ctx: BodyContext, shift: int) -> None:
        super().__init__(convert_charrefs=True)
        self._ctx = ctx
        self._shift = shift
        self._out: list[str] = []

    def result(self) -> str:
        return "".join(self._out)

    def _tag(self, tag: str) -> str:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            return f"h{max(1, min(6, int(tag[1]) + self._shift))}"
        return tag

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]] | None:
        out: list[tuple[str, str | None]] = []
        for name, value in attrs:
            if name == "id" and value:
                value = f"{self._ctx.anchor}--{value}"
            elif name == "href" and tag == "a":
                value = web_address(value or "", self._ctx)
                if value is None:
                    continue
            elif name == "src" and tag == "img":
                value = local_image(value or "", self._ctx)
                if value is None:
                    return None
            out.append((name, value))
        if tag == "img" and not any(name == "src" for name, _ in out):
            return None
        return out

    def handle_starttag(self, tag: str, attrs: list) -> None:
        kept = self._attrs(tag, attrs)
        if kept is None:  # a picture from outside the repository
            self._out.append(omitted_image(dict(attrs).get("alt") or ""))
            return
        self._out.append(start_tag(self._tag(tag), kept))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self._out.append(f"</{self._tag(tag)}>")

    def handle_data(self, data: str) -> None:
        self._out.append(escape(data, quote=False))
