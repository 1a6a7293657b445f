"""The one registry of content kinds: folders, addresses, schemas, scaffolds and Czech names come from it, and only from it."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from portal.content.collection import load_collection
from portal.content.kinds import BY_COMMAND, BY_FOLDER, BY_URL_PREFIX, KINDS, folders
from portal.content.model import MODELS
from portal.content.placeholders import placeholder_lines
from portal.content.schema import schema_for
from portal.editors.scaffold import skeleton
from portal.web.links import repo_links_to_site
from tests.conftest import REPO

SLUGS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


def test_every_kind_has_its_own_folder_and_address_a_schema_and_a_model():
    assert len({k.folder for k in KINDS.values()}) == len({k.url_prefix for k in KINDS.values()}) == len(KINDS)
    for name, kind in KINDS.items():
        assert kind.name == name and BY_FOLDER[kind.folder] is kind and BY_URL_PREFIX[kind.url_prefix] is kind
        assert kind.schema()["title"] == kind.title == schema_for(name)["title"]
        assert kind.schema()["description"] == kind.description and kind.folder in kind.description
        assert name in MODELS
        assert folders()[kind.folder] == name
        assert BY_COMMAND[name] is BY_COMMAND[kind.command] is kind  # `portal new case` and `portal new pripad`


def test_the_scaffold_of_every_kind_is_its_new_file_body():
    for name, kind in KINDS.items():
        text = skeleton(name, "Název")
        assert text.endswith("\n".join(kind.scaffold))
        assert placeholder_lines(name) == {line for line in kind.scaffold if line and not line.startswith("#")}


def test_pages_are_published_where_the_registry_says():
    collection = load_collection(REPO)
    for doc in collection.documents:
        kind = KINDS[doc.kind]
        assert doc.path.startswith(kind.folder + "/")
        assert doc.url == f"{kind.url_prefix}/{doc.slug}/" and doc.page_src == f"{kind.url_prefix}/{doc.slug}.md"
        assert collection.by_page(doc.page_src) is doc


@given(st.sampled_from(list(KINDS.values())), st.sampled_from(list(KINDS.values())), SLUGS)
def test_links_between_content_folders_point_at_the_pages(source, target, slug):
    del source  # any kind's text may link any other kind's file
    assert repo_links_to_site(f"[x](../{target.folder}/{slug}.md)") == f"[x](../{target.url_prefix}/{slug}.md)"


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """String constants of a module that are not docstrings."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_no_module_but_the_registry_spells_a_content_folder_or_address():
    """A path under a kind's folder or URL prefix ('dobra-praxe/…', 'good_practice') is written only in content/kinds.py."""
    prefixes = [p for k in KINDS.values() for p in (k.folder, k.url_prefix)]
    found = []
    for file in [*(REPO / "src" / "portal").rglob("*.py"), *(REPO / "hooks").glob("*.py")]:
        if file.name == "kinds.py":
            continue
        for node in _strings(ast.parse(file.read_text(encoding="utf-8"))):
            if node.value in (KINDS["case"].folder,) or any(node.value.startswith(p + "/") for p in prefixes):
                found.append(f"{Path(file).relative_to(REPO)}:{node.lineno}: {node.value!r}")
    assert found == []
