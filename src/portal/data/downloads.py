"""The open-data section of the downloads page: each file, its size, and the CSV columns."""

from __future__ import annotations

from portal import paths
from portal.czech.formats import file_size
from portal.data.exports import CSV_COLUMNS, CSV_FORMULA_NOTE, LICENCE, LICENCE_URL
from portal.web.templating import render

DESCRIPTIONS = {
    paths.CASES_JSON: "Všechny příklady dobré praxe se všemi údaji (bez kontaktních osob), JSON v UTF-8.",
    paths.CASES_CSV: "Všechny příklady dobré praxe, jeden řádek na příklad, CSV v UTF-8 oddělené čárkou; sloupce popisuje tabulka níže.",
    paths.METHODS_JSON: "Všechny metodiky a příklady, které je používají, JSON v UTF-8.",
    paths.schema_json("case"): "Popis struktury příkladu dobré praxe (JSON Schema), pro editory a nástroje.",
    paths.schema_json("method"): "Popis struktury metodiky (JSON Schema).",
    paths.VIDEOS_JSON: "Všechna videa s délkou, adresou titulků a souvisejícími metodikami a příklady, JSON v UTF-8.",
    paths.schema_json("video"): "Popis struktury videa (JSON Schema).",
    paths.FEED: "Kanál Atom s novými a upravenými příklady, pro čtečky novinek.",
}


def open_data_html(sizes: dict[str, int], page_url: str) -> str:
    """Files with links relative to the downloads page, licence, and the CSV column reference."""
    up = "../" * page_url.count("/")
    files = [(up + path, path.rsplit("/", 1)[-1], file_size(sizes[path]), DESCRIPTIONS[path]) for path in DESCRIPTIONS if path in sizes]
    return render("open_data.html", files=files, licence=LICENCE, licence_url=LICENCE_URL, columns=CSV_COLUMNS.items(),
                  formula_note=CSV_FORMULA_NOTE)
