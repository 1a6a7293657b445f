"""Issue 12: the manual at national scale. Typst editions, case prints, parts joined with their tags, the cache.

Read back with pypdf and pikepdf: text, outline, fonts, links, tags of the full edition, a regional edition
and a case print; the same assertions on an edition typeset in parts and joined; a second build with one
changed case typesets only that case's outputs; contributed text never runs as Typst; the benchmark runs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest
import segno
import typst
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from portal.content.collection import load_collection
from portal.manual import Settings, workers
from portal.manual.typeset import build_all
from portal.manual.typst_markup import string
from tests.conftest import REPO, copy_project, mkdocs_build
from tests.test_pdf import _fonts, _is_qr, chapters_under, norm, outline, text_of

pytestmark = pytest.mark.pdf

SITE_URL = "https://komunitni-prace.example.cz/"
TITLE = "Příklady dobré praxe aktivit komunitního typu"
PUBLISHER = "Metodické centrum komunitní práce Moravskoslezského kraje"
CASE = "komunitni-centrum-vltavotynska"


def manual_settings() -> Settings:
    return Settings(TITLE, PUBLISHER, SITE_URL, date(2026, 11, 23), REPO / "docs" / "prirucka-uvod.md")


def content_copy(dest: Path) -> Path:
    for name in ("good_practice", "methods"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "vocabularies.yml", dest / "vocabularies.yml")
    return dest


def struct_check(path: Path) -> dict[str, int]:
    """The structure tree is whole: every page's and link's parent-tree key exists, every element is reachable."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "cs" and bool(root.MarkInfo.Marked) and bool(root.ViewerPreferences.DisplayDocTitle)
        tree = root.StructTreeRoot
        nums = tree.ParentTree.Nums
        keys = {int(nums[i]) for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            assert int(page.obj.StructParents) in keys
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") == "/Link":
                    assert int(annot.StructParent) in keys
                    assert str(annot.get("/Contents", "")).strip(), "odkaz bez popisu"
        roles: dict[str, int] = {}
        stack = [tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K]
        while stack:
            elem = stack.pop()
            role = str(elem.S)
            roles[role] = roles.get(role, 0) + 1
            kids = elem.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
            stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k)
        assert roles.get("/Document") == 1
        if "/IDTree" in tree:
            names = [str(n) for n in tree.IDTree.Names[::2]]
            assert len(names) == len(set(names)), "id prvku struktury se opakuje"
        xmp = pdf.open_metadata()
        assert xmp.get("pdfuaid:part") == "1"
        return roles


def heading_levels(path: Path) -> list[int]:
    """The level of every heading of the structure tree, in reading order."""
    levels: list[int] = []
    with pikepdf.open(path) as pdf:
        tree = pdf.Root.StructTreeRoot
        stack = [tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K]
        while stack:
            elem = stack.pop()
            role = str(elem.S)
            if re.fullmatch(r"/H[1-6]", role):
                levels.append(int(role[2]))
            kids = elem.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
            stack.extend(reversed([k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]))
    return levels


def assert_heading_order(path: Path, chapters: int) -> None:
    """PDF/UA-1: the first heading is H1 and no level is skipped on the way down; chapters are H2."""
    levels = heading_levels(path)
    assert levels and levels[0] == 1, (path.name, levels[:5])
    skips = [(i, a, b) for i, (a, b) in enumerate(pairwise(levels)) if b > a + 1]
    assert not skips, (path.name, skips[:5])
    assert levels.count(2) >= chapters, (path.name, levels.count(2), chapters)


def link_targets(path: Path) -> dict[str, int]:
    """Page index of every named destination a link points to; each must exist."""
    reader = PdfReader(path)
    dests = {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()}
    used = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot and isinstance(annot["/Dest"], str):
                assert annot["/Dest"] in dests, annot["/Dest"]
                used[annot["/Dest"]] = dests[annot["/Dest"]]
    return used


# ---------- the built site ----------

