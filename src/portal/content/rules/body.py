"""Rules for the Markdown body of contributed files: safe HTML, safe and existing links, bounded size and structure.

Contributed content is untrusted. These rules reject, with a line number, what must never reach a
reader's browser or the build machine, and everything the sanitiser (portal.web.sanitize) would silently
strip, so the editor learns why. All of them read one parse of the body (portal.content.rules.markdown):
links from markdown-it's token stream, raw HTML from an HTML tokenizer fed the whole live text, so a tag
or a link split over lines is found at its line. Code is skipped only where the site's renderer makes it code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from portal.content.messages import message
from portal.content.problems import BODY, Problem
from portal.content.rules.limits import (
    rule_counts,
    rule_link_count,
    rule_nesting,
)
from portal.content.rules.markdown import FENCE_MARKS, read

_EMAIL = re.compile(r"(?<![\w.+:-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_CELLS = ("th_open", "td_open")


def _paragraph_lines(body: str) -> Iterator[tuple[int, str]]:
    """(0-based line, text) of every line of running text (paragraphs, headings, list items; not table cells)."""
    tokens = read(body).tokens
    for before, token in zip([None, *tokens], tokens, strict=False):
        if token.type == "inline" and token.map and not (before is not None and before.type in _CELLS):
            for i, line in enumerate(token.content.split("\n")):
                yield token.map[0] + i, line


def rule_fences_closed(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """A code block opened by ``` or ~~~ must be closed by the same line, both unindented, or the text after it is not code."""
    if "```" not in body and "~~~" not in body:
        return
    for line, text in _paragraph_lines(body):
        if text.lstrip().startswith(FENCE_MARKS):
            yield Problem(path, first_line + line, BODY, "blok kódu není uzavřen (nebo je odsazen); uzavřete ho na samostatném řádku stejnou značkou, jakou začíná, obě bez odsazení")
            return


def rule_no_email(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """E-mail addresses are personal data: they belong in the contacts field with a recorded consent."""
    if "@" not in body:
        return  # no address can be there; the search below is the slow part
    parsed = read(body)
    last = -1
    for m in _EMAIL.finditer(parsed.live):
        line = parsed.line_at(m.start())
        if line != last:
            last = line
            yield Problem(path, first_line + line, BODY, f"e-mailová adresa '{m[0]}' v textu není povolena (osobní údaj); kontakt uveďte v poli contacts, kde se zveřejní jen se souhlasem")


def level_one_headings(body: str) -> Iterator[int]:
    """The 0-based lines of level-1 headings ('# …', '#…' or one underlined with '='), as the site's renderer makes them."""
    if "#" not in body and "=" not in body:
        return
    for token in read(body).tokens:
        if token.type == "heading_open" and token.tag == "h1" and token.map:
            yield token.map[0]
    for line, text in _paragraph_lines(body):  # Python-Markdown also reads '#Nadpis', without the space, as a heading
        if text.startswith("#") and not text.startswith("##") and text[1:].strip():
            yield line


def rule_no_level_one_heading(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """The body has no level-1 heading: the title comes from the header."""
    for line in sorted(set(level_one_headings(body))):
        yield Problem(path, first_line + line, BODY, message("level_one_heading"))


BodyRule = Callable[[str, str, int], Iterable[Problem]]
# After the size limits: structure first (over a count limit, one message is enough, not one per link).
BODY_RULES: list[BodyRule] = [rule_counts, rule_link_count, rule_nesting, rule_fences_closed, rule_no_level_one_heading, rule_no_email]


def structure_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """The body is bounded in items, headings, links and nesting, closes its code blocks and names no e-mail address."""
    for rule in BODY_RULES:
        yield from rule(path, body, first_line)
