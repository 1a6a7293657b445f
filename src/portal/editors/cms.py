"""Decap CMS at /admin/: its config.yml generated from the one schema, and the page that loads it.

Every schema field becomes a CMS field with its Czech title and hint; vocabularies become select
widgets; required fields, patterns and minimums are carried over. Saving opens a pull request
(editorial workflow), so every CMS edit is reviewed and checked like any other contribution.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import yaml

from portal.content.kinds import KINDS
from portal.content.schema import PARTIAL_DATE, schema_for
from portal.content.schema_check import EMAIL
from portal.content.vocabulary import Vocabulary
from portal.editors.choices import field_choices
from portal.web.templating import render

# The CMS's own scripts, copied from node_modules/decap-cms/dist at build time (no CDN).
CMS_SCRIPT = "decap-cms.js"


def github_repo(repo_url: str) -> str | None:
    """'owner/name' of a GitHub repository address, None for other hosts."""
    parts = urlsplit(repo_url)
    path = parts.path.strip("/").removesuffix(".git")
    return path if parts.netloc.lower() in ("github.com", "www.github.com") and path.count("/") == 1 else None


def _hint(node: Mapping[str, Any]) -> str:
    hint = node.get("description") or ""
    if node.get("x-expected"):
        hint = f"{hint} Tvar: {node['x-expected']}.".strip()
    return hint


def _pattern(node: Mapping[str, Any]) -> list[str] | None:
    """[regex, Czech message] the CMS shows when the value does not match."""
    expected = node.get("x-expected") or ""
    if node.get("format") == "partial-date":
        return [PARTIAL_DATE, f"Očekáváno: {expected}"]
    if node.get("format") == "email":
        return [EMAIL.pattern, f"Očekáváno: {expected}"]
    if node.get("pattern") and not node.get("x-reference"):
        return [node["pattern"], f"Očekáváno: {expected}" if expected else "Neplatný tvar"]
    return None


def _options(node: Mapping[str, Any], vocab: Vocabulary, methods: Mapping[str, str]) -> list[dict[str, str]] | None:
    choices = field_choices(node, vocab, methods)
    return None if choices is None else [{"label": label, "value": value} for value, label in choices]


def cms_field(name: str, node: Mapping[str, Any], required: bool, vocab: Vocabulary, methods: Mapping[str, str]) -> dict[str, Any]:
    """One schema field as a Decap CMS field."""
    field: dict[str, Any] = {"name": name, "label": node.get("title", name), "required": required}
    if hint := _hint(node):
        field["hint"] = hint
    kind = node.get("type")
    if kind == "object":
        field["widget"] = "object"
        field["collapsed"] = False
        inner = node.get("required", [])
        # Decap checks required fields even inside an optional group left empty; there the checker enforces them.
        field["fields"] = [cms_field(k, v, k in inner and required, vocab, methods) for k, v in node["properties"].items()]
        if not required:
            for sub in field["fields"]:
                if sub["name"] in inner:
                    sub["hint"] = (sub.get("hint", "") + f" Povinné, když vyplníte skupinu „{field['label']}“.").strip()
    elif kind == "array":
        item = node["items"]
        options = _options(item, vocab, methods)
        if options is not None:
            field.update(widget="select", multiple=True, options=options)
        elif item.get("type") == "object":
            field.update(widget="list", fields=[cms_field(k, v, k in item.get("required", []), vocab, methods)
                                                 for k, v in item["properties"].items()])
            field["summary"] = "{{fields." + next(iter(item["properties"])) + "}}"
        else:
            field.update(widget="list", field={"name": "item", "label": item.get("title") or node.get("title", name), "widget": "string"})
        if node.get("minItems"):
            field["min"] = node["minItems"]
    elif (options := _options(node, vocab, methods)) is not None:
        field.update(widget="select", options=options)
    elif kind == "boolean":
        field["widget"] = "boolean"  # no default: a default would add an empty item to every list holding it
    elif kind in ("number", "integer"):
        field.update(widget="number", value_type="int" if kind == "integer" else "float")
        if "minimum" in node:
            field["min"] = node["minimum"]
    else:
        field["widget"] = "text" if (node.get("maxLength") or 0) > 200 else "string"
        if pattern := _pattern(node):
            field["pattern"] = pattern
    return field


def cms_config(vocab: Vocabulary, methods: Mapping[str, str], repo_url: str, site_url: str, backend: str | None = None,
               branch: str = "main", auth_url: str | None = None) -> dict[str, Any]:
    """The whole config.yml: backend from repo_url (or a named test backend), one collection per content kind.

    auth_url is the OAuth go-between that exchanges GitHub's code for a token (README: sign-in set-up).
    """
    repo = github_repo(repo_url)
    if backend == "test-repo":
        backend_config: dict[str, Any] = {"name": "test-repo"}
    else:
        backend_config = {"name": "github", "repo": repo or "OWNER/REPOSITORY", "branch": branch,
                          "commit_messages": {"create": "Nový obsah: {{collection}} „{{slug}}“", "update": "Úprava: {{collection}} „{{slug}}“",
                                              "delete": "Smazání: {{collection}} „{{slug}}“"}}
        if auth_url:
            backend_config["base_url"] = auth_url.rstrip("/")
    collections = []
    for kind in ("case", "method"):
        schema = schema_for(kind, vocab)
        label, singular, folder = KINDS[kind].plural, KINDS[kind].title, KINDS[kind].folder
        fields = [cms_field(k, v, k in schema["required"], vocab, methods) for k, v in schema["properties"].items()]
        fields.append({"name": "body", "label": "Text", "widget": "markdown", "required": False,
                       "hint": "Části začínejte nadpisem druhé úrovně (## Výchozí situace, ## Co se dělalo …)."})
        collections.append({
            "name": folder, "label": label, "label_singular": singular, "description": KINDS[kind].title + ": " + schema["description"],
            "folder": folder, "create": True, "extension": "md", "format": "frontmatter",
            "slug": "{{slug}}", "identifier_field": "title", "summary": "{{title}}",
            "media_folder": "obrazky", "public_folder": "obrazky",
            "fields": fields,
        })
    return {
        "backend": backend_config,
        "publish_mode": "editorial_workflow",  # saving opens a pull request; nothing reaches main unreviewed
        "locale": "cs",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{KINDS['case'].folder}/obrazky",
        "public_folder": "obrazky",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def cms_config_yaml(config: Mapping[str, Any]) -> str:
    """config.yml text (block style, Czech letters kept)."""
    header = "# Generated from src/portal/content/schema.py at build time (src/portal_mkdocs/editors.py); do not edit by hand.\n"
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=120)


def cms_page(title: str) -> str:
    """The /admin/ page: only the CMS's own script from this site."""
    return render("cms_page.html", title=title, script=CMS_SCRIPT) + "\n"


def cms_files(names: list[str]) -> list[str]:
    """The files of decap-cms/dist the page needs: the bundle, its lazy chunks, wasm and licences (no source maps)."""
    keep = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|.*LICENSE\.txt)$")
    return sorted(n for n in names if keep.match(n))
