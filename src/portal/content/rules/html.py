"""Rules for raw HTML in a body: only the portal's allowed tags and attributes, no scripts, handlers or unsafe URLs.

The HTML tokenizer (html.parser) reads the body's live text as one piece (portal.content.rules.markdown:
code blanked as the renderer makes it, quote markers blanked as the renderer strips them), so a tag split
over lines, inside a table, list, quote or footnote, is read as the browser will read it, at its line.
Each rule judges one tag or one attribute; for an attribute, the first rule that applies has the say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.inlinepatterns import HTML_RE

from portal.content.html_policy import (
    MAX_SPAN,
    RESERVED_CLASS_PREFIXES,
    SCRIPT_TAGS,
    URL_ATTRIBUTES,
    VIDEO_ATTRIBUTES,
    WEB,
    is_reserved_id,
    srcset_urls,
)
from portal.content.problems import BODY, LIMIT, Problem
from portal.content.rules.links import Link, outside_image, target_problems
from portal.content.rules.markdown import read, spaces
from portal.content.weburl import VIDEO_HOSTS, WEB_SCHEMES, judge, video_url
from portal.czech.formats import number
from portal.html_names import VOID

MAX_TAGS = 2000           # raw HTML tags
MAX_TAG_DEPTH = 40        # raw HTML elements inside each other

LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "codebase", "archive", "manifest"}
_DECLARATION = re.compile(r"<(!|\?)")
# Where the renderer (Python-Markdown) finds an inline tag, with its own pattern.
_INLINE_TAG = re.compile(HTML_RE, re.DOTALL)


@dataclass(frozen=True)
class Tag:
    """One start tag as the browser reads it, at its line in the file, with what the rules need to know of the place."""

    line: int
    name: str
    attrs: dict[str, str]

    @property
    def video(self) -> bool:
        """An <iframe> of an allow-listed video host (shown as a click-to-load link)."""
        return self.name == "iframe" and video_url(self.attrs.get("src", "")) is not None

    @property
    def allowed(self) -> bool:
        return self.name in WEB.tags or self.video


class _TagScanner(HTMLParser):
    """Every start tag of the live text with its line, and the deepest nesting of elements with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []
        self.depth = 0
        self.deepest = (0, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))
        if tag not in VOID:
            self.depth += 1
            self.deepest = max(self.deepest, (self.depth, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)


def _scan(text: str) -> _TagScanner:
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    return scanner


def _only(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with everything outside the spans blanked (line breaks kept, so positions stay)."""
    out, last = [], 0
    for start, end in spans:
        out.append(spaces(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(spaces(text[last:]))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Tag rules
# ---------------------------------------------------------------------------------------------

def rule_tag_allowed(tag: Tag) -> str | None:
    """Only the portal's allowed tags; an <iframe> only for an allow-listed video; no scripts, styles, forms or frames."""
    if tag.name == "iframe" and not tag.video:
        return f"značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: {', '.join(sorted(VIDEO_HOSTS))}); odstraňte ji"
    if tag.name in SCRIPT_TAGS and not tag.video:
        return f"značka <{tag.name}> není v příspěvcích povolena; odstraňte ji"
    if not tag.allowed:
        return f"značka <{tag.name}> není v příspěvcích povolena; povolené značky jsou: {', '.join(sorted(WEB.tags))}"
    return None


# ---------------------------------------------------------------------------------------------
# Attribute rules: each returns None when it does not apply, else its messages (maybe none)
# ---------------------------------------------------------------------------------------------

Context = tuple[set[str] | None, dict[str, str], "list[Link] | None"]  # repository files, content folders, links found


def rule_no_event_handler(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """No event handler attribute (on…): it runs a script."""
    return [f"atribut '{name}' (spouštění skriptu) není povolen; odstraňte ho"] if name.startswith("on") else None


def rule_no_style(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """No style attribute: the portal decides how a page looks."""
    return ["atribut 'style' není povolen; vzhled určuje portál"] if name == "style" else None


def rule_url_attribute(tag: Tag, name: str, value: str, ctx: Context) -> list[str | Link] | None:
    """An address in an attribute is http(s) or relative, loads nothing from another host, and points at an existing file."""
    if name not in URL_ATTRIBUTES:
        return None
    if not tag.allowed:
        judged = judge(value)
        if judged is not None and judged.scheme not in WEB_SCHEMES:
            return [f"adresa se schématem '{judged.scheme}:' není povolena; použijte odkaz začínající https://"]
        return []
    if tag.video and name == "src":
        return []
    return list(_url_problems(tag, name, value))


def _url_problems(tag: Tag, name: str, value: str) -> Iterator[str | Link]:
    """The messages about one address attribute, and the links to files of this site (yielded as Link, judged later)."""
    for url in srcset_urls(value) if name == "srcset" else [value]:
        judged = judge(url)
        if judged is None:
            yield f"adresu '{url[:60]}' nelze přečíst; opravte ji"
        elif judged.host is None and judged.scheme == "https":  # stays on this site
            if name in ("href", "src"):
                yield Link(tag.line, url, name != "href")
        elif judged.scheme not in WEB_SCHEMES:
            yield f"adresa se schématem '{judged.scheme}:' není povolena; použijte odkaz začínající https://"
        elif name in LOADING_ATTRIBUTES:
            yield outside_image(judged.host or "")


def rule_attribute_allowed(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """Only the attributes the portal allows on an allowed tag (an embedded video: its player's few)."""
    allowed = VIDEO_ATTRIBUTES if tag.video else WEB.attributes_of(tag.name)
    if name not in allowed and tag.allowed:
        return [f"atribut '{name}' u značky <{tag.name}> není povolen; odstraňte ho"]
    return None


def rule_id_not_reserved(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """An id or name is not one of the portal's own (kp-, md-, __)."""
    if name in ("id", "name") and is_reserved_id(value):
        return [f"identifikátor '{value}' je vyhrazen pro portál; zvolte jiný"]
    return None


def rule_class_not_reserved(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """No class of the portal's own namespaces (kp-, md-)."""
    if name == "class" and any(c.startswith(RESERVED_CLASS_PREFIXES) for c in value.split()):
        return [f"třídy začínající {', '.join(RESERVED_CLASS_PREFIXES)} jsou vyhrazeny pro portál; odstraňte je"]
    return None


def rule_span_bounded(tag: Tag, name: str, value: str, ctx: Context) -> list[str] | None:
    """A table cell spans 1 to MAX_SPAN columns or rows: a million columns never finish their layout."""
    if name in ("colspan", "rowspan") and not (value.strip().isdigit() and 1 <= int(value.strip()[:6]) <= MAX_SPAN):
        return [f"atribut '{name}' musí být celé číslo od 1 do {MAX_SPAN}; uvedeno '{value[:20]}'"]
    return None


AttributeRule = Callable[[Tag, str, str, Context], "list | None"]
ATTRIBUTE_RULES: list[AttributeRule] = [rule_no_event_handler, rule_no_style, rule_url_attribute, rule_attribute_allowed,
                                        rule_id_not_reserved, rule_class_not_reserved, rule_span_bounded]


def tag_problems(path: str, tag: Tag, repo_files: set[str] | None, folders: dict[str, str],
                 found: list[Link] | None = None) -> Iterator[Problem]:
    """The tag rule, then for each attribute the first attribute rule that applies."""
    message = rule_tag_allowed(tag)
    if message:
        yield Problem(path, tag.line, BODY, message)
    ctx: Context = (repo_files, folders, found)
    for name, value in tag.attrs.items():
        for rule in ATTRIBUTE_RULES:
            said = rule(tag, name, value, ctx)
            if said is None:
                continue
            for item in said:
                if isinstance(item, Link):
                    if repo_files is not None:
                        yield from target_problems(path, item, repo_files, folders)
                    elif found is not None:
                        found.append(item)
                else:
                    yield Problem(path, tag.line, BODY, item)
            break


def html_problems(path: str, body: str, first_line: int, repo_files: set[str] | None = None,
                  content_folders: dict[str, str] | None = None, found: list[Link] | None = None) -> Iterator[Problem]:
    """Raw HTML: no comments or declarations, a bounded number and depth of tags, and every tag by the rules above.

    Without `repo_files`, links to files of this site are put in `found` (when given), to be checked later.
    """
    parsed = read(body)
    live = parsed.live
    if "<" not in live and "<!" not in parsed.text and "<?" not in parsed.text:
        return
    # Comments are read by the renderer before code spans: one is refused even inside backticks.
    for m in _DECLARATION.finditer(parsed.text):
        line = first_line + parsed.line_at(m.start())
        yield Problem(path, line, BODY, "komentáře a deklarace HTML ('<!…>', '<?…>') nejsou v příspěvcích povoleny; odstraňte je")
    text = _DECLARATION.sub("  ", live)
    scanner = _scan(text)
    # A browser reads raw HTML blocks as the tokenizer does, but the renderer finds inline tags on its own: a '<'
    # inside what the tokenizer took for one tag may start a tag of the renderer's, so those are read once more.
    inline = _scan(_only(text, [m.span() for m in _INLINE_TAG.finditer(text)]))
    seen = {(line, name) for line, name, _ in scanner.tags}
    scanner.tags += [t for t in inline.tags if (t[0], t[1]) not in seen or t not in scanner.tags]
    if len(scanner.tags) > MAX_TAGS:
        yield Problem(path, first_line, BODY, f"text má {number(len(scanner.tags))} značek HTML; nejvýše {number(MAX_TAGS)}, pište Markdown", LIMIT)
        return
    if scanner.deepest[0] > MAX_TAG_DEPTH:
        yield Problem(path, first_line + scanner.deepest[1] - 1, BODY, f"značky HTML jsou vnořené do hloubky {scanner.deepest[0]}; nejvýše {MAX_TAG_DEPTH}, uzavírejte je (</…>)")
    for line, name, attrs in scanner.tags:
        if ":" in name or "@" in name:
            continue  # '<https://…>' and '<jana@…>' are Markdown autolinks, not tags
        tag = Tag(first_line + line - 1, name, {k.lower(): (v or "") for k, v in attrs})
        yield from tag_problems(path, tag, repo_files, content_folders or {}, found)
