"""When each content file was first published and last changed, from git (file times as a fallback)."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path


def file_dates(root: Path, paths: list[str]) -> dict[str, tuple[datetime, datetime]]:
    """(created, updated) per relative path: one `git log` pass over the content folders."""
    seen: dict[str, list[datetime]] = {}
    try:
        out = subprocess.run(["git", "log", "--format=@@commit %cI", "--name-only", "--no-renames", "--", *{p.split('/')[0] for p in paths}],
                             cwd=root, capture_output=True, text=True, timeout=120, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    for block in out.split("@@commit ")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        when = datetime.fromisoformat(lines[0])
        for name in lines[1:]:
            seen.setdefault(name, []).append(when)
    dates = {}
    for path in paths:
        if path in seen:  # git lists newest first
            dates[path] = (seen[path][-1], seen[path][0])
        else:  # not committed yet: the file's own time
            mtime = datetime.fromtimestamp((root / path).stat().st_mtime, tz=timezone.utc)
            dates[path] = (mtime, mtime)
    return dates
