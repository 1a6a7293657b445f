"""The "Navrhnout příklad" form, generated from the one schema so it never drifts from `portal check`.

The HTML comes from a Jinja template with autoescape; the browser script (docs/assets/navrh.js) reads
the same schema, the shared message table and the validator's own patterns from the form's data-spec.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, Undefined
from markupsafe import Markup

from portal.content.kinds import KINDS
from portal.content.messages import MESSAGES
from portal.content.placeholders import placeholder_lines, placeholder_values
from portal.content.schema import PARTIAL_DATE, schema_for
from portal.content.schema_check import EMAIL, TYPE_NAMES
from portal.content.vocabulary import Vocabulary
from portal.editors.choices import field_choices
from portal.web.facts import email_html
from portal.web.templating import environment

FOLDER = KINDS["case"].folder  # proposals are cases


def field_id(path: str) -> str:
    """The HTML id of a field path: 'funding.sources[0].amount' -> 'f-funding-sources-0-amount'."""
    return "f-" + re.sub(r"[^A-Za-z0-9_]+", "-", path).strip("-")


def _widget(node: Mapping[str, Any]) -> str:
    kind = node.get("type")
    if kind == "object":
        return "object"
    if kind == "array":
        return "list"
    if "enum" in node or kind == "boolean" or node.get("x-reference"):
        return "select"
    if kind == "string" and (node.get("maxLength") or 0) > 200:
        return "textarea"
    return "input"


def _input_attrs(node: Mapping[str, Any]) -> Markup:
    """Keyboard hints for phones; the browser's own validation stays off (novalidate) so messages are ours."""
    if node.get("type") in ("number", "integer"):
        return Markup('inputmode="decimal" autocomplete="off"')
    if node.get("format") == "uri":
        return Markup('inputmode="url" autocomplete="url" spellcheck="false"')
    if node.get("format") == "email":
        return Markup('inputmode="email" autocomplete="email" spellcheck="false"')
    if node.get("format") == "partial-date":
        return Markup('inputmode="numeric" placeholder="RRRR-MM-DD" autocomplete="off"')
    if node.get("type") == "string" and node.get("maxLength"):
        return Markup(f'maxlength="{int(node["maxLength"]) + 50}"')  # a little over the limit, so the message can explain it
    return Markup("")


def sections(kind: str = "case") -> list[dict[str, str]]:
    """The body's usual sections, from the scaffold: heading and the hint sentence under it."""
    out: list[dict[str, str]] = []
    for line in KINDS[kind].scaffold:
        if line.startswith("## "):
            out.append({"heading": line[3:], "hint": ""})
        elif line and out and not out[-1]["hint"]:
            out[-1]["hint"] = line
    return out


def form_spec(vocab: Vocabulary, methods: Mapping[str, str]) -> dict[str, Any]:
    """What the browser needs to check a proposal as `portal check` does, all derived from the Python side."""
    schema = schema_for("case", vocab)
    return {
        "schema": schema,
        "messages": MESSAGES,
        "types": TYPE_NAMES,
        "email": EMAIL.pattern,
        "date": PARTIAL_DATE,
        "methods": dict(methods),
        "labels": {section: vocab.labels(section) for section in ("regions", "programmes", "funding_sources", "target_groups")},
        "placeholders": [[list(path), value] for path, value in placeholder_values("case").items()],
        "placeholderLines": sorted(placeholder_lines("case")),
        "sections": [s["heading"] for s in sections()],
        "folder": FOLDER,
    }


@cache
def _environment() -> Environment:
    """The site's one template environment (portal.web.templating) with the form's filters; the form's template
    keeps its white space as written and may leave optional schema keys out."""
    env = environment().overlay(trim_blocks=False, lstrip_blocks=False, undefined=Undefined)
    env.filters.update(field_id=field_id, widget=_widget, input_attrs=_input_attrs,
                       with_title=lambda node, title: {**node, "title": title, "description": node.get("description") or ""})
    return env


def proposal_form(vocab: Vocabulary, methods: Mapping[str, str], repo_url: str, branch: str = "main", email: str = "") -> str:
    """The form's HTML for the page /jak-prispet/novy-pripad/."""
    def choices(node: Mapping[str, Any]) -> list[tuple[str, str]]:
        if node.get("type") == "boolean":
            return [("true", "ano"), ("false", "ne")]
        found = field_choices(node, vocab, methods) or []
        if node.get("x-reference") == "method":  # the file names the method by its slug: the editor sees both
            return [(slug, f"{title} ({slug})") for slug, title in found]
        return found

    spec = form_spec(vocab, methods)
    return _environment().get_template("navrh.html").render(
        choices=choices, schema=spec["schema"], sections=sections(), repo_url=repo_url.rstrip("/"), branch=branch, folder=FOLDER,
        email=Markup(email_html(email)) if email else "", spec_json=json.dumps(spec, ensure_ascii=False, default=str))
