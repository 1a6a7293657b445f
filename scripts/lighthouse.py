"""Lighthouse (npm, mobile) on the built portal served locally with gzip: prints the four category scores per page.

    python scripts/lighthouse.py [SITE_DIR] [--page PATH ...] [--json]

The site is served like a real host serves it (gzip, as Python's http.server does not); performance is printed
as a figure for the scale work, accessibility, best practices and SEO are the targets (>= 95).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from static_server import serve  # scripts/ is on sys.path when this runs as a script or from the test

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "dobra-praxe/", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
NAMES = {"performance": "výkon", "accessibility": "přístupnost", "best-practices": "osvědčené postupy", "seo": "SEO"}


@contextmanager
def serve_gzip(site: Path) -> Iterator[str]:
    """Serve a folder with gzip on 127.0.0.1 at a free port; yields the base URL."""
    with serve(site, use_gzip=True) as server:
        yield server.url


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise SystemExit("Chybí prohlížeč chromium (apt-get install chromium); make test ho instaluje.")
    return path


def audit(url: str) -> dict[str, object]:
    """One Lighthouse run (mobile, its default) of one URL: category -> score 0–100."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as profile:
        cmd = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", "--max-wait-for-load=60000",
               f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={profile}"]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "CHROME_PATH": chromium()})
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse selhal pro {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores: dict[str, object] = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    # Which audits cost points in the target categories (performance is a figure, not a target).
    scores["failed"] = sorted({ref["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]
                               if ref.get("weight") and (report["audits"][ref["id"]].get("score") is not None)
                               and report["audits"][ref["id"]]["score"] < 1})
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO / "site"), help="sestavený web (výchozí: site/ z make site)")
    parser.add_argument("--page", action="append", dest="pages", help="stránka relativně ke kořeni webu (lze opakovat)")
    parser.add_argument("--json", action="store_true", help="výsledky jako JSON")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"V {site} není sestavený web; spusťte make site.", file=sys.stderr)
        return 2
    scores: dict[str, dict[str, object]] = {}
    with serve_gzip(site) as base:
        for page in args.pages or PAGES:
            scores[page] = audit(base + page)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print("stránka".ljust(50) + "".join(NAMES[c].rjust(20) for c in CATEGORIES))
        for page, s in scores.items():
            print(("/" + page).ljust(50) + "".join(str(s[c]).rjust(20) for c in CATEGORIES))
            if s["failed"]:
                print("    nesplněno: " + ", ".join(s["failed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
