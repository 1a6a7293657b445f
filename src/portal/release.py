"""The date of an edition: the day of the build, or SOURCE_DATE_EPOCH's day for a reproducible build."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def edition_date() -> date:
    """The build date, or SOURCE_DATE_EPOCH's date (UTC) when that variable holds a number of seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
