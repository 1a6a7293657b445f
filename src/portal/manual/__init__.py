"""The PDF manual "Příklady dobré praxe aktivit komunitního typu": model, Typst sources, typesetting. No MkDocs imports.

The model (model.py) is engine-independent; Typst (typst_doc.py, typeset.py, workers.py, join.py) typesets
every published PDF.
"""

from portal.manual.model import Edition, Manual, ManualError, PdfFile, Settings, build_manual

__all__ = ["Edition", "Manual", "ManualError", "PdfFile", "Settings", "build_manual"]
