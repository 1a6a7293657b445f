"""Generative tests of the body rules: a dangerous construct split over lines anywhere in a body is reported at
its line, and whatever the rules accept renders (Python-Markdown, the site's extensions) without anything active."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content.html_policy import SCRIPT_TAGS, URL_ATTRIBUTES
from portal.content.validate import body_problems
from portal.content.weburl import judge
from portal.web.sanitize import sanitize_for_web

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATH = "good_practice/x.md"
FIRST = 8  # the body's first line in the file
SITE_EXTENSIONS = ["toc", "tables", "admonition", "def_list", "footnotes", "sane_lists", "fenced_code"]

HANDLER = "atribut 'onclick' (spouštění skriptu) není povolen; odstraňte ho"
ONERROR = "atribut 'onerror' (spouštění skriptu) není povolen; odstraňte ho"
SCHEME = "odkaz se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://"
IMAGE_SCHEME = "obrázek se schématem 'javascript:' není povolen; vnější odkazy musí začínat https:// nebo http://"

BENIGN = ["Odstavec textu o komunitní práci.", "## Nadpis části", "- první\n- druhá", "> citace obyvatele", "1. krok\n2. krok",
          "| a | b |\n|---|---|\n| c | d |", "```\nkód <b onclick=x>\n```", "Text s `<script>` v kódu.", "Pojem\n:   výklad pojmu",
          "[odkaz](https://www.example.cz/)", "Text[^p].\n\n[^p]: Poznámka pod čarou."]


@dataclass(frozen=True)
class Construct:
    """A dangerous construct as lines, the index of the line it must be reported at, and the message."""

    lines: tuple[str, ...]
    at: int
    message: str


def _constructs(gap: str) -> list[Construct]:
    return [
        Construct(("Text <a", f'{gap}onclick="x()" href="https://www.example.cz/">y</a>'), 0, HANDLER),
        Construct(("<img", f'{gap}alt="a"', f'{gap}onerror="x()">'), 0, ONERROR),
        Construct(("Text <img alt='a'", f"{gap}onerror='x()'> konec"), 0, ONERROR),
        Construct(("Text [klikni](", f"{gap}javascript:alert(1)) konec"), 1, SCHEME),
        Construct(("Text ![obr](", f"{gap}javascript:alert(1))"), 1, IMAGE_SCHEME),
        Construct(("Úvod a [klikni", f"{gap}sem](javascript:alert(1))"), 1, SCHEME),
        Construct(("Text <javascript:alert(1)> konec",), 0, SCHEME),
        Construct(("Text <a href='https://www.example.cz/' onclick='x()'>y</a>",), 0, HANDLER),
    ]


def _contain(lines: tuple[str, ...], container: str) -> list[str]:
    """The lines of a construct inside a container of the given kind (its reported line stays its own)."""
    if container == "list":
        return ["- " + lines[0]] + ["  " + line for line in lines[1:]]
    if container == "quote":
        return ["> " + line for line in lines]
    if container == "nested":
        return ["- > " + lines[0]] + ["  > " + line for line in lines[1:]]
    if container == "footnote":
        return ["[^1]: " + lines[0]] + ["    " + line for line in lines[1:]]
    if container == "definition":
        return ["Pojem", ":   " + lines[0]] + ["    " + line for line in lines[1:]]
    return list(lines)


@SETTINGS
@given(st.lists(st.sampled_from(BENIGN), max_size=5), st.lists(st.sampled_from(BENIGN), max_size=5),
       st.integers(0, 7), st.sampled_from(["", " ", "  ", "\t"]),
       st.sampled_from(["paragraph", "list", "quote", "nested", "footnote", "definition"]))
def test_split_construct_is_reported_at_its_line(before, after, which, gap, container):
    construct = _constructs(gap)[which]
    lines = _contain(construct.lines, container)
    head = "\n\n".join((["Text s poznámkou[^1]."] if container == "footnote" else []) + before)
    prefix = head.split("\n") + [""] if head else []
    body_lines = prefix + lines + ([""] + "\n\n".join(after).split("\n") if after else [])
    body = "\n".join(body_lines) + "\n"
    line = len(prefix) + (1 if container == "definition" else 0) + construct.at
    found = {(p.line, p.message) for p in body_problems(PATH, body, FIRST, set(), {})}
    assert (FIRST + line, construct.message) in found, (body, found)


@SETTINGS
@given(st.lists(st.sampled_from(BENIGN), max_size=4), st.sampled_from(["", "  ", "\n"]), st.sampled_from(["paragraph", "quote", "list"]))
def test_reference_address_is_reported_at_its_line(blocks, gap, container):
    text = "\n\n".join(["Text [klikni][r] konec.", *blocks])
    definition = _contain(("[r]:", f"{gap}javascript:alert(1)") if gap != "\n" else ("[r]: javascript:alert(1)",), container)
    body_lines = text.split("\n") + [""] + definition
    line = len(body_lines) - 1
    body = "\n".join(body_lines) + "\n"
    found = {(p.line, p.message) for p in body_problems(PATH, body, FIRST, set(), {})}
    assert (FIRST + line, SCHEME) in found, (body, found)


SCHEME_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*(?=:)")


class _Active(HTMLParser):
    """Whatever in rendered HTML could run a script or take the reader elsewhere than an http(s) address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SCRIPT_TAGS and tag != "iframe":
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc" or (name == "style" and tag not in ("th", "td")):
                self.found.append(f"{tag} {name}")  # Python-Markdown's tables align cells with style (the sanitiser drops it)
            elif name in URL_ATTRIBUTES and value:
                judged = judge(value, decoded=True)
                like = SCHEME_LIKE.match(unescape(value).strip().lower())
                scheme = judged.scheme if judged else like[0] if like else None
                if scheme is not None and scheme not in ("http", "https"):
                    self.found.append(f"{tag} {name}={value}")

    handle_startendtag = handle_starttag


