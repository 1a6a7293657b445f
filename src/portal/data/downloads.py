"""The open-data section of the downloads page: each file, its size, and the CSV columns."""

from __future__ import annotations

from html import escape

from portal.data.exports import CSV_COLUMNS, CSV_FORMULA_NOTE, LICENCE, LICENCE_URL
from portal.czech.text import file_size

DESCRIPTIONS = {
    "data/cases.json": "Všechny příklady dobré praxe se všemi údaji (bez kontaktních osob), JSON v UTF-8.",
    "data/cases.csv": "Všechny příklady dobré praxe, jeden řádek na příklad, CSV v UTF-8 oddělené čárkou; sloupce popisuje tabulka níže.",
    "data/methods.json": "Všechny metodiky a příklady, které je používají, JSON v UTF-8.",
    "data/schema/case.schema.json": "Popis struktury příkladu dobré praxe (JSON Schema), pro editory a nástroje.",
    "data/schema/method.schema.json": "Popis struktury metodiky (JSON Schema).",
    "data/videos.json": "Všechna videa s délkou, adresou titulků a souvisejícími metodikami a příklady, JSON v UTF-8.",
    "data/schema/video.schema.json": "Popis struktury videa (JSON Schema).",
    "feed.xml": "Kanál Atom s novými a upravenými příklady, pro čtečky novinek.",
}


def open_data_html(sizes: dict[str, int], page_url: str) -> str:
    """Files with links relative to the downloads page, licence, and the CSV column reference."""
    up = "../" * page_url.count("/")
    items = "".join(f'<li><a href="{up}{escape(path)}">{escape(path.rsplit("/", 1)[-1])}</a> ({file_size(sizes[path])}) – {escape(DESCRIPTIONS[path])}</li>'
                    for path in DESCRIPTIONS if path in sizes)
    columns = "".join(f"<tr><th scope=\"row\"><code>{escape(k)}</code></th><td>{escape(v)}</td></tr>" for k, v in CSV_COLUMNS.items())
    return (f'<ul class="kp-downloads">{items}</ul>'
            f'<p>Licence: <a href="{LICENCE_URL}" rel="license">{LICENCE}</a>. Kontaktní osoby do otevřených dat nezahrnujeme.</p>'
            f'<table class="kp-columns"><caption>Sloupce souboru cases.csv</caption><thead><tr><th scope="col">Sloupec</th><th scope="col">Význam</th></tr></thead><tbody>{columns}</tbody></table>'
            f'<p>{escape(CSV_FORMULA_NOTE)}</p>')
