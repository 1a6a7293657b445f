"""The choices of a schema field for the editors' tools (the proposal form and the CMS), from the one schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from portal.content.vocabulary import Vocabulary


def field_choices(node: Mapping[str, Any], vocab: Vocabulary, methods: Mapping[str, str]) -> list[tuple[str, str]] | None:
    """(value, label) of each choice of a field: a method it refers to, a controlled vocabulary or an enumeration; None for free input."""
    if node.get("x-reference") == "method":
        return list(methods.items())
    if node.get("x-vocabulary"):
        labels = vocab.labels(node["x-vocabulary"])
        return [(code, labels.get(code, code)) for code in vocab.codes(node["x-vocabulary"])]
    if "enum" in node:
        return [(code, code) for code in node["enum"]]
    return None
