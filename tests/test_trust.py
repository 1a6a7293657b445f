"""The built portal keeps its promises: Czech typography on the rendered pages, and no e-mail or phone of a person
without recorded consent in any page, PDF, search fragment or data file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from portal.content.collection import load_collection
from portal.czech.typography import NBSP, bind_text, typeset_html
from portal.search.lemmas import decode
from portal.web.facts import public_contacts
from tests.conftest import REPO

# ---------- typography: the shared rules ----------


@pytest.mark.parametrize(("text", "expected"), [
    ("v Praze a u Brna", "v\u00a0Praze a\u00a0u\u00a0Brna"),
    ("K obci i s lidmi", "K\u00a0obci i\u00a0s\u00a0lidmi"),
    ("celkem 14 380 663,20 Kč", "celkem 14\u00a0380\u00a0663,20\u00a0Kč"),
    ("85 % z rozpočtu", "85\u00a0% z\u00a0rozpočtu"),
    ("do 31. 12. 2025", "do 31.\u00a012.\u00a02025"),
    ("od 1. ledna 2023 a březen 2019", "od 1.\u00a0ledna\u00a02023 a\u00a0březen\u00a02019"),
    ("Region HANÁ, z. s.", "Region HANÁ, z.\u00a0s."),
    ("v roce 2020 300 obcí", "v\u00a0roce 2020 300 obcí"),  # a year and a count are two numbers, not one
    ("viz https://www.example.cz/a v b", "viz https://www.example.cz/a v\u00a0b"),
])
def test_rules_on_text(text, expected):
    assert bind_text(text) == expected


def test_code_urls_attributes_and_tags_stay_untouched():
    html = ('<p>Odkaz <a href="https://a.cz/v a" title="v a 1 000 Kč">v textu</a>, kód <code>a b 1 000</code>.</p>'
            '<pre><code>v a\n1 000 Kč</code></pre><svg viewBox="0 0 10 10"><text>a b</text></svg><!-- v a -->')
    out = typeset_html(html)
    assert '<a href="https://a.cz/v a" title="v a 1 000 Kč">v\u00a0textu</a>' in out
    assert "<code>a b 1 000</code>" in out and "<pre><code>v a\n1 000 Kč</code></pre>" in out
    assert '<svg viewBox="0 0 10 10"><text>a b</text></svg><!-- v a -->' in out


def test_the_print_uses_the_same_rules():
    from portal.czech.typography import bind_short_words_html

    assert bind_short_words_html("<p>v roce 2020 stál 2 919 355 Kč</p><!-- x -->") == "<p>v\u00a0roce 2020 stál 2\u00a0919\u00a0355\u00a0Kč</p>"


# ---------- typography on the rendered pages ----------

class _Paragraphs(HTMLParser):
    """Text of every <p>, <li>, <dd> and <td> of the page content, code left out."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._depth = 0
        self._code = 0
        self._article = False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._article = True
        if self._article and tag in ("p", "li", "dd", "td"):
            self._depth += 1
            self.texts.append("")
        if tag in ("code", "pre", "script", "style"):
            self._code += 1

    def handle_endtag(self, tag):
        if tag in ("p", "li", "dd", "td") and self._depth:
            self._depth -= 1
        if tag in ("code", "pre", "script", "style") and self._code:
            self._code -= 1
        if tag == "article":
            self._article = False

    def handle_data(self, data):
        if self._depth and not self._code:
            self.texts[-1] += data


def paragraphs(path: Path) -> list[str]:
    parser = _Paragraphs()
    parser.feed(path.read_text(encoding="utf-8"))
    return [t for t in parser.texts if t.strip()]


BREAKABLE_SHORT_WORD = re.compile(r"(?<![\w.\-/@&])[ksvzouaiKSVZOUAI] ")
CASE_PAGES = ["komunitni-socialni-prace-na-venkove", "komunitni-centrum-vltavotynska", "podpora-komunitni-prace-v-msk-ii",
              "komunitni-centra-v-regionu-hana", "komunitni-prace-v-libereckem-kraji"]


@pytest.mark.parametrize("slug", CASE_PAGES)
def test_no_breakable_space_after_a_one_letter_word(built_site, slug):
    texts = paragraphs(built_site / "dobra-praxe" / slug / "index.html")
    assert texts
    for text in texts:
        assert not BREAKABLE_SHORT_WORD.search(text), text


def test_numbers_amounts_and_dates_are_unbroken(built_site):
    venkov = " ".join(paragraphs(built_site / "dobra-praxe" / "komunitni-socialni-prace-na-venkove" / "index.html"))
    assert "2\u00a0919\u00a0355\u00a0Kč" in venkov and "437\u00a0903\u00a0Kč" in venkov
    msk = " ".join(paragraphs(built_site / "dobra-praxe" / "podpora-komunitni-prace-v-msk-ii" / "index.html"))
    assert "14\u00a0380\u00a0663,20\u00a0Kč" in msk and "85\u00a0%" in msk
    vltava = " ".join(paragraphs(built_site / "dobra-praxe" / "komunitni-centrum-vltavotynska" / "index.html"))
    assert "31.\u00a012.\u00a02025" in vltava and "od 1.\u00a01.\u00a02023" in vltava
    for text in (venkov, msk, vltava):
        assert not re.search(r"\d \d{3}(?!\d)|\d (?:Kč|%)|\d\. \d", text), "a breakable space inside a number or date"


