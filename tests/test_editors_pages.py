"""Editing from the built site: edit links to real source files, last-updated dates, links to the form, the editors' address."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.config import load_config

from portal.content.collection import load_collection
from portal.content.history import file_dates
from portal.content.schema import schema_for
from tests.conftest import REPO

COLLECTION = load_collection(REPO)
DOCS = COLLECTION.cases + COLLECTION.methods
REPO_URL = "https://github.com/komunitni-prace/portal"


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_case_and_method_page_links_to_its_real_source(built_site):
    for doc in DOCS:
        html = _page(built_site, doc.url)
        material = re.search(r'<a href="([^"]+)" title="Upravit tuto stránku"[^>]*rel="edit"', html)
        ours = re.search(r'<a href="([^"]+)" class="kp-edit">Upravit tuto stránku</a>', html)
        assert material and ours, doc.path
        for link in (material[1], ours[1]):
            assert link == f"{REPO_URL}/edit/main/{doc.path}"
            assert (REPO / link.removeprefix(f"{REPO_URL}/edit/main/")).is_file()


def test_last_updated_comes_from_git_history(built_site):
    dates = file_dates(REPO, [d.path for d in DOCS])
    for doc in DOCS:
        day = dates[doc.path][1].date()
        expected = f'Naposledy aktualizováno: <time datetime="{day.isoformat()}">{day.day}.\u00a0{day.month}.\u00a0{day.year}</time>'
        assert expected in _page(built_site, doc.url), doc.path


def test_last_updated_without_history_falls_back_to_the_file_time(tmp_path):
    """A copy without .git (a downloaded archive) still gets a date: the file's own time."""
    (tmp_path / "good_practice").mkdir()
    file = tmp_path / "good_practice" / "a.md"
    file.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    os.utime(file, (1_700_000_000, 1_700_000_000))
    created, updated = file_dates(tmp_path, ["good_practice/a.md"])["good_practice/a.md"]
    assert updated == created == datetime.fromtimestamp(1_700_000_000, tz=UTC)


def test_repo_url_can_be_overridden_by_environment(monkeypatch):
    monkeypatch.setenv("PORTAL_REPO_URL", "https://github.com/jiny-kraj/portal")
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.repo_url == "https://github.com/jiny-kraj/portal"
    monkeypatch.delenv("PORTAL_REPO_URL")
    assert load_config(str(REPO / "mkdocs.yml")).repo_url == REPO_URL


def test_repository_link_asks_github_for_nothing(built_site):
    """Material's repository widget would fetch stars and forks from api.github.com; ours is a plain link."""
    for url in ("", "jak-prispet/", DOCS[0].url):
        html = _page(built_site, url)
        assert f'<a href="{REPO_URL}" title="Přejít do repozitáře" class="md-source">' in html
        assert 'data-md-component="source"' not in html


def test_form_is_linked_from_home_contribute_and_catalogue(built_site):
    for url, link in (("", "jak-prispet/novy-pripad/"), ("jak-prispet/", "novy-pripad/"), ("dobra-praxe/", "../jak-prispet/novy-pripad/")):
        assert f'href="{link}"' in _page(built_site, url), url
    form = _page(built_site, "jak-prispet/novy-pripad/")
    for field in schema_for("case")["properties"].values():  # every field, labelled by its schema title
        assert f"{field['title']}" in form
    assert 'href="../admin/"' in _page(built_site, "jak-prispet/")


def test_editors_role_address_on_contribute_and_about(built_site):
    email = load_config(str(REPO / "mkdocs.yml")).extra["editors_email"]
    user, domain = email.split("@")
    shown = f'{user}<span class="kp-at"> (zavináč) </span>{domain}</span>'
    for url in ("jak-prispet/", "o-portalu/"):
        assert shown in _page(built_site, url), url
    assert "Napište redakci portálu na" in _page(built_site, "jak-prispet/")
