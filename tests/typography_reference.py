"""The test oracle for portal.czech.typography.typeset_html: the same rules applied by html.parser, slow and plain."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from portal.czech.typography import _ENDS_SHORT, _INLINE, _LEADING_SPACE, _RAW, NBSP, VOID, bind_text, start_tag


def typeset_html_reference(html: str, keep_comments: bool = True) -> str:
    """The same as typeset_html, by html.parser: the reference the fast tokeniser is tested against."""
    rewriter = _TextRewriter(keep_comments)
    rewriter.feed(html)
    rewriter.close()
    return rewriter.result()


class _TextRewriter(HTMLParser):
    """Re-serialises HTML unchanged except for the text nodes outside raw-text elements."""

    def __init__(self, keep_comments: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._raw_depth = 0
        self._keep_comments = keep_comments
        self._pending = False  # the last text ended with a one-letter word and only inline tags came since

    def result(self) -> str:
        return "".join(self._out)

    def handle_decl(self, decl: str) -> None:
        self._out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self._out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self._out.append(f"<?{data}>")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        # The tag as written: attribute names keep their case (SVG's viewBox) and values their quoting.
        self._out.append(self.get_starttag_text() or start_tag(tag, attrs))
        self._pending = self._pending and tag in _INLINE
        if tag in _RAW and tag not in VOID:
            self._raw_depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._out.append(self.get_starttag_text() or start_tag(tag, attrs))
        self._pending = self._pending and tag in _INLINE

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
        text = bind_text(data)
        if self._pending and _LEADING_SPACE.match(text):
            text = _LEADING_SPACE.sub(NBSP, text, count=1)
        if text:
            self._pending = bool(_ENDS_SHORT.search(text))
        self._out.append(escape(text, quote=False))

    def handle_comment(self, data: str) -> None:
        if self._keep_comments:
            self._out.append(f"<!--{data}-->")
