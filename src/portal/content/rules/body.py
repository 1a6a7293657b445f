"""Rules for the Markdown body of contributed files: safe HTML, safe and existing links, bounded size.

Contributed content is untrusted. These rules reject, with a line number, what must never reach a
reader's browser or the build machine, and everything the sanitiser (portal.web.sanitize) would silently
strip, so the editor learns why. Links come from a real Markdown token stream (markdown-it-py, with the
site's footnotes and tables), raw HTML from an HTML tokenizer fed the whole body, so a tag or a link split
over lines is still found at its line. Code is skipped only where the site's renderer makes it code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import PurePosixPath

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from portal.content.html_policy import (ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MAX_SPAN, RESERVED_CLASS_PREFIXES, is_reserved_id,
                           srcset_urls)
from portal.content.problems import BODY, Problem
from portal.czech.text import number
from portal.content.weburl import VIDEO_HOSTS, WEB_SCHEMES, judge, video_url

# Limits that keep every build and every check bounded in time and memory (see SECURITY.md).
MAX_BODY_CHARS = 200_000
MAX_LINES = 3000          # Python-Markdown's lists and tables grow worse than linearly with lines
MAX_ITEMS = 1000          # list items, table rows (4,000 list items take the renderer over a second)
MAX_HEADINGS = 300
MAX_LINE_CHARS = 10_000   # one paragraph line; markdown-it and Python-Markdown slow down on huge lines
MAX_LINKS = 1000
MAX_TAGS = 2000           # raw HTML tags
MAX_TAG_DEPTH = 40        # raw HTML elements inside each other
MAX_NESTING = 12          # nested quotes and lists
MAX_WORD = 150            # characters without a space: longer runs overflow the printed page
MAX_REPORTED = 20         # problems of one kind per file; the rest are summarised

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "background", "xlink:href", "data",
                  "cite", "longdesc", "usemap", "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "codebase", "archive", "manifest"}
SCRIPT_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea",
               "link", "meta", "base", "frame", "frameset", "svg", "math", "template", "applet"}

_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_EMAIL = re.compile(r"(?<![\w.+:-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_DECLARATION = re.compile(r"<(!|\?)")
_TAG_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Link:
    """A link or image target found in a body, with its line in the file."""

    line: int
    target: str
    image: bool


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """CommonMark with the site's tables, footnotes and definition lists; every URL kept as written."""
    md = MarkdownIt("commonmark", {"maxNesting": 4 * MAX_NESTING + 8}).enable("table")
    md.use(footnote_plugin).use(deflist_plugin)
    md.validateLink = lambda url: True  # judged by our rules with a message, not dropped silently
    md.normalizeLink = lambda url: url
    md.core.ruler.at("inline", _inline_with_links)
    return md


def _inline_with_links(state) -> None:  # noqa: ANN001 - markdown-it's StateCore
    """Inline parsing only where a link can start: CommonMark links, images, footnotes and autolinks all need '[' or '<'.

    The rules read only links and images from inline tokens, and most paragraphs have none: parsing them
    was half of the check's time.
    """
    for token in state.tokens:
        if token.type == "inline":
            if "[" in token.content or "<" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)
            else:
                token.children = []


