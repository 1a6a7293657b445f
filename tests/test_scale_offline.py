"""The offline zip is written in a worker process while the search index is built: the result is the zip written alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config

from portal.content.parallel import Background
from portal.release import edition_date
from portal.web.offline import DOWNLOADS, SKIP_DIRS, SKIP_FILES, ZIP_NAME, build_offline_zip, site_files
from portal_mkdocs.data import site_address
from tests.conftest import REPO


def _worker_pid(x: int) -> tuple[int, int]:
    return os.getpid(), x * 2


def _fails() -> None:
    raise ValueError("v pracovním procesu")


def test_background_runs_in_another_process_and_returns_its_result():
    pid, value = Background(_worker_pid, 21).result()
    assert value == 42 and pid != os.getpid()


def test_background_raises_the_workers_exception():
    with pytest.raises(ValueError, match="v pracovním procesu"):
        Background(_fails).result()


def test_site_files_are_those_of_the_whole_listing_without_the_skipped(built_site: Path):
    listed = [p for p in sorted(built_site.rglob("*")) if p.is_file()
              and p.relative_to(built_site).parts[0] not in SKIP_DIRS and p.relative_to(built_site).as_posix() not in SKIP_FILES
              and p.name not in SKIP_FILES]
    assert list(site_files(built_site)) == listed
    assert any(p.suffix == ".html" for p in listed)


def test_the_zip_of_the_build_is_the_zip_written_alone_after_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """As the zip was written when it came after the search index: the downloads page without the zip's link yet."""
    from mkdocs.commands.build import build

    import portal_mkdocs.offline

    monkeypatch.setattr(portal_mkdocs.offline, "link_offline_edition", lambda site, result: result)
    monkeypatch.setenv("PORTAL_PDF", "0")
    monkeypatch.chdir(REPO)
    site = tmp_path / "site"
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    build(config)
    assert (site / "search-index" / "urls.json").is_file()
    alone = build_offline_zip(site, tmp_path / ZIP_NAME, edition_date(), site_address(config))
    assert alone.path.read_bytes() == (site / DOWNLOADS / ZIP_NAME).read_bytes()
