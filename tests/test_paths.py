"""One registry of output paths (portal.paths): the site-relative path of every built file is spelled there only."""

from __future__ import annotations

import ast
from pathlib import Path

from portal import paths
from portal.content.kinds import KINDS

REPO = Path(__file__).resolve().parent.parent
# The prefixes of what the build writes; a string literal starting with one of them is an output path.
OUTPUTS = ("data/", "feed.xml", "ke-stazeni/", "katalog/", "kraje/", "jak-prispet/", "hledani/", "statistiky/",
           "dobra-praxe/", "metodiky/", "videa/", "admin/", "search-index/", "search-forms")
# Converted separately (issue 9): the PDF manual, the search index, and the facts panel (being rewritten as a template).
NOT_YET = ("src/portal/manual/", "src/portal/search/", "src/portal_mkdocs/search.py", "src/portal/web/facts.py")


def _literals(path: Path) -> list[tuple[int, str]]:
    """String constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_output_paths_are_spelled_only_in_the_registry():
    modules = [p for p in [*(REPO / "src" / "portal").rglob("*.py"), *(REPO / "src" / "portal_mkdocs").glob("*.py")]
               if p.name != "paths.py" and not p.relative_to(REPO).as_posix().startswith(NOT_YET)]
    found = [f"{p.relative_to(REPO)}:{line}: {text!r}" for p in modules for line, text in _literals(p) if text.startswith(OUTPUTS)]
    assert found == []


def test_content_pages_are_where_the_kinds_publish_them():
    assert KINDS["case"].url_prefix + "/" == paths.CATALOGUE
    assert KINDS["method"].url_prefix + "/" == paths.METHODS
    assert KINDS["video"].url_prefix + "/" == paths.VIDEOS


def test_derived_paths():
    assert paths.card_chunk(3) == "data/katalog/karty-3.json"
    assert paths.catalogue_page(1) == "dobra-praxe/" and paths.catalogue_page(2) == "dobra-praxe/strana/2/"
    assert paths.catalogue_page_source(2) == "dobra-praxe/strana/2.md"
    assert paths.region_page("olomoucky") == "kraje/olomoucky/" and paths.region_page_source("olomoucky") == "kraje/olomoucky.md"
    assert paths.case_print("x") == "ke-stazeni/priklady/x.pdf" and paths.OFFLINE_ZIP == "ke-stazeni/komunitni-prace-offline.zip"
    assert paths.schema_json("case") == "data/schema/case.schema.json"
