"""Hardening, round two: one test per attack class, with the exact Czech message and line (issue 8)."""

from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from portal.content.collection import load_collection
from portal.content.history import file_dates
from portal.content.problems import Problem
from portal.data.exports import spreadsheet_safe
from portal.web.sanitize import sanitize_for_web

HEAD = ("---\ntitle: Útok\nsummary: Shrnutí.\nregion: liberecky\norganisation: {name: O}\n"
        "sources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n\n")

# Bodies after a valid header (line 8 is the first body line).
BODIES = {
 "protocol_relative_img": '<img src="//tracker.example/p.png" alt="p">\n',
 "backslash_img": '<img src="\\\\tracker.example/p.png" alt="p">\n',
 "slash_backslash_img": '<img src="/\\tracker.example/p.png" alt="p">\n',
 "video_userinfo": '<iframe src="https://evil.example\\@www.youtube-nocookie.com/embed/x"></iframe>\n',
 "video_port": '<iframe src="https://www.youtube-nocookie.com:8443/embed/x"></iframe>\n',
 "video_onload": '<iframe src="https://www.youtube-nocookie.com/embed/x" onload="alert(1)" srcdoc="<script>x</script>"></iframe>\n',
 "split_tag": 'Text <a\n  onclick="steal()" href="https://a.cz">x</a>\n',
 "split_link": 'Text [klikni](\njavascript:alert(1)) konec\n',
 "reference_next_line": 'Text [klikni][r].\n\n[r]:\n  javascript:alert(1)\n',
 "source_srcset": '<picture><source srcset="https://tracker.example/a.png 1x"></picture>\n',
 "comment_trick": '<!--> <img src="https://tracker.example/p.png"> -->\n',
 "indented_html": '- položka\n\n      <img src=x onerror=alert(1)>\n',
 "unclosed_fence": '```\n\n<script>alert(1)</script>\n',
 "raw_link_missing": '<a href="../methods/neni.md">metoda</a>\n',
 "footnote_html": 'Text[^1].\n\n[^1]: <abbr title="Sociální služby">SS</abbr> poznámka\n',
 "email": 'Pište na jana.novakova@obec.cz kdykoli.\n',
 "reserved_id": '<span id="kp-filters">x</span>\n',
 "colspan": '<table><tr><td colspan="1000000">x</td></tr></table>\n',
 "many_headings": "".join(f"## N{i}\n\n" for i in range(400)),
 "deep_quote": ">" * 30 + " hluboko\n",
 "deep_list": "".join("  " * i + "- a\n" for i in range(40)),
 "long_word": "a" * 5000 + "\n",
 "huge_body": "slovo " * 40000 + "\n",
 "many_lines": "a\n" * 3100,
 "long_line": "slovo " * 2000 + "\n",
 "many_list_items": "- a\n" * 1100,
 "many_table_rows": "| a | b |\n|---|---|\n" + "| x | y |\n" * 1100,
 "many_links": "[a](#b) " * 900 + "\n\n" + "[a](#b) " * 900 + "\n",
 "many_tags": ("<b>a</b> " * 600 + "\n") * 4,
 "deep_tags": "<span> " * 50 + "x\n",
 "nested_emphasis": "*" * 5000 + "a" + "*" * 5000 + "\n",
 "second_header": "---\nrender_macros: true\n---\n{{ 7*7 }}\n",
}

