"""The PDF manual and its regional editions, typeset by the real Typst and read back with pypdf."""

from __future__ import annotations

import itertools
import re
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import segno
from pypdf import PdfReader

from portal.content.collection import load_collection
from portal.czech.formats import file_size, long_date, plural
from portal.czech.typography import bind_short_words, bind_short_words_html
from portal.manual import Settings, build_manual
from portal.manual.markup import BodyContext, MarkdownRenderer
from portal.manual.typeset import build_all
from portal.manual.typst_doc import write_sources
from tests.conftest import REPO, copy_project, mkdocs_build

pytestmark = pytest.mark.pdf

SITE_URL = "https://komunitni-prace.example.cz/"
TITLE = "Příklady dobré praxe aktivit komunitního typu"
PUBLISHER = "Metodické centrum komunitní práce Moravskoslezského kraje"
FULL = "ke-stazeni/prirucka-dobre-praxe.pdf"


def norm(text: str) -> str:
    """Text with no-break spaces as spaces and white space folded."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def text_of(reader: PdfReader) -> str:
    return norm(" ".join(page.extract_text() for page in reader.pages))


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, norm(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return out


def chapters_under(reader: PdfReader, part: str) -> list[str]:
    """Titles of the level-2 bookmarks below a level-1 bookmark."""
    titles, inside = [], False
    for level, title, _ in outline(reader):
        if level == 1:
            inside = title == part
        elif inside and level == 2:
            titles.append(title)
    return titles


@pytest.fixture(scope="module")
def collection():
    return load_collection(REPO)


@pytest.fixture(scope="module")
def full(built_site: Path) -> PdfReader:
    return PdfReader(built_site / FULL)


def test_full_and_one_edition_per_region_with_cases(built_site: Path, collection):
    regions = {c.get("region") for c in collection.cases}
    expected = {"prirucka-dobre-praxe.pdf"} | {f"prirucka-dobre-praxe-{r}.pdf" for r in regions}
    assert {p.name for p in (built_site / "ke-stazeni").glob("*.pdf")} == expected


def test_every_case_and_method_title_is_in_the_text_and_the_outline(full: PdfReader, collection):
    text = text_of(full)
    assert chapters_under(full, "Metodiky") == [norm(m.title) for m in collection.methods]
    assert chapters_under(full, "Příklady dobré praxe") == [norm(c.title) for c in collection.cases]
    for doc in collection.methods + collection.cases:
        assert norm(doc.title) in text, doc.title
    assert [t for lvl, t, _ in outline(full) if lvl == 1] == ["Obsah", "Úvod", "Metodiky", "Příklady dobré praxe"]


def test_czech_text_extracts_with_diacritics(full: PdfReader):
    text = text_of(full)
    for expected in (TITLE, "Komunitní centrum Vltavotýnska", "Moravskoslezský kraj", PUBLISHER,
                     "Evropský sociální fond: 12 223 563,72 Kč (85,0 %)", "Krajský úřad Moravskoslezského kraje, odbor sociálních věcí", "Základní údaje"):
        assert expected in text, expected
    cover = norm(full.pages[0].extract_text())
    today = date.today()
    assert any(f"Vydáno {norm(long_date(d))}" in cover for d in (today, today - timedelta(days=1))), cover
    assert "Úplné vydání" in cover


def test_metadata_language_and_tags(full: PdfReader):
    assert full.metadata.title == TITLE
    assert full.metadata.author == PUBLISHER
    root = full.trailer["/Root"]
    assert root["/Lang"] == "cs"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root


def _fonts(resources, seen: set[int]) -> list:
    """Every font dictionary used by a page, including those of form XObjects."""
    found = []
    if resources is None:
        return found
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            found.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"), seen)
    return found


def test_all_fonts_are_embedded_dejavu(built_site: Path):
    for pdf in (built_site / "ke-stazeni").glob("*.pdf"):
        reader = PdfReader(pdf)
        fonts = [f for page in reader.pages for f in _fonts(page.get("/Resources"), set())]
        assert fonts, pdf.name
        for font in fonts:
            descriptors = [font.get("/FontDescriptor")]
            if font.get("/Subtype") == "/Type0":
                descriptors = [d.get_object().get("/FontDescriptor") for d in font["/DescendantFonts"]]
            for descriptor in descriptors:
                descriptor = descriptor.get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (pdf.name, font.get("/BaseFont"))
            assert "DejaVu" in str(font.get("/BaseFont")), font.get("/BaseFont")


def test_contents_page_numbers_match_where_chapters_start(full: PdfReader):
    marks = outline(full)
    toc_start = next(page for _, title, page in marks if title == "Obsah")
    toc_end = next(page for _, title, page in marks if title == "Úvod")
    toc = norm(" ".join(full.pages[i].extract_text() for i in range(toc_start, toc_end)))
    checked = 0
    for _, title, page in marks:
        if title == "Obsah":
            continue
        printed = re.search(re.escape(title) + r"\s*\.[.\s]*?(\d+)", toc)
        assert printed, f"'{title}' není v obsahu"
        assert int(printed[1]) == page + 1, f"{title}: v obsahu s. {printed[1]}, kapitola začíná na s. {page + 1}"
        # The page itself carries that number in its footer.
        assert printed[1] in full.pages[page].extract_text().split()
        checked += 1
    assert checked >= 12


def test_running_head_names_the_chapter(full: PdfReader):
    marks = outline(full)
    starts = [(title, page) for level, title, page in marks if level == 2]
    for (title, page), (_, following) in itertools.pairwise(starts):
        for continuation in range(page + 1, following):
            assert title in norm(full.pages[continuation].extract_text()), (title, continuation + 1)


def test_each_regional_edition_holds_exactly_its_cases(built_site: Path, collection):
    vocab = collection.vocab
    for region in {c.get("region") for c in collection.cases}:
        reader = PdfReader(built_site / f"ke-stazeni/prirucka-dobre-praxe-{region}.pdf")
        mine = [norm(c.title) for c in collection.cases if c.get("region") == region]
        assert chapters_under(reader, "Příklady dobré praxe") == mine, region
        assert chapters_under(reader, "Metodiky") == [norm(m.title) for m in collection.methods]
        cover = norm(reader.pages[0].extract_text())
        assert vocab.name("regions", region) in cover and "Regionální vydání" in cover
        assert reader.metadata.title == f"{TITLE} – {vocab.name('regions', region)}"
        text = text_of(reader)
        for other in collection.cases:
            if other.get("region") != region:
                # Another case may be mentioned in a text, but never has its own chapter (web address, facts).
                assert f"{SITE_URL}dobra-praxe/{other.slug}/" not in re.sub(r"\s+", "", text), (region, other.slug)


def test_every_case_has_its_web_address_and_a_qr_code_of_it(full: PdfReader, collection):
    compact = re.sub(r"\s+", "", text_of(full))
    starts = {title: page for level, title, page in outline(full) if level == 2}
    for case in collection.cases:
        url = f"{SITE_URL}dobra-praxe/{case.slug}/"
        assert url in compact, url
        wanted = segno.make(url, error="m", micro=False).matrix
        pages = [full.pages[starts[norm(case.title)]], full.pages[starts[norm(case.title)] + 1]]
        assert any(_is_qr(image.image, wanted) for page in pages for image in page.images), case.slug


def _is_qr(image, matrix) -> bool:
    """The picture shows exactly this QR matrix (one pixel per module, 4 modules of quiet zone)."""
    size = len(matrix) + 8
    if image.size != (size, size):
        return False
    grey = image.convert("L")
    return all((grey.getpixel((x + 4, y + 4)) < 128) == bool(bit) for y, row in enumerate(matrix) for x, bit in enumerate(row))


def test_downloads_page_lists_every_pdf(built_site: Path):
    html = (built_site / "ke-stazeni" / "index.html").read_text(encoding="utf-8")
    block = html.split('<div class="kp-downloads">', 1)[1].split("</div>", 1)[0]
    hrefs = re.findall(r'href="([^"]+\.pdf)"', block)
    assert sorted(hrefs) == sorted(p.name for p in (built_site / "ke-stazeni").glob("*.pdf"))
    for href in hrefs:
        assert "/" not in href and (built_site / "ke-stazeni" / href).is_file()
    assert re.search(r"PDF, \d+(,\d)?\s(kB|MB), \d+\sstran", block.replace("\u00a0", " "))
    assert long_date(date.today()) in block or long_date(date.today() - timedelta(days=1)) in block
    assert "\n\n" not in block


# ---------- a variant project: hidden contact, outside pictures, no network ----------

VARIANT_FACTS = """contacts:
  - {name: "Mgr. Viditelná Kontaktní", role: koordinátorka, email: viditelna@example.cz, phone: "381 000 111", consent: 2026-11-01}
  - {name: "Bc. Skrytý Nezveřejněný", role: terénní pracovník, email: skryty.nezverejneny@example.cz, phone: "381 000 222", in_pdf: false, consent: 2026-11-01}