def test_regional_edition_reads_back(built_site: Path):
    path = built_site / "ke-stazeni/prirucka-dobre-praxe-jihocesky.pdf"
    reader = PdfReader(path)
    assert reader.metadata.title == f"{TITLE} – Jihočeský kraj"
    assert chapters_under(reader, "Příklady dobré praxe") == ["Komunitní centrum Vltavotýnska"]
    text = text_of(reader)
    assert "Regionální vydání" in text and "Jihočeský kraj" in text and "Základní údaje" in text
    roles = struct_check(path)
    assert roles.get("/H1", 0) >= 3 and roles.get("/H2", 0) >= 5 and roles.get("/Figure", 0) >= 1
    targets = link_targets(path)
    marks = {title: page for _, title, page in outline(reader)}
    assert targets[f"pripad-{CASE}"] == marks["Komunitní centrum Vltavotýnska"]


def test_every_case_page_offers_its_print(built_site: Path, ):
    collection = load_collection(REPO)
    for case in collection.cases:
        html = (built_site / case.url / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<p class="kp-case-pdf"><a href="([^"]+)" type="application/pdf" download>Stáhnout jako PDF</a>', html)
        assert link, case.slug
        assert (built_site / case.url / link[1]).resolve() == (built_site / f"ke-stazeni/priklady/{case.slug}.pdf").resolve()
        assert html.index("</aside>") < html.index("kp-case-pdf")  # right below the facts panel


def test_case_print_reads_back(built_site: Path):
    path = built_site / f"ke-stazeni/priklady/{CASE}.pdf"
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata.title == "Komunitní centrum Vltavotýnska" and reader.metadata.author == PUBLISHER
    text = text_of(reader)
    url = f"{SITE_URL}dobra-praxe/{CASE}/"
    for expected in ("Komunitní centrum Vltavotýnska", "Příklad dobré praxe · Jihočeský kraj".upper(), "Základní údaje", TITLE.upper()):
        assert expected in text, expected
    assert url in re.sub(r"\s+", "", text)
    assert next(t for _, t, _ in outline(reader)) == "Komunitní centrum Vltavotýnska"
    wanted = segno.make(url, error="m", micro=False).matrix
    assert any(_is_qr(image.image, wanted) for image in reader.pages[0].images)
    for font in [f for page in reader.pages for f in _fonts(page.get("/Resources"), set())]:
        assert "DejaVu" in str(font.get("/BaseFont"))
    struct_check(path)
    # A method named in the facts panel links to its web page (the print has no method chapters).
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]]
    assert f"{SITE_URL}metodiky/komunitni-centrum/" in uris or any("/metodiky/" in u for u in uris)


def test_full_edition_tags_and_links(built_site: Path):
    path = built_site / "ke-stazeni/prirucka-dobre-praxe.pdf"
    roles = struct_check(path)
    assert roles.get("/TOC", 0) + roles.get("/L", 0) >= 1
    targets = link_targets(path)
    marks = {title: page for _, title, page in outline(PdfReader(path))}
    collection = load_collection(REPO)
    for case in collection.cases:
        assert targets[f"pripad-{case.slug}"] == marks[norm(case.title)], case.slug


# ---------- an edition typeset in parts and joined ----------

