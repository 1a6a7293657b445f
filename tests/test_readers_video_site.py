"""A generated video in a real build: its page plays it with Czech captions, shows the transcript, search finds it, references go both ways."""

from __future__ import annotations

import pytest

from tests.browser import serve
from tests.conftest import copy_project, mkdocs_build
from tests.readers_browser import page, results  # noqa: F401 - fixtures
from tests.readers_video import make_video, video_text

CASE = "komunitni-centrum-vltavotynska"
PLAYER = "https://player.vimeo.com/video/76979871"


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    """The portal with one generated video (espeak-ng + ffmpeg) that shows a real case and method."""
    base = tmp_path_factory.mktemp("videa")
    project = copy_project(base)
    fixture = make_video(project / "videos")
    (project / "videos" / "ukazka.md").write_text(video_text(fixture, methods=["komunitni-planovani"], cases=[CASE]), encoding="utf-8")
    # A second video on an allow-listed player, with its own captions file.
    (project / "videos" / "prehravac.vtt").write_text((project / "videos" / "ukazka.vtt").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "videos" / "prehravac.md").write_text(
        video_text(fixture, title="Video z přehrávače", captions="prehravac.vtt").replace("source: {file: ukazka.webm}", f"source: {{player: '{PLAYER}'}}")
        .split("---\n\n")[0] + "---\n\nPřepis videa z přehrávače: setkání v knihovně.\n",
        encoding="utf-8")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site", fixture


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_video_page_has_player_captions_and_transcript(video_site):
    site, _ = video_site
    html = read(site, "videa/ukazka/index.html")
    assert '<source src="../ukazka.webm" type="video/webm">' in html
    assert '<track kind="captions" src="../ukazka.vtt" srclang="cs" label="Čeština" default>' in html
    assert (site / "videa" / "ukazka.webm").is_file() and (site / "videa" / "ukazka.vtt").is_file()
    transcript = html.split('id="prepis"', 1)[1]
    assert "uklízeli náves" in transcript
    assert '<dt>Délka</dt><dd>8\u00a0s</dd>' in html


def test_references_are_shown_both_ways(video_site):
    site, _ = video_site
    video = read(site, "videa/ukazka/index.html")
    assert f'href="../../dobra-praxe/{CASE}/"' in video and 'href="../../metodiky/komunitni-planovani/"' in video
    for path in (f"dobra-praxe/{CASE}/index.html", "metodiky/komunitni-planovani/index.html"):
        html = read(site, path)
        assert 'id="videa-k-tematu"' in html and 'href="../../videa/ukazka/">Úklid návsi v\u00a0Lipové</a>' in html, path


def test_library_and_about_page_count_the_running_time(video_site):
    site, _ = video_site
    library = read(site, "videa/index.html")
    assert 'href="ukazka/">Úklid návsi v\u00a0Lipové</a>' in library and "Zatím tu žádné video není" not in library
    about = read(site, "o-portalu/index.html").replace("\u00a0", " ")
    assert "Celková délka videí na portálu: <strong>16 s</strong> z cílových 30 minut (2 videa)." in about


@pytest.mark.browser
def test_video_plays_with_czech_captions_and_is_found_by_its_transcript(video_site, page):  # noqa: F811
    site, fixture = video_site
    with serve(site) as url:
        page.goto(url + "videa/ukazka/")
        page.wait_for_function("() => { const t = document.querySelector('video').textTracks[0]; return t && t.cues && t.cues.length > 0; }")
        track = page.evaluate("() => { const t = document.querySelector('video').textTracks[0]; "
                              "return {kind: t.kind, lang: t.language, mode: t.mode, cues: [...t.cues].map(c => c.text)}; }")
        assert track == {"kind": "captions", "lang": "cs", "mode": "showing", "cues": [t for _, _, t in fixture.cues]}
        assert page.evaluate("() => document.querySelector('video').getBoundingClientRect().right") <= page.viewport_size["width"]
        page.goto(url + "hledani/?q=uklizeli")  # a word of the transcript only, without diacritics
        assert results(page, "uklizeli")[0] == "Úklid návsi v Lipové"


