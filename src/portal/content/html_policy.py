"""The one policy for contributed HTML: which tags and attributes may reach a page (validation and sanitiser share it)."""

from __future__ import annotations

import re

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
})
_GENERIC = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "div": {"data-video-src"},
}
MAX_SPAN = 100  # colspan/rowspan: a table of a million columns never finishes its layout

# The portal's own element ids and classes: contributed markup must not clobber them.
RESERVED_CLASS_PREFIXES = ("kp-", "md-")
_RESERVED_ID = re.compile(r"^(kp-|md-|__|pagefind)", re.IGNORECASE)


def is_reserved_id(value: str) -> bool:
    """An id or name in the portal's own namespaces (kp-, md-, __ of Material, pagefind)."""
    return bool(_RESERVED_ID.match(value.strip()))


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset attribute ('a.png 1x, b.png 2x')."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]
