"""MkDocs adapter: the last step of a build checks that no case or method was lost on the way."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from content import get_collection  # sibling hook module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.completeness import missing_outputs
from portal.problems import summary

log = logging.getLogger("mkdocs.hooks.completeness")


def on_post_build(config: MkDocsConfig) -> None:
    problems = missing_outputs(get_collection(config), Path(config.site_dir), pdf=os.environ.get("PORTAL_PDF") != "0")
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"Sestavený web není úplný: {summary(problems)}.")
