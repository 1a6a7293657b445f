"""Each body rule tested directly as a function, with its Czech message word for word and its line."""

from __future__ import annotations

import pytest

from portal.content.html_policy import PRINT, WEB, replace_iframes
from portal.content.rules.body import (
    level_one_headings,
    rule_fences_closed,
    rule_no_email,
)
from portal.content.rules.html import (
    Tag,
    html_problems,
    rule_attribute_allowed,
    rule_class_not_reserved,
    rule_id_not_reserved,
    rule_no_event_handler,
    rule_no_style,
    rule_span_bounded,
    rule_tag_allowed,
    rule_url_attribute,
)
from portal.content.rules.limits import (
    rule_counts,
    rule_link_count,
    rule_nesting,
    rule_size,
    rule_word_length,
)
from portal.content.rules.links import Link, links, target_problems
from portal.content.rules.markdown import read
from portal.content.rules.renderer import fenced_blocks, renderer_code_spans
from portal.manual.markup import sanitize_for_print
from portal.web.sanitize import sanitize_for_web

CTX = (None, {}, None)


def messages(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


# ---------- the one reading: fences, code spans, links with their lines ----------

def test_fenced_blocks_are_the_renderers():
    body = "a\n```\n<b>\n```\n\n  ```\nodsazený\n  ```\n"
    assert [body[s:e] for s, e in fenced_blocks(body)] == ["```\n<b>\n```"]


def test_renderer_code_spans_pair_backticks_as_python_markdown():
    assert renderer_code_spans("a `b` c ``d`` e") == [(2, 5), (8, 13)]
    assert renderer_code_spans("\\\\`x` a") == [(2, 5)]  # an escaped backslash, then a code span
    assert renderer_code_spans("\\`x` a") == []


def test_live_text_blanks_code_and_quote_markers_and_keeps_positions():
    body = "Text `<b>` a\n> <img\n> onerror=x>\n"
    live = read(body).live
    assert len(live) == len(body) and live.count("\n") == body.count("\n")
    assert "`<b>`" not in live and live.split("\n")[2].startswith("  onerror")


def test_code_span_the_renderer_may_read_otherwise_stays_live():
    assert "<img" in read("<span title='`'>a` <img onerror=x> `b`\n").live
    assert "<img" in read("a `x\n<img onerror=x>` b\n").live  # over a line break


@pytest.mark.parametrize("body, expected", [
    ("[x](\njavascript:alert(1))\n", [Link(11, "javascript:alert(1)", False)]),
    ("a\n\n![o](\n  obr.png)\n", [Link(13, "obr.png", True)]),
    ("Text <https://www.example.cz/>\n", [Link(10, "https://www.example.cz/", False)]),
    ("[x][r]\n\n[r]:\n  javascript:x\n", [Link(13, "javascript:x", False)]),
    ("> [x](\n> javascript:x)\n", [Link(11, "javascript:x", False)]),
    ("| a | [x](javascript:x) |\n|---|---|\n", [Link(10, "javascript:x", False)]),
    ("Text `[x](javascript:x)` v kódu.\n", []),
])
def test_links_are_found_at_the_line_of_their_address(body, expected):
    assert list(links(body, 10)) == expected


# ---------- raw HTML: one rule per tag or attribute ----------

def test_rule_tag_allowed():
    assert rule_tag_allowed(Tag(1, "b", {})) is None
    assert rule_tag_allowed(Tag(1, "script", {})) == "značka <script> není v příspěvcích povolena; odstraňte ji"
    assert rule_tag_allowed(Tag(1, "iframe", {"src": "https://evil.example/"})) == (
        "značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: player.vimeo.com, www.youtube-nocookie.com, "
        "youtube-nocookie.com); odstraňte ji")
    assert rule_tag_allowed(Tag(1, "iframe", {"src": "https://www.youtube-nocookie.com/embed/x"})) is None
    assert rule_tag_allowed(Tag(1, "x-y", {})).startswith("značka <x-y> není v příspěvcích povolena; povolené značky jsou: a, abbr")


def test_attribute_rules():
    a = Tag(1, "a", {})
    assert rule_no_event_handler(a, "onclick", "x()", CTX) == ["atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho"]
    assert rule_no_event_handler(a, "href", "x", CTX) is None
    assert rule_no_style(a, "style", "x", CTX) == ["atribut 'style' není povolen; vzhled určuje portál"]
    assert rule_attribute_allowed(a, "target", "_blank", CTX) == ["atribut 'target' u značky <a> není povolen; odstraňte ho"]
    assert rule_attribute_allowed(a, "title", "t", CTX) is None
    assert rule_id_not_reserved(a, "id", "kp-filters", CTX) == ["identifikátor 'kp-filters' je vyhrazen pro portál; zvolte jiný"]
    assert rule_class_not_reserved(a, "class", "x md-y", CTX) == ["třídy začínající kp-, md- jsou vyhrazeny pro portál; odstraňte je"]
    assert rule_span_bounded(Tag(1, "td", {}), "colspan", "101", CTX) == ["atribut 'colspan' musí být celé číslo od 1 do 100; uvedeno '101'"]
    assert rule_span_bounded(Tag(1, "td", {}), "colspan", "3", CTX) is None


def test_rule_url_attribute():
    a, img = Tag(4, "a", {}), Tag(4, "img", {})
    assert rule_url_attribute(a, "href", "javascript:x", CTX) == ["adresa se schématem 'javascript:' není povolena; použijte odkaz začínající https://"]
    assert rule_url_attribute(img, "src", "https://tracker.example/p.png", CTX) == [
        "obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu"]
    assert rule_url_attribute(a, "href", "../methods/x.md", CTX) == [Link(4, "../methods/x.md", False)]
    assert rule_url_attribute(a, "title", "x", CTX) is None


@pytest.mark.parametrize("body, line, message", [
    ("Text <a\n  onclick='x()'>y</a>\n", 20, "atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho"),
    ("a\n\n> b <img alt=x\n> onerror=y>\n", 22, "atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho"),
    ("| a | b |\n|---|---|\n| <img alt=x onerror=y> | c |\n", 22, "atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho"),
    ("<div>`<img alt=x onerror=y>`</div>\n", 20, "atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho"),
    ("x <img/onerror=alert(1)/alt=x>\n", 20, "atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho"),
    ("a <x-' b\nc <a onclick=x>d</a>\n", 21, "atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho"),
    ("Text `<!-- x -->`\n", 20, "komentáře a deklarace HTML ('<!…>', '<?…>') nejsou v příspěvcích povoleny; odstraňte je"),
])
def test_html_is_read_as_the_renderer_and_browser_read_it(body, line, message):
    assert (line, message) in messages(html_problems("x.md", body, 20))


def test_code_is_not_html():
    assert messages(html_problems("x.md", "Text s `<script>` v kódu.\n\n```\n<script>\n```\n", 20)) == []


# ---------- links ----------

def test_target_problems():
    files = {"methods/a.md"}
    folders = {"methods": "method"}
    assert messages(target_problems("good_practice/x.md", Link(3, "../methods/b.md", False), files, folders)) == [
        (3, "odkaz na neexistující metodiku 'methods/b.md'; zkontrolujte název souboru")]
    assert list(target_problems("good_practice/x.md", Link(3, "../methods/a.md", False), files, folders)) == []
    assert messages(target_problems("good_practice/x.md", Link(3, "mailto:a@b.cz", False), files, folders)) == [
        (3, "odkaz se schématem 'mailto:' není povolen; vnější odkazy musí začínat https:// nebo http://")]


# ---------- limits and structure ----------

def test_limit_rules():
    assert messages(rule_size("x.md", "a" * 10_001, 5)) == [(5, "řádek má 10\u00a0001 znaků; nejvýše 10\u00a0000, rozdělte odstavec prázdným řádkem")]
    assert messages(rule_word_length("x.md", "a\n" + "b" * 151, 5)) == [
        (6, "slovo o 151 znacích bez mezery ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…') by přeteklo okraj stránky; nejvýše 150 znaků")]
    assert messages(rule_counts("x.md", "- a\n" * 1001, 5)) == [
        (1005, "text má 1\u00a0001 položek seznamů; nejvýše 1\u00a0000, rozdělte ho nebo data přiložte jako soubor")]
    assert messages(rule_link_count("x.md", "[a](#b) " * 1001, 5)) == [(5, "text má 1\u00a0001 odkazů a obrázků; nejvýše 1\u00a0000")]
    assert messages(rule_nesting("x.md", "a\n\n" + ">" * 13 + " b\n", 5)) == [(7, "příliš hluboké vnoření seznamů nebo citací; nejvýše 12 úrovní")]


def test_rule_fences_closed():
    fence = "blok kódu není uzavřen (nebo je odsazen); uzavřete ho na samostatném řádku stejnou značkou, jakou začíná, obě bez odsazení"
    assert messages(rule_fences_closed("x.md", "a\n\n```\nkód\n", 5)) == [(7, fence)]
    assert messages(rule_fences_closed("x.md", "- a\n\n    ~~~\n    kód\n    ~~~\n", 5)) == [(7, fence)]
    assert list(rule_fences_closed("x.md", "```\nkód\n```\n", 5)) == []


def test_rule_no_email():
    assert messages(rule_no_email("x.md", "a\n\n> Pište na jana@obec.cz.\n", 5)) == [
        (7, "e-mailová adresa 'jana@obec.cz' v textu není povolena (osobní údaj); kontakt uveďte v poli contacts, kde se zveřejní jen se souhlasem")]
    assert list(rule_no_email("x.md", "Kód: `jana@obec.cz`\n", 5)) == []


def test_level_one_headings():
    assert sorted(level_one_headings("# A\n\n## B\n\n#C\n\nD\n===\n\n> # E\n\n```\n# kód\n```\n")) == [0, 4, 6, 9]


# ---------- one policy, its print variant ----------

def test_print_policy_is_derived_from_the_web_policy():
    assert PRINT.tags <= WEB.tags and {"details", "summary"} <= WEB.tags - PRINT.tags
    assert all(names - {"style"} <= WEB.attributes_of(tag) for tag, names in PRINT.attributes.items())
    assert PRINT.url_schemes == WEB.url_schemes | {"mailto", "tel"}


def test_both_sanitisers_read_iframes_the_same_way():
    video = "<iframe src='https://www.youtube-nocookie.com/embed/x' title='t'>\n</iframe>"
    assert 'data-video-src="https://www.youtube-nocookie.com/embed/x"' in sanitize_for_web(video)
    assert "[Video: <a href=\"https://www.youtube-nocookie.com/embed/x\">" in sanitize_for_print(video)
    assert replace_iframes("<IFRAME src=x>text</iframe>b", lambda src: f"[{src}]") == "[x]b"
    assert "evil" not in sanitize_for_web('<iframe src="https://evil.example/x"></iframe>') + sanitize_for_print('<iframe src="javascript:evil"></iframe>')
