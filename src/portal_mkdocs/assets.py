"""MkDocs adapter: the portal's own stylesheets reach the browser as one file; a page script only where it has work.

Eight stylesheets in the head were more than a phone opens connections for at once, so the page waited a second
round trip before its first paint (Lighthouse, mobile). The files stay separate in docs/assets/ (each area keeps
its own); the pages link one file with their text in the same order, so the cascade is the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

BUNDLE = "assets/portal-styles.css"
# Scripts that act on one element and stop at once without it: left out of the pages that lack it (the form's
# script alone is 8 kB gzip, a tenth of the catalogue's first view).
PAGE_SCRIPTS = {"navrh.js": 'id="kp-proposal"', "catalogue.js": 'id="kp-filters"'}
_NAMES = "|".join(map(re.escape, PAGE_SCRIPTS))
_SCRIPT = re.compile(rf'<script src="[^"]*assets/({_NAMES})"[^>]*></script>\n?')


def on_files(files: Files, config: MkDocsConfig) -> Files:
    own = [path for path in config.extra_css if not path.startswith(("http:", "https:", "//")) and path.endswith(".css")]
    if not own:
        return files
    parts = [f"/* {path} */\n{without_comments((Path(config.docs_dir) / path).read_text(encoding='utf-8'))}" for path in own]
    files.append(File.generated(config, BUNDLE, content="\n".join(parts)))
    config.extra_css = [BUNDLE] + [path for path in config.extra_css if path not in own]  # read by the page templates
    return files


# A CSS comment, or a string (kept: '/*' inside quotes starts no comment).
_COMMENT_OR_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.DOTALL)


def without_comments(css: str) -> str:
    """The stylesheet without its comments: they explain the rules in docs/assets/, the browser needs none of them
    (a fifth of the bundle gzipped, about 1 kB of the catalogue's first view)."""
    return _COMMENT_OR_STRING.sub(lambda m: m[1] or "", css)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _SCRIPT.sub(lambda m: m[0] if PAGE_SCRIPTS[m[1]] in output else "", output)
