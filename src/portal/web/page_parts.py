"""Small parts of content pages that hooks add around the rendered body: lead, print link, last update."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from portal import paths
from portal.content.documents import Document
from portal.web.templating import render


def lead(doc: Document) -> str:
    """The page's summary as its lead paragraph."""
    return render("page_lead.html", doc=doc)


def case_pdf_link(href: str) -> str:
    """The link to the one-case print (href relative to the page)."""
    return render("case_pdf_link.html", href=href)


def updated_note(day: date, edit_url: str = "", path: str = "") -> str:
    """'Naposledy aktualizováno: 3. 12. 2026', and the link to edit the source file when edit_url is given."""
    return render("page_updated.html", day=day, edit_url=edit_url, path=path)


def downloads_placeholder(enabled: bool = True) -> str:
    """Where on the downloads page the list of PDFs goes once they exist (or the note that this preview has none)."""
    return render("downloads_pending.html", enabled=enabled)


def downloads_list(pdfs: Sequence[Any], link: Callable[[str], str], folder: str = paths.DOWNLOADS) -> str:
    """The downloads page's list of the PDF editions (portal.manual's PdfFile): size, pages, cases, date."""
    return render("downloads.html", full=[p for p in pdfs if p.edition.region is None],
                  regional=[p for p in pdfs if p.edition.region is not None], link=link, folder=folder)
