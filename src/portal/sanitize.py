"""Sanitising of contributed HTML (rendered from Markdown) with nh3, the binding of Rust's ammonia.

Validation already rejects dangerous input with a message; this is the second line of defence, so
that nothing it missed (a new trick, a parser difference) can reach a reader's browser.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

import nh3

from portal.body import VIDEO_HOSTS

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
}
GENERIC = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"}
ATTRIBUTES = {
    "*": GENERIC,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "div": {"data-video-src"},
}

_IFRAME = re.compile(r"<iframe\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>\s*</iframe>", re.IGNORECASE)


def video_placeholder(match: re.Match[str]) -> str:
    """An allow-listed video becomes a link; the player loads only when the reader asks for it."""
    src = match[1]
    host = urlsplit(src).hostname or ""
    if host not in VIDEO_HOSTS or urlsplit(src).scheme != "https":
        return ""
    return (f'<div class="kp-video" data-video-src="{escape(src)}"><a href="{escape(src)}">Přehrát video</a> '
            f'(po kliknutí se načte přehrávač z {escape(host)})</div>')


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Pictures must come from this site: an outside image would tell another host who reads the page.
    if tag == "img" and attribute == "src" and urlsplit(value).scheme:
        return None
    if attribute == "data-video-src" and (urlsplit(value).hostname not in VIDEO_HOSTS or urlsplit(value).scheme != "https"):
        return None
    return value


def sanitize(html: str) -> str:
    """Contributed HTML with only safe tags, attributes and http(s)/relative URLs left."""
    html = _IFRAME.sub(video_placeholder, html)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https"},
                     link_rel="noopener noreferrer", attribute_filter=_attribute_filter, strip_comments=True)