def _fenced_spans(body: str) -> list[tuple[int, int]]:
    """Character spans of fenced code blocks exactly as the site's renderer (Python-Markdown fenced_code) finds them."""
    return [m.span() for m in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(body)]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces (line breaks kept, so positions map to the same lines)."""
    out = list(text)
    for start, end in spans:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)


@lru_cache(maxsize=4)
def _tokens(text: str) -> list[Token]:
    """The token stream of a (scannable) body, parsed once for all rules."""
    return _markdown().parse(text)


@lru_cache(maxsize=4)
def scannable(body: str) -> str:
    """The body with fenced code and single-line code spans blanked out: what the renderer treats as live."""
    text = _blank(body, _fenced_spans(body)) if "```" in body or "~~~" in body else body
    if "`" not in text:
        return text
    return "\n".join(_INLINE_CODE.sub(lambda m: " " * len(m[0]), line) if "`" in line else line for line in text.split("\n"))


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TagScanner(HTMLParser):
    """Every start tag of the whole body with its line, and the deepest nesting of elements with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []
        self.depth = 0
        self.deepest = (0, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))
        if tag not in _VOID:
            self.depth += 1
            self.deepest = max(self.deepest, (self.depth, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)


def html_problems(path: str, body: str, first_line: int, repo_files: set[str] | None = None,
                  content_folders: dict[str, str] | None = None, found: list[Link] | None = None) -> Iterator[Problem]:
    """Raw HTML: only the portal's allowed tags and attributes, no scripts, handlers, unsafe or outside URLs.

    Without `repo_files`, links to files of this site are put in `found` (when given), to be checked later.
    """
    text = scannable(body)
    for m in _DECLARATION.finditer(text):
        line = first_line + text.count("\n", 0, m.start())
        yield Problem(path, line, BODY, "komentáře a deklarace HTML ('<!…>', '<?…>') nejsou v příspěvcích povoleny; odstraňte je")
    scanner = _TagScanner()
    scanner.feed(_DECLARATION.sub("  ", text))
    scanner.close()
    if len(scanner.tags) > MAX_TAGS:
        yield Problem(path, first_line, BODY, f"text má {number(len(scanner.tags))} značek HTML; nejvýše {number(MAX_TAGS)}, pište Markdown")
        return
    if scanner.deepest[0] > MAX_TAG_DEPTH:
        yield Problem(path, first_line + scanner.deepest[1] - 1, BODY, f"značky HTML jsou vnořené do hloubky {scanner.deepest[0]}; nejvýše {MAX_TAG_DEPTH}, uzavírejte je (</…>)")
    for line, tag, attrs in scanner.tags:
        if not _TAG_NAME.match(tag):
            continue  # '<https://…>' and '<jana@…>' are Markdown autolinks, not tags
        yield from _tag_problems(path, first_line + line - 1, tag, attrs, repo_files, content_folders or {}, found)


def _tag_problems(path: str, at: int, tag: str, attrs: list[tuple[str, str | None]], repo_files: set[str] | None,
                  folders: dict[str, str], found: list[Link] | None = None) -> Iterator[Problem]:
    names = {k.lower(): (v or "") for k, v in attrs}
    video = tag == "iframe" and video_url(names.get("src", "")) is not None
    if tag == "iframe" and not video:
        yield Problem(path, at, BODY, f"značka <iframe> není v příspěvcích povolena (videa lze vložit jen z: {', '.join(sorted(VIDEO_HOSTS))}); odstraňte ji")
    elif tag in SCRIPT_TAGS and not video:
        yield Problem(path, at, BODY, f"značka <{tag}> není v příspěvcích povolena; odstraňte ji")
    elif tag not in ALLOWED_TAGS and not video:
        yield Problem(path, at, BODY, f"značka <{tag}> není v příspěvcích povolena; povolené značky jsou: {', '.join(sorted(ALLOWED_TAGS))}")
    allowed = {"src", "title", "width", "height", "allow", "allowfullscreen", "loading"} if video else \
        ALLOWED_ATTRIBUTES.get("*", set()) | ALLOWED_ATTRIBUTES.get(tag, set())
    for name, value in names.items():
        if name.startswith("on"):
            yield Problem(path, at, BODY, f"atribut '{name}' (spouštění skriptu) není povolen; odstraňte ho")
        elif name == "style":
            yield Problem(path, at, BODY, "atribut 'style' není povolen; vzhled určuje portál")
        elif name in URL_ATTRIBUTES:
            if tag in ALLOWED_TAGS or video:
                yield from _url_attribute_problems(path, at, tag, name, value, repo_files, folders, found)
            elif (scheme := judge(value)) is not None and scheme.scheme not in WEB_SCHEMES:
                yield Problem(path, at, BODY, f"adresa se schématem '{scheme.scheme}:' není povolena; použijte odkaz začínající https://")
        elif name not in allowed and (tag in ALLOWED_TAGS or video):
            yield Problem(path, at, BODY, f"atribut '{name}' u značky <{tag}> není povolen; odstraňte ho")
        elif name in ("id", "name") and is_reserved_id(value):
            yield Problem(path, at, BODY, f"identifikátor '{value}' je vyhrazen pro portál; zvolte jiný")
        elif name == "class" and any(c.startswith(RESERVED_CLASS_PREFIXES) for c in value.split()):
            yield Problem(path, at, BODY, f"třídy začínající {', '.join(RESERVED_CLASS_PREFIXES)} jsou vyhrazeny pro portál; odstraňte je")
        elif name in ("colspan", "rowspan") and not (value.strip().isdigit() and 1 <= int(value.strip()[:6]) <= MAX_SPAN):
            yield Problem(path, at, BODY, f"atribut '{name}' musí být celé číslo od 1 do {MAX_SPAN}; uvedeno '{value[:20]}'")


def _url_attribute_problems(path: str, at: int, tag: str, name: str, value: str, repo_files: set[str] | None,
                            folders: dict[str, str], found: list[Link] | None = None) -> Iterator[Problem]:
    if tag == "iframe" and name == "src" and video_url(value):
        return
    urls = srcset_urls(value) if name == "srcset" else [value]
    for url in urls:
        judged = judge(url)
        if judged is None:
            yield Problem(path, at, BODY, f"adresu '{url[:60]}' nelze přečíst; opravte ji")
        elif judged.host is None and judged.scheme == "https":  # stays on this site
            if name in ("href", "src") and repo_files is not None:
                yield from target_problems(path, Link(at, url, name != "href"), repo_files, folders)
            elif name in ("href", "src") and found is not None:
                found.append(Link(at, url, name != "href"))
        elif judged.scheme not in WEB_SCHEMES:
            yield Problem(path, at, BODY, f"adresa se schématem '{judged.scheme}:' není povolena; použijte odkaz začínající https://")
        elif name in LOADING_ATTRIBUTES:
            yield Problem(path, at, BODY, _outside_image(judged.host or ""))


def links(body: str, first_line: int) -> Iterator[Link]:
    """Every Markdown link, image, reference and autolink as the renderer sees them, at the line where its target stands."""
    text = scannable(body)
    lines = body.split("\n")
    for token in _tokens(text):
        if token.type != "inline" or not token.map:
            continue
        start, end = token.map
        for child in token.children or []:
            target = child.attrs.get("href") if child.type == "link_open" else child.attrs.get("src") if child.type == "image" else None
            if isinstance(target, str):
                yield Link(first_line + _line_of(lines, start, end, target), target, child.type == "image")


def _line_of(lines: list[str], start: int, end: int, target: str) -> int:
    """The line (0-based in the body) within a block where a link's target is written; a reference's own line when elsewhere."""
    for i in range(start, min(end, len(lines))):
        if target and target in lines[i]:
            return i
    for i, line in enumerate(lines):  # a reference definition: '[x]: <url>' may be anywhere in the body
        if target and target in line:
            return i
    return start


def size_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """The body's size is bounded before any parser sees it: characters, lines, line length, word length."""
    if len(body) > MAX_BODY_CHARS:
        return [Problem(path, first_line, BODY, f"text je příliš dlouhý ({number(len(body))} znaků); nejvýše {number(MAX_BODY_CHARS)} znaků, delší text rozdělte do více příkladů či metodik")]
    lines = body.split("\n")
    if len(lines) > MAX_LINES:
        return [Problem(path, first_line + MAX_LINES, BODY, f"text má {number(len(lines))} řádků; nejvýše {number(MAX_LINES)}, delší text rozdělte do více příkladů či metodik")]
    problems = [Problem(path, first_line + i, BODY, f"řádek má {number(len(line))} znaků; nejvýše {number(MAX_LINE_CHARS)}, rozdělte odstavec prázdným řádkem")
                for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS][:MAX_REPORTED]
    return problems + list(_long_words(path, body, first_line))


def structure_problems(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """The body is bounded in items, headings, links and nesting, closes its code blocks and names no e-mail address."""
    tokens = _tokens(scannable(body))
    counted = (("list_item_open", MAX_ITEMS, "položek seznamů", "rozdělte ho nebo data přiložte jako soubor"),
               ("tr_open", MAX_ITEMS, "řádků tabulek", "rozdělte ho nebo data přiložte jako soubor"),
               ("heading_open", MAX_HEADINGS, "nadpisů", "zjednodušte členění"))
    for kind, limit, what, advice in counted:
        found = [t for t in tokens if t.type == kind]
        if len(found) > limit:
            at = found[limit].map[0] if found[limit].map else 0
            yield Problem(path, first_line + at, BODY, f"text má {number(len(found))} {what}; nejvýše {number(limit)}, {advice}")
    link_count = sum(1 for t in tokens if t.type == "inline" for c in t.children or [] if c.type in ("link_open", "image"))
    if link_count > MAX_LINKS:
        yield Problem(path, first_line, BODY, f"text má {number(link_count)} odkazů a obrázků; nejvýše {number(MAX_LINKS)}")
    deep = _too_deep(tokens)
    if deep is not None:
        yield Problem(path, first_line + (deep.map[0] if deep.map else 0), BODY, f"příliš hluboké vnoření seznamů nebo citací; nejvýše {MAX_NESTING} úrovní")
    yield from _unclosed_fences(path, body, first_line)
    yield from _emails(path, body, first_line)


_CONTAINERS = ("bullet_list", "ordered_list", "blockquote")


def _too_deep(tokens: list[Token]) -> Token | None:
    """The first quote or list nested deeper than MAX_NESTING, if any."""
    depth = 0
    for token in tokens:
        if token.type.endswith("_open") and token.type.removesuffix("_open") in _CONTAINERS:
            depth += 1
            if depth > MAX_NESTING:
                return token
        elif token.type.endswith("_close") and token.type.removesuffix("_close") in _CONTAINERS:
            depth -= 1
    return None


_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))


