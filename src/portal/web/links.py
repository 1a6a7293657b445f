"""Links written for the repository (they work on GitHub) rewritten to the site's page addresses."""

from __future__ import annotations

import re

from portal.content.kinds import BY_FOLDER, KINDS

# '../methods/x.md' in a case and '../good_practice/x.md' in a method point at source files;
# on the site the same pages live under 'metodiky/' and 'dobra-praxe/'.
_REPO_LINK = re.compile(r"(\]\(\s*<?)\.\./(" + "|".join(k.folder for k in KINDS.values()) + r")/")


def repo_links_to_site(markdown: str) -> str:
    """Rewrite Markdown links to sibling content folders so that they resolve on the site."""
    return _REPO_LINK.sub(lambda m: f"{m[1]}../{BY_FOLDER[m[2]].url_prefix}/", markdown)


def page_source(kind: str, body: str) -> str:
    """The Markdown handed to the site engine: our own fixed header, then the contributed body.

    Engines read page settings (MkDocs: a '---' YAML block or MultiMarkdown 'key: value' lines, and
    mkdocs-macros then its 'render_macros') from the top of a page. With our header first, anything
    at the top of a contributed body is plain text, never settings.
    """
    return f"---\nportal_kind: {kind}\n---\n\n{body}"
