"""The one policy for contributed HTML: which tags, attributes and addresses may reach a page, with its print variant.

Validation (portal.content.rules.html) reports what the policy refuses; the web sanitiser (portal.web.sanitize)
and the print sanitiser (portal.manual.markup) apply it with nh3. The print variant is derived from the web
policy, never written beside it: paper keeps what can be printed and drops what only works on a screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from html import unescape
from typing import Any

from portal.content.weburl import WEB_SCHEMES

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
# The attributes an embedded player of an allow-listed video host may carry.
VIDEO_ATTRIBUTES = frozenset({"src", "title", "width", "height", "allow", "allowfullscreen", "loading"})
MAX_SPAN = 100  # colspan/rowspan: a table of a million columns never finishes its layout

# Attributes whose value is an address (a browser follows or loads it), and tags that run code or take input.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "background", "xlink:href", "data",
                            "cite", "longdesc", "usemap", "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc"})
SCRIPT_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea",
                         "link", "meta", "base", "frame", "frameset", "svg", "math", "template", "applet"})

# The portal's own element ids and classes: contributed markup must not clobber them.
RESERVED_CLASS_PREFIXES = ("kp-", "md-")
_RESERVED_ID = re.compile(r"^(kp-|md-|__)", re.IGNORECASE)


@dataclass(frozen=True)
class Policy:
    """An allow-list as nh3 takes it: tags, attributes per tag ('*': on every tag), address schemes, and what goes with its content."""

    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    url_schemes: frozenset[str]
    drop_with_content: frozenset[str] = frozenset({"script", "style"})  # nh3's own default
    classes: Mapping[str, frozenset[str]] = field(default_factory=dict)  # when set, only these classes are kept
    style_properties: frozenset[str] | None = None  # when set, style is kept with only these properties

    def attributes_of(self, tag: str) -> frozenset[str]:
        """The attributes allowed on one tag."""
        return self.attributes.get("*", frozenset()) | self.attributes.get(tag, frozenset())

    def nh3(self) -> dict[str, Any]:
        """The keyword arguments of nh3.clean for this policy."""
        args: dict[str, Any] = {"tags": set(self.tags), "attributes": {k: set(v) for k, v in self.attributes.items()},
                                "url_schemes": set(self.url_schemes), "strip_comments": True}
        if self.drop_with_content != Policy.drop_with_content:
            args["clean_content_tags"] = set(self.drop_with_content)
        if self.classes:
            args["allowed_classes"] = {k: set(v) for k, v in self.classes.items()}
        if self.style_properties is not None:
            args["filter_style_properties"] = set(self.style_properties)
        return args


WEB = Policy(ALLOWED_TAGS, {k: frozenset(v) for k, v in ALLOWED_ATTRIBUTES.items()}, WEB_SCHEMES)

# On paper: no interactive elements (their text stays), no attributes that only a screen uses (classes are
# the print's own, for admonitions and footnotes), alignment of table cells kept, e-mail and phone links kept
# (the print also holds the portal's own pages, which name the editors' address).
_SCREEN_ONLY_TAGS = {"details", "summary"}
_PRINTED_ATTRIBUTES = {"id", "lang", "title", "href", "src", "alt", "width", "height", "scope", "colspan", "rowspan", "start"}
_ADMONITIONS = {"admonition", "note", "abstract", "summary", "info", "tip", "hint", "important", "success", "question",
                "warning", "caution", "attention", "failure", "danger", "error", "bug", "example", "quote"}


def _printed(attributes: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    kept = {tag: names & _PRINTED_ATTRIBUTES for tag, names in attributes.items()}
    for cell in ("th", "td"):  # Python-Markdown's tables align cells with style="text-align: …"
        kept[cell] = kept.get(cell, frozenset()) | {"style"}
    return {tag: names for tag, names in kept.items() if names}


PRINT = replace(
    WEB,
    tags=WEB.tags - _SCREEN_ONLY_TAGS,
    attributes=_printed(WEB.attributes),
    url_schemes=WEB.url_schemes | {"mailto", "tel"},
    drop_with_content=frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
                                 "template", "form", "textarea", "select", "button", "svg", "math", "head", "title"}),
    classes={"div": frozenset(_ADMONITIONS | {"footnote"}), "p": frozenset({"admonition-title", "kp-omitted"}),
             "a": frozenset({"footnote-ref", "footnote-backref"})},
    style_properties=frozenset({"text-align"}),
)

_IFRAME = re.compile(r"<iframe\b([^>]*)>(?:.*?</iframe\s*>)?", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def replace_iframes(html: str, replacement: Callable[[str], str]) -> str:
    """Every <iframe> (with its content) replaced by what `replacement` makes of its src address ('' when it has none)."""
    if "<iframe" not in html.lower():
        return html

    def one(match: re.Match[str]) -> str:
        src = _SRC.search(match[1])
        return replacement(unescape(next((g for g in src.groups() if g is not None), "")) if src else "")

    return _IFRAME.sub(one, html)


def is_reserved_id(value: str) -> bool:
    """An id or name in the portal's own namespaces (kp-, md-, __ of Material)."""
    return bool(_RESERVED_ID.match(value.strip()))


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset attribute ('a.png 1x, b.png 2x')."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]