def test_search_knows_a_video_as_content_of_its_kind(video_site):
    """A video is content, not help: it has its kind among the results' filters and ranks with cases and methods."""
    import json

    site, _ = video_site
    pages = json.loads(read(site, "search-index/pages.json"))
    urls = json.loads(read(site, "search-index/urls.json"))
    at = urls.index("videa/ukazka/")
    kinds = pages["filters"]["druh"]
    assert at not in pages["help"] and [kinds["v"][i] for i in kinds["p"][at]] == ["Video"]


def test_open_data_and_schema_list_the_video(video_site):
    import json

    site, _ = video_site
    data = json.loads(read(site, "data/videos.json"))
    video = next(v for v in data["videos"] if v["slug"] == "ukazka")
    assert video["slug"] == "ukazka" and video["seconds"] == 8 and video["captions_url"].endswith("/videa/ukazka.vtt")
    assert video["cases"] == [CASE] and video["file_url"].endswith("/videa/ukazka.webm")
    schema = json.loads(read(site, "data/schema/video.schema.json"))
    assert schema["required"] == ["title", "summary", "duration", "source", "captions"]


@pytest.mark.pdf  # the completeness check covers the PDF too
def test_a_lost_video_fails_the_completeness_check(video_site):
    from portal.content.collection import load_collection
    from portal.web.completeness import missing_outputs

    site, _ = video_site
    collection = load_collection(site.parent)
    assert missing_outputs(collection, site) == []
    assert [v.slug for v in collection.videos] == ["ukazka", "prehravac"]  # by title
    (site / "videa" / "ukazka" / "index.html").rename(site / "videa" / "ukazka" / "jinde.html")
    try:
        assert [str(p) for p in missing_outputs(collection, site)] == ["videos/ukazka.md:1: soubor: obsah se ztratil, chybí v: stránka videa/ukazka/"]
    finally:
        (site / "videa" / "ukazka" / "jinde.html").rename(site / "videa" / "ukazka" / "index.html")


@pytest.mark.browser
def test_video_pages_meet_wcag_21_aa(video_site, page):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    from tests.readers_browser import overflow

    site, _ = video_site
    with serve(site) as url:
        for path in ("videa/ukazka/", "videa/", "dobra-praxe/" + CASE + "/"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).response["violations"]
            assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == [], path
            assert overflow(page) == [], path


def test_build_stops_on_a_video_without_its_caption_file(tmp_path):
    """`mkdocs build` refuses the whole site and names the missing captions in Czech, word for word."""
    project = copy_project(tmp_path)
    fixture = make_video(project / "videos")
    (project / "videos" / "ukazka.vtt").unlink()
    (project / "videos" / "ukazka.md").write_text(video_text(fixture), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("videos/ukazka.md:6: captions: soubor s titulky 'videos/ukazka.vtt' neexistuje; uložte české titulky ve formátu WebVTT "
            "do složky videos/ pod tímto názvem, nebo název v poli captions opravte") in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.browser
def test_allowed_player_loads_only_after_the_click(video_site, page):  # noqa: F811
    site, _ = video_site
    asked: list[str] = []
    page.route("https://player.vimeo.com/**", lambda route: (asked.append(route.request.url), route.abort()))
    with serve(site) as url:
        page.goto(url + "videa/prehravac/")
        page.wait_for_load_state("networkidle")
        assert asked == [] and page.locator("iframe").count() == 0
        page.get_by_role("link", name="Přehrát video").click()
        page.wait_for_selector("iframe")
        assert page.locator("iframe").get_attribute("src") == PLAYER
        assert "setkání v knihovně" in page.locator(".kp-transcript").inner_text().replace("\u00a0", " ")
