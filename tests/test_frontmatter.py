"""The front-matter reader: syntax, encoding and YAML safety rules, each with its exact message and line."""

from __future__ import annotations

from pathlib import Path

from portal.content.collection import load_collection
from portal.content.frontmatter import parse_source


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_collection(root).problems]


def test_missing_front_matter(root, write):
    write("good_practice/bez-hlavicky.md", "## Jen text\n")
    assert problems(root) == [
        "good_practice/bez-hlavicky.md:1: hlavička: soubor musí začínat hlavičkou: první řádek '---', pak pole 'název: hodnota' a nakonec opět řádek '---'"
    ]


def test_unterminated_front_matter(root, write):
    write("good_practice/neukoncena.md", "---\ntitle: Něco\nsummary: Text\n\n## Nadpis\n")
    assert problems(root) == ["good_practice/neukoncena.md:1: hlavička: hlavička není ukončena; za posledním polem chybí řádek '---'"]


def test_yaml_syntax_error_names_its_line(root, write):
    write("good_practice/syntaxe.md", "---\ntitle: Něco\nsummary: Text: s dvojtečkou: navíc\nregion: [liberecky\n---\n")
    assert problems(root) == [
        "good_practice/syntaxe.md:3: hlavička: chyba zápisu YAML: dvojtečka na nečekaném místě; hodnotu, která obsahuje dvojtečku, dejte do uvozovek"
    ]


def test_unclosed_list_points_at_its_opening_line(root, write):
    write("good_practice/seznam.md", "---\ntitle: Něco\ntags: [a, b\n---\n")
    assert problems(root) == ["good_practice/seznam.md:3: hlavička: chyba zápisu YAML: neukončený seznam; chybí ']' nebo čárka mezi položkami"]


def test_duplicate_key(root, write):
    write("good_practice/dvakrat.md", "---\ntitle: A\nsummary: Shrnutí.\nregion: liberecky\norganisation: {name: Org}\ntitle: B\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    assert problems(root) == ["good_practice/dvakrat.md:6: title: pole je uvedeno dvakrát (poprvé na řádku 2); ponechte jen jedno"]


def test_python_tag_is_refused_and_never_runs(root, write, tmp_path):
    marker = tmp_path / "spusteno"
    write("good_practice/utok.md", f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\nsummary: S.\nregion: liberecky\norganisation: {{name: O}}\nsources: [{{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}}]\n---\n")
    assert problems(root) == [
        "good_practice/utok.md:2: title: nepovolený typ YAML '!!python/object/apply:os.system'; v hlavičce jsou povoleny jen texty, čísla, seznamy a pole",
    ]
    assert not marker.exists()


def test_anchor_and_alias_are_refused(root, write):
    write("good_practice/kotvy.md", "---\ntitle: &t Název\nsummary: *t\nregion: liberecky\norganisation: {name: O}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    assert problems(root) == [
        "good_practice/kotvy.md:2: hlavička: kotva YAML '&t' není povolen(a); kotvy a odkazy nejsou v hlavičce povoleny, hodnotu napište celou",
        "good_practice/kotvy.md:3: hlavička: odkaz YAML '*t' není povolen(a); kotvy a odkazy nejsou v hlavičce povoleny, hodnotu napište celou",
    ]


def test_billion_laughs_is_refused_quickly(root, write):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=False)]
    write("good_practice/smich.md", "---\n" + "\n".join(lines) + "\n---\n")
    found = problems(root)
    assert found and all("nejsou v hlavičce povoleny" in p for p in found)


def test_not_utf8_names_the_line(root, write):
    write("good_practice/kodovani.md", "---\ntitle: Něco\n".encode() + "summary: Příliš\n---\n".encode("cp1250"))
    assert problems(root) == ["good_practice/kodovani.md:3: soubor: soubor není v kódování UTF-8 (neplatný bajt 0xF8); uložte jej jako UTF-8"]


def test_utf16_is_refused(root, write):
    write("good_practice/utf16.md", "---\ntitle: A\n---\n".encode("utf-16"))
    assert problems(root) == ["good_practice/utf16.md:1: soubor: soubor je v kódování UTF-16; uložte jej jako UTF-8"]


