"""One test per attack from a hostile contribution: the Czech message, and that nothing ran or reached the HTML."""

from __future__ import annotations

import json
import shutil

import pytest

from portal.content.collection import load_collection
from portal.web.completeness import missing_outputs
from portal.web.sanitize import sanitize_for_web
from tests.conftest import copy_project, mkdocs_build

HEAD = "---\ntitle: Útok\nsummary: Shrnutí.\nregion: liberecky\norganisation: {name: O}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n\n"

ATTACKS = {
    "script": ("<script>alert(1)</script>\n", ["good_practice/utok.md:9: text: značka <script> není v příspěvcích povolena; odstraňte ji"]),
    "style": ("<style>body{display:none}</style>\n", ["good_practice/utok.md:9: text: značka <style> není v příspěvcích povolena; odstraňte ji"]),
    "iframe": ('<iframe src="https://evil.example/x"></iframe>\n', ["good_practice/utok.md:9: text: značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: player.vimeo.com, www.youtube-nocookie.com, youtube-nocookie.com); odstraňte ji"]),
    "event_handler": ('<a href="https://a.cz" onclick="steal()">klik</a>\n', ["good_practice/utok.md:9: text: atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho"]),
    "javascript_link": ("[klikni](javascript:alert(1))\n", ["good_practice/utok.md:9: text: odkaz se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://"]),
    "javascript_obfuscated": ("[klikni](&#106;ava&#x53;cript:alert(1))\n", ["good_practice/utok.md:9: text: odkaz se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://"]),
    "data_image": ("![x](data:image/svg+xml;base64,PHN2Zz4=)\n", ["good_practice/utok.md:9: text: obrázek se schématem 'data:' není povolen; vnější odkazy musí začínat https:// nebo http://"]),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>\n', ["good_practice/utok.md:9: text: adresa se schématem 'vbscript:' není povolena; použijte odkaz začínající https://"]),
    "form": ('<form action="https://evil.example"><input name="heslo"></form>\n', [
        "good_practice/utok.md:9: text: značka <form> není v příspěvcích povolena; odstraňte ji",
        "good_practice/utok.md:9: text: značka <input> není v příspěvcích povolena; odstraňte ji"]),
    "path_escape": ("![foto](../../etc/passwd)\n", ["good_practice/utok.md:9: text: obrázek '../../etc/passwd' vede mimo repozitář; soubory musí ležet uvnitř repozitáře"]),
    "absolute_path": ("[soubor](/etc/passwd)\n", ["good_practice/utok.md:9: text: odkaz s absolutní cestou '/etc/passwd' není povolen; použijte cestu relativní k tomuto souboru"]),
    "external_image": ("![foto](https://tracker.example/pixel.png)\n", ["good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu"]),
    "external_image_html": ('<img src="https://tracker.example/pixel.png" alt="p">\n', ["good_practice/utok.md:9: text: obrázek z jiného webu (tracker.example) není povolen, stránka nesmí nic načítat z cizích serverů; uložte obrázek do repozitáře vedle textu"]),
    "broken_internal_link": ("[metoda](../methods/neexistuje.md)\n", ["good_practice/utok.md:9: text: odkaz na neexistující metodiku 'methods/neexistuje.md'; zkontrolujte název souboru"]),
    "mailto_harvest": ("[napište](mailto:jana@example.cz)\n", ["good_practice/utok.md:9: text: odkaz se schématem 'mailto:' není povolen; vnější odkazy musí začínat https:// nebo http://"]),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_in_body_is_rejected_with_its_line(name, root, write):
    body, expected = ATTACKS[name]
    write("good_practice/utok.md", HEAD + body)
    assert [str(p) for p in load_collection(root).problems] == expected


def test_code_examples_are_not_attacks(root, write):
    write("good_practice/kod.md", HEAD + "```\n<script>alert(1)</script>\n```\n\nText `<script>` v kódu.\n")
    assert load_collection(root).problems == []


def test_allow_listed_video_is_accepted(root, write):
    write("good_practice/video.md", HEAD + '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n')
    assert load_collection(root).problems == []


def test_render_macros_in_front_matter_is_rejected(root, write):
    write("good_practice/sablona.md", "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nrender_macros: true\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n{{ config }}\n")
    assert [str(p) for p in load_collection(root).problems] == [
        "good_practice/sablona.md:6: render_macros: šablony (Jinja) se v příspěvcích nezpracovávají a pole nastavení stránky nejsou povolena; pole odstraňte"
    ]


class TestSanitizer:
    """Second line of defence: what validation might miss never reaches the page."""

    def test_removes_scripts_styles_and_frames(self):
        html = '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe><object data="x"></object>'
        assert sanitize_for_web(html) == "<p>a</p>"

    def test_removes_event_handlers_and_unsafe_urls(self):
        html = ('<a href="javascript:alert(1)" onclick="x()">a</a><img src="data:image/png;base64,AAAA" onerror="x()">'
                '<a href="vbscript:x">b</a><img src="https://tracker.example/p.png" alt="p">')
        out = sanitize_for_web(html)
        assert "javascript" not in out and "onclick" not in out and "onerror" not in out and "data:" not in out
        assert "vbscript" not in out and "tracker.example" not in out

    def test_removes_forms(self):
        assert sanitize_for_web('<form action="x"><input name="a"><button>b</button></form><p>ok</p>') == "b<p>ok</p>"

    def test_keeps_content_markup(self):
        html = '<h2 id="x">Nadpis</h2><table><tr><td>1</td></tr></table><a href="../x/">odkaz</a><img src="foto.jpg" alt="Foto">'
        assert sanitize_for_web(html) == ('<h2 id="x">Nadpis</h2><table><tbody><tr><td>1</td></tr></tbody></table>'
                                  '<a href="../x/" rel="noopener noreferrer">odkaz</a><img src="foto.jpg" alt="Foto">')

    def test_video_becomes_click_to_load(self):
        out = sanitize_for_web('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>')
        assert "<iframe" not in out
        assert 'data-video-src="https://www.youtube-nocookie.com/embed/abc"' in out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real project plus a case whose front matter tries to inject HTML into the page."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "good_practice" / "zaludny.md").write_text(
        '---\ntitle: "Případ <img src=x onerror=alert(1)>"\nsummary: \'Shrnutí "><script>alert(2)</script>\'\nregion: liberecky\n'
        "municipalities: ['<b>Obec</b>']\norganisation: {name: \"Spolek <script>alert(3)</script>\", web: \"https://a.cz/?q=\\\"><x>\"}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n"
        "---\n\n## Text\n\nHodnota {{ config.site_name }}, {% include 'base.html' %} a {{ ''.__class__.__mro__ }}.\n", encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_facts_and_titles_are_escaped(hostile_site):
    html = (hostile_site / "dobra-praxe" / "zaludny" / "index.html").read_text(encoding="utf-8")
    for raw in ("<img src=x onerror", "<script>alert(2)", "<script>alert(3)", "<b>Obec</b>", '"><x>'):
        assert raw not in html, raw
    assert "Případ &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Spolek &lt;script&gt;alert(3)&lt;/script&gt;" in html


def test_contributed_jinja_is_shown_literally(hostile_site):
    html = (hostile_site / "dobra-praxe" / "zaludny" / "index.html").read_text(encoding="utf-8")
    assert "{{ config.site_name }}" in html
    assert "{% include &#39;base.html&#39; %}" in html or "{% include 'base.html' %}" in html
    # Markdown makes __class__ bold, but the expression stays text: executed, it would print "(<class 'str'>, …)".
    assert "{{ ''.<strong>class</strong>.<strong>mro</strong> }}" in html
    assert "class 'str'" not in html and "Komunitní práce – příklady dobré praxe, " not in html


def test_render_macros_cannot_be_smuggled_into_a_build(tmp_path):
    project = copy_project(tmp_path)
    marker = tmp_path / "spusteno"
    (project / "good_practice" / "makro.md").write_text(
        "---\ntitle: Makro\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nrender_macros: true\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n\n"
        f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "good_practice/makro.md:6: render_macros: šablony (Jinja) se v příspěvcích nezpracovávají" in result.stderr
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def test_yaml_code_execution_never_runs_in_a_build(tmp_path):
    project = copy_project(tmp_path)
    marker = tmp_path / "spusteno"
    (project / "good_practice" / "yaml.md").write_text(
        f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\nsummary: S.\nregion: liberecky\norganisation: {{name: O}}\n---\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "good_practice/yaml.md:2: title: nepovolený typ YAML '!!python/object/apply:os.system'" in result.stderr
    assert not marker.exists()


SYNTHETIC = """---
title: Syntetický příklad {n}
summary: Generovaný příklad číslo {n} pro kontrolu, že se žádný soubor neztratí.
region: {region}
municipalities: [Obec {n}]
organisation: {{name: "Spolek {n}, z.s."}}
methods: [komunitni-planovani]
target_groups: [seniori]
sources: [{{title: Zdroj, url: "https://www.example.cz/", accessed: 2026-11-23}}]
---

## Text

Odstavec příkladu {n}.
"""


@pytest.mark.pdf
def test_nothing_is_lost(tmp_path):
    project = copy_project(tmp_path)
    regions = ["moravskoslezsky", "zlinsky", "vysocina"]
    for n in range(30):
        (project / "good_practice" / f"synteticky-{n:02d}.md").write_text(SYNTHETIC.format(n=n, region=regions[n % 3]), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    collection = load_collection(project)
    assert missing_outputs(collection, site) == []
    cases = {c["slug"] for c in json.loads((site / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]}
    assert {p.stem for p in (project / "good_practice").glob("*.md")} == cases
    # A page that went missing is named, with its source file.
    shutil.rmtree(site / "dobra-praxe" / "synteticky-07")
    assert [str(p) for p in missing_outputs(collection, site)] == [
        "good_practice/synteticky-07.md:1: soubor: obsah se ztratil, chybí v: stránka dobra-praxe/synteticky-07/"
    ]
