"""One reading of a Markdown body that every body rule shares: code blocks, token stream, links, live text.

The site renders bodies with Python-Markdown; the rules read them with markdown-it-py (tables, footnotes,
definition lists, as the site) because its tokens carry line maps. Where the two could disagree about
what is code, the rules take the renderer's side or the safe side: fenced blocks are exactly the ones
Python-Markdown's fenced_code finds (`renderer.fenced_blocks`, the one fence scanner), and markdown-it's own
indented-code and fence rules are off, so nothing else is skipped as code without Python-Markdown
agreeing. Offsets are kept: the live text has code and quote markers replaced by spaces, never removed,
so a position in it is a position in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.rules_inline import autolink, backtick, image, link
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from portal.content.rules.link_lines import Link, token_links
from portal.content.rules.renderer import (
    LINE_STARTS_WITH_TAG,
    agreed,
    fenced_blocks,
    renderer_inline_links,
    renderer_references,
)

MAX_NESTING = 12          # nested quotes and lists

FENCE_MARKS = ("```", "~~~")


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces (line breaks kept, so positions map to the same lines)."""
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        out.append(text[last:start])
        out.append(spaces(text[start:end]))
        last = max(last, end)
    out.append(text[last:])
    return "".join(out)


_NOT_NEWLINE = re.compile(r"[^\n]+")


def spaces(text: str) -> str:
    """The text with every character but line breaks replaced by a space."""
    return _NOT_NEWLINE.sub(lambda m: " " * len(m[0]), text)


@dataclass
class Body:
    """A body read once: its lines, the token stream, its links and the live text the HTML tokenizer reads."""

    text: str                      # the body with the renderer's fenced code blanked
    tokens: list[Token]
    links: list[Link]              # lines 0-based in the body
    live: str                      # also code spans and blockquote markers blanked
    starts: list[int] = field(repr=False)  # offset of each line's first character

    def line_at(self, offset: int) -> int:
        """The 0-based line of a character offset in the body."""
        return bisect_right(self.starts, offset) - 1


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """CommonMark with the site's tables, footnotes and definition lists; every URL kept as written; no code but the renderer's."""
    md = MarkdownIt("commonmark", {"maxNesting": 4 * MAX_NESTING + 8}).enable("table")
    md.use(footnote_plugin).use(deflist_plugin)
    md.disable(["code", "fence", "footnote_inline"])  # no "^[…]" in Python-Markdown; fenced blocks are blanked beforehand; indented code is not code inside Python-Markdown's lists
    md.validateLink = lambda url: True  # type: ignore[method-assign] # judged by our rules with a message, not dropped silently
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.core.ruler.at("inline", _inline_where_needed)
    md.inline.ruler.at("backticks", _recorded(backtick, "code"))
    md.inline.ruler.at("link", _recorded(link, "link"))
    md.inline.ruler.at("image", _recorded(image, "link"))
    md.inline.ruler.at("autolink", _recorded(autolink, "link"))
    return md


def _inline_where_needed(state) -> None:
    """Inline parsing only where a link or a code span can start ('[', '<', '`'): most paragraphs have none.

    An HTML block is read for links too: Python-Markdown does not start a raw block where markdown-it does
    (a closing tag, some tag names), and there the links are live.
    """
    for token in state.tokens:
        if token.type == "inline":
            if "[" in token.content or "<" in token.content or "`" in token.content:
                state.env["_block"] = token
                state.md.inline.parse(token.content, state.md, state.env, token.children)
            else:
                token.children = []
        elif token.type == "html_block" and "[" in token.content:
            state.env["_block"] = token
            state.md.inline.parse(token.content, state.md, state.env, [])


def _recorded(rule: Callable[[StateInline, bool], bool], kind: str) -> Callable[[StateInline, bool], bool]:
    """An inline rule that also records where in its block a code span or a link (its label's end) was found."""
    def run(state: StateInline, silent: bool) -> bool:
        start, pushed = state.pos, len(state.tokens)
        label_end = -1
        if kind == "link" and not silent and state.src[start] in "[!":
            bracket = start + (state.src[start] == "!")
            if bracket < state.posMax and state.src[bracket] == "[":
                label_end = state.md.helpers.parseLinkLabel(state, bracket, False)
                state.pos = start
        if not rule(state, silent):
            return False
        block = state.env.get("_block")
        if kind == "code" and not (block is not None and state.src == block.content and agreed(block, start, state.pos, state.env)):
            state.pos = start  # not surely code for the renderer: read on, links and tags inside are live
            del state.tokens[pushed:]
            return False
        if not silent:
            block = state.env.get("_block")
            nested = block is None or state.src != block.content  # an image's alt text is parsed apart: no offsets
            where = None if nested else (start, state.pos, label_end)
            state.env.setdefault("_found", []).append((kind, block, where, state.tokens[pushed:]))
        return True
    return run


