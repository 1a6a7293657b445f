"""MkDocs adapter: the offline edition (a zip of the whole built site for file://), linked from the downloads page."""

from __future__ import annotations

import logging
from pathlib import Path

# Sibling hook modules: the site address as the data hook computes it, and the PDF editions' date.
from data import site_address
from manual import edition_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.web.offline import publish_offline_edition
from portal.czech.text import file_size

log = logging.getLogger("mkdocs.hooks.offline")

# `mkdocs serve` (make serve) leaves the zip out: packing the whole site took seconds on every edit, and the search
# index, rebuilt in the background there, changes files while they would be packed.
_preview = False


def on_startup(command: str, dirty: bool) -> None:
    global _preview
    _preview = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    if _preview:
        return
    try:
        result = publish_offline_edition(Path(config.site_dir), edition_date(), site_address(config))
    except OSError as exc:
        raise PluginError(f"Offline vydání portálu nelze vytvořit ({exc}).") from exc
    log.info(f"Offline vydání: {result.path.name} ({file_size(result.size)})")
