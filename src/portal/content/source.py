"""A parsed content file: its front matter with the line of every value, its Markdown body and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.content.problems import Problem

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed file: front-matter data, the line of every value, the Markdown body, and problems."""

    path: str
    meta: dict | None = None
    lines: dict[Path_, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    # Values that could not be read: already reported, so the schema check stays quiet about them.
    broken: set[Path_] = field(default_factory=set)

    def line(self, path: Path_) -> int:
        """Line of a value, or of its nearest parent that has one (the header's first line at worst)."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def dotted(path: Path_) -> str:
    """A field path as editors read it: funding.sources[1].amount."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
