"""Validation problems and their one-line Czech rendering `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass

# Field names used for problems that are not about one front-matter field.
FILE = "soubor"
HEADER = "hlavička"
BODY = "text"


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one file, at one line, about one field."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def github(self) -> str:
        """Render as a GitHub Actions annotation, so CI shows it on the changed line."""
        msg = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{msg}"


def summary(problems: list[Problem]) -> str:
    """Czech one-line count of problems and files, with correct plural forms."""
    files = len({p.path for p in problems})
    return f"{_plural(len(problems), 'chyba', 'chyby', 'chyb')} v {_plural(files, 'souboru', 'souborech', 'souborech')}"


def _plural(n: int, one: str, few: str, many: str) -> str:
    """Czech plural: 1 chyba, 2–4 chyby, 5+ chyb."""
    word = one if n == 1 else few if 2 <= n <= 4 else many
    return f"{n} {word}"
