"""Nothing is lost: every case and method must be in the built site, the search index, the open data and the PDF; every video in the site, the index and the open data."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from portal import paths
from portal.content.collection import Collection
from portal.content.problems import FILE, Problem
from portal.search.writer import indexed_urls

MANUAL = paths.MANUAL_PDF


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
    data = {"case": _slugs(site_dir / paths.CASES_JSON, "cases"), "method": _slugs(site_dir / paths.METHODS_JSON, "methods")}
    manual = site_dir / MANUAL
    outline = outline_titles(manual) if pdf and manual.is_file() else set()
    for doc in collection.cases + collection.methods:
        missing = []
        if not (site_dir / doc.url / "index.html").is_file():
            missing.append(f"stránka {doc.url}")
        if doc.url not in urls:  # a set: one look-up per page, not a scan of the whole index
            missing.append("vyhledávací index")
        if doc.slug not in data[doc.kind]:
            missing.append("otevřená data")
        if pdf and " ".join(doc.title.split()) not in outline:
            missing.append(f"PDF příručka ({MANUAL})")
        if missing:
            problems.append(Problem(doc.path, 1, FILE, f"obsah se ztratil, chybí v: {', '.join(missing)}"))
    videos = _slugs(site_dir / paths.VIDEOS_JSON, "videos")
    for video in collection.videos:  # videos are not in the PDF: their page, the search index and the open data
        missing = [f"stránka {video.url}"] if not (site_dir / video.url / "index.html").is_file() else []
        if video.url not in urls:
            missing.append("vyhledávací index")
        if video.slug not in videos:
            missing.append("otevřená data")
        if missing:
            problems.append(Problem(video.path, 1, FILE, f"obsah se ztratil, chybí v: {', '.join(missing)}"))
    return problems
