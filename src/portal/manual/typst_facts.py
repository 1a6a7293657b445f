"""The facts panel of a case chapter as Typst source (shared by every edition and the case's print)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.czech.typography import bind_short_words_html
from portal.manual.model import Chapter, anchor
from portal.manual.typst_markup import Converter, string
from portal.web.facts import contacts_html, indicators_html, print_cells

if TYPE_CHECKING:
    from portal.manual.typst_doc import Sources


def facts_source(sources: Sources, chapter: Chapter) -> tuple[str, list[str]]:
    """The facts panel: the web panel's facts, contacts meant for print, the QR code of the web page."""
    doc, collection = chapter.doc, sources.manual.collection
    refs = sources.method_refs()
    rows = print_cells(doc, collection, lambda slug: "#" + anchor("method", slug))  # the facts and labels of the web page
    cells = []
    for label_html, value in rows:
        value = bind_short_words_html(value)
        conv = Converter(set(), sources.picture, 0, refs)
        cells.append(f"([{conv.convert(label_html)}], [{conv.convert(value)}])")
    extra = []
    if doc.model.indicators:
        extra.append(Converter(set(), sources.picture).convert(bind_short_words_html(indicators_html(doc.model.indicators))))
    contacts = contacts_html(doc.model.contacts, printed=True)  # in_pdf: false left out
    if contacts:
        conv = Converter(set(), sources.picture, 2)
        extra.append(conv.convert(bind_short_words_html(contacts.replace('<h4 class="facts__subtitle">', "<h4>"))))
    qr = sources.qr(chapter.web_url)
    rows_src = "(" + "".join(c + ", " for c in cells) + ")"
    extra_src = "[" + "\n\n".join(extra) + "]"
    return (f"facts(rows: {rows_src}, extra: {extra_src}, qr: {string(qr)}, url: {string(chapter.web_url)})",
            [qr.lstrip("/")])