def _long_words(path: str, body: str, first_line: int) -> Iterator[Problem]:
    if not _LONG_WORD.search(body):
        return  # one search of the whole text; the lines are read only when there is something to report
    reported = 0
    for i, line in enumerate(body.split("\n")):
        for word in re.findall(r"\S{%d,}" % (MAX_WORD + 1), line):
            if "](" in word or word.startswith(("http://", "https://", "<http")) and len(word) < 2000:
                continue  # a link target is not printed as a word
            yield Problem(path, first_line + i, BODY, f"slovo o {len(word)} znacích bez mezery ('{word[:30]}…') by přeteklo okraj stránky; nejvýše {MAX_WORD} znaků")
            reported += 1
            if reported >= MAX_REPORTED:
                return


def _unclosed_fences(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """A code block opened by ``` or ~~~ must be closed by the same line, or the text after it is not code."""
    if "```" not in body and "~~~" not in body:
        return
    text = _blank(body, _fenced_spans(body))
    for i, line in enumerate(text.split("\n")):
        if re.match(r"^\s{0,3}(```|~~~)", line):
            yield Problem(path, first_line + i, BODY, "blok kódu není uzavřen (nebo je odsazen); uzavřete ho na samostatném řádku stejnou značkou, jakou začíná, obě bez odsazení")
            return


def _emails(path: str, body: str, first_line: int) -> Iterator[Problem]:
    """E-mail addresses are personal data: they belong in the contacts field with a recorded consent."""
    if "@" not in body:
        return  # no address can be there; the search below is the slow part
    text = scannable(body)
    for i, line in enumerate(text.split("\n")):
        m = _EMAIL.search(line)
        if m:
            yield Problem(path, first_line + i, BODY, f"e-mailová adresa '{m[0]}' v textu není povolena (osobní údaj); kontakt uveďte v poli contacts, kde se zveřejní jen se souhlasem")


def link_problems(path: str, body: str, first_line: int, repo_files: set[str], content_folders: dict[str, str]) -> Iterator[Problem]:
    """Links are http(s) or relative; relative ones stay inside the repository and point at files that exist.

    `content_folders` maps a folder to its content kind ('methods' -> 'method') to name what a broken link meant.
    """
    for link in links(body, first_line):
        yield from target_problems(path, link, repo_files, content_folders)


def target_problems(path: str, link: Link, repo_files: set[str], content_folders: dict[str, str]) -> Iterator[Problem]:
    """One link or image target: a safe scheme, no outside pictures, and an existing file when it is relative."""
    target = link.target.strip()
    if not target or target.startswith("#"):
        return
    what = "obrázek" if link.image else "odkaz"
    judged = judge(target)
    if judged is None:
        yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' nelze přečíst; opravte adresu")
        return
    if not (judged.host is None and judged.scheme == "https"):
        if judged.scheme not in WEB_SCHEMES:
            yield Problem(path, link.line, BODY, f"{what} se schématem '{judged.scheme}:' není povolen; vnější odkazy musí začínat https:// nebo http://")
        elif link.image:
            yield Problem(path, link.line, BODY, _outside_image(judged.host or ""))
        elif "\\" in target:
            yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' obsahuje zpětné lomítko; v adresách pište '/'")
        return
    if not judged.relative_path:
        if "\\" in target:
            yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' obsahuje zpětné lomítko; v adresách pište '/'")
        else:
            yield Problem(path, link.line, BODY, f"{what} s absolutní cestou '{target}' není povolen; použijte cestu relativní k tomuto souboru")
        return
    file_part = target.split("#", 1)[0].split("?", 1)[0]
    resolved = _normalise(PurePosixPath(path).parent / file_part)
    if resolved is None:
        yield Problem(path, link.line, BODY, f"{what} '{target}' vede mimo repozitář; soubory musí ležet uvnitř repozitáře")
        return
    if resolved not in repo_files:
        kind = content_folders.get(resolved.split("/", 1)[0])
        noun = {"method": "metodiku", "case": "příklad dobré praxe"}.get(kind or "", "soubor")
        yield Problem(path, link.line, BODY, f"{what} na neexistující {noun} '{resolved}'; zkontrolujte název souboru")


def _outside_image(host: str) -> str:
    return (f"obrázek z jiného webu ({host}) není povolen, stránka nesmí nic načítat z cizích serverů; "
            "uložte obrázek do repozitáře vedle textu")


def _normalise(path: PurePosixPath) -> str | None:
    """Resolve '.' and '..' without touching the disk; None when the path climbs out of the repository."""
    parts: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
