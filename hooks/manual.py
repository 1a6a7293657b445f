"""MkDocs adapter: the PDF manual and its regional editions (being written)."""
