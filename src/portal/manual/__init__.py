"""The PDF manual "Příklady dobré praxe aktivit komunitního typu": model, print HTML and rendering. No MkDocs imports."""

from portal.manual.html import downloads_html, edition_html
from portal.manual.model import Edition, Manual, ManualError, PdfFile, Settings, build_manual
from portal.manual.render import build_editions, render_edition

__all__ = ["Edition", "Manual", "ManualError", "PdfFile", "Settings", "build_editions", "build_manual",
           "downloads_html", "edition_html", "render_edition"]
