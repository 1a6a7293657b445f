"""Czech print typography: kept as the manual's import path; the rules live in portal.czech.typography, shared with the web."""

from __future__ import annotations

from portal.czech.typography import (  # noqa: F401 - re-exported for the manual
    MONTHS_GENITIVE,
    NBSP,
    VOID,
    bind_short_words,
    bind_short_words_html,
    bind_text,
    czech_long_date,
    file_size,
    plural,
    start_tag,
    typeset_html,
)
