"""Open data of the video library: every video with its running time, files and the cases and methods it shows."""

from __future__ import annotations

import json

from portal.content.documents import Collection
from portal.content.kinds import KINDS
from portal.content.rules.video import seconds
from portal.data.exports import LICENCE, LICENCE_URL, json_value


def videos_json(collection: Collection, site_url: str) -> str:
    """All videos as JSON: their fields, the running time in seconds, and the addresses of the page, captions and video file."""
    folder = site_url + KINDS["video"].url_prefix + "/"
    videos = []
    for v in collection.videos:
        video = v.model
        videos.append({"slug": v.slug, "url": site_url + v.url, **json_value(v.meta), "seconds": seconds(video.duration),
                       "captions_url": folder + video.captions, "file_url": folder + video.source.file if video.source.file else None})
    return json.dumps({"licence": LICENCE, "licence_url": LICENCE_URL, "source": site_url, "videos": videos}, ensure_ascii=False, indent=2) + "\n"
