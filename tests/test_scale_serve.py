"""`make serve` (mkdocs serve --dirty): after an edit of one case only the pages built from what changed are rendered again.

Rounds: the case's title edited, then only its body, then nothing.

The real project is copied and built twice in one process the way `mkdocs serve --dirty` builds it (one start-up
as "serve", then a fresh config per rebuild); which HTML files the second build wrote is read from the files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from portal.content.collection import load_collection
from portal.web.similar import similar_cases
from tests.conftest import REPO, copy_project

CASE = "komunitni-centrum-vltavotynska"   # region: jihocesky
NEW_TITLE = "Komunitní centrum po úpravě v náhledu"

# Builds like mkdocs.commands.serve does, edits the case between the builds (or not), and prints the written pages.
SERVE = r"""
import json, re, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, case, title = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def rebuild():
    config = load_config("mkdocs.yml", site_dir=str(site), strict=False)
    config.site_url = "http://127.0.0.1:8000/"
    build(config, serve_url=config.site_url, dirty=True)
    return config

def written():
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}

first = load_config("mkdocs.yml", site_dir=str(site), strict=False)
first.plugins.on_startup(command="serve", dirty=True)
first.site_url = "http://127.0.0.1:8000/"
build(first, serve_url=first.site_url, dirty=True)
rounds = []
for edit in ("title", "body", None):
    before = written()
    time.sleep(0.05)  # a rewritten file gets a later modification time
    if edit == "title":
        case.write_text(re.sub(r"^title: .*$", "title: " + title, case.read_text(encoding="utf-8"), count=1, flags=re.M),
                        encoding="utf-8")
    elif edit == "body":
        case.write_text(case.read_text(encoding="utf-8") + "\nDoplněný odstavec po úpravě v náhledu.\n", encoding="utf-8")
    rebuild()
    after = written()
    rounds.append(sorted(p for p in after if after[p] != before.get(p)))
print(json.dumps(rounds))
"""


@pytest.fixture(scope="module")
def rewritten(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The HTML pages each rebuild wrote: after the title edit, after the body edit, after no change."""
    project = copy_project(tmp_path_factory.mktemp("serve-project"))
    site = tmp_path_factory.mktemp("serve-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PDF": "0"}
    result = subprocess.run([sys.executable, "-c", SERVE, str(site), f"good_practice/{CASE}.md", NEW_TITLE],
                            cwd=project, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    rounds = json.loads(result.stdout.strip().splitlines()[-1])
    assert NEW_TITLE in (site / f"dobra-praxe/{CASE}/index.html").read_text(encoding="utf-8")
    return rounds


def test_the_edited_case_is_rendered_again(rewritten):
    assert f"dobra-praxe/{CASE}/index.html" in rewritten[0]


def _content_pages() -> set[str]:
    cases = {f"dobra-praxe/{p.stem}/index.html" for p in (REPO / "good_practice").glob("*.md")}
    return cases | {f"metodiky/{p.stem}/index.html" for p in (REPO / "methods").glob("*.md")}


def _showing_the_case() -> set[str]:
    """The pages that show the case's title: its methods' pages (their list of cases) and cases listing it as similar."""
    collection = load_collection(REPO)
    case = collection.case(CASE)
    assert case is not None
    shown = {f"metodiky/{slug}/index.html" for slug in case.model.methods}
    return shown | {f"dobra-praxe/{c.slug}/index.html" for c in collection.cases if case in similar_cases(c, collection)}


def test_pages_that_show_the_new_title_are_rendered_again(rewritten):
    showing = _showing_the_case()
    assert showing, "the case has methods and similar cases"
    assert set(rewritten[0]) & _content_pages() == showing | {f"dobra-praxe/{CASE}/index.html"}


def test_a_body_edit_renders_only_that_page(rewritten):
    assert set(rewritten[1]) & _content_pages() == {f"dobra-praxe/{CASE}/index.html"}


def test_pages_built_from_unchanged_sources_are_kept(rewritten):
    others = _content_pages() - _showing_the_case() - {f"dobra-praxe/{CASE}/index.html"}
    assert others, "the project has pages that do not show the case"
    assert not set(rewritten[0]) & others
    assert "index.html" not in rewritten[0]  # the home page (docs/index.md) did not change
    assert "kraje/moravskoslezsky/index.html" not in rewritten[0]  # another region's page did not change


def test_the_region_page_that_lists_the_case_is_rendered_again(rewritten):
    assert "kraje/jihocesky/index.html" in rewritten[0]


def test_a_rebuild_without_changes_renders_no_page_built_from_content(rewritten):
    content_pages = [p for p in rewritten[2] if p.startswith(("dobra-praxe/", "metodiky/", "kraje/", "videa/"))]
    assert content_pages == []
