"""When each content file was first published and last changed, from git (file times as a fallback)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


def file_dates(root: Path, paths: list[str]) -> dict[str, tuple[datetime, datetime]]:
    """(created, updated) per relative path: one `git log` pass over the content folders."""
    seen: dict[str, list[datetime]] = {}
    for when, names in _commits(root, sorted({p.split("/")[0] for p in paths})):
        for name in names:
            seen.setdefault(name, []).append(when)
    dates = {}
    for path in paths:
        if path in seen:  # git lists newest first
            dates[path] = (seen[path][-1], seen[path][0])
        else:  # not committed yet: the file's own time
            mtime = datetime.fromtimestamp((root / path).stat().st_mtime, tz=UTC)
            dates[path] = (mtime, mtime)
    return dates


def _commits(root: Path, folders: list[str]) -> list[tuple[datetime, list[str]]]:
    """(commit time, changed files) newest first. NUL-separated: a file name may contain any text, even line breaks."""
    try:
        out = subprocess.run(["git", "log", "-z", "--format=%x1e%cI", "--name-only", "--no-renames", "--", *folders],
                             cwd=root, capture_output=True, timeout=120, check=True).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return []
    commits: list[tuple[datetime, list[str]]] = []
    after_date = False
    for field in out.split("\0"):
        when = _commit_time(field)
        if when is not None:
            commits.append((when, []))
            after_date = True
        elif field and commits:
            commits[-1][1].append(field[1:] if after_date and field.startswith("\n") else field)  # git puts one line break after the format
            after_date = False
    return commits


def _commit_time(field: str) -> datetime | None:
    """The commit time of a '\\x1e<ISO time>' field, None for a file name."""
    if not field.startswith("\x1e"):
        return None
    try:
        return datetime.fromisoformat(field[1:].strip())
    except ValueError:
        return None
