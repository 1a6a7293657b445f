"""URLs judged the way a browser parses them (WHATWG URL standard, via ada-url), never by urlsplit.

Python's urlsplit and browsers disagree about backslashes, user info, control characters and
scheme-relative forms ('//host', '\\\\host', '/\\host'); an allow-list judged by urlsplit can be
walked around. Every decision about where a contributed URL leads is made here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from ada_url import URL

# A host that cannot exist: relative URLs are resolved against it to see whether they stay on the site.
_BASE_HOST = "portal.invalid"
_BASE = f"https://{_BASE_HOST}/obsah/stranka/"

# Hosts whose videos may be embedded; the player loads only after the reader clicks (privacy).
VIDEO_HOSTS = frozenset({"www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"})
WEB_SCHEMES = frozenset({"http", "https"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class Judged:
    """Where a URL leads: its scheme, its host (None when it stays on this site) and whether it is a plain relative path."""

    scheme: str
    host: str | None
    relative_path: bool
    href: str


@lru_cache(maxsize=65_536)  # a pure function of its text; links are judged again on every load (a tenth of a rebuild)
def judge(raw: str, *, decoded: bool = False) -> Judged | None:
    """How a browser reads this URL (HTML entities decoded unless `decoded`); None when it cannot be parsed."""
    value = raw if decoded else unescape(raw)
    try:
        url = URL(value, _BASE)
    except ValueError:
        return None
    scheme = url.protocol.rstrip(":").lower()
    host = url.hostname if scheme in WEB_SCHEMES or url.hostname else None
    stays = scheme == "https" and host == _BASE_HOST
    stripped = _CONTROL.sub("", value)
    relative = stays and not stripped.startswith(("/", "\\")) and "\\" not in stripped and ":" not in stripped.split("/", 1)[0]
    return Judged(scheme, None if stays else (host or None), relative, url.href)


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a real host, no user info, no backslash or spaces."""
    if any(c in value for c in "\\ \t\n\r"):
        return False
    try:
        url = URL(value)
    except ValueError:
        return False
    return url.protocol in ("http:", "https:") and bool(url.hostname) and not url.username and not url.password


def video_url(raw: str) -> str | None:
    """The normalised player address when a URL is an allow-listed https video player, else None."""
    value = unescape(raw).strip()
    if "\\" in value or "@" in value.split("?", 1)[0] or _CONTROL.search(value):
        return None
    try:
        url = URL(value)
    except ValueError:
        return None
    if url.protocol != "https:" or url.hostname not in VIDEO_HOSTS or url.port or url.username or url.password:
        return None
    return url.href
