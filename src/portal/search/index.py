"""What Pagefind indexes: a copy of each page's searchable part, with lemma keys, spaces and facets.

The published pages stay as they are. Pagefind reads a shadow copy of the site in which
- every word of letters is written as "key<SEP>form" (`search_lemmas.encode`): one index word per word, as
  before, but all forms of a lemma sort next to each other, so a query for the key is a prefix search over one
  range of the index and an exact form is one word of that range; nothing is indexed twice;
- every block element ends with a space, so "Cílové skupiny" and "Osoby…" are two words in excerpts;
- help pages (field reference, editors' guide) weigh less than content, and the field table is left out;
- case pages carry Pagefind filters (region, method, target group, programme) and their region as metadata.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from portal.content.collection import Collection, Document
from portal.content.kinds import KINDS
from portal.content.model import Case
from portal.search.lemmas import chunk_name, encode, is_word, lemma_key, query_map, starts_sentence

BODY = "<div data-pagefind-body"
BLOCKS = frozenset(["address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "details"])
VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
RAW = frozenset({"script", "style"})
KEEP = frozenset({"code", "pre", "kbd", "samp"})  # code and addresses stay as written
HELP_IGNORED = frozenset({"table"})
HELP_WEIGHT = "0.3"  # help pages rank below cases and methods with the same words


@dataclass
class Facets:
    """Pagefind filters (name -> values) and metadata (name -> value) of one page."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


_SPACE = re.compile(r"(\s+)")


def _words(text: str, counts: Counter[str], before: str) -> str:
    """Text with each word of letters encoded; punctuation and spaces (no-break ones too) stay as they were.

    `before`: the end of the page's text so far, to tell which words start a sentence.
    """
    out = []
    for chunk in _SPACE.split(text):
        start, end = 0, len(chunk)
        while start < end and not chunk[start].isalnum():
            start += 1
        while end > start and not chunk[end - 1].isalnum():
            end -= 1
        core = chunk[start:end]
        if is_word(core) and (token := encode(core, starts_sentence(before + chunk[:start]))) is not None:
            counts[core] += 1
            out.append(chunk[:start] + token + chunk[end:])
        else:
            out.append(chunk)
        before = (before + chunk)[-40:]
    return "".join(out)


class _Done(Exception):
    """The searchable element is closed."""


