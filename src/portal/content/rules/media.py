"""Video files and captions beside the video texts: real files of an allowed type, of a size the repository takes."""

from __future__ import annotations

from pathlib import Path

from portal.content.problems import FILE, Problem

VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
CAPTIONS_SUFFIX = ".vtt"
MEDIA_SUFFIXES = set(VIDEO_TYPES) | {CAPTIONS_SUFFIX}
MAX_VIDEO_BYTES = 100_000_000  # GitHub refuses larger files; longer videos belong on an allowed player


def _looks_like(suffix: str, head: bytes) -> bool:
    """MP4 has an 'ftyp' box first; WebM starts with the EBML signature."""
    if suffix == ".mp4":
        return head[4:8] == b"ftyp"
    return head[:4] == b"\x1a\x45\xdf\xa3"


def media_problems(file: Path, rel: str) -> list[Problem]:
    """A video file must be what its suffix says and at most 100 MB; captions are checked with their video."""
    suffix = file.suffix.lower()
    if suffix == CAPTIONS_SUFFIX:
        return []
    size = file.stat().st_size
    if size > MAX_VIDEO_BYTES:
        return [Problem(rel, 1, FILE, f"video má {size // 1_000_000} MB; nejvýše {MAX_VIDEO_BYTES // 1_000_000} MB. Zmenšete ho "
                                      "(nižší rozlišení či datový tok), nebo ho zveřejněte na povoleném přehrávači a uveďte jeho adresu v poli source.player")]
    with file.open("rb") as handle:
        head = handle.read(16)
    if not _looks_like(suffix, head):
        return [Problem(rel, 1, FILE, f"soubor má příponu {suffix}, ale není to video {suffix[1:].upper()}; uložte ho znovu jako MP4 (H.264) nebo WebM")]
    return []