tags:"""


class _Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def _record(self) -> None:
        _Recorder.requests.append(self.requestline)
        self.send_response(404)
        self.end_headers()

    do_GET = do_HEAD = do_POST = do_CONNECT = _record

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory):
    """The real project with one case changed, built while every HTTP(S) request goes to a recording server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    project = copy_project(tmp_path_factory.mktemp("variant"))
    case = project / "good_practice" / "komunitni-centrum-vltavotynska.md"
    case.write_text(case.read_text(encoding="utf-8").replace("tags:", VARIANT_FACTS, 1), encoding="utf-8")
    proxy = f"http://127.0.0.1:{port}"
    mp = pytest.MonkeyPatch()
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        mp.setenv(name, proxy)
    mp.setenv("no_proxy", "")
    mp.setenv("NO_PROXY", "")
    try:
        result = mkdocs_build(project, project / "out")
    finally:
        mp.undo()
        server.shutdown()
    return result, project / "out", list(_Recorder.requests)


def test_the_build_makes_no_request(variant):
    result, _, requests = variant
    assert result.returncode == 0, result.stderr
    assert requests == []


def test_outside_pictures_cause_no_request_even_past_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Validation rejects outside pictures; should one get past it, the PDF engine still fetches nothing."""
    _Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{port}")
    monkeypatch.setenv("no_proxy", "")
    monkeypatch.setenv("NO_PROXY", "")
    collection = load_collection(REPO)
    case = collection.case("komunitni-centrum-vltavotynska")
    case.source.body += (f'\n<img src="https://example.com/sledovaci-pixel.png" alt="Fotografie z akce">\n\n'
                         f'<img src="http://127.0.0.1:{port}/tracker.png" alt="Pixel">\n')
    settings = Settings(TITLE, PUBLISHER, SITE_URL, date(2026, 11, 23), REPO / "docs" / "prirucka-uvod.md")
    try:
        pdfs = build_all(collection, settings, tmp_path / "out", tmp_path / "cache").editions
    finally:
        server.shutdown()
    assert _Recorder.requests == []
    regional = next(p for p in pdfs if p.path.name == "prirucka-dobre-praxe-jihocesky.pdf")
    assert "Obrázek „Fotografie z akce“ je k dispozici ve webové verzi." in text_of(PdfReader(regional.path))


def test_contact_with_in_pdf_false_is_left_out(variant):
    result, site, _ = variant
    assert result.returncode == 0, result.stderr
    for name in ("prirucka-dobre-praxe.pdf", "prirucka-dobre-praxe-jihocesky.pdf"):
        text = text_of(PdfReader(site / "ke-stazeni" / name))
        assert "Mgr. Viditelná Kontaktní" in text and "viditelna@example.cz" in text
        assert "Skrytý" not in text and "skryty.nezverejneny" not in text and "381 000 222" not in text


def test_a_failing_manual_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path)
    (project / "docs" / "prirucka-uvod.md").unlink()
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "PDF příručku nelze vytvořit: chybí úvod příručky docs/prirucka-uvod.md" in result.stderr


# ---------- domain functions ----------

def test_one_letter_words_are_bound_to_the_next_word():
    assert bind_short_words("Projekt v obci a k lidem s dětmi i o seniory u nás z kraje") == \
        "Projekt v\u00a0obci a\u00a0k\u00a0lidem s\u00a0dětmi i\u00a0o\u00a0seniory u\u00a0nás z\u00a0kraje"
    assert bind_short_words("V Ostravě A také S obcí") == "V\u00a0Ostravě A\u00a0také S\u00a0obcí"
    assert bind_short_words("bod a) a b), s. r. o., e-mail a\nnový řádek") == "bod a) a\u00a0b), s. r. o., e-mail a\u00a0nový řádek"
    assert bind_short_words("Ukázka (v závorce) vs. x") == "Ukázka (v\u00a0závorce) vs. x"


def test_one_letter_words_in_html_touch_text_nodes_only():
    html = ('<p title="v obci a k lidem" class="a b">Jdeme v <a href="/v a/">obci</a> a <em>k</em> lidem</p>'
            "<pre>v kódu a mezery</pre><code>s x</code>")
    out = bind_short_words_html(html)
    assert '<p title="v obci a k lidem" class="a b">' in out and '<a href="/v a/">' in out
    assert "Jdeme v\u00a0<a" in out and "</a> a\u00a0<em>k</em>\u00a0lidem" in out
    assert "<pre>v kódu a mezery</pre><code>s x</code>" in out


_TYPST_STRING = re.compile(r'(#?raw\((?:block: true, )?|description: )?"((?:[^"\\]|\\.)*)"')


def typst_texts(source: str) -> list[str]:
    """The text of every Typst string literal of a source, but code (raw, keeps its spaces) and the PDF's description (not printed)."""
    unescape = {"n": "\n", '"': '"', "\\": "\\"}
    return [re.sub(r"\\(.)", lambda m: unescape.get(m[1], m[1]), text)
            for raw, text in _TYPST_STRING.findall(source) if not raw]


