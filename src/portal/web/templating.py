"""HTML fragments from Jinja templates with autoescape: every value from content is escaped unless marked safe.

Fragments go into Markdown pages, where an indented line after an empty line would become a code
block; `render` therefore returns the fragment without indentation and empty lines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from portal.czech.text import czech_date, czk, number, percent, plural

TEMPLATES = Path(__file__).parent.parent / "templates"


@cache
def environment() -> Environment:
    """One environment: autoescape on, undefined names are errors, Czech number filters."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters.update(czk=czk, number=number, percent=percent, czech_date=lambda value: czech_date(str(value)))
    env.globals.update(plural=plural)
    return env


def render(name: str, **context: Any) -> str:
    """A template rendered to one block of HTML lines, none indented, none empty."""
    html = environment().get_template(name).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def safe(html: str) -> Markup:
    """HTML that the portal made itself (already escaped), to be inserted as it is."""
    return Markup(html)


def macro(name: str, macro_name: str, *args: Any) -> str:
    """One macro of a template called with the given values, as one block of HTML lines (like render)."""
    html = str(getattr(environment().get_template(name).module, macro_name)(*args))
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
