"""Decap CMS at /admin/: config generated from the schema, and the real CMS in Chromium with its test backend."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect, sync_playwright

from portal.content.schema import schema_for
from portal.content.schema_check import EMAIL
from portal.content.vocabulary import load_vocabulary
from portal.editors.cms import cms_config, cms_config_yaml, github_repo
from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.conftest import BIN, REPO

VOCAB, _ = load_vocabulary(REPO)
METHODS = {"komunitni-planovani": "Komunitní plánování", "mapovani-potreb": "Mapování potřeb"}


def _config(**kw: Any) -> dict:
    return cms_config(VOCAB, METHODS, "https://github.com/komunitni-prace/portal", "https://komunitni-prace.example.cz/", **kw)


def _fields(fields: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in fields}


def _walk(schema: dict, fields: list[dict], required: bool, path: str = "") -> None:
    """Every schema field has a CMS field with its title, requiredness, vocabulary and pattern."""
    by_name = _fields(fields)
    assert set(by_name) >= set(schema["properties"]), path
    for key, node in schema["properties"].items():
        field, where = by_name[key], f"{path}{key}"
        assert field["label"] == node["title"], where
        assert field["required"] == (key in schema.get("required", []) and required), where
        items = node.get("items", {})
        if node.get("x-vocabulary") or items.get("x-vocabulary"):
            section = node.get("x-vocabulary") or items["x-vocabulary"]
            assert field["widget"] == "select", where
            assert [o["value"] for o in field["options"]] == VOCAB.codes(section), where
        if node.get("pattern") and not node.get("x-reference") and node.get("format") != "uri":
            assert field["pattern"][0] == node["pattern"], where
        if node.get("format") == "partial-date":
            assert field["pattern"][0] == r"^\d{4}(-\d{2}(-\d{2})?)?$", where
        if node.get("type") == "object":
            _walk(node, field["fields"], field["required"], where + ".")
        if node.get("type") == "array" and items.get("type") == "object":
            _walk(items, field["fields"], True, where + "[].")


@pytest.mark.parametrize("kind,collection", [("case", 0), ("method", 1)])
def test_every_schema_field_is_in_the_cms(kind, collection):
    config = _config()
    coll = config["collections"][collection]
    _walk(schema_for(kind, VOCAB), coll["fields"], True)
    assert coll["fields"][-1] == {"name": "body", "label": "Text", "widget": "markdown", "required": False,
                                  "hint": "Části začínejte nadpisem druhé úrovně (## Výchozí situace, ## Co se dělalo …)."}


def test_cms_config_details():
    config = _config()
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "komunitni-prace/portal"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "cs"
    case = _fields(config["collections"][0]["fields"])
    assert case["methods"]["widget"] == "select" and case["methods"]["multiple"] is True
    assert [o["value"] for o in case["methods"]["options"]] == list(METHODS)
    assert _fields(case["contacts"]["fields"])["email"]["pattern"][0] == EMAIL.pattern
    assert case["sources"]["min"] == 1
    # An optional group's required fields are explained, not enforced by the CMS (the checker does that).
    funding = _fields(case["funding"]["fields"])
    assert funding["total"]["required"] is False
    assert funding["total"]["hint"].endswith("Povinné, když vyplníte skupinu „Financování“.")
    assert yaml.safe_load(cms_config_yaml(config)) == config
    assert github_repo("https://github.com/a/b.git") == "a/b" and github_repo("https://gitlab.com/a/b") is None


def test_admin_is_served_from_the_site(built_site):
    admin = built_site / "admin"
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in html and "http" not in html.split("<body>")[1]
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "komunitni-prace/portal"
    assert not list(admin.glob("*.map"))


@pytest.mark.browser
def test_cms_creates_a_case_that_passes_portal_check(built_site, tmp_path, root):
    """The real Decap CMS, with its own test backend: sign in, create a case, save; the saved file passes portal check."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "admin", site / "admin")
    (site / "admin" / "config.yml").write_text(cms_config_yaml(_config(backend="test-repo")), encoding="utf-8")
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(locale="cs-CZ", viewport={"width": 1280, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base + "admin/")
        page.get_by_role("button", name="Přihlásit").click()
        expect(page.get_by_text("Příklady dobré praxe").first).to_be_visible()
        page.goto(base + "admin/#/collections/good_practice/new")
        page.get_by_label("Název", exact=True).fill("Sousedská kavárna v Hradci")
        page.get_by_label("Shrnutí", exact=True).fill("Spolek v Hradci otevřel sousedskou kavárnu, kde se scházejí senioři a rodiny.")
        page.get_by_label("Kraj", exact=True).click()
        page.get_by_text("Olomoucký kraj", exact=True).click()
        page.get_by_label("Název organizace", exact=True).fill("Spolek Sousedé Hradec, z. s.")
        sources = page.locator("label", has_text="Zdroje").last.locator("xpath=../..")
        sources.get_by_role("button", name="Přidat").click()
        page.get_by_label("Název zdroje", exact=True).fill("Spolek Sousedé Hradec: Kavárna")
        page.get_by_label("Adresa", exact=True).fill("https://www.sousede-hradec.cz/kavarna")
        page.get_by_label("Navštíveno", exact=True).fill("2026-11-20")
        page.locator("[data-slate-editor=true]").click()
        page.keyboard.type("Dobrovolníci zařídili prostor a každý čtvrtek vaří kávu.")
        page.get_by_role("button", name="Uložit").click()
        expect(page.get_by_text("Položka uložena")).to_be_visible()
        saved = page.evaluate("""Object.values(window.repoFilesUnpublished)
            .flatMap(e => e.diffs).filter(d => d.path === 'good_practice/sousedska-kavarna-v-hradci.md').map(d => d.content)""")
        status = page.evaluate("window.repoFilesUnpublished['good_practice/sousedska-kavarna-v-hradci'].status")
        browser.close()
    assert status == "draft"  # editorial workflow: a draft to review, not a commit to main
    assert len(saved) == 1 and saved[0].startswith("---\ntitle: Sousedská kavárna v Hradci\n")
    (root / "good_practice" / "sousedska-kavarna-v-hradci.md").write_text(saved[0], encoding="utf-8")
    result = subprocess.run([str(BIN / "portal"), "check"], cwd=root, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    host = urlsplit(base).netloc
    assert [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host] == []
