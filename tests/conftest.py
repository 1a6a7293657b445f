"""Shared fixtures: a throw-away content root with the real vocabularies, and a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

VALID_CASE = """---
title: Komunitní centrum v Lipové
summary: Obec s místním spolkem otevřela komunitní centrum pro sousedská setkávání.
region: moravskoslezsky
organisation: {name: "Spolek Lipová, z. s."}
sources: [{title: "Obec Lipová: Komunitní centrum", url: "https://www.example.cz/", accessed: 2026-11-23}]
---

## Co se dělalo

Text.
"""

VALID_METHOD = """---
title: Komunitní plánování
summary: Společné plánování služeb s obyvateli obce.
---

## Postup

Text.
"""


@pytest.fixture(scope="session", autouse=True)
def content_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content cache (portal.content.cache) of this test session in a folder of its own, not in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("content-cache")
    os.environ["PORTAL_CACHE"] = str(folder)  # inherited by every build and check the tests run
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An empty content root with the real vocabularies and one method (komunitni-planovani)."""
    shutil.copy(REPO / "vocabularies.yml", tmp_path / "vocabularies.yml")
    (tmp_path / "good_practice").mkdir()
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "komunitni-planovani.md").write_text(VALID_METHOD, encoding="utf-8")
    return tmp_path


@pytest.fixture
def write(root: Path) -> Callable[[str, str], Path]:
    """Write a file (text or bytes) under the content root."""

    def _write(rel: str, content: str | bytes) -> Path:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of a project folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real portal, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stderr
    return site


def copy_project(dest: Path) -> Path:
    """A copy of the real project (config, docs, content, templates) to build a variant of it."""
    for name in ("mkdocs.yml", "vocabularies.yml"):
        shutil.copy(REPO / name, dest / name)
    for name in ("docs", "good_practice", "methods", "overrides"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "src").symlink_to(REPO / "src")  # only watched by `mkdocs serve`; the package is installed
    (dest / "node_modules").symlink_to(REPO / "node_modules")  # the CMS served at /admin/ is copied from here
    return dest


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built portal served on localhost for the browser tests of one module."""
    from tests.browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, shared by the tests of one module."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()
