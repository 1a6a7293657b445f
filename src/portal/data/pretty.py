"""Pretty-printed JSON (indent 2, UTF-8) of a header and a long list of records, the same bytes as json.dumps.

json.dumps with an indent runs in pure Python (only compact output has the C encoder), a third of a second for a
thousand cases on every `make serve` rebuild. Each record's indented text is kept under its compact C-encoded JSON,
so a rebuild re-indents only the records that changed. Raw line breaks never occur inside JSON strings (they are
escaped), so a record's text is nested by indenting its lines.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=50_000)
def _indented(compact: str) -> str:
    """A record's text indented at the list's depth, from its compact JSON (which reads back to the same values)."""
    return json.dumps(json.loads(compact), ensure_ascii=False, indent=2).replace("\n", "\n    ")


def pretty_json(head: dict[str, Any], key: str, records: list[Any]) -> str:
    """json.dumps({**head, key: records}, ensure_ascii=False, indent=2) + newline, with the records' texts reused."""
    start = json.dumps(head, ensure_ascii=False, indent=2)
    opened = start[:-2] + ",\n" if head else "{\n"  # the head without its closing "\n}"
    name = json.dumps(key, ensure_ascii=False)
    if not records:
        return f"{opened}  {name}: []\n}}\n"
    items = ",\n    ".join(_indented(json.dumps(r, ensure_ascii=False)) for r in records)
    return f"{opened}  {name}: [\n    {items}\n  ]\n}}\n"
