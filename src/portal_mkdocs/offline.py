"""MkDocs adapter: the offline edition (a zip of the whole built site for file://), linked from the downloads page."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.czech.formats import file_size
from portal.web.offline import publish_offline_edition

# Sibling hook modules: the site address as the data hook computes it, and the PDF editions' date.
from portal_mkdocs.state import build_state, site_address

log = logging.getLogger("mkdocs.plugins.portal.offline")

def on_post_build(config: MkDocsConfig) -> None:
    # `mkdocs serve` (make serve) leaves the zip out: packing the whole site took seconds on every edit, and the
    # search index, rebuilt in the background there, changes files while they would be packed.
    if build_state(config).serving:
        return
    try:
        result = publish_offline_edition(Path(config.site_dir), build_state(config).today, site_address(config))
    except OSError as exc:
        raise PluginError(f"Offline vydání portálu nelze vytvořit ({exc}).") from exc
    log.info(f"Offline vydání: {result.path.name} ({file_size(result.size)})")
