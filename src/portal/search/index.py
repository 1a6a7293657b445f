"""What the search index takes from a built page: its searchable text with lemma keys, weights and facets.

The published pages stay as they are. From the element `data-search-body` of each page (overrides/main.html),
minus the parts marked `data-search-ignore` and the '#' beside headings, the index keeps
- the text for excerpts, every word of letters written as "key<SEP>form<SEP>marks" (`lemmas.encode`) so the
  browser marks found words by their key and writes them back as they were written; blocks are joined with
  exactly one space, or ". " when the block ended without punctuation ("Cílové skupiny. Osoby…");
- every word's key and folded form with a weight: headings weigh more (h1 7 … h6 2), the facts panel what
  its `data-search-weight` says, other text 1;
- help pages (field reference, editors' guide) leave their tables out and rank after content (see search.js).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from portal.content.documents import Collection, Document
from portal.content.kinds import KINDS
from portal.content.model import Case
from portal.czech.text import fold
from portal.html_names import VOID
from portal.search.lemmas import encode, is_word, lemma_key
from portal.web.facets import CASE_FACETS

BODY = "<div data-search-body"  # overrides/main.html wraps each page's content in it, inside the article
BLOCKS = frozenset(["address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "details"])
RAW = frozenset({"script", "style", "template", "svg"})
KEEP = frozenset({"code", "pre", "kbd", "samp"})  # code and addresses stay as written (their parts are still keys)
IGNORED_CLASSES = frozenset({"headerlink", "md-content__button", "md-source-file"})
HELP_IGNORED = frozenset({"table"})
HEADING_WEIGHT = {"h1": 7, "h2": 6, "h3": 5, "h4": 4, "h5": 3, "h6": 2}
MAX_KEY = 40  # longer tokens (hashes, long addresses) are not worth a key

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
_ATTR = re.compile(r"([\w:-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_SPACE = re.compile(r"(\s+)")
_RUN = re.compile(r"[^\W_]+")


@dataclass
class Facets:
    """Filters (name -> values) and metadata (name -> value) of one page."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class IndexedPage:
    """One page as the index keeps it: title as written, excerpt text, weighted (key, folded form) counts."""

    title: str
    content: str
    words: Counter[tuple[str, str]]
    length: int  # words, for the length normalisation of scores
    title_keys: frozenset[str] = frozenset()  # a title word outranks any count of the word in the text


def token_keys(chunk: str) -> list[tuple[str, str]]:
    """(key, folded form) of each searchable part of a text that is not one plain word: 'CZ.03/0010387' -> cz, 03, 0010387.

    The browser splits a query the same way (docs/assets/search.js, `parts`).
    """
    out = []
    for run in _RUN.findall(fold(chunk)):
        if len(run) < 2 or len(run) > MAX_KEY:
            continue
        out.append((lemma_key(run) if run.isalpha() else run, run))
    return out


