"""The print HTML of one edition (cover, contents, introduction, methods, cases) and the downloads list for the web.

Every value from the content is escaped here; bodies arrive already sanitised (see markup.py).
Page numbers, running heads and bookmarks are left to the print stylesheet (print.css).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

import segno

from portal.content.model import Contact
from portal.manual.model import Chapter, Edition, Manual, PdfFile, anchor
from portal.manual.typography import NBSP, bind_short_words_html, czech_long_date, file_size, plural
from portal.web.facts import contacts_html as facts_contacts_html
from portal.web.facts import indicators_html, print_cells

Link = Callable[[str], str]


def edition_html(manual: Manual, edition: Edition) -> str:
    """The whole print document of an edition, with no-break spaces after one-letter words."""
    s = manual.settings
    title = document_title(manual, edition)
    counts = (plural(len(edition.cases), "příklad", "příklady", "příkladů") + " dobré praxe a "
              + plural(len(manual.methods), "metodika", "metodiky", "metodik") + " komunitní práce")
    description = (f"Regionální vydání pro {edition.region_name}: " if edition.region_name else "Úplné vydání: ") + counts + "."
    head = (f'<meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="author" content="{escape(s.publisher)}">'
            f'<meta name="description" content="{escape(description.replace(NBSP, " "))}">'
            '<meta name="keywords" content="komunitní práce, příklady dobré praxe, sociální práce, metodiky">'
            f'<meta name="dcterms.created" content="{s.edition_date.isoformat()}">'
            '<meta name="generator" content="Portál komunitní práce">')
    body = "".join([cover_html(manual, edition), toc_html(manual, edition), intro_html(manual),
                    methods_html(manual, edition), cases_html(manual, edition)])
    return bind_short_words_html(f'<!DOCTYPE html>\n<html lang="cs"><head>{head}</head><body>{body}</body></html>')


def document_title(manual: Manual, edition: Edition) -> str:
    """The title of the PDF: the manual's title, with the region for a regional edition."""
    title = manual.settings.title
    return f"{title} – {edition.region_name}" if edition.region_name else title


def cover_html(manual: Manual, edition: Edition) -> str:
    """Title page: publisher, title, edition, contents in numbers, date, where to find the current edition."""
    s = manual.settings
    regions = len({c.region for c in edition.cases})
    if edition.region_name:
        label = f'Regionální vydání<br><span class="cover__region">{escape(edition.region_name)}</span>'
    else:
        label = "Úplné vydání"
    stats = [plural(len(edition.cases), "příklad dobré praxe", "příklady dobré praxe", "příkladů dobré praxe"),
             plural(len(manual.methods), "metodika", "metodiky", "metodik")]
    if not edition.region_name:
        stats.append(plural(regions, "kraj", "kraje", "krajů"))
    downloads = s.site_url + "ke-stazeni/"
    notice = f'<p class="cover__notice">{escape(s.notice)}</p>' if s.notice else ""
    return ('<section class="cover">'
            f'<p class="cover__publisher">{escape(s.publisher)}</p>'
            '<div class="cover__main">'
            f'<h1 class="cover__title">{escape(s.title)}</h1>'
            f'<p class="cover__edition">{label}</p>'
            f'<p class="cover__stats">{escape(" · ".join(stats))}</p>'
            '</div>'
            '<div class="cover__foot">'
            f'<p class="cover__date">Vydáno {escape(czech_long_date(s.edition_date))}</p>'
            f'<p class="cover__web">Aktuální vydání a webová verze: <a href="{escape(downloads)}">{escape(downloads)}</a></p>'
            f'{notice}</div></section>')


def toc_html(manual: Manual, edition: Edition) -> str:
    """Table of contents; the page numbers come from target-counter() in the stylesheet."""
    def items(chapters: list[Chapter]) -> str:
        return "".join(f'<li><a href="#{c.anchor}">{escape(c.title)}</a></li>' for c in chapters)

    parts = [f'<li class="toc__part"><a href="#uvod">{escape(manual.intro.title)}</a></li>',
             f'<li class="toc__part"><a href="#metodiky">Metodiky</a><ol>{items(manual.methods)}</ol></li>']
    if edition.cases:
        parts.append(f'<li class="toc__part"><a href="#priklady">Příklady dobré praxe</a><ol>{items(edition.cases)}</ol></li>')
    return f'<nav class="toc" id="obsah" aria-labelledby="obsah-nadpis"><h1 id="obsah-nadpis" class="toc__title">Obsah</h1><ol>{"".join(parts)}</ol></nav>'


def intro_html(manual: Manual) -> str:
    """The introduction, from the site's page."""
    return (f'<section class="part part--intro" id="uvod"><h1 class="part__title">{escape(manual.intro.title)}</h1>'
            f'<div class="body">{manual.intro.html}</div></section>')


