"""MkDocs adapter: index the built site with Pagefind (Czech, diacritics folded) after every build."""

from __future__ import annotations

import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Only content inside data-pagefind-body (overrides/main.html) is indexed; lists that repeat other
# pages' summaries carry data-pagefind-ignore, so a query lands on the case itself.
EXCLUDE = [".headerlink", ".md-content__button", ".md-source-file", "[data-pagefind-ignore]"]


_preview = False  # `mkdocs serve`: the index is rebuilt in the background, so an edit shows without waiting for it


def on_startup(command: str, dirty: bool) -> None:
    global _preview
    _preview = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--force-language", "cs", "--quiet"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    if _preview:
        subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise PluginError(f"Vyhledávací index (Pagefind) se nepodařilo vytvořit:\n{result.stdout}\n{result.stderr}")
