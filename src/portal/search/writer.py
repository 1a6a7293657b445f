"""The files of the search index, each fetched by the browser only when a query needs it (docs/assets/search.js).

search-index/
- pages.json: page count, word counts, help pages and each page's filter values (one file, fetched on the first query);
- f/<two letters>.json: the keys beginning with those letters by frequency (for completing the word being typed),
  folded form -> keys for forms typed without diacritics (`lemmas.query_map`), and the postings of the keys on
  fewer than INLINE_PAGES pages, so a rare word costs no file of its own;
- k/<key>.json: the postings of a key on more pages, {"f": [folded forms, "" = the key itself], "p": [[page gap,
  weight, …] per form], "t": [page gaps of the pages with the key in their title]}; a query reads one such file
  per key it asks for, so its cost grows with the pages that have the word, never with the number of index
  words around it;
- s/<page>.json: title, address, metadata and excerpt text of one page, fetched for the results shown only;
- urls.json: every indexed address (for the completeness check; the browser does not read it).
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from portal import paths
from portal.search.index import FILTERS, Facets, IndexedPage
from portal.search.lemmas import chunk_name, query_map

INDEX_DIR = paths.SEARCH_INDEX.rstrip("/")
INLINE_PAGES = 16
_PLAIN_KEY = re.compile(r"[a-z0-9]+")


@dataclass
class Entry:
    """One indexed page: its site-relative address, what the index keeps of it, its facets, whether it is help."""

    url: str
    page: IndexedPage
    facets: Facets | None
    help: bool


def key_file(key: str) -> str:
    """File name of a key's postings: the key itself, or '_' and its UTF-8 in hex (as `keyFile` in search.js)."""
    return key if _PLAIN_KEY.fullmatch(key) else "_" + key.encode("utf-8").hex()


def _dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _pages_file(entries: list[Entry]) -> dict:
    lengths = [e.page.length for e in entries]
    filters: dict[str, dict] = {}
    for name in FILTERS:
        values: dict[str, int] = {}
        per_page = []
        for e in entries:
            chosen = e.facets.filters.get(name, []) if e.facets else []
            per_page.append([values.setdefault(v, len(values)) for v in chosen])
        if values:
            filters[name] = {"v": list(values), "p": per_page}
    return {"n": len(entries), "avg": round(sum(lengths) / max(1, len(lengths)), 1), "len": lengths,
            "help": [i for i, e in enumerate(entries) if e.help], "filters": filters}


def write_index(entries: Iterable[Entry], site_dir: Path) -> dict[str, int]:
    """Writes search-index/ into the built site (replacing an older one); returns counts for the build log."""
    entries = list(entries)
    out = site_dir / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    for sub in ("k", "f", "s"):
        (out / sub).mkdir(parents=True)
    postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
    titles: dict[str, list[int]] = defaultdict(list)  # key -> gaps between the pages with it in their title
    last: dict[tuple[str, str], int] = {}
    key_pages: Counter[str] = Counter()
    for page_id, e in enumerate(entries):
        seen = set()
        for (key, form), weight in sorted(e.page.words.items()):
            form_name = "" if form == key else form
            row = postings[key].setdefault(form_name, [])
            row += [page_id - last.get((key, form_name), 0), weight]
            last[(key, form_name)] = page_id
            if key not in seen:
                seen.add(key)
                key_pages[key] += 1
        for key in sorted(e.page.title_keys):
            titles[key].append(page_id - last.get((key, "\0title"), 0))
            last[(key, "\0title")] = page_id
        meta = dict(e.facets.meta) if e.facets else {}
        _dump(out / "s" / f"{page_id}.json", {"url": e.url, "title": e.page.title, "meta": meta, "content": e.page.content})
    inline: dict[str, dict] = {}
    for key, forms in postings.items():
        names = sorted(forms)
        data = {"f": names, "p": [forms[f] for f in names], "t": titles.get(key, [])}
        if key_pages[key] < INLINE_PAGES:
            inline[key] = data
        else:
            _dump(out / "k" / f"{key_file(key)}.json", data)
    _dump(out / "pages.json", _pages_file(entries))
    _dump(out / "urls.json", [e.url for e in entries])
    maps = write_form_map(key_pages, (pair for e in entries for pair in e.page.words), inline, out / "f")
    return {"pages": len(entries), "keys": len(postings), "maps": maps}


def write_form_map(key_pages: Counter[str], pairs: Iterable[tuple[str, str]], inline: dict[str, dict], out_dir: Path) -> int:
    """The browser's form -> keys map, one small file per first two letters; returns the file count.

    A file has "f" ({key: [forms]}; a form typed without diacritics may stand under several keys, and a query
    asks for all of them) and "k": the index's keys that start with the file's two letters, on most pages
    first, so the browser knows which keys exist and completes a word being typed to one key; "p": the
    postings of its rare keys.
    """
    chunks = query_map(dict(key_pages), pairs)
    files: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    for name, entries in chunks.items():
        by_key: dict[str, list[str]] = defaultdict(list)
        for form, keys in entries.items():
            for key in keys:
                by_key[key].append(form)
        files[name] = ([], dict(by_key))
    for key in sorted(key_pages, key=lambda k: (-key_pages[k], k)):
        files.setdefault(chunk_name(key), ([], {}))[0].append(key)
    for name, (keys, by_key) in files.items():
        _dump(out_dir / f"{name}.json", {"k": keys, "f": by_key, "p": {k: inline[k] for k in keys if k in inline}})
    return len(files)


def indexed_urls(site_dir: Path) -> set[str]:
    """Site-relative addresses of the pages in the built search index."""
    path = site_dir / INDEX_DIR / "urls.json"
    return set(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else set()
