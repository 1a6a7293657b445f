"""What the site's renderer (Python-Markdown) itself makes of a body where markdown-it could read it otherwise.

Its fenced blocks (the one fence scanner: portal.content.rules.markdown blanks them, the fence rule reports
the rest), its pairing of backticks, its reference definitions, its inline links and where its raw HTML may start, each found
with Python-Markdown's own patterns and functions, so the rules take the renderer's side.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import MutableMapping

from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.inlinepatterns import BACKTICK_RE, LINK_RE, BacktickInlineProcessor, LinkInlineProcessor
from markdown_it.token import Token


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Character spans of fenced code blocks exactly as the site's renderer (Python-Markdown fenced_code) finds them."""
    if "```" not in text and "~~~" not in text:
        return []
    return [m.span() for m in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(text)]


# A tag at the start of a line (after quote markers) may open one of the renderer's raw HTML blocks.
LINE_STARTS_WITH_TAG = re.compile(r"^[ \t>]*</?[A-Za-z]", re.MULTILINE)
_BACKTICK = re.compile(BACKTICK_RE)
_RENDERER_BACKTICKS = BacktickInlineProcessor(BACKTICK_RE)


def renderer_code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans Python-Markdown makes of a block's text, found with its own pairing of backticks."""
    spans, pos = [], 0
    while (m := _BACKTICK.search(text, pos)) is not None:
        begin = m.start()
        if m.group(1):  # escaped backslashes: stashed by the renderer, so a backtick right after them does open a span
            begin = m.end()
            if begin >= len(text) or text[begin] != "`":
                pos = begin
                continue
        start, end = _RENDERER_BACKTICKS.find_code_spans(begin, text)
        if end is None:
            pos = start
        else:
            spans.append((begin, end + (start - begin)))
            pos = spans[-1][1]
    return spans


def agreed(block: Token, start: int, end: int, env: MutableMapping) -> bool:
    """Whether a code span markdown-it found is surely code for the renderer too (else it is read as live text).

    Only a span on one line that Python-Markdown pairs the same way, after no span over a line break, no
    line that starts with a tag and no backtick since the last empty line before the block (the renderer
    may end blocks elsewhere, or take them as raw HTML, where markdown-it does not).
    """
    content = block.content
    if "\n" in content[start:end] or not _fresh_before(block, env.get("_lines", [])):
        return False
    if block.map and block.map[0] >= env.get("_raw_from", len(env.get("_lines", []))):
        return False  # after a tag that starts a line: the renderer's raw block may run on over empty lines
    cache, key = env.setdefault("_paired", {}), id(block)
    if key not in cache:
        cache[key] = renderer_code_spans(content)
    for span in cache[key]:
        if span == (start, end):
            break
        if span[0] >= start or "\n" in content[span[0]:span[1]]:
            return False
    else:
        return False
    return not any(line.lstrip().startswith("<") for line in content[:end].split("\n"))


def _fresh_before(block: Token, lines: list[str]) -> bool:
    """No backtick and no line starting with a tag between the last empty line and the block."""
    i = (block.map[0] if block.map else 0) - 1
    while 0 <= i < len(lines) and lines[i].strip():
        if "`" in lines[i] or lines[i].lstrip(" >").startswith("<"):
            return False
        i -= 1
    return True


_REFERENCE = ReferenceProcessor.RE


def renderer_references(live: str, starts: list[int]) -> list[tuple[int, str]]:
    """Reference definitions as the renderer reads them ('[r]: address'), used or not: it accepts some markdown-it does not."""
    return [(bisect_right(starts, m.start(2)) - 1, m[2].lstrip("<").rstrip(">")) for m in _REFERENCE.finditer(live)]


class _RendererLink(LinkInlineProcessor):
    """Python-Markdown's own reading of '[text](address)', without the stash of its inline pass."""

    def unescape(self, text: str) -> str:
        return text


_LINK = _RendererLink(LINK_RE)


def renderer_inline_links(live: str, starts: list[int]) -> list[tuple[int, str, bool]]:
    """Inline links and images as the renderer reads them (line, address, image), found with its own parser:
    it makes a link of some text markdown-it leaves alone, e.g. '[x](a:b(1' with its parenthesis never closed."""
    found, pos = [], 0
    while (start := live.find("[", pos)) != -1:
        pos = start + 1
        if (len(live[:start]) - len(live[:start].rstrip("\\"))) % 2:
            continue  # an escaped bracket is text for the renderer
        _, end, handled = _LINK.getText(live, pos)
        if not (handled and live.startswith("(", end)):
            continue
        href, _, _, handled = _LINK.getLink(live, end)
        if handled and href:
            at = end + 1 + len(live[end + 1:]) - len(live[end + 1:].lstrip())
            found.append((bisect_right(starts, at) - 1, href, live[start - 1:start] == "!"))
    return found
