"""Regions: a schematic map of the 14 Czech regions (inline SVG) and a page per region."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from portal.collection import Collection, Document
from portal.stats import Totals
from portal.text import plural

Link = Callable[[str], str]

# A tile-grid map: each region is a tile placed roughly where it lies (column, row), west to east.
TILES = {
    "ustecky": (1, 0), "liberecky": (2, 0), "kralovehradecky": (3, 0),
    "karlovarsky": (0, 1), "stredocesky": (1, 1), "hlavni-mesto-praha": (2, 1), "pardubicky": (3, 1),
    "olomoucky": (4, 1), "moravskoslezsky": (5, 1),
    "plzensky": (0, 2), "jihocesky": (1, 2), "vysocina": (2, 2), "jihomoravsky": (3, 2), "zlinsky": (4, 2),
}
SHORT = {"hlavni-mesto-praha": "Praha", "vysocina": "Vysočina"}
W, H, GAP = 172, 84, 6
# Fills from light to dark; text colour switches so that contrast stays above 4.5:1.
SHADES = ["#eef4f5", "#cfe3e6", "#9ccbd1", "#3f8f9b", "#0b5563"]


def cases_in(collection: Collection, code: str) -> list[Document]:
    return [c for c in collection.cases if c.get("region") == code]


def count_label(n: int) -> str:
    """'1 příklad', '3 příklady', '5 příkladů'."""
    return plural(n, "příklad", "příklady", "příkladů", space=" ")


def region_map(collection: Collection, link: Link) -> str:
    """The SVG map: each region a linked tile with its name and number of cases."""
    counts = {code: len(cases_in(collection, code)) for code in TILES}
    top = max(counts.values()) or 1
    tiles = []
    for code, (col, row) in TILES.items():
        n = counts[code]
        shade = 0 if n == 0 else 1 + min(3, (n * 4 - 1) // top)
        fill, ink = SHADES[shade], ("#ffffff" if shade >= 3 else "#10292e")
        x, y = col * (W + GAP), row * (H + GAP)
        name = SHORT.get(code, collection.vocab.name("regions", code).removesuffix(" kraj"))
        label = f"{collection.vocab.name('regions', code)}: {count_label(n)}"
        tiles.append(
            f'<a href="{link(f"kraje/{code}/")}" aria-label="{escape(label)}"><g class="kp-map__tile">'
            f'<rect x="{x}" y="{y}" width="{W}" height="{H}" rx="8" fill="{fill}" stroke="#0b5563"/>'
            f'<text x="{x + W / 2}" y="{y + 36}" text-anchor="middle" fill="{ink}" font-size="16" font-weight="700">{escape(name)}</text>'
            f'<text x="{x + W / 2}" y="{y + 62}" text-anchor="middle" fill="{ink}" font-size="15">{escape(count_label(n))}</text></g></a>')
    width, height = 6 * (W + GAP) - GAP, 3 * (H + GAP) - GAP
    return (f'<figure class="kp-map"><svg viewBox="0 0 {width} {height}" role="group" aria-labelledby="kp-map-title" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="kp-map-title">Mapa krajů České republiky s počtem příkladů dobré praxe</title>'
            f'{"".join(tiles)}</svg><figcaption>Schematická mapa: každý kraj je jedna dlaždice přibližně v místě, kde leží.</figcaption></figure>')


def region_table(collection: Collection, link: Link) -> str:
    """The same numbers as the map, as a table for screen readers and small screens."""
    rows = []
    for code in collection.vocab.codes("regions"):
        t = Totals()
        for case in cases_in(collection, code):
            t.add(case, collection)
        rows.append(f'<tr><th scope="row"><a href="{link(f"kraje/{code}/")}">{escape(collection.vocab.name("regions", code))}</a></th>'
                    f"<td>{t.cases}</td><td>{t.municipality_count}</td><td>{t.funding_label()}</td></tr>")
    return ('<table class="kp-region-table"><caption>Příklady dobré praxe podle krajů</caption><thead><tr><th scope="col">Kraj</th>'
            '<th scope="col">Příklady</th><th scope="col">Obce</th><th scope="col">Financování celkem</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def region_page(collection: Collection, code: str, link: Link) -> str:
    """Markdown of one region's page; it has a module of its own (portal.regionpage)."""
    from portal.regionpage import (
        region_page as page,  # imported here: that module uses the catalogue, as this one does
    )

    return page(collection, code, link)
