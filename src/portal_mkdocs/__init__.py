"""The MkDocs adapter of the portal: one local plugin whose concern modules are thin adapters over `portal`.

The `portal` package never imports MkDocs; everything MkDocs-facing lives here, so moving to another
engine means rewriting this package only.
"""
