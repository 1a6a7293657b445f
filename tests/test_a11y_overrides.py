"""Material's templates copied into overrides/ differ from Material's own only by the portal's fixes.

When Material is upgraded this fails: copy the new template and apply the same fixes again.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import material

from tests.conftest import REPO

THEME = Path(material.__file__).parent / "templates"

# Per template: the lines that may be removed from Material's and added by the portal (whitespace stripped).
FIXES = {
    "base.html": (
        {'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
         "{% if page.toc | first is defined %}", "{% set skip = page.toc | first %}",
         '<a href="{{ skip.url | url }}" class="md-skip">', '{{ lang.t("action.skip") }}', "</a>", "{% endif %}"},
        {'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" aria-label="{{ lang.t(\'nav\') }}">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="{{ lang.t(\'search\') }}">',
         '<a href="#hlavni-obsah" class="md-skip">', "Přeskočit na obsah", "</a>",
         '<span id="hlavni-obsah"></span>'}),
    "partials/nav-item.html": (
        {'<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
         '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
         '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'},
        {'<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" {% if tabindex %}tabindex="{{ tabindex }}"{% endif %}>',
         '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" {% if tabindex %}tabindex="{{ tabindex }}"{% endif %}>',
         '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="{{ lang.t(\'toc\') }}">'}),
    "partials/toc.html": (
        {'<label class="md-nav__title" for="__toc">', '<span class="md-nav__icon md-icon"></span>', "{{ title }}", "</label>"},
        {"{% if page in nav.pages %}", '<label class="md-nav__title" for="__toc">', '<span class="md-nav__icon md-icon"></span>',
         "{{ title }}", "</label>", "{% else %}", '<div class="md-nav__title">{{ title }}</div>', "{% endif %}"}),
}


def changed(name: str) -> tuple[set[str], set[str]]:
    """Lines removed from and added to Material's template (comments of the portal left out)."""
    ours = [line.strip() for line in (REPO / "overrides" / name).read_text(encoding="utf-8").splitlines()]
    theirs = [line.strip() for line in (THEME / name).read_text(encoding="utf-8").splitlines()]
    ours = [line for line in ours if not line.startswith("{#- Portal override")]
    removed, added = set(), set()
    for line in difflib.ndiff(theirs, ours):
        if line.startswith("- "):
            removed.add(line[2:])
        elif line.startswith("+ "):
            added.add(line[2:])
    return removed, added


def test_overrides_differ_from_material_only_by_the_fixes():
    for name, (may_remove, may_add) in FIXES.items():
        removed, added = changed(name)
        assert removed <= may_remove, (name, removed - may_remove)
        assert added <= may_add, (name, added - may_add)


def test_every_override_starts_by_saying_what_it_fixes():
    for name in FIXES:
        first = (REPO / "overrides" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("{#- Portal override of Material 9.8.1 " + name + ":"), name