def methods_html(manual: Manual, edition: Edition) -> str:
    """Every method: title, summary, text and the cases of this edition that use it."""
    in_edition = {c.doc.slug for c in edition.cases}
    chapters = []
    for m in manual.methods:
        cases = [c for c in manual.collection.cases_by_method.get(m.doc.slug, []) if c.slug in in_edition]
        uses = ""
        if cases:
            items = "".join(
                f'<li><a href="#{anchor("case", c.slug)}">{escape(c.title)}</a></li>' for c in cases)
            uses = f'<section class="uses"><h3 class="uses__title">Příklady v této příručce</h3><ul>{items}</ul></section>'
        chapters.append(f'<article class="chapter chapter--method" id="{m.anchor}">'
                        '<p class="chapter__kicker">Metodika</p>'
                        f'<h2 class="chapter__title">{escape(m.title)}</h2>'
                        f'<p class="lead">{escape(m.summary)}</p>'
                        f'<div class="body">{m.body_html}</div>{uses}</article>')
    lead = ("Metodiky popisují osvědčené postupy komunitní práce: k čemu slouží, kdy je použít, jak postupovat, "
            "kdo v nich hraje jakou roli a na co si dát pozor.")
    return (f'<section class="part" id="metodiky"><h1 class="part__title">Metodiky</h1><p class="part__lead">{lead}</p>'
            f'{"".join(chapters)}</section>')


def cases_html(manual: Manual, edition: Edition) -> str:
    """One chapter per case of the edition."""
    if not edition.cases:
        return ""
    only = f"Vydání pro {escape(edition.region_name)} obsahuje jen příklady z tohoto kraje. " if edition.region_name else ""
    lead = (f"{only}Příklady jsou seřazeny podle abecedy. U každého najdete základní údaje o projektu, "
            "popis a doporučení pro vlastní praxi; QR kód vede na jeho webovou stránku s aktuálními informacemi.")
    chapters = "".join(case_html(manual, c) for c in edition.cases)
    return (f'<section class="part" id="priklady"><h1 class="part__title">Příklady dobré praxe</h1>'
            f'<p class="part__lead">{lead}</p>{chapters}</section>')


def case_html(manual: Manual, chapter: Chapter) -> str:
    """A case chapter: title, summary, facts panel with QR code, text."""
    region = manual.collection.vocab.name("regions", chapter.region)
    return (f'<article class="chapter chapter--case" id="{chapter.anchor}">'
            f'<p class="chapter__kicker">Příklad dobré praxe · {escape(region)}</p>'
            f'<h2 class="chapter__title">{escape(chapter.title)}</h2>'
            f'<p class="lead">{escape(chapter.summary)}</p>'
            f'{facts_html(manual, chapter)}'
            f'<div class="body">{chapter.body_html}</div></article>')


def facts_html(manual: Manual, chapter: Chapter) -> str:
    """The facts panel in print: the web panel's facts, contacts meant for print, the QR code of the web page."""
    doc, collection = chapter.doc, manual.collection
    rows = print_cells(doc, collection, lambda slug: "#" + anchor("method", slug))  # paper cannot be clicked: addresses are printed
    table = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    parts = [f'<table class="facts__table"><tbody>{table}</tbody></table>']
    if doc.model.indicators:
        parts.append(indicators_html(doc.model.indicators))
    parts.append(contacts_html(doc.model.contacts))
    qr = qr_data_uri(chapter.web_url)
    parts.append('<div class="facts__web">'
                 f'<img class="qr" src="{escape(qr)}" alt="QR kód s odkazem na webovou stránku příkladu">'
                 f'<p>Webová stránka příkladu:<br><a class="url" href="{escape(chapter.web_url)}">{escape(chapter.web_url)}</a></p></div>')
    return f'<aside class="facts" aria-label="Základní údaje"><h3 class="facts__title">Základní údaje</h3>{"".join(parts)}</aside>'


def qr_data_uri(url: str) -> str:
    """A QR code of a URL as a PNG data URI, one pixel per module with the standard quiet zone (printed without smoothing)."""
    return segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=4)


def contacts_html(contacts: Iterable[Contact]) -> str:
    """Offices and people who agreed to be published and printed (in_pdf is not false); e-mails are printed as they are."""
    return facts_contacts_html(contacts, printed=True)


def downloads_html(pdfs: list[PdfFile], link: Link, folder: str = "ke-stazeni/") -> str:
    """The download list for the web page: every PDF with its size, page count and edition date (block HTML, no blank lines)."""
    def entry(pdf: PdfFile, text: str) -> str:
        href = link(folder + pdf.path.name)
        details = ", ".join(["PDF", file_size(pdf.size), plural(pdf.pages, "strana", "strany", "stran"),
                             plural(len(pdf.edition.cases), "příklad", "příklady", "příkladů"),
                             f"vydáno {czech_long_date(pdf.edition_date)}"])
        return f'<a href="{escape(href)}" type="application/pdf">{escape(text)}</a> <span class="kp-downloads__meta">({escape(details)})</span>'

    full = [p for p in pdfs if p.edition.region is None]
    regional = [p for p in pdfs if p.edition.region is not None]
    lines = ['<div class="kp-downloads">']
    for pdf in full:
        lines.append(f'<p class="kp-downloads__full">{entry(pdf, "Úplné vydání – všechny kraje")}</p>')
    if regional:
        lines.append("<p>Regionální vydání obsahují všechny metodiky a příklady dobré praxe z jednoho kraje:</p>")
        lines.append('<ul class="kp-downloads__regions">')
        lines.extend(f"<li>{entry(pdf, pdf.edition.region_name or '')}</li>" for pdf in regional)
        lines.append("</ul>")
    lines.append("<p>Každý příklad dobré praxe si můžete stáhnout i samostatně jako PDF na jednu až dvě strany: "
                 "odkaz „Stáhnout jako PDF“ je na jeho stránce pod základními údaji.</p>")
    lines.append("</div>")
    return "\n".join(lines)
