"""The video kind: one schema, Czech captions that must exist and be valid WebVTT, a transcript, references both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.content import webvtt
from portal.content.collection import load_collection
from portal.content.kinds import KINDS
from portal.content.rules.video import seconds
from portal.web.video_pages import human_duration, running_time, total_seconds
from tests.conftest import VALID_CASE
from tests.readers_video import make_video, stamp, video_text


@pytest.fixture
def video(root, write):
    """The content root with a real generated video (espeak-ng + ffmpeg), its captions and a case it shows."""
    write("good_practice/lipova.md", VALID_CASE)
    fixture = make_video(root / "videos")
    write("videos/ukazka.md", video_text(fixture, methods=["komunitni-planovani"], cases=["lipova"]))
    return fixture


def messages(root) -> list[str]:
    return [str(p) for p in load_collection(root).problems]


def test_video_is_a_content_kind():
    assert KINDS["video"].folder == "videos" and KINDS["video"].url_prefix == "videa"


def test_generated_video_validates_and_is_referenced_both_ways(root, video):
    collection = load_collection(root)
    assert collection.problems == []
    [doc] = collection.videos
    assert doc.title == "Úklid návsi v Lipové" and "Sousedé v Lipové" in doc.body
    assert "videos/ukazka.webm" in collection.attachments and "videos/ukazka.vtt" in collection.attachments
    assert collection.videos_about[("case", "lipova")] == [doc]
    assert collection.videos_about[("method", "komunitni-planovani")] == [doc]
    assert total_seconds(collection) == int(video.duration.split(":")[1])


def test_missing_caption_file_fails_with_a_czech_error(root, write, video):
    (root / "videos" / "ukazka.vtt").unlink()
    assert messages(root) == [
        ("videos/ukazka.md:6: captions: soubor s titulky 'videos/ukazka.vtt' neexistuje; uložte české titulky ve formátu WebVTT "
        "do složky videos/ pod tímto názvem, nebo název v poli captions opravte")]


def test_misspelt_caption_file_gets_a_suggestion(root, write, video):
    write("videos/ukazka.md", video_text(video, captions="ukazak.vtt"))
    assert messages(root) == [
        ("videos/ukazka.md:6: captions: soubor s titulky 'videos/ukazak.vtt' neexistuje; uložte české titulky ve formátu WebVTT "
        "do složky videos/ pod tímto názvem, nebo název v poli captions opravte; myslel/a jste 'ukazka.vtt'?")]


def test_captions_are_required(root, write, video):
    text = video_text(video).replace("captions: ukazka.vtt\n", "")
    write("videos/ukazka.md", text)
    assert messages(root) == ["videos/ukazka.md:1: captions: chybí povinné pole (České titulky), např. captions: uvod-do-komunitni-prace.vtt"]


def test_a_transcript_is_required(root, write, video):
    write("videos/ukazka.md", video_text(video).split("---\n\n")[0] + "---\n\n")
    assert messages(root) == [("videos/ukazka.md:8: text: chybí přepis videa; pod hlavičku napište, co ve videu zazní a co je v něm vidět, "
                              "aby ho mohli číst i ti, kdo video nepřehrají")]


def test_duration_must_be_quoted_minutes_and_seconds(root, write, video):
    write("videos/ukazka.md", video_text(video).replace(f'duration: "{video.duration}"', "duration: 1:40"))
    assert messages(root) == [
        "videos/ukazka.md:4: duration: '1:40' se v YAML čte jako číslo v šedesátkové soustavě; je-li to čas nebo poměr, dejte hodnotu do uvozovek: \"1:40\""]
    write("videos/ukazka.md", video_text(video).replace(f'duration: "{video.duration}"', 'duration: "8 s"'))
    assert messages(root) == [
        ("videos/ukazka.md:4: duration: neplatná hodnota '8 s'; očekáváno: délka v uvozovkách ve tvaru minuty:sekundy, např. \"4:35\", "
        "nebo hodiny:minuty:sekundy, např. \"1:02:15\"")]


def test_captions_must_end_within_the_video(root, write, video):
    write("videos/ukazka.md", video_text(video).replace(f'duration: "{video.duration}"', 'duration: "0:05"'))
    assert messages(root) == [
        ("videos/ukazka.vtt:12: titulky: titulek končí v 0:08.373, až po konci videa (délka 0:05 v souboru videos/ukazka.md); "
        "opravte čas titulku, nebo délku videa (pole duration)")]


def test_source_is_a_file_or_an_allowed_player_not_both(root, write, video):
    write("videos/ukazka.md", video_text(video).replace("source: {file: ukazka.webm}", "source: {file: ukazka.webm, player: 'https://player.vimeo.com/video/1'}"))
    assert messages(root) == ["videos/ukazka.md:5: source: uveďte jen jedno: soubor videa (file), nebo adresu přehrávače (player); druhé pole smažte"]
    write("videos/ukazka.md", video_text(video).replace("source: {file: ukazka.webm}", "source: {player: 'https://www.youtube.com/watch?v=abc'}"))
    assert messages(root) == [
        ("videos/ukazka.md:5: source.player: adresa 'https://www.youtube.com/watch?v=abc' není povolený přehrávač; povolené jsou adresy https z: "
        "player.vimeo.com, www.youtube-nocookie.com, youtube-nocookie.com (u YouTube použijte adresu https://www.youtube-nocookie.com/embed/…)")]
    write("videos/ukazka.md", video_text(video).replace("source: {file: ukazka.webm}", "source: {file: jine.webm}"))
    assert messages(root) == ["videos/ukazka.md:5: source.file: soubor videa 'videos/jine.webm' neexistuje; uložte video do složky videos/ pod tímto názvem, nebo název opravte"]


def test_a_video_file_must_be_a_video(root, write, video):
    write("videos/ukazka.webm", b"<svg onload=alert(1)>")
    assert messages(root) == ["videos/ukazka.webm:1: soubor: soubor má příponu .webm, ale není to video WEBM; uložte ho znovu jako MP4 (H.264) nebo WebM"]


def test_references_name_existing_cases_and_methods(root, write, video):
    write("videos/ukazka.md", video_text(video, methods=["komunitni-planovan"], cases=["lipva"]))
    assert messages(root) == [
        "videos/ukazka.md:7: methods[0]: neznámá metodika 'komunitni-planovan'; očekáváno jedno z: komunitni-planovani; myslel/a jste 'komunitni-planovani'?",
        "videos/ukazka.md:8: cases[0]: neznámý příklad dobré praxe 'lipva'; očekáváno jedno z: lipova; myslel/a jste 'lipova'?",
    ]


# ---------- WebVTT, word for word ----------

def vtt_problems(text: str, duration: int | None = None) -> list[tuple[int, str]]:
    return webvtt.parse(text, Decimal(duration) if duration is not None else None, "0:10")[1]


def test_webvtt_header_is_required():
    assert vtt_problems("1\n00:00:01,000 --> 00:00:02,000\nAhoj\n") == [
        (1, ("soubor s titulky musí začínat řádkem 'WEBVTT'; uvedeno: '1'; vypadá to jako titulky SRT: převeďte je do WebVTT "
            "(první řádek WEBVTT, v časech desetinná tečka místo čárky)"))]


def test_webvtt_timing_with_a_comma_is_explained():
    assert vtt_problems("WEBVTT\n\n00:01,000 --> 00:02,000\nAhoj\n") == [
        (3, ("neplatný čas titulku '00:01,000 --> 00:02,000'; očekáváno: čas ve tvaru 00:00:01.000 --> 00:00:04.000 (hodiny lze vynechat: "
            "00:01.000 --> 00:04.000; desetinná tečka a tři číslice milisekund); v časech pište desetinnou tečku, ne čárku (to je zápis SRT): "
            "00:01.000 --> 00:02.000"))]


def test_webvtt_cues_in_order_and_ending_after_they_start():
    text = "WEBVTT\n\n00:03.000 --> 00:04.000\nDruhý\n\n00:01.000 --> 00:00.500\nPrvní\n"
    assert vtt_problems(text) == [
        (6, "titulek končí (0:00.500) dřív, než začne (0:01.000); konec musí být později než začátek"),
        (6, "titulek začíná v 0:01.000, dřív než předchozí titulek (v 0:03.000 na řádku 3); titulky musí jít v časovém pořadí"),
    ]


def test_webvtt_empty_cue_missing_blank_line_and_no_cues():
    assert vtt_problems("WEBVTT\n\n00:01.000 --> 00:02.000\n") == [
        (3, "titulek nemá žádný text; pod řádek s časem napište, co zazní, nebo titulek smažte")]
    assert vtt_problems("WEBVTT\n00:01.000 --> 00:02.000\nAhoj\n") == [
        (1, "za řádkem 'WEBVTT' musí být prázdný řádek, teprve pak první titulek")]
    assert vtt_problems("WEBVTT\n\nNOTE jen poznámka\n") == [
        (3, "soubor s titulky neobsahuje žádný titulek; pod řádek 'WEBVTT' a prázdný řádek napište čas a text titulku")]
    assert vtt_problems("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n") == [
        (3, "mezi titulky chybí prázdný řádek; každý titulek oddělte od dalšího prázdným řádkem")]


def test_webvtt_style_blocks_and_encoding():
    assert vtt_problems("WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:01.000 --> 00:02.000\nA\n") == [
        (3, "bloky STYLE se v titulcích portálu nepoužívají (vzhled titulků určuje přehrávač); blok odstraňte")]
    assert webvtt.decode("WEBVTT\n\n00:01.000 --> 00:02.000\nŽluť\n".encode("cp1250"))[1] == [
        (1, "soubor s titulky není v kódování UTF-8; uložte ho znovu jako UTF-8 (v Poznámkovém bloku: Uložit jako → Kódování UTF-8)")]


def test_webvtt_notes_identifiers_settings_bom_and_crlf_are_fine():
    text, problems = webvtt.decode("\ufeffWEBVTT - titulky\r\n\r\nNOTE přeloženo ručně\r\n\r\nuvod\r\n01:00:01.000 --> 01:00:02.500 align:start line:90%\r\n<v Jana>Ahoj</v>\r\n".encode())
    assert problems == []
    cues, problems = webvtt.parse(text)
    assert problems == [] and [(c.start, c.end, c.text) for c in cues] == [(Decimal(3601), Decimal("3602.5"), "<v Jana>Ahoj</v>")]


cue_lists = st.lists(st.tuples(st.integers(0, 7_200_000), st.integers(1, 60_000), st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30)
                               .filter(lambda t: t.strip() and "-->" not in t)), min_size=1, max_size=20)


def _vtt(cues: list[tuple[int, int, str]]) -> str:
    def t(ms: int) -> str:
        h, rest = divmod(ms, 3_600_000)
        return f"{h:02d}:" + stamp(rest / 1000)
    return "WEBVTT\n\n" + "\n".join(f"{t(s)} --> {t(s + d)}\n{text}\n" for s, d, text in cues)


@settings(max_examples=150, deadline=None)
@given(cue_lists)
def test_any_ordered_captions_are_read_back_exactly(cues):
    cues = sorted(cues)
    parsed, problems = webvtt.parse(_vtt(cues))
    assert problems == []
    assert [(int(c.start * 1000), int(c.end * 1000), c.text) for c in parsed] == [(s, s + d, text) for s, d, text in cues]


@settings(max_examples=150, deadline=None)
@given(cue_lists.filter(lambda c: [s for s, _, _ in c] != sorted(s for s, _, _ in c)))
def test_any_captions_out_of_order_are_reported(cues):
    problems = webvtt.parse(_vtt(cues))[1]
    assert any("titulky musí jít v časovém pořadí" in m for _, m in problems)


@given(st.integers(0, 10 * 3600))
def test_durations_read_back(total):
    h, rest = divmod(total, 3600)
    text = f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"
    assert seconds(text) == total
    assert human_duration(total).replace("\u00a0", " ") == " ".join(
        p for p in (f"{h} h" if h else "", f"{rest // 60} min" if rest // 60 else "", f"{rest % 60} s" if rest % 60 else "") if p) or total == 0


def test_the_real_library_is_honestly_empty():
    from tests.conftest import REPO

    collection = load_collection(REPO)
    assert collection.videos == []
    html = running_time(collection, lambda url: url)
    assert "Celková délka videí na portálu: <strong>0\u00a0min</strong> z cílových 30 minut (0\u00a0videí)." in html
    assert "Zatím tu žádné video není." in html
