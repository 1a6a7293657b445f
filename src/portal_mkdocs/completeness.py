"""MkDocs adapter: the last step of a build checks that no case or method was lost on the way."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal.content.problems import summary
from portal.web.completeness import missing_outputs
from portal_mkdocs.state import build_state, collection_of

log = logging.getLogger("mkdocs.plugins.portal.completeness")


@event_priority(-100)  # last: after the offline edition is finished (offline.finish_offline_edition)
def on_post_build(config: MkDocsConfig) -> None:
    state = build_state(config)
    if state.serving:  # `mkdocs serve` indexes in the background and --dirty keeps old pages: nothing to check there
        return
    problems = missing_outputs(collection_of(config), Path(config.site_dir), pdf=state.pdf)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"Sestavený web není úplný: {summary(problems)}.")
