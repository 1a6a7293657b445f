"""HTML fragments from Jinja templates with autoescape: every value from content is escaped unless marked safe.

Fragments go into Markdown pages, where an indented line after an empty line would become a code
block; `render` therefore returns the fragment without indentation and empty lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from portal.czech.formats import (
    czech_date,
    czk,
    file_size,
    long_date,
    number,
    percent,
    plural,
    plural_form,
    short_date,
)

TEMPLATES = Path(__file__).parent.parent / "templates"


@cache
def environment() -> Environment:
    """One environment: autoescape on, undefined names are errors; Czech formatting as filters (portal.czech.formats).

    Filters: czk, number, percent, file_size, date and long_date (of a date), czech_date (of an ISO partial date),
    json (front matter); globals: plural(n, one, few, many) -> '5 stran', plural_form(n, ...) -> 'stran'.
    """
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters.update(czk=czk, number=number, percent=percent, file_size=file_size, date=short_date, long_date=long_date,
                       czech_date=lambda value: czech_date(str(value)), json=_json)
    env.globals.update(plural=plural, plural_form=plural_form)
    return env


def render(name: str, **context: Any) -> str:
    """A template rendered to one block of HTML lines, none indented, none empty."""
    return _block(environment().get_template(name).render(**context))


def macro(name: str, macro_name: str) -> Callable[..., str]:
    """A macro of a template as a function, its output as render's; for a fragment made many times (a card per case)."""
    template_macro = getattr(environment().get_template(name).module, macro_name)
    return lambda *args, **kwargs: _block(template_macro(*args, **kwargs))


def _block(html: str) -> str:
    # Only the template's own line breaks and indentation go: content may hold characters str.splitlines breaks at.
    lines = (line.strip(" \t\r") for line in html.split("\n"))
    return "\n".join(line for line in lines if line)


def markdown_page(title: str, description: str, body: str, search_exclude: bool = False) -> str:
    """A generated Markdown page: front matter with its title and description, the title as its heading, then body (HTML)."""
    page = environment().get_template("page.md").render(title=title, description=description, body=safe(body),
                                                        search_exclude=search_exclude)
    return page + "\n"


def _json(value: Any) -> Markup:
    """A value as JSON, for front matter (not for HTML: nothing in it is escaped)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def safe(html: str) -> Markup:
    """HTML that the portal made itself (already escaped), to be inserted as it is."""
    return Markup(html)
