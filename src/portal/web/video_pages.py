"""Video pages, the video library and the running time against the project's goal, rendered from validated videos."""

from __future__ import annotations

from collections.abc import Callable

from portal import paths
from portal.content.documents import Collection, Document
from portal.content.kinds import KINDS
from portal.content.model import Video
from portal.content.rules.media import VIDEO_TYPES
from portal.content.rules.video import seconds
from portal.content.weburl import judge, video_url
from portal.czech.formats import plural
from portal.web.templating import render, safe

Link = Callable[[str], str]

GOAL_MINUTES = 30  # seed 004: "několika videí s tématikou KP v celkovém rozsahu 30 minut"


def human_duration(total: int) -> str:
    """A running time as Czech readers write it: '4 min 35 s', '1 h 2 min', '45 s'."""
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    parts = [f"{h}\u00a0h" if h else "", f"{m}\u00a0min" if m else "", f"{s}\u00a0s" if s else ""]
    return " ".join(p for p in parts if p) or "0\u00a0min"


def media_url(name: str, link: Link) -> str:
    """The address of a file of the video's folder, relative to the current page (videos/x.vtt is published as videa/x.vtt)."""
    return link(f"{KINDS['video'].url_prefix}/{name}")


def _player(doc: Document[Video], link: Link) -> dict:
    source = doc.model.source
    captions = media_url(doc.model.captions, link)
    if source.file:
        name = source.file
        suffix = "." + name.rsplit(".", 1)[-1]
        return {"file": media_url(name, link), "type": VIDEO_TYPES[suffix], "captions": captions, "player": None, "host": ""}
    src = video_url(source.player or "") or ""
    judged = judge(src)
    return {"file": None, "type": "", "player": src, "host": judged.host if judged and judged.host else "", "captions": captions}


def _refs(doc: Document[Video], collection: Collection, link: Link) -> dict[str, list[tuple[str, str]]]:
    methods = [collection.method(m) for m in doc.model.methods]
    cases = [collection.case(c) for c in doc.model.cases]
    return {"methods": [(link(m.url), m.title) for m in methods if m], "cases": [(link(c.url), c.title) for c in cases if c]}


def video_page(doc: Document[Video], collection: Collection, link: Link, transcript_html: str) -> str:
    """The body of a video's page: the player with Czech captions, its facts, and the transcript (which search indexes)."""
    total = seconds(doc.model.duration) or 0
    return render("video_page.html", doc=doc, player=_player(doc, link), duration=human_duration(total),
                  refs=_refs(doc, collection, link), sources=doc.model.sources, transcript=safe(transcript_html))


def total_seconds(collection: Collection) -> int:
    """The running time of every video of the library."""
    return sum(seconds(v.model.duration) or 0 for v in collection.videos)


def video_library(collection: Collection, link: Link) -> str:
    """The library: every video with its length, summary and topics; an honest empty state when there is none yet."""
    items = [{"doc": v, "url": link(v.url), "duration": human_duration(seconds(v.model.duration) or 0),
              "refs": _refs(v, collection, link)} for v in collection.videos]
    return render("video_library.html", items=items, total=human_duration(total_seconds(collection)),
                  count=plural(len(items), "video", "videa", "videí"), contribute=link(paths.CONTRIBUTE))


def running_time(collection: Collection, link: Link) -> str:
    """The total running time of the library against the project's goal of 30 minutes."""
    total = total_seconds(collection)
    share = min(100, round(total * 100 / (GOAL_MINUTES * 60)))
    return render("video_goal.html", total=human_duration(total), goal=GOAL_MINUTES, share=share, seconds=total,
                  goal_seconds=GOAL_MINUTES * 60, count=plural(len(collection.videos), "video", "videa", "videí"),
                  library=link(paths.VIDEOS))


def related_videos(doc: Document, collection: Collection, link: Link) -> str:
    """The videos that name a case or method, for that case's or method's page (references shown both ways)."""
    videos = collection.videos_about.get((doc.kind, doc.slug), [])
    if not videos:
        return ""
    items = [(link(v.url), v.title, human_duration(seconds(v.model.duration) or 0)) for v in videos]
    return render("related_videos.html", items=items)
