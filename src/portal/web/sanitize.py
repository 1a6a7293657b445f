"""Sanitising of contributed HTML (rendered from Markdown) with nh3, the binding of Rust's ammonia.

Validation already rejects dangerous input with a message; this is the second line of defence, so
that nothing it missed (a new trick, a parser difference) can reach a reader's browser. Both apply the
one policy in portal.content.html_policy; URLs are judged as a browser parses them (portal.content.weburl).
"""

from __future__ import annotations

import nh3

from portal.content.html_policy import (
    MAX_SPAN,
    RESERVED_CLASS_PREFIXES,
    WEB,
    is_reserved_id,
    replace_iframes,
)
from portal.content.weburl import WEB_SCHEMES, judge, video_url
from portal.web.templating import render


def video_placeholder(address: str) -> str:
    """An allow-listed video becomes a link; the player loads only when the reader asks for it."""
    src = video_url(address)
    if src is None:
        return ""
    host = judge(src)
    return render("video_player_link.html", src=src, host=host.host if host and host.host else "")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("src", "href"):
        judged = judge(value, decoded=True)
        if judged is None or judged.scheme not in WEB_SCHEMES or "\\" in value:
            return None
        stays = judged.host is None
        # Pictures must come from this site: an outside image would tell another host who reads the page.
        if attribute == "src" and not (stays and judged.relative_path):
            return None
        if stays and not judged.relative_path and not value.startswith("#"):
            return None  # '/\host', '\\host': a browser leaves the site on these
    if attribute == "data-video-src":
        return value if video_url(value) == value else None
    if attribute in ("id", "name") and is_reserved_id(value):
        return None
    if attribute == "class":
        kept = " ".join(c for c in value.split() if not c.startswith(RESERVED_CLASS_PREFIXES))
        return kept or None
    if attribute in ("colspan", "rowspan"):
        return value if value.strip().isdigit() and 1 <= int(value.strip()[:6]) <= MAX_SPAN else None
    return value


def sanitize_for_web(html: str) -> str:
    """Contributed HTML with only safe tags, attributes and http(s)/relative URLs left."""
    html = replace_iframes(html, video_placeholder)
    cleaned = nh3.clean(html, **WEB.nh3(), link_rel="noopener noreferrer", attribute_filter=_attribute_filter)
    # The portal's class is added after cleaning: contributed markup may not use the reserved kp- classes
    # (the cleaning drops the placeholder's own class too).
    return cleaned.replace("<div data-video-src=", '<div class="kp-video" data-video-src=')
