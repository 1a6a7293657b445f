"""HTML fragments from templates: every value is escaped, and content is read by attribute or key alike."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from portal.web.templating import markdown_page, render


@dataclass(frozen=True)
class TypedCase:
    """What a typed content model gives a card: the same names as the validated documents have."""

    slug: str
    title: str
    summary: str


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.update({k: v or "" for k, v in attrs})

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _card(case: object) -> str:
    return render("case_card.html", card={"case": case, "href": "../x/", "facts": [("Kraj", "Olomoucký kraj"), ("Metody", "")],
                                          "data": [("kraj", ["olomoucky"])]})


def test_a_card_reads_a_dataclass_as_it_reads_a_mapping():
    fields = {"slug": "a-b", "title": "Komunitní centrum", "summary": "Shrnutí „v uvozovkách“ & <b>tučně</b>"}
    assert _card(TypedCase(**fields)) == _card(fields)


@given(st.text(), st.text(), st.text(alphabet="abc-<>\"'&"))
def test_a_card_escapes_whatever_content_holds(title, summary, slug):
    parser = _Text()
    parser.feed(_card(TypedCase(slug, title, summary)))
    assert parser.tags == ["article", "h3", "a", "p", "dl", "div", "dt", "dd"]  # no tag from content
    assert parser.attrs["data-slug"] == slug
    text = " ".join("".join(parser.text).split())
    assert " ".join(title.split()) in text and " ".join(summary.split()) in text


def test_generated_pages_keep_a_title_with_a_colon_one_value():
    page = markdown_page('Kraj: "Vysočina" <i>', "Popis: a", "<p>x</p>")
    assert page.startswith('---\ntitle: "Kraj: \\"Vysočina\\" <i>"\ndescription: "Popis: a"\n---\n\n# Kraj: &#34;Vysočina&#34; &lt;i&gt;\n\n<p>x</p>')