def _suffix_column(line: str, piece: str) -> int:
    """Column where a line of a paragraph's content stands in its source line: the content is the line's end."""
    for end in (len(line), len(line.rstrip())):
        col = end - len(piece)
        if piece and col >= 0 and line[col:end] == piece:
            return col
    return -1


@lru_cache(maxsize=4)
def read(body: str) -> Body:
    """The body read once for all rules (cached: the rules of one file share it)."""
    text = blank(body, fenced_blocks(body))
    lines = text.split("\n")
    env: dict = {"_lines": lines}
    if (raw := LINE_STARTS_WITH_TAG.search(text)) is not None:
        env["_raw_from"] = text.count("\n", 0, raw.start())
    tokens = markdown().parse(text, env)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    columns = _cell_columns(tokens, lines)
    code: list[tuple[int, int]] = []
    found: list[Link] = []
    for kind, block, where, pushed in env.get("_found", []):
        if kind == "code" and where is not None:
            code += _code_spans(block, where[0], where[1], lines, starts, columns)
        elif kind == "link":
            found += token_links(block, where, pushed, lines, env.get("references", {}))
    live = blank(text, code + _quote_markers(tokens, lines, starts))
    if "[" in live and (any(t.type == "html_block" for t in tokens) or ("[^" in live and "<" in live)):
        # An HTML block may hide links the renderer sees (also in a footnote the stream drops, unused).
        found += [link for link in _links_of_whole(live, lines, env.get("references", {})) if link not in found]
    if "]:" in live:
        at = {link.line for link in found}
        found += [Link(line, target, False) for line, target in renderer_references(live, starts) if line not in at]
    if "](" in live:
        known = {(link.line, _bare(link.target)) for link in found}
        found += [Link(line, target, image) for line, target, image in renderer_inline_links(live, starts)
                  if (line, _bare(target)) not in known]
    return Body(text, tokens, found, live, starts)


def _bare(target: str) -> str:
    """An address as both parsers can agree on it: without the angle brackets and spaces around it."""
    return target.strip().strip("<>").strip()


def _links_of_whole(live: str, lines: list[str], references: dict) -> list[Link]:
    """The links of the live text read as one paragraph: where the renderer and markdown-it end an HTML block
    differently (a closing tag, a lazy line after it), a link may be live for the renderer alone."""
    whole = Token("inline", "", 0, content=live, map=[0, len(lines)])
    env: dict = {"references": references, "_block": whole}
    markdown().inline.parse(live, markdown(), env, [])
    return [link for kind, block, where, pushed in env.get("_found", []) if kind == "link"
            for link in token_links(block, where, pushed, lines, references)]


def _cell_columns(tokens: list[Token], lines: list[str]) -> dict[int, list[int]]:
    """Source column of every table cell: the cells of a row are found one after another on its line."""
    columns: dict[int, list[int]] = {}
    cursor: dict[int, int] = {}
    for before, token in pairwise(tokens):
        if token.type == "inline" and before.type in ("th_open", "td_open") and token.map and token.map[0] < len(lines):
            at = token.map[0]
            col = lines[at].find(token.content, cursor.get(at, 0)) if token.content else -1
            if col >= 0:
                cursor[at] = col + len(token.content)
            columns[id(token)] = [col]
    return columns


def _code_spans(block: Token, start: int, end: int, lines: list[str], starts: list[int],
                columns: dict[int, list[int]]) -> list[tuple[int, int]]:
    """The body offsets of a code span found at content[start:end] of a block, line by line (none where unsure)."""
    if not block.map:
        return []
    first = block.map[0]
    content = block.content
    if id(block) not in columns:
        columns[id(block)] = [_suffix_column(lines[first + i], piece) if first + i < len(lines) else -1
                              for i, piece in enumerate(content.split("\n"))]
    cols = columns[id(block)]
    spans = []
    line = content.count("\n", 0, start)
    line_start = content.rfind("\n", 0, start) + 1
    pos = start
    while pos < end:
        stop = content.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if line < len(cols) and cols[line] >= 0:
            base = starts[first + line] + cols[line] - line_start
            spans.append((base + pos, base + stop))
        pos, line, line_start = stop + 1, line + 1, stop + 1
    return spans


def _quote_markers(tokens: list[Token], lines: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """The '>' markers (and the white space among them) at the start of every line of a quote."""
    spans = []
    quoted: set[int] = set()
    for token in tokens:
        if token.type == "blockquote_open" and token.map:
            quoted.update(range(token.map[0], min(token.map[1], len(lines))))
    for i in sorted(quoted):
        line = lines[i]
        j = 0
        while j < len(line) and line[j] in " \t>":
            j += 1
        if ">" in line[:j]:
            spans.append((starts[i], starts[i] + j))
    return spans
