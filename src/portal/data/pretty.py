"""Pretty-printed JSON (indent 2, UTF-8) of a header and a long list of records, the same bytes as json.dumps.

json.dumps with an indent runs in pure Python (only compact output has the C encoder), a third of a second for a
thousand cases on every `make serve` rebuild. Each record's indented text is kept under its compact C-encoded JSON,
so a rebuild re-indents only the records that changed. Raw line breaks never occur inside JSON strings (they are
escaped), so a record's text is nested by indenting its lines.
"""

from __future__ import annotations

import json
from typing import Any

_INDENTED: dict[str, str] = {}  # compact JSON of a record -> its text indented at the list's depth
_LIMIT = 50_000  # records kept at most: a long serve session does not grow without end


def _indented(record: Any) -> str:
    compact = json.dumps(record, ensure_ascii=False)  # C: the key
    text = _INDENTED.get(compact)
    if text is None:
        if len(_INDENTED) >= _LIMIT:
            _INDENTED.clear()
        text = _INDENTED[compact] = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return text


def pretty_json(head: dict[str, Any], key: str, records: list[Any]) -> str:
    """json.dumps({**head, key: records}, ensure_ascii=False, indent=2) + newline, with the records' texts reused."""
    start = json.dumps(head, ensure_ascii=False, indent=2)
    opened = start[:-2] + ",\n" if head else "{\n"  # the head without its closing "\n}"
    if not records:
        return f"{opened}  {json.dumps(key, ensure_ascii=False)}: []\n}}\n"
    items = ",\n    ".join(_indented(r) for r in records)
    return f"{opened}  {json.dumps(key, ensure_ascii=False)}: [\n    {items}\n  ]\n}}\n"
