"""Czech typography for the web and the print: no line break after a one-letter word, inside a number, before 'Kč' or '%', in a date.

Works on the text nodes of HTML (one tokenizing regular expression, checked against html.parser by the tests): tags, attributes, comments, code,
pre, scripts and addresses written in the text are never changed. The PDF manual and the web pages use
the same rules, so a page and its printed chapter break lines the same way.
"""

from __future__ import annotations

import re
from html import escape, unescape

from portal.czech.formats import MONTHS_GENITIVE, MONTHS_NOMINATIVE, NBSP, file_size, plural  # noqa: F401 - re-exported for the manual
from portal.html_names import VOID

# A one-letter preposition or conjunction (also capitalised at a sentence start) and the white space after it.
_SHORT_WORD = re.compile(r"(?<![\w.\-/@&])([ksvzouaiKSVZOUAI])[ \t\r\n]+")

# A text node that ends with such a word: the space that follows may open the next text node ('<em>k</em> lidem').
_ENDS_SHORT = re.compile(r"(?<![\w.\-/@&])[ksvzouaiKSVZOUAI]$")
_LEADING_SPACE = re.compile(r"^[ \t\r\n]+")
# Inline elements: a word inside them still runs on into the text after them.
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u", "del", "ins"}

# Text inside these elements is left exactly as it is.
_RAW = {"script", "style", "title", "pre", "code", "kbd", "samp", "svg", "math", "textarea"}

_MONTH = "|".join(sorted(set(MONTHS_GENITIVE + MONTHS_NOMINATIVE), key=len, reverse=True))
_SPACE = r"[ \t\r\n]+"

# Each rule: a pattern whose groups 1 and 2 surround the white space that becomes one no-break space.
_RULES = [
    # digit groups of one number: '14 380 663,20'
    re.compile(rf"(?<![\w,.])(\d{{1,3}}){_SPACE}(?=\d{{3}}(?!\d))"),
    # a number and its unit: '437 903 Kč', '85 %'
    re.compile(rf"(\d[\d,.–-]*){_SPACE}(?=(?:Kč|%|‰)(?!\w))"),
    # a date: '31. 12. 2025', '1. ledna 2023'
    re.compile(rf"(?<!\d)(\d{{1,2}}\.){_SPACE}(?=(?:\d{{1,2}}\.|{_MONTH})(?!\w))"),
    re.compile(rf"(?<!\w)((?:\d{{1,2}}\.|{_MONTH})){_SPACE}(?=\d{{4}}(?!\d))"),
    # abbreviations of legal forms: 'z. s.', 'o. p. s.', 's. r. o.'
    re.compile(rf"(?<![\w.])([a-z]\.){_SPACE}(?=[a-z]\.)"),
]
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def bind_short_words(text: str) -> str:
    """Replace the space after a one-letter preposition or conjunction with a no-break space: 'v Praze' -> 'v\u00a0Praze'."""
    return _SHORT_WORD.sub(_KEEP_GROUP, text)


def bind_text(text: str) -> str:
    """Every rule of Czech typography on plain text; web and e-mail addresses written in it stay as they are."""
    if "/" not in text and "@" not in text and "www." not in text:
        return _bind_plain(text)  # no address can be in it
    out, last = [], 0
    for url in _URL.finditer(text):
        out.append(_bind_plain(text[last:url.start()]))
        out.append(url[0])
        last = url.end()
    out.append(_bind_plain(text[last:]))
    return "".join(out)


_KEEP_GROUP = "\\1" + NBSP  # a template, not a function: no Python call per match


def _bind_plain(text: str) -> str:
    if " " not in text and "\t" not in text and "\n" not in text and "\r" not in text:
        return text  # every rule replaces white space
    text = _SHORT_WORD.sub(_KEEP_GROUP, text)
    rules = _RULES if _DIGIT.search(text) else _RULES[-1:]  # all but the last need a digit; the dates' months are slow to try
    for rule in rules:
        text = rule.sub(_KEEP_GROUP, text)
    return text


def typeset_html(html: str, keep_comments: bool = True) -> str:
    """Czech typography on the text nodes of an HTML fragment or document; tags, attributes and code stay untouched.

    Tokenised by one regular expression over serialised HTML (our templates, Python-Markdown, nh3), with the same
    output as the html.parser rewriter below (_TextRewriter, kept as the reference the tests compare with) at a
    fraction of its cost: the rewriter was a tenth of a build's time.
    """
    out: list[str] = []
    pending = False  # the last text ended with a one-letter word and only inline tags came since
    raw_depth = 0
    pos = 0
    end = len(html)
    while pos < end:
        m = _TOKEN.search(html, pos)
        stop = m.start() if m else end
        if stop > pos:  # text up to the next tag
            data = unescape(html[pos:stop])
            if raw_depth:
                out.append(escape(data, quote=False))
            else:
                text = bind_text(data)
                if pending and _LEADING_SPACE.match(text):
                    text = _LEADING_SPACE.sub(NBSP, text, count=1)
                if text:
                    pending = bool(_ENDS_SHORT.search(text))
                out.append(escape(text, quote=False))
        if m is None:
            break
        token = m[0]
        pos = m.end()
        if m["end"]:
            tag = m["end"].lower()
            if tag in VOID:
                continue
            out.append(f"</{tag}>")
            pending = pending and tag in _INLINE
            if tag in _RAW and raw_depth:
                raw_depth -= 1
        elif m["start"]:
            tag = m["start"].lower()
            out.append(token)
            pending = pending and tag in _INLINE
            if token.endswith("/>"):
                continue
            if tag in ("script", "style"):  # raw text up to the closing tag, passed through as it is
                close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, pos)
                inner_end = close.start() if close else end
                out.append(html[pos:inner_end])
                pos = inner_end
            if tag in _RAW and tag not in VOID:
                raw_depth += 1
        elif token.startswith("<!--"):
            if keep_comments:
                out.append(token)
        else:  # <!DOCTYPE …>, <![CDATA[…]]>, <?…>
            out.append(token)
    return "".join(out)


# A tag as serialisers write it (attribute values quoted, so '>' may stand inside them), a comment, a declaration.
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|</(?P<end>[a-zA-Z][^\s/>]*)\s*>"
    r"|<(?P<start>[a-zA-Z][^\s/>]*)(?:[\s/]+[^\s/>\"'=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*[\s/]*>"
    r"|<![^>]*>|<\?[^>]*>",
    re.DOTALL)


def bind_short_words_html(html: str) -> str:
    """The print's pass: Czech typography on every text node, comments dropped (they never reach the print)."""
    return typeset_html(html, keep_comments=False)


def start_tag(tag: str, attrs: list[tuple[str, str | None]], self_closing: bool = False) -> str:
    """Serialise a start tag, every attribute value escaped again."""
    parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"' for name, value in attrs]
    return "<" + " ".join(parts) + ">"