@lru_cache(maxsize=300_000)
def _word_chunk(chunk: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    return _chunk(chunk, False)


@lru_cache(maxsize=30_000)
def _kept_chunk(chunk: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    return _chunk(chunk, True)


def _chunk(chunk: str, keep: bool) -> tuple[str, tuple[tuple[str, str], ...]]:
    """One run of text without spaces as the excerpt text has it, and its (key, folded form) pairs.

    Cached (`_word_chunk`, `_kept_chunk`): a page repeats its words and pages repeat each other's, so most runs
    are computed once per build.
    """
    start, end = 0, len(chunk)
    while start < end and not chunk[start].isalnum():
        start += 1
    while end > start and not chunk[end - 1].isalnum():
        end -= 1
    core = chunk[start:end]
    token = encode(core) if not keep and is_word(core) else None
    if token is not None:
        return chunk[:start] + token + chunk[end:], ((lemma_key(core), fold(core)),)
    return chunk, tuple(token_keys(chunk))


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(raw)}


class _Text:
    """Collects the text of a page's searchable part with its word keys."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.tail = ""  # the end of the text so far, to tell how a block ends
        self.words: Counter[tuple[str, str]] = Counter()
        self.length = 0
        self.pending: list[str] = []  # text of one block so far: inline tags ('<b>Ko</b>munitní') do not split words
        self.style = (1, False)

    def text(self, data: str, weight: int, keep: bool) -> None:
        """Text of the page, with the weight and kind (code is kept as written) of the element it is in."""
        if self.pending and self.style != (weight, keep):
            self.flush()
        self.style = (weight, keep)
        self.pending.append(data)

    def flush(self) -> None:
        data, (weight, keep) = "".join(self.pending), self.style
        self.pending = []
        if not data:
            return
        chunks = data.split()  # white space, no-break spaces too, is one space in the excerpt text
        if not chunks:
            if self.tail and not self.tail[-1].isspace():
                self.out.append(" ")
                self.tail += " "
            return
        runs = list(map(_kept_chunk if keep else _word_chunk, chunks))
        piece = " ".join([r[0] for r in runs])
        if data[0].isspace() and self.tail and not self.tail[-1].isspace():
            piece = " " + piece
        if data[-1].isspace():
            piece += " "
        keys = [key for r in runs for key in r[1]]
        if weight == 1:
            self.words.update(keys)  # counted in C
        else:
            for key in keys:
                self.words[key] += weight
        self.length += len(keys)
        self.out.append(piece)
        self.tail = (self.tail + piece)[-40:]

    def end_block(self) -> None:
        """A block starts or ends: one space, after a full stop when the text ended in a word (no 'skupinyOsoby', no '. .')."""
        self.flush()
        stripped = self.tail.rstrip()
        if not stripped or (self.tail.endswith(". ") and stripped.endswith(".")):
            return
        if stripped[-1].isalnum():
            while self.out and not self.out[-1].strip():
                self.out.pop()
            if self.out:
                self.out[-1] = self.out[-1].rstrip()
            self.out.append(". ")
            self.tail = stripped + ". "
        elif stripped != self.tail:
            return  # it ended with punctuation and a space already
        else:
            self.out.append(" ")
            self.tail += " "

    def content(self) -> str:
        self.flush()
        return " ".join("".join(self.out).split())


def index_page(html: str, *, help_page: bool = False) -> IndexedPage | None:
    """The searchable part of a built page, or None when it has none (a page with `search_exclude`)."""
    start = html.find(BODY)
    if start < 0:
        return None
    text = _Text()
    title: list[str] = []
    stack: list[tuple[str, int | None, bool, bool]] = []  # open elements: tag, weight they set, skipped, kept as written
    skip = raw = keep = in_h1 = 0
    weights: list[int] = [1]
    pos = start
    for m in _TAG.finditer(html, start):
        data = html[pos:m.start()]
        pos = m.end()
        if data and not skip and not raw:
            plain = unescape(data)
            if in_h1:
                title.append(plain)
            text.text(plain, weights[-1], keep > 0)
        closing, tag = m.group(1), (m.group(2) or "").lower()
        if not tag:
            continue  # a comment
        if not closing:
            if tag in VOID:
                if tag in BLOCKS and not skip:
                    text.end_block()
                continue
            raw_attrs = m.group(3) or ""
            attrs = _attrs(raw_attrs) if "class" in raw_attrs or "data-search" in raw_attrs else {}
            ignored = bool(skip) or "data-search-ignore" in attrs or bool(IGNORED_CLASSES & set(attrs.get("class", "").split())) \
                or (help_page and tag in HELP_IGNORED)
            weight = HEADING_WEIGHT.get(tag)
            if (w := attrs.get("data-search-weight")) is not None:
                with contextlib.suppress(ValueError):
                    weight = max(1, round(float(w)))
            if tag in BLOCKS and not skip:
                text.end_block()  # '2 919 355 Kč<ul><li>Prostředky…': the text before a block ends there
            kept = tag in KEEP or "kp-email" in attrs.get("class", "").split()
            stack.append((tag, weight, ignored, kept))
            skip += ignored
            raw += tag in RAW
            keep += kept
            in_h1 += tag == "h1"
            if weight is not None:
                weights.append(weight)
            continue
        while stack:  # close up to the matching element (browsers forgive unclosed p and li)
            open_tag, weight, ignored, kept = stack.pop()
            skip -= ignored
            raw -= open_tag in RAW
            keep -= kept
            in_h1 -= open_tag == "h1"
            if weight is not None:
                weights.pop()
            if open_tag in BLOCKS and not skip:
                text.end_block()
            if open_tag == tag:
                break
        if not stack:
            break  # the searchable element is closed: the rest (footer, scripts) is not searchable
    written = " ".join("".join(title).split())
    title_keys = frozenset(key for chunk in written.split() for key, _ in _word_chunk(chunk)[1])
    return IndexedPage(written, text.content(), text.words, text.length, title_keys)


# Filter names as the results page shows them (URL parameters are the same words): the catalogue's facets of a case, and the kind.
FILTERS = {**{facet.key: facet.legend for facet in CASE_FACETS}, "druh": "Druh"}


def page_facets(doc: Document, collection: Collection) -> Facets:
    """Region, methods, target groups, programme (as in the catalogue) and kind of a page, as filters of the results page."""
    kind = KINDS[doc.kind].title
    filters: dict[str, list[str]] = {"druh": [kind]}
    meta: dict[str, str] = {}
    if isinstance(doc.model, Case):  # a method has no region, methods or groups of its own
        for facet in CASE_FACETS:
            if labels := [facet.label(value, collection) for value in facet.values(doc, collection)]:
                filters[facet.key] = labels
        if "kraj" in filters:
            meta["kraj"] = filters["kraj"][0]
    meta["druh"] = kind
    return Facets(filters, meta)
