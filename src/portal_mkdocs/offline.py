"""MkDocs adapter: the offline edition (a zip of the whole built site for file://), linked from the downloads page.

The zip is written in a worker process while this one builds the search index (the second core): neither reads
what the other writes (the zip leaves the index out), and the downloads page gets the zip's link only after both.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal.content.parallel import Background
from portal.czech.formats import file_size
from portal.web.offline import DOWNLOADS, ZIP_NAME, OfflineZip, build_offline_zip, link_offline_edition
from portal_mkdocs.state import BuildState, build_state, site_address

log = logging.getLogger("mkdocs.plugins.portal.offline")


def on_post_build(config: MkDocsConfig) -> None:
    """Start the zip (after the PDFs are in the site, before the search index is built)."""
    # `mkdocs serve` (make serve) leaves the zip out: packing the whole site took seconds on every edit, and the
    # search index, rebuilt in the background there, changes files while they would be packed.
    state = build_state(config)
    if state.serving:
        return
    site = Path(config.site_dir)
    state.offline_job = Background(build_offline_zip, site, site / DOWNLOADS / ZIP_NAME, state.today, site_address(config))


@event_priority(-50)  # after the search index has read the downloads page, before the completeness check
def finish_offline_edition(config: MkDocsConfig) -> None:
    """Wait for the zip and put its link on the downloads page."""
    state = build_state(config)
    job, state.offline_job = state.offline_job, None
    if job is None:
        return
    try:
        result: OfflineZip = link_offline_edition(Path(config.site_dir), job.result())
    except OSError as exc:
        raise PluginError(f"Offline vydání portálu nelze vytvořit ({exc}).") from exc
    log.info(f"Offline vydání: {result.path.name} ({file_size(result.size)})")


def on_build_error(state: BuildState) -> None:
    """A failed build does not wait for the zip (its worker ends by itself)."""
    job, state.offline_job = state.offline_job, None
    if job is not None:
        job.cancel()