def test_code_on_a_rendered_page_keeps_its_spaces(built_site):
    html = (built_site / "jak-prispet" / "index.html").read_text(encoding="utf-8")
    assert "portal new case &quot;Název projektu&quot;" in html or 'portal new case "Název projektu"' in html


def test_generated_panels_are_typeset_too(built_site):
    html = (built_site / "dobra-praxe" / "komunitni-centra-v-regionu-hana" / "index.html").read_text(encoding="utf-8")
    panel = html.split('<aside class="kp-facts"', 1)[1].split("</aside>", 1)[0]
    assert "Olšany u\u00a0Prostějova" in panel and "Raková u\u00a0Konice" in panel


# ---------- personal data: only with recorded consent, nowhere else ----------

EMAIL = re.compile(r"[\w.+-]+(?:@| \(zavináč\) )[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
PHONE = re.compile(r"(?<![\d,.])(?:\+420 ?)?\d{3} \d{3} \d{3}(?![\d,])")
# The editors' guide and the JSON Schema show made-up examples, which belong to nobody.
PLACEHOLDER_DOMAINS = ("@example.cz", "@example.com", "@domena.cz")
PLACEHOLDER_PHONES = {"595 000 000"}
# The people the MSK source lists; none of them has a recorded consent.
SEED_PEOPLE = ["Povýšilová", "Hančin", "Havláková", "lucie.povysilova", "peter.hancin", "petra.havlakova",
               "595 622 754", "595 622 279", "595 622 162"]


def _outputs(site: Path) -> dict[str, str]:
    """Every text the built site publishes: pages and data as written, the search index decoded, PDFs read back."""
    out: dict[str, str] = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".json", ".csv", ".xml", ".js") and path.is_file():
            out[rel] = path.read_text(encoding="utf-8", errors="replace")
            if rel.startswith("search-index/"):  # the search index writes words encoded: read them as written
                out[rel] = decode(out[rel])
        elif path.suffix == ".pdf":
            out[rel] = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return {k: v.replace(NBSP, " ") for k, v in out.items()}


def _reversed_attributes(text: str) -> str:
    """E-mails hidden in data-u/data-d attributes (written backwards for the page script), turned round."""
    return " ".join(u[::-1] + "@" + d[::-1] for u, d in re.findall(r'data-u="([^"]*)" data-d="([^"]*)"', text))


@pytest.mark.pdf  # it reads the PDFs too
def test_no_email_or_phone_of_a_person_without_consent(built_site):
    collection = load_collection(REPO)
    allowed_emails, allowed_phones = set(), set()
    for case in collection.cases:
        for contact in public_contacts(case.get("contacts", default=[])):
            if contact.get("email"):
                allowed_emails.add(contact["email"].lower())
            if contact.get("phone"):
                allowed_phones.add(contact["phone"])
    from mkdocs.config import load_config

    allowed_emails.add(load_config(str(REPO / "mkdocs.yml")).extra["editors_email"])  # the editors' role address, no person's
    outputs = _outputs(built_site)
    assert any(k.endswith(".pdf") for k in outputs) and any(k.startswith("search-index/s/") for k in outputs)
    for rel, text in outputs.items():
        text += " " + _reversed_attributes(text)
        for person in SEED_PEOPLE:
            assert person not in text, (rel, person)
        if rel.endswith(".js") and rel.startswith(("assets/javascripts/", "admin/")):
            continue  # the theme's, the search engine's and the CMS's own code, with their authors' addresses
        for found in EMAIL.findall(text):
            address = found.lower().replace(" (zavináč) ", "@")
            assert address in allowed_emails or address.endswith(PLACEHOLDER_DOMAINS), (rel, found)
        for found in PHONE.findall(text):
            assert found in allowed_phones or found in PLACEHOLDER_PHONES, (rel, found)


@pytest.mark.pdf  # it reads the PDF
def test_sources_are_printed_in_the_manual(built_site):
    text = " ".join(page.extract_text() or "" for page in PdfReader(built_site / "ke-stazeni" / "prirucka-dobre-praxe-moravskoslezsky.pdf").pages)
    text = re.sub(r"\s+", " ", text.replace(NBSP, " "))
    assert "Zdroje" in text and "Moravskoslezský kraj: Podpora komunitní práce v MSK II" in text
    assert "navštíveno 23. 11. 2026" in text
    assert "Krajský úřad Moravskoslezského kraje, odbor sociálních věcí" in text


def test_a_named_contact_without_consent_never_builds(root, write):
    write("good_practice/kontakt.md", "---\ntitle: A\nsummary: S.\nregion: liberecky\norganisation: {name: O}\n"
          "sources: [{title: Zdroj, url: 'https://www.example.cz/', accessed: 2026-11-23}]\n"
          "contacts:\n  - {name: Ing. Lucie Povýšilová, email: lucie.povysilova@msk.cz, phone: '595 622 754'}\n---\n")
    problems = [str(p) for p in load_collection(root).problems]
    assert problems == ["good_practice/kontakt.md:8: contacts[0].name: kontakt na osobu 'Ing. Lucie Povýšilová' nemá zaznamenaný souhlas "
                        "se zveřejněním; doplňte datum, kdy osoba souhlasila (consent: RRRR-MM-DD), nebo jméno, e-mail a telefon osoby "
                        "nahraďte kontaktem na pracoviště (office, případně role a web)"]
