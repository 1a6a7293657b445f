"""The example values and text that `portal new` writes are placeholders: never published as facts."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from portal.content.kinds import KINDS
from portal.content.messages import message
from portal.content.problems import BODY, Problem
from portal.content.schema import schema_for
from portal.czech.text import shown

if TYPE_CHECKING:
    from portal.content.documents import Document

# Examples that are also ordinary true values (a unit, a role, a date, a code) are not placeholders.
_ORDINARY = {"unit", "role"}
_TRUE_EXAMPLES = {("title",), ("links", "[]", "title"), ("project", "registration_number")}


def _examples(node: dict, path: tuple, out: dict[tuple, str]) -> None:
    """Free-text example of every required string field (the ones the scaffold fills in), by schema path ('[]' for any list item)."""
    kind = node.get("type")
    if kind == "object":
        for key, sub in node.get("properties", {}).items():
            if key in node.get("required", []):
                _examples(sub, path + (key,), out)
    elif kind == "array":
        _examples(node.get("items", {}), path + ("[]",), out)
    elif kind == "string" and isinstance(node.get("x-example"), str):
        free = not ({"x-vocabulary", "enum", "format"} & set(node)) or node.get("format") in ("uri", "email")
        if free and not (path[-1:] and path[-1] in _ORDINARY) and path not in _TRUE_EXAMPLES:
            out[path] = node["x-example"]


@cache
def placeholder_values(kind: str) -> dict[tuple, str]:
    """The scaffold's example text per field path of a kind."""
    out: dict[tuple, str] = {}
    _examples(schema_for(kind), (), out)
    return out


def placeholder_lines(kind: str) -> set[str]:
    """The scaffold's example sentences in the body (headings and empty lines are kept by editors)."""
    return {line for line in KINDS[kind].scaffold if line and not line.startswith("#")}


def _leaves(value: Any, path: tuple = (), schema_path: tuple = ()) -> Iterator[tuple[tuple, tuple, Any]]:
    """(real path, schema path with '[]' for list indexes, value) of every leaf."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _leaves(sub, path + (key,), schema_path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _leaves(sub, path + (i,), schema_path + ("[]",))
    else:
        yield path, schema_path, value


def rule_no_placeholders(doc: Document) -> Iterator[Problem]:
    """A file made by `portal new` is published only after its example values and sentences are replaced."""
    examples = placeholder_values(doc.kind)
    for path, schema_path, value in _leaves(doc.meta):
        if isinstance(value, str) and examples.get(schema_path) == value.strip():
            yield doc.problem(path, message("placeholder", value=shown(value)))
    sentences = placeholder_lines(doc.kind)
    for i, line in enumerate(doc.body.split("\n")):
        if line.strip() in sentences:
            yield Problem(doc.path, doc.source.body_line + i, BODY, message("placeholder_body", value=shown(line.strip())))