def active(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    parser.close()
    return parser.found


PIECES = ["<a\n href='javascript:x'>", "[x](\njavascript:alert(1))", "<img\nsrc=x\nonerror=alert(1)>", "<img/onerror=alert(1)/src=x>",
          "<a onclick=x>", "<svg onload=x>", "<script>x</script>", "<style>", "<!--", "-->", "`", "``", "```", "~~~", "\\`", "\\<",
          "    ", "> ", "- ", "1. ", "| ", " |", "|---|", "[^1]: ", "[^1]", "[r]: ", "[r]", "javascript:alert(1)", "&#106;avascript:x",
          "<javascript:x>", "<div>", "</div>", "<span title='`'>", "\n", "\n\n", "x", "Pojem\n:   ", "!!! note\n    ", "#",
          "[^1]: </div>", "<x-y onclick=x>", "<canvas>", "<b title='<a onclick=x>'>"]


@settings(SETTINGS, max_examples=1500)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="<>`'\"=/ \n[]()!:-|a", max_size=6)), max_size=25))
def test_what_the_check_accepts_renders_nothing_active(pieces):
    body = "".join(pieces) + "\n"
    if body_problems(PATH, body, FIRST, set(), {}):
        return
    html = markdown.markdown(body, extensions=SITE_EXTENSIONS)
    assert active(html) == [], (body, html)
    assert active(sanitize_for_web(html)) == []


@SETTINGS
@given(st.sampled_from(BENIGN), st.sampled_from(["", "x", "!"]), st.sampled_from(["a:'", "", "x("]), st.sampled_from(["(1", "(", "(1)"]))
def test_link_only_the_renderer_makes_is_reported_at_its_line(before, text, lead, tail):
    """Python-Markdown makes a link of '[x](a:'javascript:alert(1' (its parenthesis never closed); markdown-it does not."""
    body = f"{before}\n\nText [{text}]({lead}javascript:alert{tail}\n"
    html = markdown.markdown(body, extensions=SITE_EXTENSIONS)
    found = {p.line for p in body_problems(PATH, body, FIRST, set(), {})}
    if active(html):
        assert FIRST + len(before.split("\n")) + 1 in found, (body, html, found)
