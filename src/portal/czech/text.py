"""Czech text helpers: diacritics folding, slugs, 'did you mean' suggestions, formatting."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

from portal.content.messages import message  # the one table of messages the proposal form shares

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


def did_you_mean(candidate: str | None) -> str:
    """Czech suggestion suffix, empty when there is none."""
    return message("did_you_mean", candidate=candidate) if candidate else ""


def shown(value: object, limit: int = 60) -> str:
    """A value as an editor wrote it, quoted and shortened for an error message."""
    text = str(value) if not isinstance(value, bool) else ("true" if value else "false")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def czk(amount: Decimal | int | float) -> str:
    """Czech money format: 14380663.2 -> '14 380 663,20 Kč' (non-breaking spaces)."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    whole, _, cents = f"{value:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{grouped}\u00a0Kč" if cents == "00" else f"{grouped},{cents}\u00a0Kč"


def number(value: Decimal | int | float) -> str:
    """Czech number format: 12 345,5 with non-breaking thousands separator."""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", "\u00a0")
    whole, _, frac = f"{d.normalize():f}".partition(".")
    return f"{int(whole):,}".replace(",", "\u00a0") + "," + frac


def percent(part: Decimal, total: Decimal) -> str:
    """A share as a Czech percentage with one decimal place: '85,0 %'."""
    if not total:
        return "0 %"
    value = (Decimal(part) * 100 / Decimal(total)).quantize(Decimal("0.1"))
    return f"{value}".replace(".", ",") + "\u00a0%"


MONTHS = ["leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "září", "říjen", "listopad", "prosinec"]


MONTHS_GENITIVE = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]


def czech_date(value: str, genitive: bool = False) -> str:
    """An ISO (partial) date as Czech readers write it: '2023-01-31' -> '31. 1. 2023', '2019-03' -> 'březen 2019' ('od března 2019')."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])}.\u00a0{int(parts[1])}.\u00a0{parts[0]}"
        if len(parts) == 2:
            return f"{(MONTHS_GENITIVE if genitive else MONTHS)[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def period(start: str | None, end: str | None) -> str:
    """A project's period in Czech: '1. 1. 2023 – 31. 12. 2025', 'od 2020' when it is ongoing."""
    if start and end:
        return f"{czech_date(start)} – {czech_date(end)}"
    if start:
        return f"od {czech_date(start, genitive=True)}"
    if end:
        return f"do {czech_date(end, genitive=True)}"
    return ""


def plural(count: int, one: str, few: str, many: str, space: str = "\u00a0") -> str:
    """The Czech plural form for a count: 1 strana, 2–4 strany, 0 or 5+ stran (joined by a no-break space)."""
    form = one if count == 1 else few if 2 <= count <= 4 else many
    return f"{count}{space}{form}"


def file_size(size: int) -> str:
    """A file size in Czech notation: '1,2 MB', '850 kB', '120 B'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", ",") + "\u00a0MB"
    if size >= 1000:
        return f"{round(size / 1000)}\u00a0kB"
    return f"{size}\u00a0B"
