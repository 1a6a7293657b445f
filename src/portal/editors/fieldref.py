"""The field reference for editors, generated from the schema (Markdown tables)."""

from __future__ import annotations

from html import escape

from portal.content.kinds import KINDS
from portal.content.schema import schema_for
from portal.content.vocabulary import Vocabulary


def _rows(props: dict, required: list[str], vocab: Vocabulary, prefix: str = "") -> list[str]:
    rows = []
    for key, prop in props.items():
        name = f"{prefix}{key}"
        kind = prop.get("type", "")
        item = prop.get("items", {})
        expected = prop.get("x-expected") or item.get("x-expected") or ""
        expected = f"Tvar: {escape(expected)}." if expected else ""
        section = prop.get("x-vocabulary") or item.get("x-vocabulary")
        if section:
            expected = "Možnosti: " + ", ".join(f"`{c}`" for c in vocab.codes(section)) + "."
        typ = {"string": "text", "number": "číslo", "boolean": "true/false", "object": "skupina polí",
               "array": "seznam"}.get(kind, kind)
        if kind == "array" and item.get("type") == "object":
            typ = "seznam položek"
        desc = " ".join(x for x in (escape(prop.get("description", "")), expected) if x).replace("|", "\\|")
        # <wbr> lets long dotted names wrap at the dots on a phone instead of in the middle of a word.
        shown = "<code>" + escape(name).replace(".", ".<wbr>") + "</code>"
        rows.append(f"| {shown} | {escape(prop.get('title', ''))} | {typ} | {'ano' if key in required else 'ne'} | {desc} |")
        if kind == "object":
            rows += _rows(prop["properties"], prop.get("required", []), vocab, name + ".")
        if kind == "array" and item.get("type") == "object":
            rows += _rows(item["properties"], item.get("required", []), vocab, name + "[].")
    return rows


def field_reference(vocab: Vocabulary) -> str:
    """A Markdown table of every field of a case, a method and a video."""
    out = []
    for kind in KINDS:
        schema = schema_for(kind)
        out += [f"### {KINDS[kind].title}", "", escape(schema["description"]), "",
                "| Pole | Význam | Typ | Povinné | Popis a očekávaný tvar |", "| --- | --- | --- | --- | --- |",
                *_rows(schema["properties"], schema["required"], vocab), ""]
    return "\n".join(out)
