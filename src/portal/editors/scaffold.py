"""`portal new`: a valid skeleton of a case or method, commented in Czech from the schema."""

from __future__ import annotations

import json
from typing import Any

from portal.content.kinds import KINDS
from portal.content.schema import schema_for
from portal.content.vocabulary import Vocabulary


def _yaml_value(value: Any) -> str:
    """A value in YAML flow style; JSON is valid YAML and quotes whatever needs it."""
    return json.dumps(value, ensure_ascii=False)


def _comment(prop: dict, required: bool, vocab: Vocabulary | None) -> str:
    text = prop.get("title", "")
    if prop.get("description"):
        text += f": {prop['description']}"
    section = prop.get("x-vocabulary") or prop.get("items", {}).get("x-vocabulary")
    if section and vocab:
        text += f" Možnosti: {', '.join(vocab.codes(section))}."
    return f"# {text}{' (povinné)' if required else ' (nepovinné; smažte, pokud nevyplníte)'}"


def _lines(props: dict, required: list[str], title: str, vocab: Vocabulary | None, indent: str = "") -> list[str]:
    out: list[str] = []
    for key, prop in props.items():
        req = key in required
        out.append(indent + _comment(prop, req, vocab))
        value = title if key == "title" else prop.get("x-example")
        prefix = indent if req else indent + "# "
        if prop.get("type") == "object":
            out.append(f"{prefix}{key}:")
            for line in _lines(prop["properties"], prop.get("required", []), title, vocab, indent + "  "):
                # Keep optional groups wholly commented out so the skeleton stays valid.
                out.append(line if req else indent + "# " + line[len(indent):])
        elif prop.get("type") == "array" and isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{prefix}{key}:")
            for item in value:
                out.append(f"{prefix}  - {_yaml_value(item)}")
        else:
            out.append(f"{prefix}{key}: {_yaml_value(value)}")
    return out




def skeleton(kind: str, title: str, vocab: Vocabulary | None = None) -> str:
    """A new file's text: every field commented, required ones filled with examples, optional ones commented out."""
    schema = schema_for(kind)
    header = _lines(schema["properties"], schema["required"], title, vocab)
    intro = "# Vyplňte pole a smažte vysvětlující komentáře (řádky začínající #). Kontrola: portal check"
    return "\n".join(["---", intro, *header, "---", "", *KINDS[kind].scaffold])
