"""Rules that keep every build and every check bounded in time and memory (see SECURITY.md): size, counts, nesting."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from portal.content.problems import BODY, LIMIT, Problem
from portal.content.rules.markdown import MAX_NESTING, read
from portal.czech.formats import number

MAX_BODY_CHARS = 200_000
MAX_LINES = 3000          # Python-Markdown's lists and tables grow worse than linearly with lines
MAX_ITEMS = 1000          # list items, table rows (4,000 list items take the renderer over a second)
MAX_HEADINGS = 300
MAX_LINE_CHARS = 10_000   # one paragraph line; markdown-it and Python-Markdown slow down on huge lines
MAX_LINKS = 1000
MAX_WORD = 150            # characters without a space: longer runs overflow the printed page
MAX_REPORTED = 20         # problems of one kind per file; the rest are summarised

_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_CONTAINERS = ("bullet_list", "ordered_list", "blockquote")


def rule_size(path: str, body: str, first_line: int) -> list[Problem]:
    """The body's size is bounded before any parser sees it: characters, lines, line length."""
    if len(body) > MAX_BODY_CHARS:
        return [Problem(path, first_line, BODY, f"text je příliš dlouhý ({number(len(body))} znaků); nejvýše {number(MAX_BODY_CHARS)} znaků, delší text rozdělte do více příkladů či metodik", LIMIT)]
    lines = body.split("\n")
    if len(lines) > MAX_LINES:
        return [Problem(path, first_line + MAX_LINES, BODY, f"text má {number(len(lines))} řádků; nejvýše {number(MAX_LINES)}, delší text rozdělte do více příkladů či metodik", LIMIT)]
    return [Problem(path, first_line + i, BODY, f"řádek má {number(len(line))} znaků; nejvýše {number(MAX_LINE_CHARS)}, rozdělte odstavec prázdným řádkem")
            for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS][:MAX_REPORTED]


def rule_word_length(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """No word (characters without a space) longer than MAX_WORD, link targets apart: it would overflow the printed page."""
    if len(max(body.split(), key=len, default="")) <= MAX_WORD:
        return  # split() and the regex's \S agree on what a space is; split is C and 10× faster than the search
    reported, line, counted = 0, 0, 0
    for m in _LONG_WORD.finditer(body):
        word = m[0]
        if "](" in word or (word.startswith(("http://", "https://", "<http")) and len(word) < 2000):
            continue  # a link target is not printed as a word
        line += body.count("\n", counted, m.start())
        counted = m.start()
        yield Problem(path, first_line + line, BODY, f"slovo o {len(word)} znacích bez mezery ('{word[:30]}…') by přeteklo okraj stránky; nejvýše {MAX_WORD} znaků")
        reported += 1
        if reported >= MAX_REPORTED:
            return


def size_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """The body's size is bounded before any parser sees it: characters, lines, line length, word length."""
    problems = rule_size(path, body, first_line)
    if any(p.code == LIMIT for p in problems):
        return problems
    return problems + list(rule_word_length(path, body, first_line))


def rule_counts(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """At most MAX_ITEMS list items and table rows and MAX_HEADINGS headings: the renderer slows down beyond."""
    tokens = read(body).tokens
    counted = (("list_item_open", MAX_ITEMS, "položek seznamů", "rozdělte ho nebo data přiložte jako soubor"),
               ("tr_open", MAX_ITEMS, "řádků tabulek", "rozdělte ho nebo data přiložte jako soubor"),
               ("heading_open", MAX_HEADINGS, "nadpisů", "zjednodušte členění"))
    for kind, limit, what, advice in counted:
        found = [t for t in tokens if t.type == kind]
        if len(found) > limit:
            where = found[limit].map
            at = where[0] if where else 0
            yield Problem(path, first_line + at, BODY, f"text má {number(len(found))} {what}; nejvýše {number(limit)}, {advice}", LIMIT)


def rule_link_count(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """At most MAX_LINKS links and images."""
    count = len(read(body).links)
    if count > MAX_LINKS:
        yield Problem(path, first_line, BODY, f"text má {number(count)} odkazů a obrázků; nejvýše {number(MAX_LINKS)}", LIMIT)


def rule_nesting(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """Quotes and lists nest at most MAX_NESTING levels deep (the renderer recurses on each)."""
    deep = _too_deep(read(body).tokens)
    if deep is not None:
        yield Problem(path, first_line + (deep.map[0] if deep.map else 0), BODY, f"příliš hluboké vnoření seznamů nebo citací; nejvýše {MAX_NESTING} úrovní")


def _too_deep(tokens: list[Token]) -> Token | None:
    """The first quote or list nested deeper than MAX_NESTING, if any."""
    depth = 0
    for token in tokens:
        if token.type.endswith("_open") and token.type.removesuffix("_open") in _CONTAINERS:
            depth += 1
            if depth > MAX_NESTING:
                return token
        elif token.type.endswith("_close") and token.type.removesuffix("_close") in _CONTAINERS:
            depth -= 1
    return None
