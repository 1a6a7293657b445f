"""The plugin's typed settings (`plugins: - portal:` in mkdocs.yml), checked by MkDocs like its own options."""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c


class ManualConfig(base.Config):
    """The PDF manual: its title and the page in docs/ used as its introduction."""

    title = c.Type(str)
    intro = c.Type(str)


class PortalConfig(base.Config):
    """Settings of the portal's build; each one has a default that suits `make site`."""

    manual = c.SubConfig(ManualConfig)
    # None: decided by the PORTAL_PDF variable (0, ne, no, false, off leave the PDFs out).
    pdf = c.Optional(c.Type(bool))


def pdf_from_environment() -> bool:
    """PORTAL_PDF=0 (or 'ne', 'false') leaves the PDFs out, for previews and benchmarks; anything else builds them."""
    return os.environ.get("PORTAL_PDF", "1").strip().lower() not in ("0", "ne", "no", "false", "off")