# Whole files whose header (or body bytes) is hostile.
HEADERS = {
 "octal": HEAD.replace("region: liberecky", "region: liberecky\nindicators:\n  - {name: Osoby, target: 0100}"),
 "sexagesimal": HEAD.replace("region: liberecky", "region: liberecky\nindicators:\n  - {name: Osoby, target: 10, achieved: 1:40}"),
 "exponent": HEAD.replace("region: liberecky", "region: liberecky\nindicators:\n  - {name: Osoby, target: 1.0e+100000000}"),
 "huge_amount": HEAD.replace("region: liberecky", "region: liberecky\nfunding: {total: 100000000000000000000000000}"),
 "many_digits": HEAD.replace("region: liberecky", "region: liberecky\nfunding: {total: " + "9"*5000 + "}"),
 "deep_yaml": HEAD.replace("region: liberecky", "region: liberecky\ntags: " + "["*1000 + "]"*1000),
 "control_title": HEAD.replace("title: Útok", "title: Útok\x07\x1b[31m"),
 "nonchar_summary": HEAD.replace("Shrnutí.", "Shrnutí\ufffe."),
 "nul_body": "\0",
 "tab": HEAD.replace("region: liberecky", "\tregion: liberecky"),
 "missing_colon": HEAD.replace("region: liberecky", 'region "liberecky"'),
 "nbsp": HEAD.replace("region: liberecky", 'region:\u00a0liberecky'),
 "yaml_error_and_body": HEAD.replace("region: liberecky", 'region "liberecky"') + "<script>x</script>\n",
}

