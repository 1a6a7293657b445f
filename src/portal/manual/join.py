"""One tagged PDF from the parts of a large edition (front matter, then chapters in order), with qpdf (pikepdf).

Why parts: Typst keeps every laid-out page and its memo cache in memory until the document is written
(measured ~1.1 MB per page; 3.3 GB for the 1,000-case full edition), so a large edition is typeset as parts
of at most PORTAL_PDF_CHUNK cases, each in its own process. Joining keeps what the parts have: the structure
tree (the parts' Document elements become one, their parent-tree keys renumbered, their element ids made
unique), the named destinations links point to (only the real one of each name is kept: a part holds
placeholders for labels that live in another part), the outline (bookmarks) rebuilt in order, the role
map, and the front part's catalogue (language, metadata, viewer preferences, XMP).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String


def _leaves(tree: pikepdf.Object | None, key: str) -> list[tuple[pikepdf.Object, pikepdf.Object]]:
    """The (key, value) pairs of a PDF number tree (key '/Nums') or name tree ('/Names'), flattened."""
    out: list[tuple[pikepdf.Object, pikepdf.Object]] = []
    stack = [tree] if tree is not None else []
    while stack:
        node = stack.pop()
        if key in node:
            pairs = node[key]
            out += [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]
        if "/Kids" in node:
            stack.extend(node.Kids)
    return out


def _nums(tree: pikepdf.Object | None) -> list[tuple[int, pikepdf.Object]]:
    """The entries of a number tree, flattened."""
    return [(int(k), v) for k, v in _leaves(tree, "/Nums")]


def _names(tree: pikepdf.Object | None) -> list[tuple[str, pikepdf.Object]]:
    """The entries of a name tree, flattened."""
    return [(str(k), v) for k, v in _leaves(tree, "/Names")]


def _outline(pdf: pikepdf.Pdf) -> list[list]:
    """(title, page index, top, children) of every bookmark, as a tree."""
    index: dict[Any, int] = {page.objgen: i for i, page in enumerate(pdf.pages)}

    def convert(item: OutlineItem) -> list:
        dest: Any = item.destination  # pikepdf types it narrower than what it returns
        if dest is None and item.action is not None and "/D" in item.action:
            dest = item.action.D
        if isinstance(dest, (String, str)):
            dest = dict(_names(pdf.Root.Names.Dests)).get(str(dest))
        page, top = 0, None
        if isinstance(dest, Array) and len(dest) >= 1:
            page = index.get(dest[0].objgen, 0)
            if len(dest) >= 4 and str(dest[1]) == "/XYZ" and dest[3] is not None:
                try:
                    top = float(dest[3])
                except (TypeError, ValueError):
                    top = None
        return [str(item.title), page, top, [convert(c) for c in item.children]]

    with pdf.open_outline() as outline:
        return [convert(item) for item in outline.root]


_HEADINGS = {f"/H{n}": Name(f"/H{n + 1}") for n in range(1, 6)}


# Roles whose children hold no heading and no table cell: the walk below does not go into them.
_INLINE = {"/P", "/Span", "/Link", "/Strong", "/Em", "/Lbl", "/Code", "/Figure", "/Formula", "/Quote", "/Reference",
           "/Note", "/Title", "/Datetime", "/Caption"} | set(_HEADINGS) | {"/H6"}


def _rename_ids(doc: pikepdf.Object, prefix: str, shift: bool = False) -> None:
    """Give every structure element id of a part a prefix, in /ID and in table cells' /Headers; shift: H1 → H2, …

    Ids are given to table cells only and headings sit in block elements, so the walk leaves out the
    children of paragraphs and other inline elements (most of a chapter's tree).
    """
    stack = [doc]
    seen: set[tuple[int, int]] = set()
    while stack:
        elem = stack.pop()
        if not isinstance(elem, Dictionary):
            continue
        if elem.is_indirect:
            if elem.objgen in seen:
                continue
            seen.add(elem.objgen)
        role = str(elem.get("/S"))
        if shift and role in _HEADINGS:
            elem.S = _HEADINGS[role]
        if "/ID" in elem:
            elem.ID = String(prefix + str(elem.ID))
        if "/A" in elem:
            attributes = elem.A if isinstance(elem.A, Array) else [elem.A]
            for attr in attributes:
                if isinstance(attr, Dictionary) and "/Headers" in attr:
                    attr.Headers = Array([String(prefix + str(h)) for h in attr.Headers])
        if role in _INLINE:
            continue
        kids = elem.get("/K")
        if isinstance(kids, Array):
            stack.extend(k for k in kids if isinstance(k, Dictionary) and "/S" in k)
        elif isinstance(kids, Dictionary) and "/S" in kids:
            stack.append(kids)


def prepare(path: Path, prefix: str, shift: bool) -> None:
    """Make a freshly typeset part ready to be joined, once (the result is cached with the part): ids prefixed, headings shifted."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        tree = pdf.Root.StructTreeRoot
        _rename_ids(tree.K[0] if isinstance(tree.K, Array) else tree.K, prefix, shift)
        if "/IDTree" in tree:
            ids = _names(tree.IDTree)
            tree.IDTree = pdf.make_indirect(Dictionary(Names=Array([x for n, v in sorted(ids, key=lambda e: e[0])
                                                                    for x in (String(prefix + n), v)])))
        pdf.save(path)


PREFIX = "kp-dest:"


def _relink(pdf: pikepdf.Pdf, titles: dict[str, str], pages: dict[str, int], only: range | None = None) -> None:
    """Links to "kp-dest:<label>" addresses become links to that named destination, described for screen readers."""
    for index in only if only is not None else range(len(pdf.pages)):
        page = pdf.pages[index]
        for annot in page.obj.get("/Annots", Array()):
            action = annot.get("/A")
            if action is None or action.get("/S") != Name.URI or not str(action.get("/URI", "")).startswith(PREFIX):
                continue
            name = str(action.URI)[len(PREFIX):]
            del annot["/A"]
            annot.Dest = String(name)
            where = f", strana {pages[name] + 1}" if name in pages else ""
            annot.Contents = String(f"{titles.get(name, 'Kapitola')}{where}")



def shift_parent_keys(part: pikepdf.Pdf, offset: int) -> tuple[list[tuple[int, pikepdf.Object]], int]:
    """Move a part's structure parent keys (pages, annotations) by offset: its parent-tree entries and the next free key."""
    for page in part.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", Array()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset
    source = part.Root.StructTreeRoot
    nums = _nums(source.get("/ParentTree"))
    return nums, offset + int(source.get("/ParentTreeNextKey", max((k for k, _ in nums), default=-1) + 1))

def join(parts: list[Path], real: list[set[str]], target: Path, titles: dict[str, str] | None = None,
         pages: dict[str, int] | None = None, hashes: list[str] | None = None) -> tuple[int, dict[str, Any]]:
    """Join parts into target; real[i] are the destination names part i really holds. Returns the page count and layout.

    The layout says where each part (by hash) went: its pages, parent-tree keys, ids, destinations and
    bookmarks; rejoin.py replaces one part of the joined PDF with it, without copying the others again.

    Every part after the first went through prepare(): its element ids carry a prefix of its own, and the
    headings of a later part, typeset one level up (a PDF/UA-1 document starts at level 1, manual.typ),
    are back one level down, so the joined tree reads H1 part, H2 chapter, H3 section as in an edition
    typeset in one go.
    """
    hashes = hashes or [""] * len(parts)
    out = pikepdf.open(parts[0])
    root = out.Root
    tree = root.StructTreeRoot
    document = tree.K[0] if isinstance(tree.K, Array) else tree.K
    nums = _nums(tree.get("/ParentTree"))
    next_key = int(tree.get("/ParentTreeNextKey", max((k for k, _ in nums), default=-1) + 1))
    ids = _names(tree.get("/IDTree"))
    dests = [(n, d) for n, d in _names(root.Names.Dests if "/Names" in root and "/Dests" in root.Names else None) if n in real[0]]
    role_map = Dictionary(tree.get("/RoleMap", Dictionary()))  # type: ignore[arg-type]  # pikepdf stubs: get() takes a default object
    layout: list[dict[str, Any]] = [{"hash": hashes[0], "start": 0, "pages": len(out.pages), "keys": [0, next_key],
                                     "ids": [n for n, _ in ids], "dests": [n for n, _ in dests], "outline": _outline(out)}]
    opened = []
    grouped: list[pikepdf.Object] = []
    for number, path in enumerate(parts[1:], start=1):
        part = pikepdf.open(path)
        opened.append(part)
        offset_pages = len(out.pages)
        source = part.Root.StructTreeRoot
        for key, value in source.get("/RoleMap", Dictionary()).items():
            role_map[key] = value
        part_doc = source.K[0] if isinstance(source.K, Array) else source.K
        offset = next_key
        part_nums, next_key = shift_parent_keys(part, offset)
        del part_doc["/P"]  # copy the element, not the part's whole tree through its parent
        part_names = part.Root.Names.Dests if "/Names" in part.Root and "/Dests" in part.Root.Names else None
        part_dests = [(n, d) for n, d in _names(part_names) if n in real[number]]
        part_ids = _names(source.get("/IDTree"))
        part_outline = _outline(part)
        out.pages.extend(part.pages)
        # The part's Document element becomes a grouping element of the joined Document (one tree, one
        # Document; its children keep their parent, so nothing is walked or rewritten per element).
        copied_doc = out.copy_foreign(part_doc)
        copied_doc.S = Name.NonStruct
        copied_doc.P = document
        grouped.append(copied_doc)
        nums += [(k + offset, out.copy_foreign(v)) for k, v in part_nums]
        ids += [(n, out.copy_foreign(v)) for n, v in part_ids]
        dests += [(n, out.copy_foreign(d)) for n, d in part_dests]
        layout.append({"hash": hashes[number], "start": offset_pages, "pages": len(part.pages),
                       "keys": [offset, next_key - offset], "ids": [n for n, _ in part_ids],
                       "dests": [n for n, _ in part_dests], "outline": part_outline})
    if not isinstance(document.K, Array):
        document.K = Array([document.K])
    group_base = len(document.K)
    document.K.extend(grouped)
    tree.ParentTree = out.make_indirect(Dictionary(Nums=Array([x for k, v in sorted(nums, key=lambda e: e[0]) for x in (k, v)])))
    tree.ParentTreeNextKey = next_key
    if ids:
        tree.IDTree = out.make_indirect(Dictionary(Names=Array([x for n, v in sorted(ids, key=lambda e: e[0]) for x in (String(n), v)])))
    tree.RoleMap = role_map
    names = root.get("/Names", Dictionary())
    names.Dests = out.make_indirect(Dictionary(Names=Array([x for n, d in sorted(dests, key=lambda e: e[0]) for x in (String(n), d)])))
    root.Names = names
    write_outline(out, layout)
    _relink(out, titles or {}, pages or {})
    root.PageLabels = Dictionary(Nums=Array([0, Dictionary(S=Name.D)]))  # printed numbers run 1, 2, … over all parts
    count = len(out.pages)
    out.save(target, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for part in opened:
        part.close()
    out.close()
    return count, {"group_base": group_base, "next_key": next_key, "parts": layout}


def write_outline(out: pikepdf.Pdf, layout: list[dict[str, Any]]) -> None:
    """The bookmarks of the joined PDF from each part's own (page indices moved by where the part starts)."""
    merged: list[list] = copy.deepcopy(layout[0]["outline"])  # the first part's, as they are
    for entry in layout[1:]:
        shift = entry["start"]
        for title, at, top, children in entry["outline"]:
            moved = [[t, p + shift, tp, c] for t, p, tp, c in children]
            if children or not merged:   # a part title with its chapters
                merged.append([title, at + shift, top, moved])
            else:                        # a chapter of the part opened in an earlier file
                merged[-1][3].append([title, at + shift, top, moved])

    # Written as dictionaries, as pikepdf's outline model writes them (/Count of open items, /XYZ left 0, zoom 0),
    # without reading the old outline into Python objects first.
    page_objs = [page.obj for page in out.pages]
    outlines = out.make_indirect(Dictionary(Type=Name.Outlines))

    def level(parent: pikepdf.Object, entries: list[list]) -> int:
        count, first, prev = 0, None, None
        for title, page, top, children in entries:
            dest = Array([page_objs[page], Name.XYZ, 0, top, 0]) if top is not None else Array([page_objs[page], Name.Fit])
            node = out.make_indirect(Dictionary(Title=String(title), Dest=dest, Parent=parent))
            if prev is None:
                first = node
            else:
                prev.Next = node
                node.Prev = prev
            prev = node
            count += 1 + level(node, children)
        if first is not None:
            parent.First, parent.Last = first, prev
        parent.Count = count
        return count

    level(outlines, merged)
    out.Root.Outlines = outlines
