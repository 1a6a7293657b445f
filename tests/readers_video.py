"""A small real video for tests, generated with espeak-ng (Czech voice) and ffmpeg: a few seconds, with its WebVTT captions."""

from __future__ import annotations

import math
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

SENTENCES = ["Dobrý den, vítejte u krátkého videa.", "Sousedé v Lipové společně uklízeli náves.", "Komunitní práce začíná rozhovorem."]


@dataclass(frozen=True)
class Fixture:
    """The files of a generated video and what they say."""

    slug: str
    seconds: float
    duration: str  # as the video's text writes it, e.g. '0:07'
    cues: list[tuple[float, float, str]]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:  # make test installs them; a missing tool is an error, never a skip
        raise RuntimeError(f"Chybí nástroj {name} (apt-get install {name}); make test ho instaluje.")
    return path


def stamp(seconds: float) -> str:
    """A WebVTT time, 00:01.250."""
    millis = round(seconds * 1000)
    m, rest = divmod(millis, 60_000)
    return f"{m:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def make_video(folder: Path, slug: str = "ukazka", sentences: list[str] = SENTENCES, work: Path | None = None) -> Fixture:
    """Write folder/<slug>.webm and folder/<slug>.vtt: each sentence spoken in Czech, one caption per sentence."""
    folder.mkdir(parents=True, exist_ok=True)
    work = work or folder.parent / f".{slug}-work"
    work.mkdir(exist_ok=True)
    frames: list[bytes] = []
    cues: list[tuple[float, float, str]] = []
    params = None
    at = 0.0
    for i, sentence in enumerate(sentences):
        wav = work / f"{i}.wav"
        subprocess.run([_tool("espeak-ng"), "-v", "cs", "-s", "170", "-w", str(wav), sentence], check=True, capture_output=True, timeout=60)
        with wave.open(str(wav)) as w:
            params = w.getparams()
            frames.append(w.readframes(w.getnframes()))
            length = w.getnframes() / w.getframerate()
        cues.append((at, at + length, sentence))
        at += length
    speech = work / "speech.wav"
    with wave.open(str(speech), "wb") as out:
        out.setparams(params)
        for chunk in frames:
            out.writeframes(chunk)
    subprocess.run([_tool("ffmpeg"), "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x0b5563:s=160x90:r=10", "-i", str(speech), "-shortest",
                    "-c:v", "libvpx", "-b:v", "40k", "-c:a", "libopus", "-b:a", "24k", str(folder / f"{slug}.webm")],
                   check=True, capture_output=True, timeout=120)
    shutil.rmtree(work, ignore_errors=True)
    vtt = "WEBVTT\n\n" + "\n".join(f"{i + 1}\n{stamp(s)} --> {stamp(e)}\n{t}\n" for i, (s, e, t) in enumerate(cues))
    (folder / f"{slug}.vtt").write_text(vtt, encoding="utf-8")
    whole = math.floor(at)
    return Fixture(slug, at, f"{whole // 60}:{whole % 60:02d}", cues)


def video_text(fixture: Fixture, title: str = "Úklid návsi v Lipové", methods: list[str] | None = None, cases: list[str] | None = None,
               captions: str | None = None) -> str:
    """The video's text file: header with its fields, the transcript as the body."""
    refs = (f"methods: [{', '.join(methods)}]\n" if methods else "") + (f"cases: [{', '.join(cases)}]\n" if cases else "")
    return (f"---\ntitle: {title}\nsummary: Krátké video o tom, jak sousedé společně uklízeli náves.\nduration: \"{fixture.duration}\"\n"
            f"source: {{file: {fixture.slug}.webm}}\ncaptions: {captions or fixture.slug + '.vtt'}\n{refs}---\n\n"
            + " ".join(t for _, _, t in fixture.cues) + "\n")
