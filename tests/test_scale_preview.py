"""`make serve` keeps the theme's compiled templates across rebuilds; a template whose source changed is compiled again."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from portal_mkdocs.preview import _MemoryBytecode


def _env(sources: dict[str, str], cache: _MemoryBytecode) -> Environment:
    return Environment(loader=DictLoader(sources), bytecode_cache=cache, autoescape=True)


def test_a_new_environment_renders_the_same_from_the_kept_code(monkeypatch):
    cache = _MemoryBytecode()
    sources = {"page.html": "{% for x in items %}<li>{{ x }}</li>{% endfor %}"}
    first = _env(sources, cache).get_template("page.html").render(items=["a", "<b>"])
    assert len(cache.code) == 1
    compiled: list[str] = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled.append(a[0]) or original(self, *a, **k))
    second = _env(sources, cache).get_template("page.html").render(items=["a", "<b>"])
    assert second == first == "<li>a</li><li>&lt;b&gt;</li>"
    assert compiled == []


def test_a_changed_template_is_compiled_again():
    cache = _MemoryBytecode()
    assert _env({"t.html": "one"}, cache).get_template("t.html").render() == "one"
    assert _env({"t.html": "two"}, cache).get_template("t.html").render() == "two"
