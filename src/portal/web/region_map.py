"""Regions: a schematic map of the 14 Czech regions (inline SVG) and a page per region."""

from __future__ import annotations

from collections.abc import Callable

from portal import paths
from portal.content.documents import Collection
from portal.content.statistics import Totals, compute
from portal.czech.formats import plural
from portal.web.templating import render

Link = Callable[[str], str]

# A tile-grid map: each region is a tile placed roughly where it lies (column, row), west to east.
TILES = {
    "ustecky": (1, 0), "liberecky": (2, 0), "kralovehradecky": (3, 0),
    "karlovarsky": (0, 1), "stredocesky": (1, 1), "hlavni-mesto-praha": (2, 1), "pardubicky": (3, 1),
    "olomoucky": (4, 1), "moravskoslezsky": (5, 1),
    "plzensky": (0, 2), "jihocesky": (1, 2), "vysocina": (2, 2), "jihomoravsky": (3, 2), "zlinsky": (4, 2),
}
# Where a long name may break in a narrow tile: a soft hyphen between the parts of the compound.
SOFT_BREAKS = {"Královéhradecký": "Králové\u00adhradecký", "Moravskoslezský": "Moravsko\u00adslezský"}
# Shades 0–4 (light to dark) and positions are classes styled in portal-a11y.css: no inline styles.
SHADES = 5


def count_label(n: int) -> str:
    """'1 příklad', '3 příklady', '5 příkladů'."""
    return plural(n, "příklad", "příklady", "příkladů", space=" ")


def shade(n: int, top: int) -> int:
    """0 for no case, then 1–4 in proportion to the region with the most cases."""
    return 0 if n == 0 else 1 + min(SHADES - 2, (n * 4 - 1) // max(top, 1))


def region_map(collection: Collection, link: Link) -> str:
    """The map as a list of links laid out as a tile grid (CSS); narrow screens get a plain two-column list."""
    counts = {code: len(collection.cases_by_region.get(code, [])) for code in TILES}
    top = max(counts.values())
    tiles = []
    for code, (col, row) in TILES.items():
        name = collection.vocab.name("regions", code)
        for word, broken in SOFT_BREAKS.items():
            name = name.replace(word, broken)
        tiles.append({"col": col + 1, "row": row + 1, "shade": shade(counts[code], top), "href": link(paths.region_page(code)),
                      "name": name, "count": count_label(counts[code])})
    return render("region_map.html", tiles=tiles)


def region_table(collection: Collection, link: Link) -> str:
    """The same numbers as the map, as a table for screen readers and small screens."""
    rows = []
    for code in collection.vocab.codes("regions"):
        t = compute(collection).by_region.get(code, Totals())
        rows.append((link(paths.region_page(code)), collection.vocab.name("regions", code), t))
    return render("region_table.html", rows=rows)


