"""Validation problems and their one-line Czech rendering `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as attribute

from portal.czech.formats import plural

# Field names used for problems that are not about one front-matter field.
FILE = "soubor"
HEADER = "hlavička"
BODY = "text"

# What a problem is, for the code that acts on it (never its wording, which editors read and we may change).
LIMIT = "limit"      # the body is over a size or count limit: it is not checked any further
MISSING = "missing"  # a required field is absent


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one file, at one line, about one field."""

    path: str
    line: int
    field: str
    message: str
    code: str = attribute(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def github(self) -> str:
        """Render as a GitHub Actions annotation (escaped as GitHub documents), so CI shows it on the changed line."""
        return f"::error file={_property(self.path)},line={self.line}::{_data(f'{self.field}: {self.message}')}"


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so no text can start a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also ':' and ',' escaped, which would end the property."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def summary(problems: list[Problem]) -> str:
    """Czech one-line count of problems and files, with correct plural forms."""
    files = len({p.path for p in problems})
    return f"{plural(len(problems), 'chyba', 'chyby', 'chyb', ' ')} {_v(files)} {plural(files, 'souboru', 'souborech', 'souborech', ' ')}"


def _v(n: int) -> str:
    """The preposition before a number as it is read aloud: 've 2 (dvou)', 'v 5 (pěti)'."""
    digits = str(n)
    spoken_dv_tr_ct_st = (digits[0] in "234" and len(digits) in (1, 2)) or (len(digits) == 2 and digits[0] == "1" and digits[1] in "234") \
        or (len(digits) == 3 and digits[0] in "1234")
    return "ve" if spoken_dv_tr_ct_st else "v"
