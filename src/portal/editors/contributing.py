"""CONTRIBUTING.md keeps its field reference generated from the schema: `python -m portal.editors.contributing` rewrites it."""

from __future__ import annotations

import sys
from pathlib import Path

from portal.content.vocabulary import load_vocabulary
from portal.editors.fieldref import field_reference

START = "<!-- přehled polí: generuje python -m portal.editors.contributing ze src/portal/content/schema.py; neupravujte ručně -->"
END = "<!-- konec přehledu polí -->"


def with_reference(text: str, reference: str) -> str:
    """The guide's text with the part between the markers replaced by the current reference."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n\n{reference.strip()}\n\n{END}{tail}"


def current(root: Path) -> str:
    """What CONTRIBUTING.md should say, from the schema and vocabularies of a content root."""
    vocab, _ = load_vocabulary(root)
    return with_reference((root / "CONTRIBUTING.md").read_text(encoding="utf-8"), field_reference(vocab))


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0] if argv else ".")
    (root / "CONTRIBUTING.md").write_text(current(root), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
