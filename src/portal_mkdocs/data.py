"""MkDocs adapter: open data (JSON, CSV, JSON Schema) and the Atom feed, generated from the collection."""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from portal import paths
from portal.content.kinds import KINDS
from portal.content.schema import public_json_schema
from portal.data.downloads import open_data_html
from portal.data.exports import atom_feed, cases_csv, cases_json, methods_json
from portal.data.videos import videos_json
from portal_mkdocs.state import build_state, collection_of, site_address


def on_files(files: Files, config: MkDocsConfig) -> Files:
    collection = collection_of(config)
    site_url = site_address(config)
    state = build_state(config)
    today = state.today
    outputs = {
        paths.CASES_JSON: cases_json(collection, site_url, today),
        paths.CASES_CSV: cases_csv(collection, site_url, today),
        paths.METHODS_JSON: methods_json(collection, site_url),
        paths.VIDEOS_JSON: videos_json(collection, site_url),
        paths.FEED: atom_feed(collection, site_url, config.site_name, state.dates),
        **{paths.schema_json(kind): _json(public_json_schema(kind, collection.vocab, site_url)) for kind in KINDS},
    }
    for path, content in outputs.items():
        files.append(File.generated(config, path, content=content))
    state.open_data_html = open_data_html({p: len(c.encode("utf-8")) for p, c in outputs.items()}, paths.DOWNLOADS)
    return files


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
