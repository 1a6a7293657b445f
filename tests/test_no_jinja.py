"""Nothing from a contributed file ever reaches a template engine, whatever metadata syntax its body starts with."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.content.kinds import KINDS
from tests.conftest import copy_project, mkdocs_build

# A valid header per content kind; a kind added to KINDS without one here fails test_every_kind_is_attacked.
HEADERS = {
    "case": ("---\ntitle: Útok {n}\nsummary: Shrnutí.\nregion: liberecky\norganisation: {{name: O}}\n"
             "sources: [{{title: Zdroj, url: 'https://www.example.cz/', accessed: 2026-11-23}}]\n---\n"),
    "method": "---\ntitle: Útok {n}\nsummary: Shrnutí.\n---\n",
    "video": ("---\ntitle: Útok {n}\nsummary: Shrnutí.\nduration: '0:05'\nsource: {{player: 'https://player.vimeo.com/video/1'}}\n"
              "captions: utok.vtt\n---\n"),
}
# Files a kind's documents need beside them (a video's captions).
FILES = {"videos/utok.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\nÚtok\n"}

# Every way MkDocs (YAML block, MultiMarkdown lines) or mkdocs-macros could read page settings from the top of a body.
SYNTAXES = {
    "yaml": "---\nrender_macros: true\n---\n",
    "yaml_dots": "---\nrender_macros: true\n...\n",
    "yaml_spaces": "---  \nrender_macros: yes\n---\t\n",
    "yaml_after_blank_lines": "\n\n---\nrender_macros: true\n---\n",
    "multimarkdown": "render_macros: true\n\n",
    "multimarkdown_indented": "   Render_Macros: true\ntitle: x\n\n",
    "multimarkdown_continued": "render_macros: true\n    true\n\n",
    "plain": "",
}
PAYLOAD = "Příkaz: {{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}} {{% if true %}}PROVEDENO{{% endif %}}\n"


def test_every_kind_is_attacked():
    assert set(HEADERS) == set(KINDS)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory) -> tuple[Path, Path, list[tuple[str, str]]]:
    base = tmp_path_factory.mktemp("jinja")
    project = copy_project(base / "project" if (base / "project").mkdir() is None else base)
    marker = base / "spusteno"
    pages = []
    for rel, text in FILES.items():
        (project / rel).parent.mkdir(exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    for kind, header in HEADERS.items():
        for n, (name, syntax) in enumerate(SYNTAXES.items()):
            slug = f"utok-{name.replace('_', '-')}"
            (project / KINDS[kind].folder / f"{slug}.md").write_text(
                header.format(n=n) + syntax + PAYLOAD.format(marker=marker), encoding="utf-8")
            pages.append((KINDS[kind].url_prefix, slug))
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site", marker, pages


def test_nothing_runs(attacked):
    _, marker, _ = attacked
    assert not marker.exists()


def test_template_text_is_shown_literally(attacked):
    site, _, pages = attacked
    for prefix, slug in pages:
        html = (site / prefix / slug / "index.html").read_text(encoding="utf-8")
        assert "os.system(" in html and "{% if true %}PROVEDENO{% endif %}" in html, (prefix, slug)
