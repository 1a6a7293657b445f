"""One build's PDFs one at a time: a PDF from the cache or typeset by a worker, a batch of case prints, a large
edition in parts (front matter, then CHUNK cases each, page numbers continued) joined with its tags (join.py),
or only its changed part replaced in the last joined edition (rejoin.py)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from portal.manual.cache import Cache, Done, source_key
from portal.manual.model import Edition, Manual, ManualError
from portal.manual.runner import Runner
from portal.manual.typst_doc import Source, Sources
from portal.manual.workers import MB_PER_CASE, MB_PER_JOINED_PAGE, MB_PER_REJOINED_PAGE

BATCH = 60                 # case prints per job (a worker ends between jobs when its memory is too high)
LARGE = 100                # an edition with more cases is typeset in parts (a regional edition rarely is)
CHUNK = 50                 # cases per part (~175 MB in Typst): an edited case's part is typeset again in ~1 s
# PORTAL_PDF_CHUNK sets both (tests split the small real project into parts of two cases).


def chunk_size(default: int = CHUNK) -> int:
    value = os.environ.get("PORTAL_PDF_CHUNK", "").strip()
    return max(1, int(value)) if value.isdigit() else default


class Build:
    """One build's PDFs: sources, cache look-ups, worker jobs, and what was typeset anew (with its warnings)."""

    def __init__(self, manual: Manual, sources: Sources, digests: dict[str, str], out_dir: Path, cache: Cache,
                 runner: Runner) -> None:
        self.manual, self.sources, self.digests = manual, sources, digests
        self.out_dir, self.cache, self.runner = out_dir, cache, runner
        self.parts_dir = out_dir / ".parts"
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self.rendered: list[str] = []
        self.warnings: list[str] = []
        self.lock = threading.Lock()

    def _record(self, target: Path, done: Done) -> None:
        with self.lock:
            self.warnings += done.warnings
            if target.parent != self.parts_dir:
                self.rendered.append(target.relative_to(self.out_dir).as_posix())

    def typst(self, source: Source, target: Path, anchors: list[str] = (), urgent: bool = False,  # type: ignore[assignment]
              part: int | None = None, cases: int = 0) -> Done:
        """One PDF from the cache, or typeset alone by a worker; `part`: the index of a part of a large edition."""
        key = source_key(source, self.digests)
        hit = self.cache.get(key, target)
        if hit is not None:
            return hit
        item: dict[str, object] = {"kind": "typst", "what": source.kind, "main": source.main, "target": str(target), "anchors": list(anchors)}
        if part is not None:  # ids made unique by the part's content address, so the prepared part is cached as it is
            item["prepare"] = {"prefix": f"P{key[:12]}-", "shift": part > 0}
        [raw] = self.runner.run([item], urgent, 30 + MB_PER_CASE * cases)
        done = Done(raw["pages"], raw.get("anchors", {}), raw.get("warnings", []))
        self.cache.put(key, target, done)
        self._record(target, done)
        return done

    def batch(self, sources: list[tuple[Source, Path]]) -> dict[Path, Done]:
        """Several small PDFs: cache hits copied, the rest typeset by one worker."""
        out: dict[Path, Done] = {}
        todo = []
        for source, target in sources:
            key = source_key(source, self.digests)
            hit = self.cache.get(key, target)
            if hit is None:
                todo.append((key, source, target))
            else:
                out[target] = hit
        if todo:
            raws = self.runner.run([{"kind": "typst", "what": "case", "main": s.main, "target": str(t)} for _, s, t in todo],
                                   need_mb=2.0 * len(todo))  # a print keeps ~2 MB in the worker
            for (key, _, target), raw in zip(todo, raws, strict=False):
                done = Done(raw["pages"], {}, raw.get("warnings", []))
                self.cache.put(key, target, done)
                self._record(target, done)
                out[target] = done
        return out

    def large(self, edition: Edition, target: Path) -> Done:
        """An edition in parts: front matter (contents numbered from the parts), CHUNK cases each, joined."""
        m, src = self.manual, self.sources
        size = chunk_size()
        chunks = [edition.cases[i:i + size] for i in range(0, len(edition.cases), size)]
        front_names = ["uvod", "metodiky"] + [c.anchor for c in m.methods]
        entries = [(1, m.intro.title, "uvod"), (1, "Metodiky", "metodiky")] + [(2, c.title, c.anchor) for c in m.methods]
        entries += [(1, "Příklady dobré praxe", "priklady")] + [(2, c.title, c.anchor) for c in edition.cases]
        estimate = str(8 + 3 * len(edition.cases) + 3 * len(m.methods))
        pages_of: dict[str, int] = {}
        numbers = {name: "0" * len(estimate) for _, _, name in entries}  # same width as most real numbers
        stem = target.stem
        for _ in range(3):  # the contents take as many pages as before with real numbers: one round, rarely two
            front = src.front(edition, src.chapters, src.intro_file, [(lvl, t, n, numbers[n]) for lvl, t, n in entries])
            first = self.typst(front, self.parts_dir / f"{stem}.0.pdf", front_names, urgent=True, cases=len(m.methods) + 5)
            pages_of.update(first.anchors)
            start = first.pages + 1
            parts, real, counts = [self.parts_dir / f"{stem}.0.pdf"], [front_names], [first.pages]
            for i, chunk in enumerate(chunks):
                names = [c.anchor for c in chunk] + (["priklady"] if i == 0 else [])
                part = self.parts_dir / f"{stem}.{i + 1}.pdf"
                self.runner.wait_for(c.anchor for c in chunk)
                done = self.typst(src.chunk(edition, i, chunk, src.chapters, start), part, names, urgent=True, part=i,
                                  cases=len(chunk))
                pages_of.update({n: start - 1 + p for n, p in done.anchors.items()})
                parts.append(part)
                real.append(names)
                counts.append(done.pages)
                start += done.pages
            wanted = {name: str(pages_of[name] + 1) for _, _, name in entries}
            if wanted == numbers:
                break
            numbers = wanted
        else:
            raise ManualError(f"{target.name}: čísla stran v obsahu se neustálila")
        key = hashlib.sha256(b"join\0" + "\0".join(source_key(s, self.digests) for s in [front]).encode()
                             + "\0".join(p.name for p in parts).encode() + json.dumps(numbers, sort_keys=True).encode()).hexdigest()
        hashes = [hashlib.sha256(part.read_bytes()).hexdigest() for part in parts]
        for digest in hashes:
            key = hashlib.sha256((key + digest).encode()).hexdigest()
        hit = self.cache.get(key, target)
        if hit is not None:
            self.cache.last(stem, key)
            return hit
        titles = {name: norm_title for _, norm_title, name in entries}
        need = MB_PER_JOINED_PAGE * (start - 1)
        # A replacement is estimated at what it needs, so it runs beside the regional edition of the same edit
        # (estimated as a whole join it waited for that edition and for a fresh worker: ~1.5 s of a 5 s edit).
        raw = self._rejoin(stem, parts, real, hashes, counts, target, titles, pages_of, MB_PER_REJOINED_PAGE * (start - 1))
        if raw is None:
            [raw] = self.runner.run([{"kind": "join", "parts": [str(p) for p in parts], "real": real, "target": str(target),
                                      "titles": titles, "pages": pages_of, "hashes": hashes}], True, need)
        done = Done(raw["pages"], layout=raw.get("layout"))
        self.cache.put(key, target, done)
        self.cache.last(stem, key)
        self._record(target, done)
        return done

    def _rejoin(self, stem: str, parts: list[Path], real: list[list[str]], hashes: list[str], counts: list[int],
                target: Path, titles: dict[str, str], pages_of: dict[str, int], need: float) -> dict | None:
        """The last joined PDF with its one changed part replaced (rejoin.py), if only one part changed and kept its
        page count; None when the parts must be joined afresh (also when replacing fails: the full join is the rule)."""
        last = self.cache.last(stem)
        if last is None or last[1].layout is None:
            return None
        base, old = last[0], last[1].layout["parts"]
        if len(old) != len(hashes):
            return None
        changed = [i for i, (digest, entry) in enumerate(zip(hashes, old, strict=True)) if digest != entry["hash"]]
        if len(changed) != 1 or changed[0] < 1 or counts[changed[0]] != old[changed[0]]["pages"]:
            return None
        i = changed[0]
        item = {"kind": "rejoin", "base": str(base), "layout": last[1].layout, "index": i, "part": str(parts[i]),
                "real": real[i], "target": str(target), "titles": titles, "pages": pages_of, "hash": hashes[i]}
        try:
            [raw] = self.runner.run([item], True, need, fatal=False)
        except ManualError:
            return None
        return raw