def test_bom_and_crlf_are_fine():
    text = "\ufeff---\r\ntitle: Komunitní centrum\r\nsummary: Krátce.\r\n---\r\n\r\n## Text\r\n"
    src = parse_source(text.encode("utf-8"), "good_practice/x.md")
    assert src.problems == []
    assert src.meta == {"title": "Komunitní centrum", "summary": "Krátce."}
    assert src.lines[("summary",)] == 3
    assert src.body == "\n## Text\n"


def test_too_large_file(root, write):
    write("good_practice/velky.md", "---\ntitle: A\n---\n" + "x" * 1_000_001)
    assert problems(root) == ["good_practice/velky.md:1: soubor: soubor je příliš velký (976 kB); největší povolená velikost je 1000 kB, rozdělte text nebo zmenšete přílohy"]


def test_too_large_header(root, write):
    write("good_practice/hlavicka.md", "---\ntitle: A\ntags: [" + ", ".join(["štítek"] * 12000) + "]\n---\n")
    assert problems(root) == ["good_practice/hlavicka.md:2: hlavička: hlavička je příliš dlouhá; největší povolená délka je 64 kB, dlouhé texty patří do těla stránky"]


def test_decimal_amounts_are_exact():
    src = parse_source(b"---\ntotal: 14380663.20\n---\n", "x.md")
    from decimal import Decimal

    assert src.meta == {"total": Decimal("14380663.20")}


def test_unexpected_file_is_reported(root, write):
    write("good_practice/poznamky.txt", "nic")
    assert problems(root) == [
        "good_practice/poznamky.txt:1: soubor: neočekávaný soubor; ve složce good_practice/ mohou být jen texty .md a obrázky či přílohy (.gif, .jpeg, .jpg, .pdf, .png, .webp)"
    ]


def test_comma_inside_flow_mapping_is_explained(root, write):
    write("good_practice/carka.md", "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: Spolek Lipová, z.s.}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    assert problems(root) == [
        "good_practice/carka.md:5: organisation: čárka uvnitř {…} odděluje pole, takže 'z.s.' se čte jako další pole; text, který obsahuje čárku, dejte do uvozovek, např. \"Spolek, z.s.\""
    ]


def _nested(style: str, depth: int) -> str:
    """A header whose 'tags' field nests `depth` collections in one of the YAML styles."""
    if style == "flow":
        return "tags: " + "[" * depth + "x" + "]" * depth + "\n"
    if style == "block":
        return "tags:\n" + "".join("  " * (i + 1) + "- " + ("\n" if i < depth - 1 else "x\n") for i in range(depth))
    return "tags: " + "{a: " * depth + "x" + "}" * depth + "\n"


def test_nesting_past_eight_levels_is_refused_at_its_line_in_every_style():
    """Eight levels pass the nesting rule; nine are refused at the line where the ninth starts, however deep the file
    goes (a modest depth is found while converting, a huge one by the token scan before composing)."""
    head = "---\ntitle: A\nsummary: S.\nregion: liberecky\n"
    message = "hlavička: příliš hluboké vnoření (více než 8 úrovní seznamů a polí); hlavička potřebuje nejvýše 3"
    for style in ("flow", "block", "map"):
        fine = parse_source((head + _nested(style, 7) + "---\n").encode(), "good_practice/a.md")  # 7 + the header itself = 8
        assert not [p for p in fine.problems if "vnoření" in p.message], style
        for depth in (8, 30, 200 if style == "block" else 600):  # the scan path: a bound past SAFE_DEPTH
            src = parse_source((head + _nested(style, depth) + "---\n").encode(), "good_practice/a.md")
            deep = [str(p) for p in src.problems if "vnoření" in p.message]
            assert len(deep) == 1 and deep[0].endswith(message), (style, depth, src.problems)
            assert src.meta is None
            line = int(deep[0].split(":")[1])
            assert 5 <= line <= 5 + depth, (style, depth, line)
