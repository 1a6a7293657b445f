"""Where in a body each link's address stands: the line of an inline destination, an autolink or a reference definition."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token


@dataclass(frozen=True)
class Link:
    """A link or image target found in a body, with its line in the file."""

    line: int
    target: str
    image: bool


def target_offset(src: str, label_end: int, end: int) -> int | None:
    """Where the destination of an inline link ('[x](  address') begins; None for a reference link."""
    i = label_end + 1
    if label_end < 0 or i >= end or src[i] != "(":
        return None
    i += 1
    while i < end and src[i] in " \t\n":
        i += 1
    return i


def reference_label(src: str, start: int, label_end: int) -> str:
    """The label a reference link takes its address from: '[x][r]' -> 'r', '[x][]' and '[x]' -> 'x'."""
    bracket = src.find("[", start)
    own = src[bracket + 1:label_end]
    if label_end + 1 < len(src) and src[label_end + 1] == "[":
        close = src.find("]", label_end + 2)
        return src[label_end + 2:close] or own if close >= 0 else own
    return own


def reference_line(lines: list[str], where: list[int]) -> int:
    """The line of a reference definition ('[r]:' then its address, maybe on the next line) where the address stands."""
    text = "\n".join(lines[where[0]:where[1]])
    colon = text.find("]:")
    i = colon + 2 if colon >= 0 else 0
    while i < len(text) and text[i] in " \t\n>":
        i += 1
    return where[0] + text.count("\n", 0, i)


def token_links(block: Token | None, where: tuple[int, int, int] | None, pushed: list[Token], lines: list[str],
           references: dict) -> list[Link]:
    """The targets of the link, image or autolink tokens one inline rule pushed, each at the line of its address."""
    first = block.map[0] if block is not None and block.map else 0
    out = []
    for token in pushed:
        target = token.attrs.get("href") if token.type == "link_open" else token.attrs.get("src") if token.type == "image" else None
        if not isinstance(target, str):
            continue
        line = first
        if block is not None and where is not None:
            src, (start, end, label_end) = block.content, where
            offset = start if token.markup == "autolink" else target_offset(src, label_end, end)
            if offset is not None:
                line = first + src.count("\n", 0, offset)
            else:
                ref = references.get(normalizeReference(reference_label(src, start, label_end)))
                if not (ref and ref.get("href") == target):
                    ref = next((r for r in references.values() if r.get("href") == target), None)
                line = reference_line(lines, ref["map"]) if ref and ref.get("map") else first + src.count("\n", 0, start)
        out.append(Link(line, target, token.type == "image"))
    return out