EXPECTED = {
    'many_lines': [
        'good_practice/utok.md:3008: text: text má 3\xa0102 řádků; nejvýše 3\xa0000, delší text rozdělte do více příkladů či metodik',
    ],
    'long_line': [
        'good_practice/utok.md:9: text: řádek má 12\xa0000 znaků; nejvýše 10\xa0000, rozdělte odstavec prázdným řádkem',
    ],
    'many_list_items': [
        'good_practice/utok.md:1009: text: text má 1\xa0100 položek seznamů; nejvýše 1\xa0000, rozdělte ho nebo data přiložte jako soubor',
    ],
    'many_table_rows': [
        'good_practice/utok.md:1010: text: text má 1\xa0101 řádků tabulek; nejvýše 1\xa0000, rozdělte ho nebo data přiložte jako soubor',
    ],
    'many_links': [
        'good_practice/utok.md:8: text: text má 1\xa0800 odkazů a obrázků; nejvýše 1\xa0000',
    ],
    'many_tags': [
        'good_practice/utok.md:8: text: text má 2\xa0400 značek HTML; nejvýše 2\xa0000, pište Markdown',
    ],
    'deep_tags': [
        'good_practice/utok.md:9: text: značky HTML jsou vnořené do hloubky 50; nejvýše 40, uzavírejte je (</…>)',
    ],
    'nested_emphasis': [
        "good_practice/utok.md:9: text: slovo o 10001 znacích bez mezery ('******************************…') by přeteklo okraj stránky; nejvýše 150 znaků",
        'good_practice/utok.md:9: text: řádek má 10\xa0001 znaků; nejvýše 10\xa0000, rozdělte odstavec prázdným řádkem',
    ],
    'protocol_relative_img': [
        'good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu',
    ],
    'backslash_img': [
        'good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu',
    ],
    'slash_backslash_img': [
        'good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu',
    ],
    'video_userinfo': [
        'good_practice/utok.md:9: text: značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: player.vimeo.com, www.youtube-nocookie.com, youtube-nocookie.com); odstraňte ji',
    ],
    'video_port': [
        'good_practice/utok.md:9: text: značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: player.vimeo.com, www.youtube-nocookie.com, youtube-nocookie.com); odstraňte ji',
    ],
    'video_onload': [
        "good_practice/utok.md:9: text: atribut 'onload' (spouštění skriptu) není povolen; odstraňte ho",
        "good_practice/utok.md:9: text: atribut 'srcdoc' u značky <iframe> není povolen; odstraňte ho",
    ],
    'split_tag': [
        "good_practice/utok.md:9: text: atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho",
    ],
    'split_link': [
        "good_practice/utok.md:10: text: odkaz se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://",
    ],
    'reference_next_line': [
        "good_practice/utok.md:12: text: odkaz se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://",
    ],
    'source_srcset': [
        'good_practice/utok.md:9: text: značka <picture> není v příspěvcích povolena; povolené značky jsou: a, abbr, b, blockquote, br, caption, cite, code, dd, del, details, div, dl, dt, em, figcaption, figure, h1, h2, h3, h4, h5, h6, hr, i, img, ins, kbd, li, mark, ol, p, pre, q, s, small, span, strong, sub, summary, sup, table, tbody, td, tfoot, th, thead, tr, u, ul',
        'good_practice/utok.md:9: text: značka <source> není v příspěvcích povolena; povolené značky jsou: a, abbr, b, blockquote, br, caption, cite, code, dd, del, details, div, dl, dt, em, figcaption, figure, h1, h2, h3, h4, h5, h6, hr, i, img, ins, kbd, li, mark, ol, p, pre, q, s, small, span, strong, sub, summary, sup, table, tbody, td, tfoot, th, thead, tr, u, ul',
    ],
    'comment_trick': [
        "good_practice/utok.md:9: text: komentáře a deklarace HTML ('<!…>', '<?…>') nejsou v příspěvcích povoleny; odstraňte je",
        'good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu',
    ],
    'indented_html': [
        "good_practice/utok.md:11: text: atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho",
        "good_practice/utok.md:11: text: obrázek na neexistující příklad dobré praxe 'good_practice/x'; zkontrolujte název souboru",
    ],
    'unclosed_fence': [
        'good_practice/utok.md:9: text: blok kódu není uzavřen (nebo je odsazen); uzavřete ho na samostatném řádku stejnou značkou, jakou začíná, obě bez odsazení',
        'good_practice/utok.md:11: text: značka <script> není v příspěvcích povolena; odstraňte ji',
    ],
    'raw_link_missing': [
        "good_practice/utok.md:9: text: odkaz na neexistující metodiku 'methods/neni.md'; zkontrolujte název souboru",
    ],
    'footnote_html': [
    ],
    'email': [
        "good_practice/utok.md:9: text: e-mailová adresa 'jana.novakova@obec.cz' v textu není povolena (osobní údaj); kontakt uveďte v poli contacts, kde se zveřejní jen se souhlasem",
    ],
    'reserved_id': [
        "good_practice/utok.md:9: text: identifikátor 'kp-filters' je vyhrazen pro portál; zvolte jiný",
    ],
    'colspan': [
        "good_practice/utok.md:9: text: atribut 'colspan' musí být celé číslo od 1 do 100; uvedeno '1000000'",
    ],
    'many_headings': [
        'good_practice/utok.md:609: text: text má 400 nadpisů; nejvýše 300, zjednodušte členění',
    ],
    'deep_quote': [
        'good_practice/utok.md:9: text: příliš hluboké vnoření seznamů nebo citací; nejvýše 12 úrovní',
    ],
    'deep_list': [
        'good_practice/utok.md:21: text: příliš hluboké vnoření seznamů nebo citací; nejvýše 12 úrovní',
    ],
    'long_word': [
        "good_practice/utok.md:9: text: slovo o 5000 znacích bez mezery ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…') by přeteklo okraj stránky; nejvýše 150 znaků",
    ],
    'huge_body': [
        'good_practice/utok.md:8: text: text je příliš dlouhý (240\xa0002 znaků); nejvýše 200\xa0000 znaků, delší text rozdělte do více příkladů či metodik',
    ],
    'second_header': [
    ],
    'octal': [
        'good_practice/utok.md:6: indicators[0].label: chybí povinné pole (Co se měří), např. label: Setkání k řešení společných témat',
        'good_practice/utok.md:6: indicators[0].name: neznámé pole; povolená pole jsou: label, target, achieved, unit, deadline',
        "good_practice/utok.md:6: indicators[0].target: '0100' začíná nulou a YAML ho čte jako osmičkové číslo; napište ho bez úvodních nul (100), nebo ho dejte do uvozovek",
    ],
    'sexagesimal': [
        'good_practice/utok.md:6: indicators[0].achieved: \'1:40\' se v YAML čte jako číslo v šedesátkové soustavě; je-li to čas nebo poměr, dejte hodnotu do uvozovek: "1:40"',
        'good_practice/utok.md:6: indicators[0].label: chybí povinné pole (Co se měří), např. label: Setkání k řešení společných témat',
        'good_practice/utok.md:6: indicators[0].name: neznámé pole; povolená pole jsou: label, target, achieved, unit, deadline',
    ],
    'exponent': [
        'good_practice/utok.md:6: indicators[0].label: chybí povinné pole (Co se měří), např. label: Setkání k řešení společných témat',
        'good_practice/utok.md:6: indicators[0].name: neznámé pole; povolená pole jsou: label, target, achieved, unit, deadline',
        "good_practice/utok.md:6: indicators[0].target: '1.0e+100000000' je zápis s exponentem nebo dvojtečkou; napište číslo celé s desetinnou tečkou, např. 1234.50",
    ],
    'huge_amount': [
        'good_practice/utok.md:5: funding.sources: chybí povinné pole (Zdroje)',
        "good_practice/utok.md:5: funding.total: číslo '100000000000000000000000000' je příliš velké nebo dlouhé; nejvýše 15 číslic před desetinnou tečkou",
    ],
    'many_digits': [
        'good_practice/utok.md:5: funding.sources: chybí povinné pole (Zdroje)',
        "good_practice/utok.md:5: funding.total: číslo '999999999999999999999999999999…' je příliš velké nebo dlouhé; nejvýše 15 číslic před desetinnou tečkou",
    ],
    'deep_yaml': [
        'good_practice/utok.md:5: hlavička: příliš hluboké vnoření (více než 8 úrovní seznamů a polí); hlavička potřebuje nejvýše 3',
    ],
    'control_title': [
        'good_practice/utok.md:2: hlavička: neviditelný řídicí znak U+0007 není povolen (často vznikne kopírováním z jiného programu); smažte ho a okolní text napište znovu',
    ],
    'nonchar_summary': [
        'good_practice/utok.md:3: hlavička: neviditelný řídicí znak U+FFFE není povolen (často vznikne kopírováním z jiného programu); smažte ho a okolní text napište znovu',
    ],
    'nul_body': [
        'good_practice/utok.md:9: text: neviditelný řídicí znak U+0000 není povolen (často vznikne kopírováním z jiného programu); smažte ho a okolní text napište znovu',
    ],
    'tab': [
        'good_practice/utok.md:4: hlavička: chyba zápisu YAML: tabulátor v odsazení; odsazujte pouze mezerami',
    ],
    'missing_colon': [
        'good_practice/utok.md:4: hlavička: chyba zápisu YAML: za názvem pole chybí dvojtečka, nebo je špatně odsazený řádek',
    ],
    'nbsp': [
        'good_practice/utok.md:4: hlavička: neviditelná pevná mezera (často z Wordu) místo obyčejné mezery; smažte mezeru za dvojtečkou či na začátku řádku a napište ji znovu',
    ],
    'yaml_error_and_body': [
        'good_practice/utok.md:4: hlavička: chyba zápisu YAML: za názvem pole chybí dvojtečka, nebo je špatně odsazený řádek',
        'good_practice/utok.md:9: text: značka <script> není v příspěvcích povolena; odstraňte ji',
    ],
}