@pytest.fixture(scope="module")
def parts_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built with parts of two cases: the full edition is front matter + 3 parts, joined."""
    project = copy_project(tmp_path_factory.mktemp("parts"))
    mp = pytest.MonkeyPatch()
    mp.setenv("PORTAL_PDF_CHUNK", "2")
    try:
        result = mkdocs_build(project, project / "out")
    finally:
        mp.undo()
    assert result.returncode == 0, result.stderr
    return project / "out"


def test_joined_edition_keeps_contents_outline_heads_tags_and_links(parts_site: Path):
    from tests import test_pdf

    path = parts_site / "ke-stazeni/prirucka-dobre-praxe.pdf"
    full = PdfReader(path)
    collection = load_collection(REPO)
    test_pdf.test_every_case_and_method_title_is_in_the_text_and_the_outline(full, collection)
    test_pdf.test_contents_page_numbers_match_where_chapters_start(full)
    test_pdf.test_running_head_names_the_chapter(full)
    test_pdf.test_every_case_has_its_web_address_and_a_qr_code_of_it(full, collection)
    test_pdf.test_metadata_language_and_tags(full)
    struct_check(path)
    targets = link_targets(path)
    marks = {title: page for _, title, page in outline(full)}
    for case in collection.cases:  # links from the contents (first file) reach chapters in later files
        assert targets[f"pripad-{case.slug}"] == marks[norm(case.title)], case.slug
    for method in collection.methods:  # and links from facts panels (later files) reach the methods
        assert targets[f"metoda-{method.slug}"] == marks[norm(method.title)], method.slug
    fonts = [f for page in full.pages for f in _fonts(page.get("/Resources"), set())]
    assert fonts and all("DejaVu" in str(f.get("/BaseFont")) for f in fonts)
    # Page numbers run on across the files.
    for i in range(2, len(full.pages)):
        assert str(i + 1) in full.pages[i].extract_text().split(), i + 1


def test_joined_and_single_editions_keep_the_heading_order(parts_site: Path, built_site: Path):
    collection = load_collection(REPO)
    chapters = len(collection.cases) + len(collection.methods)
    assert_heading_order(parts_site / "ke-stazeni/prirucka-dobre-praxe.pdf", chapters)
    assert_heading_order(built_site / "ke-stazeni/prirucka-dobre-praxe.pdf", chapters)
    assert_heading_order(built_site / "ke-stazeni/prirucka-dobre-praxe-jihocesky.pdf", 1 + len(collection.methods))
    levels = heading_levels(built_site / f"ke-stazeni/priklady/{CASE}.pdf")
    assert levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels)), levels
    # The joined edition has the levels of the edition typeset in one go, chapter by chapter.
    assert heading_levels(parts_site / "ke-stazeni/prirucka-dobre-praxe.pdf") == \
        heading_levels(built_site / "ke-stazeni/prirucka-dobre-praxe.pdf")
    with pikepdf.open(parts_site / "ke-stazeni/prirucka-dobre-praxe.pdf") as pdf:
        labels = pdf.Root.PageLabels.Nums
        assert int(labels[0]) == 0 and str(labels[1].S) == "/D" and len(labels) == 2  # 1, 2, … as printed


# ---------- the cache ----------

def test_second_build_typesets_only_what_one_changed_case_changes(tmp_path: Path):
    project = content_copy(tmp_path / "content")
    cache = tmp_path / "cache"
    first = build_all(load_collection(project), manual_settings(), tmp_path / "a", cache)
    assert len(first.rendered) == len(first.editions) + len(first.cases)
    again = build_all(load_collection(project), manual_settings(), tmp_path / "b", cache)
    assert again.rendered == []
    assert [p.path.read_bytes() for p in again.editions] == [p.path.read_bytes() for p in first.editions]
    case = project / "good_practice" / f"{CASE}.md"
    case.write_text(case.read_text(encoding="utf-8") + "\nDoplněný odstavec.\n", encoding="utf-8")
    third = build_all(load_collection(project), manual_settings(), tmp_path / "c", cache)
    assert third.rendered == [f"priklady/{CASE}.pdf", "prirucka-dobre-praxe-jihocesky.pdf", "prirucka-dobre-praxe.pdf"]
    assert "Doplněný odstavec." in text_of(PdfReader(third.cases[CASE].path))
    unchanged = next(p for p in third.editions if p.path.name == "prirucka-dobre-praxe-liberecky.pdf")
    assert unchanged.path.read_bytes() == (tmp_path / "a" / unchanged.path.name).read_bytes()


def test_joined_edition_typesets_only_the_changed_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PORTAL_PDF_CHUNK", "2")
    project = content_copy(tmp_path / "content")
    cache = tmp_path / "cache"
    build_all(load_collection(project), manual_settings(), tmp_path / "a", cache)
    case = project / "good_practice" / f"{CASE}.md"
    case.write_text(case.read_text(encoding="utf-8") + "\nDoplněný odstavec.\n", encoding="utf-8")
    again = build_all(load_collection(project), manual_settings(), tmp_path / "b", cache)
    assert again.rendered == [f"priklady/{CASE}.pdf", "prirucka-dobre-praxe-jihocesky.pdf", "prirucka-dobre-praxe.pdf"]
    assert "Doplněný odstavec." in text_of(PdfReader(tmp_path / "b" / "prirucka-dobre-praxe.pdf"))


def test_unchanged_joined_edition_is_taken_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Its cache address does not depend on the build's output folder (`mkdocs build` makes a new one every time)."""
    monkeypatch.setenv("PORTAL_PDF_CHUNK", "2")
    project = content_copy(tmp_path / "content")
    first = build_all(load_collection(project), manual_settings(), tmp_path / "a", tmp_path / "cache")
    assert "prirucka-dobre-praxe.pdf" in first.rendered
    again = build_all(load_collection(project), manual_settings(), tmp_path / "b", tmp_path / "cache")
    assert again.rendered == [] and "join" not in again.timings and "rejoin" not in again.timings
    assert (tmp_path / "b" / "prirucka-dobre-praxe.pdf").read_bytes() == (tmp_path / "a" / "prirucka-dobre-praxe.pdf").read_bytes()


