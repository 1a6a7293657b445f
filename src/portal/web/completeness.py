"""Nothing is lost: every document must be in the built site, the search index and the open data, and in the PDF if its kind is (videos are not)."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from portal import paths
from portal.content.documents import Collection
from portal.content.kinds import KINDS
from portal.content.problems import FILE, Problem
from portal.search.writer import indexed_urls


def outline_titles(pdf: Path) -> set[str]:
    """Every bookmark title of a PDF, at any depth, with white space folded."""
    titles: set[str] = set()

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.add(" ".join(str(item.title).split()))

    walk(PdfReader(pdf).outline)
    return titles


def _slugs(path: Path, key: str) -> set[str]:
    return {item["slug"] for item in json.loads(path.read_text(encoding="utf-8"))[key]} if path.is_file() else set()


def missing_outputs(collection: Collection, site_dir: Path, pdf: bool = True) -> list[Problem]:
    """One problem per content file and per output it is missing from (the PDF only when it was built)."""
    problems = []
    urls = indexed_urls(site_dir)
    data = {kind: _slugs(site_dir / path, key) for kind, (path, key) in paths.OPEN_DATA.items()}
    manual = site_dir / paths.MANUAL_PDF
    outline = outline_titles(manual) if pdf and manual.is_file() else set()
    for doc in collection.documents:
        missing = []
        if not (site_dir / doc.url / "index.html").is_file():
            missing.append(f"stránka {doc.url}")
        if doc.url not in urls:  # a set: one look-up per page, not a scan of the whole index
            missing.append("vyhledávací index")
        if doc.slug not in data[doc.kind]:
            missing.append("otevřená data")
        if pdf and KINDS[doc.kind].in_manual and " ".join(doc.title.split()) not in outline:
            missing.append(f"PDF příručka ({paths.MANUAL_PDF})")
        if missing:
            problems.append(Problem(doc.path, 1, FILE, f"obsah se ztratil, chybí v: {', '.join(missing)}"))
    return problems
