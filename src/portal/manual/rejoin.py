"""One changed part of a joined edition replaced in the last joined PDF, instead of joining every part again.

After an edit of one case (`mkdocs serve`), only the part holding it is typeset again; when it has as many
pages as before (otherwise the page numbers of every later part change and they are typeset again too),
the joined PDF of the last build is opened and only that part's pages, structure elements, parent-tree
entries, ids and destinations are swapped (qpdf keeps the rest as it is; copying every part again was most
of the join's time). The layout (join.py) says where each part is; the result is what join() would write.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from portal.manual.join import _names, _nums, _outline, _relink, shift_parent_keys, write_outline
from portal.manual.model import ManualError


def rejoin(base: Path, layout: dict[str, Any], index: int, part_path: Path, real: set[str], target: Path,
           titles: dict[str, str], pages: dict[str, int], digest: str) -> tuple[int, dict[str, Any]]:
    """target = base with part `index` (≥ 1, same page count) replaced by part_path; returns pages and the new layout."""
    layout = copy.deepcopy(layout)
    old = layout["parts"][index]
    with pikepdf.open(base) as out, pikepdf.open(part_path) as part:
        if index < 1 or len(part.pages) != old["pages"]:
            raise ManualError("díl nelze vyměnit: jiný počet stran")
        root = out.Root
        tree = root.StructTreeRoot
        document = tree.K[0] if isinstance(tree.K, Array) else tree.K
        source = part.Root.StructTreeRoot
        role_map = Dictionary(tree.get("/RoleMap", Dictionary()))  # type: ignore[arg-type]  # pikepdf stubs
        for key, value in source.get("/RoleMap", Dictionary()).items():
            role_map[key] = value
        offset = int(layout["next_key"])  # new keys after every key in use: they need not follow page order
        part_nums, next_key = shift_parent_keys(part, offset)
        part_doc = source.K[0] if isinstance(source.K, Array) else source.K
        del part_doc["/P"]
        part_names = part.Root.Names.Dests if "/Names" in part.Root and "/Dests" in part.Root.Names else None
        part_dests = [(n, d) for n, d in _names(part_names) if n in real]
        part_ids = _names(source.get("/IDTree"))
        start = old["start"]
        out.pages[start:start + old["pages"]] = part.pages
        copied_doc = out.copy_foreign(part_doc)
        copied_doc.S = Name.NonStruct
        copied_doc.P = document
        document.K[layout["group_base"] + index - 1] = copied_doc
        low, count = old["keys"]
        nums = [(k, v) for k, v in _nums(tree.get("/ParentTree")) if not low <= k < low + count]
        nums += [(k + offset, out.copy_foreign(v)) for k, v in part_nums]
        tree.ParentTree = out.make_indirect(Dictionary(Nums=Array([x for k, v in sorted(nums, key=lambda e: e[0]) for x in (k, v)])))
        tree.ParentTreeNextKey = next_key
        gone_ids, gone_dests = set(old["ids"]), set(old["dests"])
        ids = [(n, v) for n, v in _names(tree.get("/IDTree")) if n not in gone_ids]
        ids += [(n, out.copy_foreign(v)) for n, v in part_ids]
        if ids:
            tree.IDTree = out.make_indirect(Dictionary(Names=Array([x for n, v in sorted(ids, key=lambda e: e[0]) for x in (String(n), v)])))
        tree.RoleMap = role_map
        dests = [(n, d) for n, d in _names(root.Names.Dests) if n not in gone_dests]
        dests += [(n, out.copy_foreign(d)) for n, d in part_dests]
        root.Names.Dests = out.make_indirect(Dictionary(Names=Array([x for n, d in sorted(dests, key=lambda e: e[0]) for x in (String(n), d)])))
        layout["parts"][index] = {"hash": digest, "start": start, "pages": old["pages"], "keys": [offset, next_key - offset],
                                  "ids": [n for n, _ in part_ids], "dests": [n for n, _ in part_dests], "outline": _outline(part)}
        layout["next_key"] = next_key
        write_outline(out, layout["parts"])
        _relink(out, titles, pages, range(start, start + old["pages"]))
        count = len(out.pages)
        out.save(target, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return count, layout