def test_print_sources_have_no_breakable_one_letter_word(collection, tmp_path: Path):
    """Every text the full edition is typeset from binds one-letter words to the next word (Typst keeps U+00A0)."""
    settings = Settings(TITLE, PUBLISHER, SITE_URL, date(2026, 11, 23), REPO / "docs" / "prirucka-uvod.md")
    manual = build_manual(collection, settings)
    sources = write_sources(manual, tmp_path)
    edition = sources.edition(manual.editions()[0], sources.chapters, sources.intro_file)
    texts = [t for rel in edition.needs if rel.endswith(".typ") and rel != "manual.typ"
             for t in typst_texts((tmp_path / rel).read_text(encoding="utf-8"))]
    assert len(texts) > 100
    loose = [t for t in texts if re.search(r"(?<![\w.\-/@&])[ksvzouaiKSVZOUAI][ \t\r\n]", t)]
    assert loose == []
    joined = " ".join(texts)
    assert "v\u00a0Regionu Haná" in joined
    assert "23.\u00a0listopadu\u00a02026" in joined  # a date is never broken across lines


def test_untrusted_markdown_is_sanitised_and_links_point_to_the_web(tmp_path: Path):
    (tmp_path / "good_practice").mkdir()
    (tmp_path / "good_practice" / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    ctx = BodyContext("good_practice/x.md", "pripad-x", SITE_URL, tmp_path)
    body = MarkdownRenderer().render(
        "## Cíle\n\nText[^1] s [metodikou](../methods/komunitni-planovani.md#postup), [příkladem](y.md), "
        "[jiným](../good_practice/z.md), [webem](https://example.cz/a), [skriptem](javascript:alert(1)) a [kotvou](#cile).\n\n"
        '<img src="https://example.com/a.png" onerror="alert(1)" alt="Foto"> ![Místní](foto.png) ![Mimo](../../etc/passwd)\n\n'
        '<script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example/"></iframe>'
        '<form action="https://evil.example/"><input name="q"></form><p onclick="x()" style="color:red">Odstavec</p>\n\n'
        "[^1]: Poznámka.\n", ctx)
    assert '<h3 id="pripad-x--cile">Cíle</h3>' in body
    assert f'href="{SITE_URL}metodiky/komunitni-planovani/#postup"' in body
    assert f'href="{SITE_URL}dobra-praxe/y/"' in body and f'href="{SITE_URL}dobra-praxe/z/"' in body
    assert 'href="https://example.cz/a"' in body and 'href="#pripad-x--cile"' in body
    assert 'href="#pripad-x--fn:1"' in body and 'id="pripad-x--fn:1"' in body
    for bad in ("<script", "<style", "onerror", "onclick", "style=", "<form", "<input", "javascript:", "https://example.com/a.png", "passwd"):
        assert bad not in body, bad
    assert "[Obrázek „Foto“ je k dispozici ve webové verzi.]" in body
    assert f'src="{(tmp_path / "good_practice" / "foto.png").as_uri()}"' in body
    assert "[Video: " in body  # an embedded player becomes a printed address


def test_only_pictures_inside_the_repository_reach_the_print(tmp_path: Path):
    """Typst reads only its own folder; what is copied there is a picture file inside the repository, never a link out of it."""
    inside = tmp_path / "repo" / "good_practice" / "foto.png"
    inside.parent.mkdir(parents=True)
    inside.write_bytes(b"\x89PNG\r\n\x1a\n")
    outside = tmp_path / "tajne.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    (inside.parent / "odkaz.png").symlink_to(outside)
    ctx = BodyContext("good_practice/x.md", "pripad-x", SITE_URL, tmp_path / "repo")
    body = MarkdownRenderer().render("![Místní](foto.png) ![Odkaz ven](odkaz.png) ![Soubor](../../tajne.png)\n", ctx)
    assert f'src="{inside.resolve().as_uri()}"' in body
    assert "tajne" not in body and "odkaz.png" not in body
    assert "[Obrázek „Odkaz ven“ je k dispozici ve webové verzi.]" in body


def test_czech_formats():
    assert long_date(date(2026, 11, 23)) == "23.\u00a0listopadu\u00a02026"  # never broken across lines
    assert long_date(date(2027, 1, 1)) == "1.\u00a0ledna\u00a02027"
    assert file_size(1_234_567) == "1,2\u00a0MB" and file_size(185_000) == "185\u00a0kB"
    assert [plural(n, "strana", "strany", "stran") for n in (1, 3, 5, 0)] == \
        ["1\u00a0strana", "3\u00a0strany", "5\u00a0stran", "0\u00a0stran"]
