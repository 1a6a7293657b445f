"""Files beside the texts (pictures, PDF attachments): only real files of an allowed type and a sensible size.

They are published as they are, on the portal's own origin: an SVG with a script would run there, a
file named .jpg may be anything, and a small PNG of 12,000 x 12,000 pixels costs gigabytes to lay out.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from portal.content.problems import FILE, Problem

# Pillow's format name for each allowed picture suffix; SVG is not allowed (it can carry scripts).
PICTURES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
ATTACHMENT_SUFFIXES = set(PICTURES) | {".pdf"}
MAX_PICTURE_BYTES = 1_000_000
MAX_PDF_BYTES = 10_000_000
MAX_SIDE = 4000           # pixels
MAX_PIXELS = 12_000_000   # width x height

_HOW = "zmenšete ho v prohlížeči obrázků (např. na šířku 1600 px) a uložte jako JPEG nebo PNG"


def attachment_problems(file: Path, rel: str) -> list[Problem]:
    """Problems of one attachment: its type must match its content, and size and pixel dimensions stay within limits."""
    size = file.stat().st_size
    suffix = file.suffix.lower()
    if suffix == ".pdf":
        with file.open("rb") as handle:
            head = handle.read(1024)
        if b"%PDF-" not in head:
            return [Problem(rel, 1, FILE, "soubor má příponu .pdf, ale není to dokument PDF; uložte ho znovu jako PDF")]
        if size > MAX_PDF_BYTES:
            return [Problem(rel, 1, FILE, f"příloha PDF má {size // 1_000_000} MB; nejvýše {MAX_PDF_BYTES // 1_000_000} MB, zmenšete ji")]
        return []
    if size > MAX_PICTURE_BYTES:
        return [Problem(rel, 1, FILE, f"obrázek má {round(size / 1_000_000, 1)} MB; nejvýše {MAX_PICTURE_BYTES // 1_000_000} MB, {_HOW}".replace(".", ",", 1))]
    try:
        with warnings.catch_warnings():  # dimensions are judged below, with a Czech message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
        with image:  # reads the header only: safe with a decompression bomb
            found, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return [Problem(rel, 1, FILE, f"soubor s příponou {suffix} není čitelný obrázek; uložte ho znovu jako JPEG nebo PNG")]
    if found != PICTURES[suffix]:
        return [Problem(rel, 1, FILE, f"obrázek je ve formátu {found}, ale má příponu {suffix}; přejmenujte ho na příponu .{(found or '').lower().replace('jpeg', 'jpg')}")]
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        return [Problem(rel, 1, FILE, f"obrázek má {width} × {height} pixelů; nejvýše {MAX_SIDE} pixelů na delší straně, {_HOW}")]
    return []