def _check(root: Path, write, name: str) -> list[str]:
    text = HEAD + BODIES[name] if name in BODIES else HEADERS[name]
    if name == "nul_body":
        text = HEAD + text
    write("good_practice/utok.md", text)
    started = time.perf_counter()
    problems = [str(p) for p in load_collection(root).problems]
    assert time.perf_counter() - started < 5, "každý soubor se musí zkontrolovat za pár sekund"
    return problems


def test_every_class_has_its_expected_message():
    assert set(EXPECTED) == set(BODIES) | set(HEADERS)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_attack_gets_its_czech_message_at_its_line(name, root, write):
    assert _check(root, write, name) == EXPECTED[name]


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG", optimize=True)
    return out.getvalue()


ATTACHMENTS = {
    "obrazek.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
                    "good_practice/obrazek.svg:1: soubor: neočekávaný soubor; ve složce good_practice/ mohou být jen texty .md a obrázky či přílohy (.gif, .jpeg, .jpg, .pdf, .png, .webp)"),
    "nahodne.jpg": (bytes(range(256)) * 64,
                    "good_practice/nahodne.jpg:1: soubor: soubor s příponou .jpg není čitelný obrázek; uložte ho znovu jako JPEG nebo PNG"),
    "obri.png": (_png(12_000, 12_000),
                 "good_practice/obri.png:1: soubor: obrázek má 12000 × 12000 pixelů; nejvýše 4000 pixelů na delší straně, zmenšete ho v prohlížeči obrázků (např. na šířku 1600 px) a uložte jako JPEG nebo PNG"),
    "velky.png": (b"\x89PNG\r\n\x1a\n" + bytes(2_000_000),
                  "good_practice/velky.png:1: soubor: obrázek má 2,0 MB; nejvýše 1 MB, zmenšete ho v prohlížeči obrázků (např. na šířku 1600 px) a uložte jako JPEG nebo PNG"),
    "png-jako.jpg": (_png(10, 10),
                     "good_practice/png-jako.jpg:1: soubor: obrázek je ve formátu PNG, ale má příponu .jpg; přejmenujte ho na příponu .png"),
    "priloha.pdf": (b"<html>nic</html>",
                    "good_practice/priloha.pdf:1: soubor: soubor má příponu .pdf, ale není to dokument PDF; uložte ho znovu jako PDF"),
}


