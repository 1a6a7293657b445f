"""Search budget at scale: build N generated cases without the PDF, then measure in Chromium, per query, the bytes
(gzip) fetched from opening the home page to the first results in the header panel and the query time.

    .venv/bin/python benchmarks/search.py [N ...]      (default 3000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.search_site import BUDGET_QUERIES, build_generated, measure

BUDGET = 500 * 1024


def main(sizes: list[int]) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="portal-search-bench-") as tmp:
            started = time.perf_counter()
            log: list[str] = []
            site = build_generated(Path(tmp), n, log)
            built = time.perf_counter() - started
            print(*[line for line in log if "Vyhledávání:" in line or "Documentation built" in line], sep="\n")
            files = [f for f in (site / "search-index").rglob("*") if f.is_file()]
            index = sum(f.stat().st_size for f in files)
            print(f"\n{n} příkladů: sestavení {built:.0f} s, index {index / 1024:.0f} kB v {len(files)} souborech")
            print(f"{'dotaz':28} {'celkem kB':>9} {'index kB':>9} {'ms':>6}  první výsledek")
            worst = 0
            for row in measure(site, BUDGET_QUERIES):
                worst = max(worst, row["bytes"])
                first = row["results"][0] if row["results"] else "—"
                print(f"{row['query']:28} {row['bytes'] / 1024:9.0f} {row['index_bytes'] / 1024:9.0f} {row['ms']:6.1f}  {first}")
            print(f"nejvíc {worst / 1024:.0f} kB z rozpočtu {BUDGET / 1024:.0f} kB: {'splněno' if worst <= BUDGET else 'PŘEKROČENO'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [3000])
