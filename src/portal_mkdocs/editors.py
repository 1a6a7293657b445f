"""MkDocs adapter for editors: the proposal form, the CMS at /admin/, and "Naposledy aktualizováno" on content pages.

Edit links ("Upravit tuto stránku": Material's button at the top, ours with the file's path below) are the page's
edit_url, which MkDocs makes from repo_url, edit_uri and the source path set by content.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from portal import paths
from portal.editors.cms import cms_config, cms_config_yaml, cms_files, cms_page
from portal.editors.form import proposal_form
from portal.web.page_parts import updated_note
from portal_mkdocs.content import content_root
from portal_mkdocs.state import build_state, collection_of, site_address

FORM_PAGE = paths.NEW_CASE_FORM_SOURCE
CMS_DIST = Path("node_modules/decap-cms/dist")


def _methods(config: MkDocsConfig) -> dict[str, str]:
    return {m.slug: m.title for m in collection_of(config).methods}


def _branch(config: MkDocsConfig) -> str:
    """The branch edit links point at: 'edit/<branch>/' in edit_uri."""
    parts = (config.edit_uri or "edit/main/").strip("/").split("/")
    return parts[1] if len(parts) > 1 else "main"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = content_root(config)
    dist = root / CMS_DIST
    if not dist.is_dir():
        raise FileNotFoundError(f"{dist}: chybí Decap CMS; spusťte make site (nainstaluje balíčky npm z package-lock.json)")
    for name in cms_files([p.name for p in dist.iterdir()]):
        files.append(File.generated(config, paths.ADMIN + name, abs_src_path=str(dist / name)))
    site_url = site_address(config)
    settings = cms_config(collection_of(config).vocab, _methods(config), config.repo_url or "", site_url,
                          backend=os.environ.get("PORTAL_CMS_BACKEND"), branch=_branch(config),
                          auth_url=os.environ.get("PORTAL_CMS_AUTH_URL"))
    files.append(File.generated(config, paths.ADMIN_CONFIG, content=cms_config_yaml(settings)))
    files.append(File.generated(config, paths.ADMIN_PAGE, content=cms_page(config.site_name)))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == FORM_PAGE:
        extra = config.extra
        return html + proposal_form(collection_of(config).vocab, _methods(config), config.repo_url or "",
                                    _branch(config), str(extra.get("editors_email", "")))
    doc = collection_of(config).by_page(page.file.src_uri)
    if doc is None:
        return html
    dates = build_state(config).dates.get(doc.path)
    if dates is None:
        return html
    return html + updated_note(dates[1].date(), page.edit_url or "", doc.path)


