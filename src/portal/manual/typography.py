"""Czech print typography: no one-letter word at a line end, dates, sizes and plurals as Czech readers write them."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

from portal.text import file_size, plural  # noqa: F401 - re-exported for the manual

NBSP = "\u00a0"

# A one-letter preposition or conjunction (also capitalised at a sentence start) and the white space after it.
_SHORT_WORD = re.compile(r"(?<![\w.\-/@&])([ksvzouaiKSVZOUAI])[ \t\r\n]+")

# A text node that ends with such a word: the space that follows may open the next text node ('<em>k</em> lidem').
_ENDS_SHORT = re.compile(r"(?<![\w.\-/@&])[ksvzouaiKSVZOUAI]$")
_LEADING_SPACE = re.compile(r"^[ \t\r\n]+")
# Inline elements: a word inside them still runs on into the text after them.
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u", "del", "ins"}

# Text inside these elements is left exactly as it is.
_RAW = {"script", "style", "title", "pre", "code", "svg", "math", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

MONTHS_GENITIVE = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
                   "listopadu", "prosince"]


def bind_short_words(text: str) -> str:
    """Replace the space after a one-letter preposition or conjunction with a no-break space: 'v Praze' -> 'v\u00a0Praze'."""
    return _SHORT_WORD.sub(lambda m: m[1] + NBSP, text)


def bind_short_words_html(html: str) -> str:
    """bind_short_words applied to the text nodes of an HTML document; tags, attributes and code stay untouched."""
    rewriter = _TextRewriter()
    rewriter.feed(html)
    rewriter.close()
    return rewriter.result()


def start_tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool = False) -> str:
    """Serialise a start tag, every attribute value escaped again."""
    parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"' for name, value in attrs]
    return "<" + " ".join(parts) + ">"


class _TextRewriter(HTMLParser):
    """Re-serialises HTML unchanged except for the text nodes outside raw-text elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._raw_depth = 0
        self._pending = False  # the last text ended with a one-letter word and only inline tags came since

    def result(self) -> str:
        return "".join(self._out)

    def handle_decl(self, decl: str) -> None:
        self._out.append(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._out.append(start_tag(tag, attrs))
        self._pending = self._pending and tag in _INLINE
        if tag in _RAW and tag not in VOID:
            self._raw_depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self._out.append(f"</{tag}>")
        self._pending = self._pending and tag in _INLINE
        if tag in _RAW and self._raw_depth:
            self._raw_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cdata_elem is not None:  # inside <script> or <style>: the parser passed the text through unescaped
            self._out.append(data)
            return
        if self._raw_depth:
            self._out.append(escape(data, quote=False))
            return
        text = bind_short_words(data)
        if self._pending and _LEADING_SPACE.match(text):
            text = _LEADING_SPACE.sub(NBSP, text, count=1)
        if text:
            self._pending = bool(_ENDS_SHORT.search(text))
        self._out.append(escape(text, quote=False))

    def handle_comment(self, data: str) -> None:
        pass  # comments never reach the print


def czech_long_date(day: date) -> str:
    """A date as it is printed on a title page: '23. listopadu 2026'."""
    return f"{day.day}. {MONTHS_GENITIVE[day.month - 1]} {day.year}"
