"""Rules of a video beyond its schema: one source, files that exist, Czech captions that a browser can play, a transcript.

Each rule is a small function whose docstring is the rule. Problems inside a captions file name that
file and its line (field 'titulky'); problems of a field name the video's file and the field's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from portal.content import webvtt
from portal.content.kinds import KINDS
from portal.content.messages import did_you_mean
from portal.content.problems import BODY, Problem
from portal.content.schema import DURATION
from portal.content.weburl import VIDEO_HOSTS, is_web_url, video_url
from portal.czech.text import shown

if TYPE_CHECKING:
    from portal.content.documents import Document

FOLDER = KINDS["video"].folder
CAPTIONS_FIELD = "titulky"  # the field name of problems inside a captions file
_DURATION = re.compile(DURATION)


def seconds(duration: object) -> int | None:
    """The seconds of a running time written '4:35' or '1:02:15'; None when it is not in that form."""
    if not isinstance(duration, str) or not _DURATION.match(duration):
        return None
    total = 0
    for part in duration.split(":"):
        total = total * 60 + int(part)
    return total


def _closest(name: str, names: list[str]) -> str | None:
    match = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return match[0] if match else None


def rule_one_source(doc: Document, media: list[str]) -> Iterator[Problem]:
    """A video plays either from a file in the repository or from an allow-listed player: exactly one of them, and it must exist."""
    source = doc.meta.get("source")
    if not isinstance(source, dict):
        return  # the schema reports a missing or malformed source
    file, player = source.get("file"), source.get("player")
    if file is None and player is None:
        yield doc.problem(("source",), "uveďte soubor videa ve složce videos/ (file: nazev-videa.mp4), nebo adresu povoleného přehrávače "
                                       f"(player: https://…) z: {', '.join(sorted(VIDEO_HOSTS))}")
    elif file is not None and player is not None:
        yield doc.problem(("source",), "uveďte jen jedno: soubor videa (file), nebo adresu přehrávače (player); druhé pole smažte")
    if isinstance(file, str) and file.endswith((".mp4", ".webm")) and f"{FOLDER}/{file}" not in media:
        videos = [PurePosixPath(m).name for m in media if m.endswith((".mp4", ".webm"))]
        yield doc.problem(("source", "file"), f"soubor videa '{FOLDER}/{file}' neexistuje; uložte video do složky {FOLDER}/ pod tímto názvem, "
                                              f"nebo název opravte{did_you_mean(_closest(file, videos))}")
    if isinstance(player, str) and is_web_url(player) and video_url(player) is None:
        yield doc.problem(("source", "player"), f"adresa {shown(player)} není povolený přehrávač; povolené jsou adresy https z: "
                                                f"{', '.join(sorted(VIDEO_HOSTS))} (u YouTube použijte adresu "
                                                "https://www.youtube-nocookie.com/embed/…)")


def rule_captions(doc: Document, media: list[str], root: Path) -> Iterator[Problem]:
    """Every video has Czech captions: a WebVTT file in videos/ whose cues are well formed, in order and within the video's duration."""
    name = doc.meta.get("captions")
    if not isinstance(name, str) or not name.endswith(".vtt"):
        return  # the schema reports it
    rel = f"{FOLDER}/{name}"
    if rel not in media:
        others = [PurePosixPath(m).name for m in media if m.endswith(".vtt")]
        yield doc.problem(("captions",), f"soubor s titulky '{rel}' neexistuje; uložte české titulky ve formátu WebVTT do složky {FOLDER}/ "
                                         f"pod tímto názvem, nebo název v poli captions opravte{did_you_mean(_closest(name, others))}")
        return
    text, problems = webvtt.decode((root / rel).read_bytes())
    if text is not None:
        total = seconds(doc.meta.get("duration"))
        _, problems = webvtt.parse(text, Decimal(total) if total is not None else None, f"{doc.meta.get('duration')} v souboru {doc.path}")
    for line, message in problems:
        yield Problem(rel, line, CAPTIONS_FIELD, message)


def rule_transcript(doc: Document) -> Iterator[Problem]:
    """A video has a transcript (the text of its file): readers who cannot play it read it, and search finds it."""
    if not doc.body.strip():
        yield Problem(doc.path, doc.source.body_line, BODY, "chybí přepis videa; pod hlavičku napište, co ve videu zazní a co je v něm vidět, "
                                                            "aby ho mohli číst i ti, kdo video nepřehrají")


def video_problems(root: Path, videos: list[Document], attachments: list[str]) -> list[Problem]:
    """All problems of the videos that the schema cannot see: files, captions and transcript."""
    media = sorted(a for a in attachments if a.startswith(FOLDER + "/"))
    problems: list[Problem] = []
    for doc in videos:
        problems += rule_one_source(doc, media)
        problems += rule_captions(doc, media, root)
        problems += rule_transcript(doc)
    return problems
