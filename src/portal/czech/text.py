"""Czech text helpers: diacritics folding, slugs, 'did you mean' suggestions; formatting comes from portal.czech.formats."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

# A file name without .md, as it appears in the page address; the schema's reference fields use the same pattern.
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG)


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Sociální' -> 'socialni'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """A URL slug from Czech text: 'Komunitní centrum Vltavotýnska' -> 'komunitni-centrum-vltavotynska'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def suggest(value: object, choices: Iterable[str], labels: Mapping[str, str] | None = None) -> str | None:
    """The closest valid code to a wrong value, matching codes and their Czech names without diacritics."""
    if not isinstance(value, (str, int, float)):
        return None
    wanted = slugify(str(value))
    if not wanted:
        return None
    keyed: dict[str, str] = {}
    for code in choices:
        keyed.setdefault(slugify(code), code)
    for code, label in (labels or {}).items():
        keyed.setdefault(slugify(label), code)
    if wanted in keyed:
        return keyed[wanted]
    # A Czech name often comes with a word the code leaves out ("Moravskoslezský kraj").
    for key, code in keyed.items():
        if wanted.startswith(key + "-") or wanted.endswith("-" + key):
            return code
    match = difflib.get_close_matches(wanted, list(keyed), n=1, cutoff=0.6)
    return keyed[match[0]] if match else None


def shown(value: object, limit: int = 60) -> str:
    """A value as an editor wrote it, quoted and shortened for an error message."""
    text = str(value) if not isinstance(value, bool) else ("true" if value else "false")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
