"""The portal's stylesheets are served as one file without their comments; the rules themselves are unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from portal_mkdocs.assets import without_comments
from tests.conftest import REPO


def test_comments_go_and_strings_stay():
    css = '/* proč */\na::before { content: "/* ne komentář */"; }\n/* víc\nřádků */b { color: red; } /**/ c{}'
    assert without_comments(css) == '\na::before { content: "/* ne komentář */"; }\nb { color: red; }  c{}'


def test_every_stylesheet_keeps_its_rules():
    for path in sorted((REPO / "docs" / "assets").glob("*.css")):
        text = path.read_text(encoding="utf-8")
        stripped = without_comments(text)
        assert "/*" not in stripped and "*/" not in stripped, path
        # The same declarations in the same order: only comments (and the space they stood in) are gone.
        assert re.sub(r"\s+", "", stripped) == re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)), path


def test_the_built_bundle_has_only_the_file_markers(built_site: Path):
    bundle = (built_site / "assets" / "portal-styles.css").read_text(encoding="utf-8")
    assert re.findall(r"/\*.*?\*/", bundle, flags=re.DOTALL) == re.findall(r"/\* assets/[\w-]+\.css \*/", bundle)
    assert len(bundle) > 5_000
