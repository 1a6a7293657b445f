"""Sanitised print HTML (markup.py's output) turned into Typst markup that cannot run anything.

Every piece of text becomes a Typst string literal (`#"…"`), so contributed text is never read as Typst
markup or code: `#import`, `#read(...)`, `*`, `_`, `=` or `//` in a case stay plain characters. Only the
tags the sanitiser keeps are translated; anything else keeps its text and loses its markup. Internal
links point to labels; a link to an id that the document does not define becomes plain text (Typst
would fail on it). Pictures are files inside the repository: `picture()` maps them to paths under the
compile root, which holds nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from portal.manual.html_tree import Node, parse, plain

_SPACE = re.compile(r"[ \t\r\n\f]+")  # not \s: a no-break space must stay
_LABEL_OK = re.compile(r"[^A-Za-z0-9_:.\-]")

BLOCK = {"p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
         "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "caption"}
_INLINE = {"em": "emph", "i": "emph", "cite": "emph", "var": "emph", "strong": "strong", "b": "strong",
           "u": "underline", "ins": "underline", "s": "strike", "del": "strike", "mark": "highlight",
           "sub": "sub", "sup": "super", "small": "text.with(size: 0.85em)"}


_SPANS = {"kp-met": "kp-met", "kp-unmet": "kp-unmet", "regno": "kp-code", "email": "kp-plain", "phone": "kp-plain",
          "kp-note": "kp-plain", "kp-omitted": "emph"}


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "") + '"'


def text(value: str) -> str:
    """Plain text as Typst markup that shows exactly these characters (white space folded, no-break spaces kept)."""
    value = _SPACE.sub(" ", value)
    return f"#{string(value)}" if value else ""


def label(name: str) -> str:
    """A Typst label for an HTML id (characters Typst does not allow become '-')."""
    return "<" + _LABEL_OK.sub("-", name) + ">"


Picture = Callable[[str], str | None]


class Converter:
    """HTML tree -> Typst markup; `targets` are the ids a link may point to, `picture` maps file:// URLs to root paths."""

    def __init__(self, targets: set[str], picture: Picture, level_base: int = 0, refs: dict[str, str] | None = None,
                 heading_args: str = "outlined: false, bookmarked: false") -> None:
        self.targets = targets
        self.picture = picture
        self.level_base = level_base  # h(level_base + 1) is depth 1 below the chapter title
        self.refs = refs or {}        # ids outside this text (other chapters) with their web address
        self.heading_args = heading_args
        self.placed: set[str] = set()

    def convert(self, html: str) -> str:
        return self.blocks(parse(html).children)

    # ---- helpers ----
    def anchor(self, node: Node) -> str:
        """A label after an element with an id, once per id and only when a link points to it."""
        ident = node.attrs.get("id", "")
        if ident and ident in self.targets and ident not in self.placed:
            self.placed.add(ident)
            return f"#metadata(none) {label(ident)}"
        return ""

    def inline(self, children: list[Node | str]) -> str:
        return "".join(self.node(c) for c in children)

    def blocks(self, children: list[Node | str]) -> str:
        """Block-level children separated by paragraph breaks; runs of inline content form paragraphs."""
        out: list[str] = []
        run: list[Node | str] = []

        def flush() -> None:
            content = self.inline(run).strip()
            if content and content != '#" "':
                out.append(content)
            run.clear()

        for child in children:
            if isinstance(child, Node) and child.tag in BLOCK:
                flush()
                out.append(self.node(child))
            else:
                run.append(child)
        flush()
        return "\n\n".join(o for o in out if o)

    def content(self, node: Node) -> str:
        """Children as a content block: block layout if any child is a block, else inline."""
        if any(isinstance(c, Node) and c.tag in BLOCK for c in node.children):
            return "[" + self.blocks(node.children) + "]"
        return "[" + self.inline(node.children).strip() + "]"

    # ---- elements ----
    def node(self, n: Node | str) -> str:
        if isinstance(n, str):
            return text(n)
        tag, a = n.tag, n.attrs
        mark = self.anchor(n)
        if tag in _INLINE:
            return f"{mark}#{_INLINE[tag]}{self.content(n)}"
        if tag == "p":
            return mark + self.inline(n.children).strip()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            depth = max(1, int(tag[1]) - self.level_base)
            return f"#heading(depth: {depth}, {self.heading_args}){self.content(n)}{mark}"
        if tag == "br":
            return "#linebreak()"
        if tag == "hr":
            return "#line(length: 30%, stroke: 0.5pt + rgb(\"#9fb6bf\"))"
        if tag == "a":
            return mark + self.link(n)
        if tag == "img":
            return self.image(n)
        if tag in ("code", "kbd", "samp"):
            return f"{mark}#raw({string(plain(n))})"
        if tag == "pre":
            return f"{mark}#kp-pre(raw(block: true, {string(plain(n).rstrip())}))"
        if tag in ("ul", "ol"):
            items = [self.content(c) for c in n.children if isinstance(c, Node) and c.tag == "li"]
            marks = "".join(self.anchor(c) for c in n.children if isinstance(c, Node) and c.tag == "li")
            if not items:
                return mark
            if tag == "ul":
                return f"{mark}{marks}#list({', '.join(items)})"
            start = a.get("start", "1")
            start = start if start.isdigit() else "1"
            return f"{mark}{marks}#enum(start: {start}, {', '.join(items)})"
        if tag == "li":  # a stray item outside a list
            return self.blocks(n.children)
        if tag == "dl":
            return mark + self.terms(n)
        if tag == "blockquote":
            return f"{mark}#kp-quote{self.content(n)}"
        if tag == "table":
            return mark + self.table(n)
        if tag == "div":
            classes = set(a.get("class", "").split())
            if "footnote" in classes:
                return f"{mark}#kp-footnotes{self.content(n)}"
            if classes:  # admonition
                return f"{mark}#kp-admonition{self.content(n)}"
            return mark + self.blocks(n.children)
        if tag in ("figure", "figcaption", "caption", "dt", "dd", "thead", "tbody", "tfoot", "tr", "th", "td"):
            return mark + self.blocks(n.children)
        if tag == "q":
            return f"{mark}#\"„\"{self.inline(n.children)}#\"“\""
        if tag == "span" and a.get("class") in _SPANS:
            return f"{mark}#{_SPANS[a['class']]}{self.content(n)}"
        return mark + self.inline(n.children)  # span, abbr and anything else: text only

    def link(self, n: Node) -> str:
        href = n.attrs.get("href", "")
        classes = n.attrs.get("class", "")
        if "footnote-backref" in classes:  # the web's "back" arrow has no use on paper
            return ""
        body = self.content(n)
        if body == "[]":
            body = "[" + text(href) + "]"
        if href.startswith("#"):
            target = href[1:]
            if target in self.targets:
                return f"#link({label(target)}){body}"
            if target in self.refs:
                return f"#kp-ref({string(target)}, {string(self.refs[target])}){body}"
            return body[1:-1]
        if urlsplit(href).scheme.lower() in ("http", "https", "mailto", "tel"):
            return f"#link({string(href)}){body}"
        return body[1:-1]

    def image(self, n: Node) -> str:
        src, alt = n.attrs.get("src", ""), n.attrs.get("alt", "")
        path = self.picture(src) if src.startswith("file:") else None
        if path is None:
            return text(f"[Obrázek „{alt.strip()}“ je k dispozici ve webové verzi.]" if alt.strip()
                        else "[Obrázek je k dispozici ve webové verzi.]")
        return f"#kp-image({string(path)}, alt: {string(alt)})"

    def terms(self, n: Node) -> str:
        items: list[str] = []
        term = "[]"
        for child in n.children:
            if not isinstance(child, Node):
                continue
            if child.tag == "dt":
                term = self.content(child)
            elif child.tag == "dd":
                items.append(f"terms.item({term}, {self.content(child)})")
        return f"#terms({', '.join(items)})" if items else ""

    def table(self, n: Node) -> str:
        head: list[list[Node]] = []
        body: list[list[Node]] = []
        caption = ""
        for section in n.children:
            if not isinstance(section, Node):
                continue
            if section.tag == "caption":
                caption = self.content(section)
            rows = [section] if section.tag == "tr" else [r for r in section.children if isinstance(r, Node) and r.tag == "tr"]
            for row in rows:
                cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]
                (head if section.tag == "thead" else body).append(cells)
        columns = max((sum(_span(c, "colspan") for c in row) for row in head + body), default=0)
        if not columns:
            return ""

        def cell(c: Node, header: bool) -> str:
            args = []
            if _span(c, "colspan") > 1:
                args.append(f"colspan: {_span(c, 'colspan')}")
            if _span(c, "rowspan") > 1:
                args.append(f"rowspan: {_span(c, 'rowspan')}")
            align = re.search(r"text-align:\s*(left|right|center)", c.attrs.get("style", ""))
            if align:
                args.append(f"align: {align[1]}")
            inner = self.content(c)
            if header or c.tag == "th":
                inner = f"[#strong{inner}]"
            return f"table.cell({', '.join(args)}){inner}" if args else inner

        parts = []
        if head:
            parts.append("table.header(" + ", ".join(cell(c, True) for row in head for c in row) + ")")
        parts += [cell(c, False) for row in body for c in row]
        table = f"#kp-table(columns: {columns}, {', '.join(parts)})"
        return f"#kp-caption{caption}\n\n{table}" if caption else table


def _span(node: Node, name: str) -> int:
    value = node.attrs.get(name, "1")
    return max(1, min(100, int(value))) if value.isdigit() else 1


def file_of(url: str) -> str:
    """The local path of a file:// URL."""
    return url2pathname(unquote(urlsplit(url).path))
