"""MkDocs adapter: the portal's own stylesheets reach the browser as one file, its scripts deferred.

Eight stylesheets in the head were more than a phone opens connections for at once, so the page waited a second
round trip before its first paint (Lighthouse, mobile). The files stay separate in docs/assets/ (each area keeps
its own); the pages link one file with their text in the same order, so the cascade is the same.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

BUNDLE = "assets/portal-styles.css"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    own = [path for path in config.extra_css if not path.startswith(("http:", "https:", "//")) and path.endswith(".css")]
    if not own:
        return files
    parts = [f"/* {path} */\n{(Path(config.docs_dir) / path).read_text(encoding='utf-8')}" for path in own]
    files.append(File.generated(config, BUNDLE, content="\n".join(parts)))
    config.extra_css = [BUNDLE] + [path for path in config.extra_css if path not in own]  # read by the page templates
    return files
