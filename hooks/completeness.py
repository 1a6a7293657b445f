"""MkDocs adapter: the last step of a build checks that no case or method was lost on the way."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from content import get_collection  # sibling hook module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.web.completeness import missing_outputs
from portal.content.problems import summary

log = logging.getLogger("mkdocs.hooks.completeness")


_preview = False  # `mkdocs serve` indexes in the background and --dirty keeps old pages: nothing to check there


def on_startup(command: str, dirty: bool) -> None:
    global _preview
    _preview = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    if _preview:
        return
    problems = missing_outputs(get_collection(config), Path(config.site_dir), pdf=config.extra.get("portal_pdf", True))
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"Sestavený web není úplný: {summary(problems)}.")
