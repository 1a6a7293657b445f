"""MkDocs adapter: index the built site with Pagefind (Czech, diacritics folded) after every build."""

from __future__ import annotations

import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Only the page's article is indexed; lists that repeat other pages' summaries are left out
# (they carry data-pagefind-ignore), so a query lands on the case itself.
ROOT = "article.md-content__inner"
EXCLUDE = [".headerlink", ".md-content__button", ".md-source-file", "[data-pagefind-ignore]"]


def on_post_build(config: MkDocsConfig) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--root-selector", ROOT, "--force-language", "cs", "--quiet"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise PluginError(f"Vyhledávací index (Pagefind) se nepodařilo vytvořit:\n{result.stdout}\n{result.stderr}")