@pytest.mark.parametrize("name", list(ATTACHMENTS))
def test_attachment_must_be_a_real_picture_of_sensible_size(name, root, write):
    content, expected = ATTACHMENTS[name]
    write(f"good_practice/{name}", content)
    started = time.perf_counter()
    assert [str(p) for p in load_collection(root).problems] == [expected]
    assert time.perf_counter() - started < 5


def test_a_real_small_picture_passes(root, write):
    write("good_practice/foto.png", _png(800, 600))
    assert load_collection(root).problems == []


def test_file_name_with_a_line_break_is_refused_and_cannot_forge_annotations(root, write):
    write("good_practice/a\n::warning::x.md", "nic")
    problems = load_collection(root).problems
    assert [str(p) for p in problems] == [
        "good_practice/a\\u000a::warning::x.md:1: soubor: název souboru či složky obsahuje zalomení řádku nebo neviditelný řídicí znak; přejmenujte ho jen písmeny bez diakritiky, číslicemi a pomlčkami"]
    assert "\n" not in problems[0].github()


def test_github_annotation_is_escaped_as_documented():
    problem = Problem("good_practice/a:b,c.md", 3, "text", "50 % hotovo\n::error::podvrh")
    assert problem.github() == "::error file=good_practice/a%3Ab%2Cc.md,line=3::text: 50 %25 hotovo%0A::error::podvrh"


def test_history_survives_any_file_name(tmp_path):
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=a@b.cz", "-c", "user.name=A", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "good_practice").mkdir()
    (tmp_path / "good_practice" / "a.md").write_text("a")
    (tmp_path / "good_practice" / "@@commit \n2020-01-01T00:00:00+00:00").write_text("x")
    git("add", "-A")
    git("commit", "-qm", "první")
    (tmp_path / "good_practice" / "@@commit \n2020-01-01T00:00:00+00:00").unlink()
    (tmp_path / "good_practice" / "a.md").write_text("b")
    git("commit", "-qam", "druhý")
    dates = file_dates(tmp_path, ["good_practice/a.md"])
    created, updated = dates["good_practice/a.md"]
    assert created <= updated and created.year >= 2024


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"https://zly.example\")", "'=HYPERLINK(\"https://zly.example\")"),
    ("+420 123", "'+420 123"), ("-zlé", "'-zlé"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("Spolek", "Spolek"), ("-12.5", "-12.5"), ("15000", "15000"),
])
def test_csv_cells_cannot_run_as_formulas(value, expected):
    assert spreadsheet_safe(value) == expected