class _Shadow(HTMLParser):
    """Copies the data-pagefind-body element, encoding its text, until that element is closed."""

    def __init__(self, counts: Counter[str], ignore_tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0
        self.raw = 0
        self.keep = 0
        self.skip = 0  # inside an element left out of the index
        self.done = False
        self.counts = counts
        self.tail = ""  # the end of the text so far, as Pagefind will keep it
        self.title: list[str] = []  # the h1 as written, for the results' titles
        self.in_h1 = 0
        self.ignore_tags = ignore_tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or tag in self.ignore_tags or "headerlink" in classes:  # the '#' beside headings
            if tag not in VOID:
                self.skip += 1
            return
        rendered = "".join(f' {k}="{escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in attrs)
        self.out.append(f"<{tag}{rendered}>")
        if tag in VOID:
            if tag in BLOCKS:
                self.out.append(" ")
            return
        self.depth += 1
        if tag in RAW:
            self.raw += 1
        if tag in KEEP or "kp-email" in classes:
            self.keep += 1
        if tag == "h1":
            self.in_h1 += 1

    def handle_endtag(self, tag: str) -> None:
        if self.done or tag in VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        self.out.append(f"</{tag}>")
        if tag in BLOCKS:
            end = ". " if self._ends_in_word() else " "
            self.out.append(end)
            self.tail = (self.tail + end)[-40:]
        if tag == "h1":
            self.in_h1 -= 1
        if tag in RAW:
            self.raw -= 1
        if tag in KEEP:
            self.keep = max(0, self.keep - 1)
        self.depth -= 1
        if self.depth == 0:
            self.done = True
            raise _Done  # the rest of the page (footer, scripts) is not searchable: stop parsing

    def _ends_in_word(self) -> bool:
        """Whether the text so far ends in a letter or digit: a block ending there ends a sentence in the excerpt."""
        for piece in reversed(self.out):
            if piece.startswith("<"):
                continue
            text = piece.rstrip()
            if text:
                return text[-1].isalnum()
        return False

    def handle_data(self, data: str) -> None:
        if self.done or self.skip:
            return
        if self.in_h1:
            self.title.append(data)
        if self.raw or self.keep:
            self.out.append(escape(data, quote=False))
        else:
            self.out.append(escape(_words(data, self.counts, self.tail), quote=False))
        if not self.raw:
            self.tail = (self.tail + data)[-40:]


def shadow_page(html: str, facets: Facets | None, counts: Counter[str], *, help_page: bool = False) -> str | None:
    """The page as Pagefind should read it, or None when the page has no searchable part.

    A help page weighs less than content, and its tables (the field reference, lists of columns) stay out.
    """
    start = html.find(BODY)
    if start < 0:
        return None
    parser = _Shadow(counts, HELP_IGNORED if help_page else frozenset())
    try:
        parser.feed(html[start:])
        parser.close()
    except _Done:
        pass
    body = "".join(parser.out).rstrip()
    if not body.endswith("</div>"):
        return None
    opening = body.index(">") + 1
    inner = body[opening:-len("</div>")]
    if help_page:
        inner = f'<div data-pagefind-weight="{HELP_WEIGHT}">{inner}</div>'
    extras = []
    if title := " ".join("".join(parser.title).split()):
        # Pagefind's own title stays the indexed h1 (it ranks pages whose title has the words higher);
        # "nazev" is the title as written, for the results.
        extras.append(f'<span data-pagefind-meta="nazev[data-v]" data-v="{escape(title)}"></span>')
    if facets:
        for name, values in facets.filters.items():
            extras += [f'<span data-pagefind-filter="{escape(name)}[data-v]" data-v="{escape(v)}"></span>' for v in values]
        extras += [f'<span data-pagefind-meta="{escape(name)}[data-v]" data-v="{escape(v)}"></span>' for name, v in facets.meta.items()]
    return (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"></head><body>{body[:opening]}{inner}'
            f'{"".join(extras)}</div></body></html>')


# Filter names as the results page shows them (URL parameters are the same words).
FILTERS = {"kraj": "Kraj", "metoda": "Metoda", "skupina": "Cílová skupina", "program": "Program", "druh": "Druh"}


def page_facets(doc: Document, collection: Collection) -> Facets:
    """Region, methods, target groups, programme and kind of a case or method, as Pagefind filters."""
    vocab = collection.vocab
    kind = KINDS[doc.kind].title
    filters: dict[str, list[str]] = {"druh": [kind]}
    meta: dict[str, str] = {}
    case = doc.model if isinstance(doc.model, Case) else None  # a method has no region, methods or groups of its own
    if case and case.region:
        filters["kraj"] = [vocab.name("regions", case.region)]
        meta["kraj"] = filters["kraj"][0]
    methods = [m.title for slug in case.methods if (m := collection.method(slug))] if case else []
    if methods:
        filters["metoda"] = methods
    groups = [vocab.name("target_groups", g) for g in case.target_groups] if case else []
    if groups:
        filters["skupina"] = groups
    if case and case.project.programme:
        filters["program"] = [vocab.name("programmes", case.project.programme)]
    meta["druh"] = kind
    return Facets(filters, meta)


def key_counts(counts: Counter[str]) -> dict[str, int]:
    """Occurrences of each lemma key in the index, from the occurrences of its forms."""
    keys: Counter[str] = Counter()
    for word, n in counts.items():
        keys[lemma_key(word)] += n
    return dict(keys)


def write_query_map(counts: Counter[str], out_dir: Path) -> int:
    """The browser's form -> key map, one small JSON file per chunk; returns the file count.

    A file has "f" ({key: [forms]}) and "k": the keys of the index that start with the file's two letters
    or have forms in it, most frequent first, so the browser can complete a word being typed to one key
    (one range of the index) instead of searching every word with that beginning.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = key_counts(counts)
    chunks = query_map(keys, counts.keys())
    files: dict[str, tuple[set[str], dict[str, list[str]]]] = {}
    for name, entries in chunks.items():
        by_key: dict[str, list[str]] = {}
        for form, key in entries.items():
            by_key.setdefault(key, []).append(form)
        files[name] = (set(by_key), by_key)
    for key in keys:
        files.setdefault(chunk_name(key), (set(), {}))[0].add(key)
    for name, (names, by_key) in files.items():
        ordered = sorted(names, key=lambda k: (-keys.get(k, 0), k))
        data = {"k": ordered, "f": by_key}
        (out_dir / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(files)


def help_page_ids(pagefind_dir: Path, content_urls: set[str]) -> list[str]:
    """Pagefind ids (fragment names) of the pages that are neither a case nor a method: they rank last."""
    ids = []
    for fragment in sorted((pagefind_dir / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        url = json.loads(raw[raw.index(b"{"):])["url"].lstrip("/")
        if url not in content_urls:
            ids.append(fragment.stem)
    return ids
