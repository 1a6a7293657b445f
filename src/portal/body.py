"""Rules for the Markdown body of contributed files: safe HTML, safe and existing links and files.

Contributed content is untrusted. These rules reject, with a line number, what must never reach a
reader's browser or the build machine; the page is additionally passed through a sanitiser
(portal.sanitize), so anything these rules miss is still removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from portal.problems import BODY, Problem

# Hosts whose videos may be embedded; the player loads only after the reader clicks (privacy).
VIDEO_HOSTS = {"www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"}
FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea",
                  "link", "meta", "base", "frame", "frameset", "svg", "math", "template", "applet"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "background", "xlink:href", "data"}
SAFE_SCHEMES = {"http", "https"}

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`+[^`]*`+")
# [text](target "title") and ![alt](target); <target> form allowed by CommonMark too.
_MD_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_MD_REF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<((?:[a-zA-Z][a-zA-Z0-9+.-]*):[^\s>]*)>")


@dataclass(frozen=True)
class Link:
    """A link or image target found in a body, with its line in the file."""

    line: int
    target: str
    image: bool


class _TagScanner(HTMLParser):
    """Collects raw HTML tags with their attributes (the rest of Markdown is plain text to it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def _code_free_lines(body: str) -> Iterator[tuple[int, str]]:
    """(index, line) of body lines outside fenced code, with inline code removed."""
    fenced = False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and not line.startswith("    "):
            yield i, _INLINE_CODE.sub("", line)


def _scheme(url: str) -> str:
    """The URL scheme as a browser sees it (entities decoded, control characters and spaces dropped)."""
    cleaned = re.sub(r"[\x00-\x20]", "", unescape(url))
    return urlsplit(cleaned).scheme.lower() if ":" in cleaned.split("/", 1)[0] else ""


def html_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """Raw HTML: no scripts, styles, forms or frames (except allow-listed videos), no on* attributes, no unsafe URLs."""
    for i, line in _code_free_lines(body):
        if "<" not in line:
            continue
        scanner = _TagScanner()
        scanner.feed(line)
        scanner.close()
        at = first_line + i
        for tag, attrs in scanner.tags:
            names = {k.lower(): (v or "") for k, v in attrs}
            if tag == "iframe" and urlsplit(names.get("src", "")).hostname in VIDEO_HOSTS and _scheme(names.get("src", "")) == "https":
                continue
            if tag in FORBIDDEN_TAGS:
                hint = f" (videa lze vložit jen z: {', '.join(sorted(VIDEO_HOSTS))})" if tag == "iframe" else ""
                yield Problem(path, at, BODY, f"značka <{tag}> není v příspěvcích povolena{hint}; odstraňte ji")
            for name, value in names.items():
                if name.startswith("on"):
                    yield Problem(path, at, BODY, f"atribut '{name}' (spouštění skriptu) není povolen; odstraňte ho")
                elif name == "style":
                    yield Problem(path, at, BODY, "atribut 'style' není povolen; vzhled určuje portál")
                elif name in URL_ATTRIBUTES and _scheme(value) and _scheme(value) not in SAFE_SCHEMES:
                    yield Problem(path, at, BODY, f"adresa se schématem '{_scheme(value)}:' není povolena; použijte odkaz začínající https://")
                elif tag == "img" and name in ("src", "srcset") and _scheme(value):
                    yield Problem(path, at, BODY, _outside_image(value))


def links(body: str, first_line: int) -> Iterator[Link]:
    """Every Markdown link, image, reference definition, autolink and raw href/src in a body."""
    for i, line in _code_free_lines(body):
        for m in _MD_LINK.finditer(line):
            yield Link(first_line + i, m[2], m[1] == "!")
        ref = _MD_REF.match(line)
        if ref:
            yield Link(first_line + i, ref[1], False)
        for m in _AUTOLINK.finditer(line):
            yield Link(first_line + i, m[1], False)


def link_problems(path: str, body: str, first_line: int, repo_files: set[str], content_folders: dict[str, str]) -> Iterator[Problem]:
    """Links are http(s) or relative; relative ones stay inside the repository and point at files that exist.

    `content_folders` maps a folder to its content kind ('methods' -> 'method') to name what a broken link meant.
    """
    here = PurePosixPath(path).parent
    for link in links(body, first_line):
        target = link.target
        if not target or target.startswith("#"):
            continue
        scheme = _scheme(target)
        what = "obrázek" if link.image else "odkaz"
        if scheme:
            if scheme not in SAFE_SCHEMES:
                yield Problem(path, link.line, BODY, f"{what} se schématem '{scheme}:' není povolen; vnější odkazy musí začínat https:// nebo http://")
            elif link.image:
                yield Problem(path, link.line, BODY, _outside_image(target))
            continue
        if target.startswith(("/", "\\")) or target.startswith("//"):
            yield Problem(path, link.line, BODY, f"{what} s absolutní cestou '{target}' není povolen; použijte cestu relativní k tomuto souboru")
            continue
        file_part = target.split("#", 1)[0].split("?", 1)[0]
        resolved = _normalise(here / file_part)
        if resolved is None:
            yield Problem(path, link.line, BODY, f"{what} '{target}' vede mimo repozitář; soubory musí ležet uvnitř repozitáře")
            continue
        if resolved not in repo_files:
            folder = resolved.split("/", 1)[0]
            kind = content_folders.get(folder)
            noun = {"method": "metodiku", "case": "příklad dobré praxe"}.get(kind or "", "soubor")
            yield Problem(path, link.line, BODY, f"{what} na neexistující {noun} '{resolved}'; zkontrolujte název souboru")


def _outside_image(url: str) -> str:
    return (f"obrázek z jiného webu ({urlsplit(unescape(url)).hostname}) není povolen, stránka nesmí nic načítat z cizích serverů; "
            "uložte obrázek do repozitáře vedle textu")


def _normalise(path: PurePosixPath) -> str | None:
    """Resolve '.' and '..' without touching the disk; None when the path climbs out of the repository."""
    parts: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