def test_one_changed_part_is_replaced_in_the_last_joined_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A part that kept its page count replaces its old pages in the last joined PDF (rejoin.py); the result reads
    back as an edition joined afresh from the same parts: text, outline, tags, heading levels, links."""
    monkeypatch.setenv("PORTAL_PDF_CHUNK", "2")
    project = content_copy(tmp_path / "content")
    build_all(load_collection(project), manual_settings(), tmp_path / "a", tmp_path / "cache")
    case = project / "good_practice" / f"{CASE}.md"
    case.write_text(case.read_text(encoding="utf-8").replace("Otevřete centrum všem.", "Otevřete centrum každému."), encoding="utf-8")
    again = build_all(load_collection(project), manual_settings(), tmp_path / "b", tmp_path / "cache")
    assert again.timings.get("rejoin", [0])[0] == 1 and "join" not in again.timings
    fresh = build_all(load_collection(project), manual_settings(), tmp_path / "c", tmp_path / "cache-fresh")
    assert fresh.timings["join"][0] == 1
    replaced, joined = tmp_path / "b" / "prirucka-dobre-praxe.pdf", tmp_path / "c" / "prirucka-dobre-praxe.pdf"
    a, b = PdfReader(replaced), PdfReader(joined)
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
    assert "Otevřete centrum každému." in text_of(a) and "Otevřete centrum všem." not in text_of(a)
    assert outline(a) == outline(b)
    assert struct_check(replaced) == struct_check(joined)
    assert heading_levels(replaced) == heading_levels(joined)
    assert link_targets(replaced) == link_targets(joined)
    with pikepdf.open(replaced) as x, pikepdf.open(joined) as y:
        assert len(x.objects) == len(y.objects)  # the old part's objects are gone
        described = [[str(a.get("/Contents", "")) for a in page.obj.get("/Annots", [])] for page in x.pages]
        assert described == [[str(a.get("/Contents", "")) for a in page.obj.get("/Annots", [])] for page in y.pages]


class _FakeWorker:
    """A worker as the pool sees it: memory, recent compiles; never started."""

    def __init__(self, rss: float, recent: list[tuple[str, bool, float]]) -> None:
        self.rss, self.recent, self.closed = rss, recent, False

    def memo_value(self) -> tuple[bool, float]:
        return workers._Worker.memo_value(self)  # type: ignore[arg-type]

    def close(self) -> None:
        self.closed = True


def test_a_job_goes_to_the_worker_that_compiled_it_lately_and_a_join_spares_it():
    pool = workers.Pool(2)
    part = _FakeWorker(300, [("ed/prirucka-dobre-praxe.7.typ", True, 205.0)])
    regional = _FakeWorker(200, [("ed/prirucka-dobre-praxe-jihocesky.typ", False, 260.0), ("case/x.typ", False, 2.0)])
    pool.idle = [regional, part]  # type: ignore[list-item]
    assert pool._take(205.0, {"ed/prirucka-dobre-praxe.7.typ"})[0] is part  # warm, although it holds more memory
    assert pool._take(260.0, {"ed/prirucka-dobre-praxe-jihocesky.typ"})[0] is regional
    assert pool._take(2.0, {"case/y.typ"})[0] is regional  # nothing warm: the smaller one
    # A join (no Typst file) replaces the worker whose memoised layout is worth least, never the edited part's.
    taken = pool._take(730.0, set())
    assert taken is not None and taken[0] is None and regional.closed and not part.closed and pool.idle == [part]


# ---------- contributed text is text ----------

ATTACKS = ['#read("/etc/passwd")', '#import "@preview/cetz:0.3.0": *', "#{ panic(1) }", "*tučně* _kurzíva_ $x^2$ `kód`",
           "= Nadpis", "// komentář /* blok */", "\\#\\ \\\\ \"uvozovky\" 'apostrof'", "@ref \\ \\u{41}", "https://example.com",
           "]) #panic(2) [(", "- položka\n+ číslo\n/ termín: popis"]


def test_typst_markup_in_a_case_is_printed_as_written(tmp_path: Path):
    project = content_copy(tmp_path / "content")
    case = project / "good_practice" / f"{CASE}.md"
    case.write_text(case.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(f"Pokus: {a}" for a in ATTACKS) + "\n",
                    encoding="utf-8")
    collection = load_collection(project)
    assert collection.ok, collection.problems
    result = build_all(collection, manual_settings(), tmp_path / "out", tmp_path / "cache")
    text = norm(" ".join(p.extract_text() for p in PdfReader(result.cases[CASE].path).pages))
    for attack in ("#read(\"/etc/passwd\")", "#import \"@preview/cetz:0.3.0\": *", "#{ panic(1) }", "]) #panic(2) [(",
                   "@ref", "// komentář /* blok */"):
        assert attack in text, attack
    assert "root:x:0" not in text


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_any_text_is_one_typst_string(value: str):
    """string() is a Typst string literal of exactly that text, whatever the text holds."""
    source = f"#metadata({string(value)}) <v>".encode()
    assert json.loads(typst.query(source, "<v>", field="value", one=True, format="json")) == value


# ---------- switches and the benchmark ----------

def test_portal_pdf_0_builds_everything_but_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = copy_project(tmp_path)
    monkeypatch.setenv("PORTAL_PDF", "0")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))
    page = (tmp_path / "out" / "ke-stazeni" / "index.html").read_text(encoding="utf-8")
    assert "PDF příručka se v tomto náhledu nesestavuje (PORTAL_PDF=0)." in page.replace("\u00a0", " ")
    assert (tmp_path / "out" / "data" / "cases.json").is_file()


def test_benchmark_runs_with_a_tiny_corpus():
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "pdf.py"), "3"], check=False, capture_output=True, text=True,
                         timeout=600, cwd=REPO)
    assert out.returncode == 0, out.stderr
    row = [line for line in out.stdout.splitlines() if line.startswith("| 3 |")]
    assert row, out.stdout
    assert "priklady/pripad-0001.pdf" in row[0]


def test_cases_stream_in_batches_and_a_failure_mid_way_ends_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Editions start before every batch is written; an error in a later batch stops them instead of leaving them waiting."""
    import threading

    from portal.manual import typeset
    from portal.manual.typst_doc import Sources
    monkeypatch.setattr(typeset, "BATCH", 2)
    project = content_copy(tmp_path / "content")
    result = build_all(load_collection(project), manual_settings(), tmp_path / "a", tmp_path / "cache")
    collection = load_collection(project)
    assert sorted(result.cases) == sorted(c.slug for c in collection.cases)
    assert chapters_under(PdfReader(result.editions[0].path), "Příklady dobré praxe") == [norm(c.title) for c in collection.cases]
    real, calls = Sources.add_cases, []

    def failing(self, cases):
        calls.append(len(cases))
        if len(calls) == 2:
            raise RuntimeError("zkouška: dávka selhala")
        return real(self, cases)

    monkeypatch.setattr(Sources, "add_cases", failing)
    before = threading.active_count()
    with pytest.raises(RuntimeError, match="zkouška"):
        build_all(load_collection(project), manual_settings(), tmp_path / "b", tmp_path / "cache2")
    assert threading.active_count() <= before  # no edition is left waiting for chapters that never come
