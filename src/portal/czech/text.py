"""Czech text helpers: diacritics folding, slugs, 'did you mean' suggestions; formatting comes from portal.czech.formats."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

# A file name without .md, as it appears in the page address; the schema's reference fields use the same pattern.
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG)


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# Latin letters with diacritics -> their base letter, so most words fold with one str.translate.
_FOLD = {ord(c): _slow_fold(c) for c in map(chr, range(0xC0, 0x250)) if c.islower() and _slow_fold(c).isascii()}


def fold(text: str) -> str:
    """Lower case without diacritics ('Hamrů' -> 'hamru'), for comparing and sorting, as search.js folds a query (`fold`)."""
    lower = text.lower()
    if lower.isascii():
        return lower
    folded = lower.translate(_FOLD)
    return folded if folded.isascii() else _slow_fold(folded)


def slugify(text: str) -> str:
    """A URL slug from Czech text: 'Komunitní centrum Vltavotýnska' -> 'komunitni-centrum-vltavotynska'."""
    ascii_like = unicodedata.normalize("NFKD", text.casefold())  # compatibility forms too: 'ﬁ' -> 'fi', 'ß' -> 'ss'
    return re.sub(r"[^a-z0-9]+", "-", "".join(c for c in ascii_like if not unicodedata.combining(c))).strip("-")


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
