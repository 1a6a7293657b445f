"""The PDF manual "Příklady dobré praxe aktivit komunitního typu": model, print sources and engines. No MkDocs imports.

The model (model.py) is engine-independent. Typst (typst_doc.py, typeset.py) typesets the published PDFs;
the WeasyPrint adapter (html.py, render.py) is kept for the side-by-side benchmark and is imported only on use.
"""

from portal.manual.html import downloads_html, edition_html
from portal.manual.model import Edition, Manual, ManualError, PdfFile, Settings, build_manual

__all__ = ["Edition", "Manual", "ManualError", "PdfFile", "Settings", "build_editions", "build_manual",
           "downloads_html", "edition_html", "render_edition"]


def __getattr__(name: str):
    if name in ("build_editions", "render_edition"):
        from portal.manual import render
        return getattr(render, name)
    raise AttributeError(name)