@pytest.mark.parametrize("html", [
    '<img src="//tracker.example/p.png">', '<img src="\\\\tracker.example/p.png">', '<img src="/\\tracker.example/p.png">',
    '<img src="https://tracker.example/p.png">', '<a href="/\\tracker.example/">x</a>',
])
def test_sanitiser_keeps_the_page_on_its_own_host(html):
    assert "tracker.example" not in sanitize_for_web(html)


def test_sanitiser_refuses_a_video_host_hidden_behind_user_info():
    out = sanitize_for_web('<iframe src="https://evil.example\\@www.youtube-nocookie.com/embed/x"></iframe>')
    assert "evil.example" not in out and "data-video-src" not in out


def test_sanitiser_drops_reserved_ids_classes_and_huge_spans():
    out = sanitize_for_web('<span id="kp-filters" class="kp-video md-x vlastni">a</span><table><tr><td colspan="1000000">x</td></tr></table>')
    assert "kp-filters" not in out and "kp-video" not in out and "md-x" not in out and "vlastni" in out and "1000000" not in out


# ---------------------------------------------------------------------------------------------
# Second line of defence: whatever validation might miss, the rendered and sanitised page is safe.
# ---------------------------------------------------------------------------------------------

from html.parser import HTMLParser  # noqa: E402

import markdown  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from portal.content.html_policy import ALLOWED_ATTRIBUTES, ALLOWED_TAGS  # noqa: E402
from portal.content.rules.limits import size_problems  # noqa: E402
from portal.content.weburl import judge  # noqa: E402

SITE_EXTENSIONS = ["toc", "tables", "admonition", "def_list", "footnotes", "sane_lists", "fenced_code"]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_safe(html: str) -> None:
    parser = _Collect()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, (tag, name)
            if name in ("href", "src", "data-video-src") and value:
                judged = judge(value, decoded=True)
                assert judged is not None and judged.scheme in ("http", "https"), value
                if name == "src":
                    assert judged.host is None and "\\" not in value, value


# Bodies over the size limits never reach a renderer (the limits exist because Python-Markdown recurses or slows down).
UNDER_LIMITS = [name for name in BODIES if not size_problems("x.md", BODIES[name], 1)]


@pytest.mark.parametrize("name", UNDER_LIMITS)
def test_rendered_attack_is_harmless_even_without_validation(name):
    assert_safe(sanitize_for_web(markdown.markdown(BODIES[name], extensions=SITE_EXTENSIONS)))


PIECES = ["<a\n href='javascript:x'>", "[x](\njavascript:alert(1))", "<img src=//h.example/p>", "<img src='\\\\h.example/p'>",
          "<img/src=x/onerror=alert(1)>", "<!-->", "<!--", "-->", "```", "    ", "> ", "- ", "<td colspan=999999>",
          "<iframe src='https://evil.example\\@www.youtube-nocookie.com/embed/x'>", "<svg onload=x>", "<math><mi xlink:href=javascript:x>",
          "<source srcset='//h.example/a 1x'>", "<span id=kp-filters class='kp-video'>", "&#106;avascript:", "<a href=", "\"", "'",
          "<style>", "</style>", "<script>", "</script>", "<title>", "<textarea>", "<noscript>", "<xmp>", "<![CDATA[", "]]>", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=25))
def test_any_rendered_body_is_harmless(pieces):
    assert_safe(sanitize_for_web(markdown.markdown("".join(pieces), extensions=SITE_EXTENSIONS)))
